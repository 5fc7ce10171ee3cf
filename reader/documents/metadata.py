"""Title, outlet, author, date and language found in a page's own text.

Only lines whose shape says "metadata" are read for it: a byline, a line that is mostly a date, a
name standing above a timestamp, a site name repeated in the header, a footer naming the site, a
"(CNN) –" dateline. Unknown stays empty rather than guessed. The lines used are marked so they
are kept out of the body (and shown with "show original").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from reader.documents.boilerplate import is_section_heading
from reader.documents.dates import date_line, find_date
from reader.documents.declared import headline
from reader.documents.paragraphs import Unit, nav_items

_NAME_WORD = r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’\-]*\.?|[A-Z]\.)"
_PARTICLE = r"(?:de|da|di|del|van|von|der|den|la|le|du|bin|al|ibn|dos|das)"
NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{1,4}}"
_NAMES = rf"{NAME}(?:\s*(?:,|\band\b|&|\by\b|\bet\b|\bund\b|\bи\b)\s*{NAME})*"
_BYLINE = re.compile(
    rf"^(?:(?:posted|published|written|updated)(?:\s+on\s+.+?)?\s+by|by|por|par|von|di|автор:?|"
    rf"author:|reporting by)\s+(?P<names>{_NAMES})(?P<rest>.*)$",
    re.IGNORECASE,
)
_PERSON = re.compile(rf"^{NAME}$")
_PEOPLE = re.compile(rf"^{_NAMES}$")
_JOB = (
    r"(?:[A-Z][\w-]*\s+){0,3}(?:[Cc]orrespondent|[Ee]ditor|[Rr]eporter|[Ww]riter|[Cc]olumnist|"
    r"[Jj]ournalist|[Cc]ontributor|[Pp]roducer|[Aa]nalyst|[Cc]hief)"
)
# "Diplomatic Editor Rosalind Avery", "Hannah Pryce, Local Government Correspondent"
_TITLED_BYLINE = re.compile(
    rf"^(?:(?:[Ff]rom (?:our|the) )?(?:[a-z]+\s+){{0,2}}{_JOB}\s+(?P<name>{NAME})"
    rf"|(?P<after>{NAME}),\s+{_JOB})$"
)
_COUNTER = re.compile(r"^\d+\s+(?:comments?|views?|shares?|min(?:ute)?s? read)$", re.IGNORECASE)
_MENU_REASONS = {"menu", "breadcrumb", "site", "tagline"}
_OUTLET_WORD = re.compile(
    r"\b(?:news|times|post|herald|gazette|chronicle|journal|tribune|daily|weekly|wire|press|"
    r"radio|tv|television|broadcasting|observer|guardian|telegraph|mail|express|standard|"
    r"independent|monitor|review|magazine|media|network|online|today|courier|dispatch|bulletin|"
    r"insider|record|star|mirror|globe|examiner|inquirer|новости|газета|известия|вести|правда|"
    r"zeitung|nachrichten|noticias|diario|periódico|quotidien|gazzetta|corriere|notícias|jornal)\b",
    re.IGNORECASE,
)
_JOB_TITLE = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|journalist|columnist|contributor|staff|chief|"
    r"producer|analyst|bureau|desk|news|redacci[oó]n|r[ée]daction|korrespondent)\b",
    re.IGNORECASE,
)
# "Health reporter, KBC News": a job title standing on its own line
_JOB_LINE = re.compile(
    rf"^(?:[\w-]+\s+){{0,3}}{_JOB_TITLE.pattern}(?:,?\s+[\w&.' -]{{2,40}})?$", re.IGNORECASE
)
_DATELINE = re.compile(  # "(CNN) –", "MOSCOW (AP) —", "LONDON, Jan 12 (Reuters) -"
    r"^(?:[A-ZÀ-Ý][A-Za-zÀ-ÿ .'’-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?,?\s+)?"
    r"\((?P<outlet>[A-Z][\w&.'’ -]{1,30}?)\)\s*[-–—]"
)
_MISSION = re.compile(r"^(?P<outlet>[A-Z][\w&.' -]{1,40}?)['’]s? mission is", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<outlet>[A-ZÀ-ÖØ-ÞА-ЯЁ][\w&.' -]{1,40}?)(?:[.,]|\s+all rights|$)",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"^(?:source|fuente|source\s*:|quelle|источник)\s*:\s*(?P<outlet>.{2,40})$", re.IGNORECASE
)
_COMMENTS_ON = re.compile(r"\b(?:no|\d+)\s+comments?\s+on\s+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;\"”»]\s*$")

_STOPWORDS = {
    "en": "the of and to in is that for it was on with as said by at from his her have are",
    "es": "el la de que y en los se del las por un para con una su al lo como más pero",
    "fr": "le la les de des et en un une du que est pour dans qui au sur pas par il",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine",
    "it": "il di che la per un in è del della le non una con sono gli al da si",
    "pt": "o de que a do da em um para com não uma os no se na por mais as dos",
    "ru": "и в не на что с по это как он к но из его за то от же все она",
    "uk": "і в не на що з це як до та від за але він її ми вони про",
}
_STOPWORD_SETS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}


@dataclass(slots=True)
class Metadata:
    """What a page says about itself; empty strings and None where it says nothing."""

    title: str = ""
    source: str = ""
    author: str = ""
    published: datetime | None = None
    language: str = ""
    url: str = ""
    warnings: list[str] = field(default_factory=list)


def split_comment_header(units: list[Unit]) -> list[Unit]:
    """Split a "News January 29, 2022 No Comments on <title><body…>" line into meta + body."""
    if not units:
        return units
    title = units[0].text
    out: list[Unit] = []
    for index, unit in enumerate(units):
        match = _COMMENTS_ON.search(unit.text) if index < 5 else None
        cut = unit.text.find(title, match.end()) if match and len(title) > 10 else -1
        if match is None or cut != match.end() or len(unit.pieces) != 1:
            out.append(unit)
            continue
        head_len = cut + len(title)
        start, length = unit.pieces[0]
        out.append(Unit(unit.text[:head_len], [(start, head_len)], reason="meta"))
        rest = unit.text[head_len:]
        skip = len(rest) - len(rest.lstrip())
        if rest.strip():
            out.append(Unit(rest.strip(), [(start + head_len + skip, length - head_len - skip)]))
    return out


def mark_meta_lines(units: list[Unit]) -> Metadata:
    """Mark bylines and date lines, and read author and date from them."""
    meta = Metadata()
    dates: list[tuple[int, bool, datetime]] = []  # (index, is_update, date)
    for index, unit in enumerate(units):
        text = unit.text
        if unit.reason == "meta":
            found = find_date(text)
            if found:
                dates.append((index, False, found[0]))
            continue
        if unit.reason or unit.words > 25:
            continue
        if _meta_parts(unit, meta, dates, index):
            continue
        byline = _BYLINE.match(text)
        if byline and not _SENTENCE_END.search(byline.group("names")):
            unit.reason = "byline"
            meta.author = meta.author or _clean_names(byline.group("names"))
        elif unit.tag == "byline" and _PEOPLE.match(text):  # <span class="author">Name</span>
            unit.reason = "byline"
            meta.author = meta.author or _clean_names(text)
        titled = _TITLED_BYLINE.match(text) if unit.words <= 10 else None
        if titled and not dates and not meta.author:
            unit.reason = "byline"
            meta.author = titled.group("name") or titled.group("after")
        moment = date_line(text) if unit.words <= 20 else None
        if moment is None and byline:
            found = find_date(text)
            moment = found[0] if found else None
        if moment is not None:
            unit.reason = unit.reason or "date"
            dates.append((index, bool(re.search(r"updated|modified", text, re.I)), moment))
            previous = units[index - 1] if index else None
            if previous and not previous.reason and _JOB_LINE.match(previous.text):
                previous.reason = "byline"  # "Health reporter, KBC News" between name and date
                previous = units[index - 2] if index > 1 else None
            if previous and not previous.reason and _PEOPLE.match(previous.text):
                previous.reason = "byline"  # "Sam Okafor and Nina Brandt" above the date
                meta.author = meta.author or _clean_names(previous.text)
    if dates:
        published = [d for d in dates if not d[1]] or dates
        meta.published = published[0][2]
    return meta


def _meta_parts(
    unit: Unit, meta: Metadata, dates: list[tuple[int, bool, datetime]], index: int
) -> bool:
    """Read a "March 6, 2024 | by Niels Brun | 14 comments" line whose parts are all metadata."""
    parts = nav_items(unit.text)
    if len(parts) < 2 or unit.words > 20:
        return False
    bylines = [_BYLINE.match(part) for part in parts]
    moments = [
        (found[0] if b and (found := find_date(part)) else date_line(part, max_other_words=1))
        for part, b in zip(parts, bylines, strict=True)
    ]
    counters = [bool(_COUNTER.match(part)) for part in parts]
    if not any(bylines) and not any(moments):
        return False
    triples = zip(bylines, moments, counters, strict=True)
    others = [part for part, (b, m, c) in zip(parts, triples, strict=True) if not (b or m or c)]
    if any(len(p.split()) > 6 or _SENTENCE_END.search(p) for p in others):
        return False  # "· From the May 2024 issue" may stand beside a date, a sentence may not
    unit.reason = "byline"
    for byline in bylines:
        if byline:
            meta.author = meta.author or _clean_names(byline.group("names"))
    dates.extend((index, False, moment) for moment in moments if moment)
    return True


def _clean_names(names: str) -> str:
    """The people of a byline, without the job title that may follow them."""
    kept = []
    names = re.split(r"(?<=\w\w)\.\s", names)[0]  # "X. Translated by the desk" gives X
    names = re.split(r"\s+(?:on|at)\s+", names)[0]  # "Big Col on October 2, 2025" gives Big Col
    for part in re.split(r"\s*(?:,|\band\b|&)\s*", re.sub(r"\s+", " ", names).strip(" ,")):
        if not part or part[0].islower() or _JOB_TITLE.search(part):
            break
        kept.append(part)
    return ", ".join(kept)


def mark_site_header(units: list[Unit]) -> None:
    """Mark a site name alone on the first line, and the menu lines under it, above the headline.

    The first line counts as the site's name when it is short, reads like an outlet's name ("NBN
    News", "Riverside Herald") or is the name the footer gives, and a headline follows it.
    """
    start = next((i for i, u in enumerate(units) if not u.reason), None)
    if start is None:
        return
    first = units[start]
    if first.words > 6 or first.bullet or _SENTENCE_END.search(first.text):
        return
    following = units[start + 1 : start + 5]
    menu_at = next((k for k, u in enumerate(following) if u.reason in _MENU_REASONS), None)
    if menu_at is not None:  # a site name (and its tagline) above the site's menu bar
        first.reason = "site"
        for unit in following[:menu_at]:
            if not unit.reason and unit.words <= 12 and not unit.text.endswith("."):
                unit.reason = "tagline"
        return
    menu: list[Unit] = []
    has_menu = False
    for unit in units[start + 1 : start + 10]:
        if unit.reason:
            has_menu = has_menu or unit.reason in {"menu", "breadcrumb"}
            continue
        if unit.words <= 3 and not _SENTENCE_END.search(unit.text):
            menu.append(unit)
            continue
        if not (3 <= unit.words < 25 and not unit.bullet and not unit.text.endswith(".")):
            return  # no headline follows
        footer = _footer_outlet(units)
        named = _OUTLET_WORD.search(first.text) or (footer and _same_text(first.text, footer))
        if named or has_menu or menu:
            first.reason = "site"
            for line in menu:
                line.reason = "menu"
        return


def _footer_outlet(units: list[Unit]) -> str:
    for unit in reversed(units):
        for pattern in (_MISSION, _COPYRIGHT):
            match = pattern.search(unit.text)
            if match:
                return match.group("outlet").strip(" .,")
    return ""


def find_title(units: list[Unit], declared: str = "") -> str:
    """The headline: the declared one, else the first heading-like line before the article.

    The headline is kept in the body when it is all the text there is (a one-paragraph page is
    that paragraph, not an empty article).
    """
    title = _title(units, declared)
    if not any(not u.reason for u in units):
        for unit in units:
            if unit.reason == "title":
                unit.reason = ""
    return title


def _title(units: list[Unit], declared: str) -> str:
    if declared:
        title = headline(declared) or declared
        for unit in units[:40]:
            if not unit.reason and _same_text(unit.text, title):
                unit.reason = "title"
        return title
    heading = next((u for u in units[:40] if not u.reason and u.tag == "h1"), None)
    if heading:
        heading.reason = "title"
        return heading.text
    above = _headline_above_byline(units)
    if above:
        return above
    for unit in units:
        if unit.reason:
            continue
        if unit.words >= 25 or (unit.words >= 12 and unit.text.endswith(".")):
            return ""
        if unit.words >= 3 and not unit.bullet:
            unit.reason = "title"
            return unit.text.lstrip("# ").strip()
    return ""


def _headline_above_byline(units: list[Unit]) -> str:
    """In a page header (menus ... byline or date), the headline and the kickers above it.

    Between the last menu line and the byline, the headline is the first heading-like line of
    four words or more (three if none is longer); shorter lines above it are section kickers.
    """
    end = next((i for i, u in enumerate(units[:15]) if u.reason in {"byline", "date"}), None)
    if end is None:
        return ""
    start = max((i + 1 for i in range(end) if units[i].reason in _MENU_REASONS), default=0)
    candidates = []
    for unit in units[start:end]:
        if unit.reason or unit.bullet or unit.words >= 25 or unit.text.endswith("."):
            continue
        if len(nav_items(unit.text)) >= 2:  # "Sign in | Subscribe", "NEWS › CRIME"
            unit.reason = "menu"
            continue
        candidates.append(unit)
    pick = next((u for u in candidates if u.words >= 4), None) or next(
        (u for u in candidates if u.words >= 3), None
    )
    if pick is None:
        return ""
    for unit in candidates[: candidates.index(pick)]:
        unit.reason = "kicker"
    pick.reason = "title"
    return pick.text.lstrip("# ").strip()


def _same_text(a: str, b: str) -> bool:
    fold = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    return fold(a) == fold(b) or (fold(a).startswith(fold(b)) and len(b) > 20)


def find_source(units: list[Unit]) -> str:
    """The outlet: a site name repeated in the header, a footer, a "Source:" line or a dateline."""
    first = next((u for u in units if u.text), None)
    if first and first.reason == "repeated" and first.words <= 4 and not is_section_heading(first):
        return first.text
    site = next((u for u in units if u.reason == "site"), None)
    if site:  # "LE VEILLEUR — English edition" names "LE VEILLEUR"
        return re.split(r"\s+[—–·|-]\s+", site.text)[0]
    footer = _footer_outlet(units)
    if footer:
        return footer
    for unit in reversed(units):
        match = _SOURCE_LINE.search(unit.text)
        if match:
            return match.group("outlet").strip(" .,")
    for unit in [u for u in units if not u.reason][:3]:
        match = _DATELINE.match(unit.text)
        if match:
            return match.group("outlet").strip()
    return ""


def detect_language(text: str) -> str:
    """The language of `text` by its most frequent function words, or "" when unclear."""
    words = re.findall(r"\w+", text[:20000].lower())
    if len(words) < 20:
        return ""
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORD_SETS.items()}
    lang, best = max(scores.items(), key=lambda item: item[1])
    return lang if best >= max(5, 0.08 * len(words)) else ""
