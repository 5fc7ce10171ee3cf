"""Telling a page's furniture from its article: menus, related links, archives, footers.

Each rule is general: it looks at the shape of a paragraph unit (a heading that names a section of
site furniture, a list that follows such a heading, a line repeated across the page, a breadcrumb
trail, a caption ending in a running time…), never at one site's wording. A unit that holds a
quotation mark is only dropped when its own shape says furniture (a list under a "Related posts"
heading); article quotes are never lost.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.documents.paragraphs import Unit, is_nav_bar

# Section headings of site furniture; a list under one of them is furniture too.
_SECTION_HEADINGS = {
    "main menu",
    "menu",
    "navigation",
    "header banner",
    "primary menu",
    "secondary menu",
    "related posts",
    "related articles",
    "related stories",
    "related news",
    "related",
    "related content",
    "more stories",
    "more news",
    "more from",
    "more on this story",
    "more on this topic",
    "more about this story",
    "related topics",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "popular posts",
    "most popular",
    "most read",
    "trending",
    "trending now",
    "archives",
    "archive",
    "categories",
    "category",
    "recent posts",
    "recent comments",
    "latest posts",
    "latest news",
    "tags",
    "topics",
    "share this",
    "share this article",
    "share this story",
    "share",
    "like this",
    "like this:",
    "follow us",
    "subscribe",
    "newsletter",
    "sign up",
    "quick links",
    "useful links",
    "artículos relacionados",
    "noticias relacionadas",
    "te puede interesar",
    "entradas recientes",
    "archivos",
    "categorías",
    "etiquetas",
    "compartir",
    "lo más leído",
    "articles similaires",
    "à lire aussi",
    "a lire aussi",
    "partager",
    "catégories",
    "verwandte artikel",
    "mehr zum thema",
    "teilen",
    "kategorien",
    "читайте также",
    "похожие статьи",
    "поделиться",
    "рубрики",
    "архивы",
    "leggi anche",
    "articoli correlati",
    "condividi",
    "leia também",
    "veja também",
}
# Lines that are furniture on their own.
_FURNITURE_LINES = {
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "comments",
    "no comments",
    "back to top",
    "back to top button",
    "skip to content",
    "skip to main content",
    "advertisement",
    "sponsored",
    "sponsored content",
    "terms and conditions",
    "terms of use",
    "terms of service",
    "privacy policy",
    "cookie policy",
    "cookie settings",
    "contact us",
    "about us",
    "all rights reserved",
    "print",
    "email",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "telegram",
    "reddit",
    "pinterest",
    "top news",
    "breaking news",
    "home",
    "load more",
    "show comments",
    "read more",
    "continue reading",
    "deja un comentario",
    "laisser un commentaire",
    "kommentare",
    "комментарии",
    "volver arriba",
    "top stories",
}
_FURNITURE_PREFIX = re.compile(
    r"^(?:see also|read also|read more|also read|related:|more:|lee también|ver también|"
    r"à lire aussi|читайте также|leggi anche|leia também|click to share|share on |"
    r"your email address will not be published|required fields are marked|"
    r"sign up for|subscribe to|"
    r"follow us on|download our app|\d+ comments?\b|"
    r"tags?\s*:|tags(?=[a-z])|tagged\b|filed under\b|posted in\b|categor(?:y|ies)\s*:|"
    r"our standards\s*:|keywords?\s*:|(?:media|image|video|photo) caption\b|"
    r"\d+\s+(?:thoughts?|responses?|replies|comments?)\s+(?:on|to)\s|proudly powered by\b|"
    r"powered by wordpress|follow (?:[\w&.'’ -]{1,40} )?on (?:facebook|twitter|x|instagram|tiktok|"
    r"youtube|threads|bluesky|linkedin|telegram|whatsapp)\b|"
    r"(?:updated|published|posted)?\s*\d+\s+(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month)s?"
    r"\.?\s+ago\s*$)",
    re.IGNORECASE,
)
# A subscription pitch, however long its sentences ("Subscribe now for unlimited access. …").
_PITCH = re.compile(
    r"^(?:subscribe (?:now|today)|already a subscriber|to continue reading|"
    r"this (?:article|story|content) is (?:for|only for|available to) subscribers)\b",
    re.IGNORECASE,
)
_MISSION = re.compile(
    r"(?:['’]s mission is|\bour mission is|\ball rights reserved|^©|^copyright\b|©\s*\d{4}\.?$|"
    r"is a registered trademark|^visit https?://)",
    re.IGNORECASE,
)
_RUNNING_TIME = re.compile(r"\s\d{1,2}:\d{2}(?::\d{2})?$")
_BREADCRUMB = re.compile(r"[›»>/|]")
_COUNTER = re.compile(
    r"^(?:\d+|\d+\s+(?:views?|comments?|shares?|likes?|min(?:ute)?s? read))$", re.IGNORECASE
)
_QUOTE_MARKS = re.compile('["“”«»„‹›]')
_SENTENCE_END = re.compile(r"[.!?…:;\"”»’]\s*$")
_STATEMENT_END = re.compile(r"[.…:;\"”»’]\s*$")  # a caption may be a question


def _key(text: str) -> str:
    return text.strip().rstrip(":").strip().lower()


def is_section_heading(unit: Unit) -> bool:
    """True for a heading that opens a block of site furniture ("Related posts:", "Archives")."""
    return unit.words <= 6 and _key(unit.text) in _SECTION_HEADINGS


def _looks_like_prose(unit: Unit) -> bool:
    return unit.words >= 12 and bool(_SENTENCE_END.search(unit.text))


def _line_reason(unit: Unit, repeated: set[str]) -> str:
    text = unit.text
    words = unit.words
    if words > 40:  # only a footer's mission statement runs this long
        return "footer" if _MISSION.search(text) and not _QUOTE_MARKS.search(text) else ""
    key = _key(text)
    if is_section_heading(unit):
        return "section"
    if key in _FURNITURE_LINES:
        return "furniture"
    if _COUNTER.match(text):
        return "counter"
    if _FURNITURE_PREFIX.match(text) and not _looks_like_prose(unit):
        return "furniture"
    if _PITCH.match(text) and words <= 30:
        return "pitch"
    if _MISSION.search(text) and not _QUOTE_MARKS.search(text):
        return "footer"
    if (
        words <= 25
        and _RUNNING_TIME.search(text)
        and not _STATEMENT_END.search(_RUNNING_TIME.sub("", text))
    ):
        return "caption"
    if (
        len(_BREADCRUMB.findall(text)) >= 2
        and words <= 30
        and text.split()[0].startswith(("Home", "Inicio", "Accueil", "Startseite", "Главная"))
    ):
        return "breadcrumb"
    if key in repeated and not _QUOTE_MARKS.search(text):
        return "repeated"
    if is_nav_bar(text) and not _QUOTE_MARKS.search(text):
        return "menu"
    return ""


def _repeated_short_lines(units: list[Unit]) -> set[str]:
    counts = Counter(_key(u.text.lstrip("•●▪◦‣*-– ")) for u in units if u.words <= 6)
    return {key for key, n in counts.items() if n >= 2 and key}


def mark_boilerplate(units: list[Unit]) -> None:
    """Set `reason` on every unit that is site furniture rather than article text.

    A section heading ("Related posts", "Archives") takes the list under it along; past the last
    paragraph of prose, any short line under such a heading goes too (link lists without bullets).
    """
    repeated = _repeated_short_lines(units)
    prose = [i for i, u in enumerate(units) if not u.reason and _looks_like_prose(u)]
    last_prose = prose[-1] if prose else -1
    in_section = False
    for index, unit in enumerate(units):
        if unit.reason:
            continue
        reason = _line_reason(unit, repeated)
        continues = unit.bullet or (index > last_prose and not _looks_like_prose(unit))
        if reason == "section":
            in_section = True
        elif in_section and continues:
            reason = reason or "section"
        else:
            in_section = False
        unit.reason = reason
    _mark_edge_lists(units)


def _mark_edge_lists(units: list[Unit]) -> None:
    """Bulleted lists before the first or after the last paragraph of prose are menus or links."""
    prose = [i for i, u in enumerate(units) if not u.reason and _looks_like_prose(u)]
    if not prose:
        return
    first, last = prose[0], prose[-1]
    for i, unit in enumerate(units):
        # before the article a menu's items are short; "Key points" bullets are sentences
        words = len(unit.text.lstrip("•●▪◦‣*-–0123456789.) ").split())
        short_enough = words <= 20 if i > last else words <= 4
        if unit.bullet and not unit.reason and (i < first or i > last) and short_enough:
            unit.reason = "menu"


def mark_closing_footer(units: list[Unit]) -> None:
    """Mark the copyright and mission lines that close the article ("© 2023 X. All rights …")."""
    for unit in reversed(units):
        if unit.reason:
            continue
        if unit.words > 40 or not _MISSION.search(unit.text) or _QUOTE_MARKS.search(unit.text):
            return
        unit.reason = "footer"
