"""Title, outlet, author, date and language found in a page's own text.

Only lines whose shape says "metadata" are read for it: a byline, a line that is mostly a date, a
name standing above a timestamp, a site name repeated in the header, a footer naming the site, a
"(CNN) –" dateline. Unknown stays empty rather than guessed. The lines used are marked so they
are kept out of the body (and shown with "show original").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from reader.documents.boilerplate import is_section_heading
from reader.documents.dates import date_line, find_date
from reader.documents.paragraphs import Unit

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
_DATELINE = re.compile(
    r"^(?:[A-ZÀ-Ý][A-Za-zÀ-ÿ .'’-]{1,40},?\s+)?\((?P<outlet>[A-Z][\w&.'’ -]{1,30}?)\)\s*[-–—]"
)
_MISSION = re.compile(r"^(?P<outlet>[A-Z][\w&.' -]{1,40}?)['’]s? mission is", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<outlet>[A-Z][\w&.' -]{1,40}?)(?:[.,]|\s+all rights|$)",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"^(?:source|fuente|source\s*:|quelle|источник)\s*:\s*(?P<outlet>.{2,40})$", re.IGNORECASE
)
_COMMENTS_ON = re.compile(r"\b(?:no|\d+)\s+comments?\s+on\s+", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")
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
        byline = _BYLINE.match(text)
        if byline and not _SENTENCE_END.search(byline.group("names")):
            unit.reason = "byline"
            meta.author = meta.author or _clean_names(byline.group("names"))
        moment = date_line(text) if unit.words <= 20 else None
        if moment is None and byline:
            found = find_date(text)
            moment = found[0] if found else None
        if moment is not None:
            unit.reason = unit.reason or "date"
            dates.append((index, bool(re.search(r"updated|modified", text, re.I)), moment))
            previous = units[index - 1] if index else None
            if previous and not previous.reason and _PERSON.match(previous.text):
                previous.reason = "byline"
                meta.author = meta.author or previous.text
    if dates:
        published = [d for d in dates if not d[1]] or dates
        meta.published = published[0][2]
    return meta


def _clean_names(names: str) -> str:
    return re.sub(r"\s+", " ", names).strip(" ,")


def find_title(units: list[Unit], declared: str = "") -> str:
    """The headline: the declared one, else the first heading-like line before the article."""
    if declared:
        title = _TITLE_SUFFIX.sub("", declared).strip() or declared
        for unit in units[:40]:
            if not unit.reason and _same_text(unit.text, title):
                unit.reason = "title"
        return title
    heading = next((u for u in units[:40] if not u.reason and u.tag == "h1"), None)
    if heading:
        heading.reason = "title"
        return heading.text
    for unit in units:
        if unit.reason:
            continue
        if unit.words >= 25 or (unit.words >= 12 and unit.text.endswith(".")):
            return ""
        if unit.words >= 3 and not unit.bullet:
            unit.reason = "title"
            return unit.text.lstrip("# ").strip()
    return ""


def _same_text(a: str, b: str) -> bool:
    fold = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    return fold(a) == fold(b) or (fold(a).startswith(fold(b)) and len(b) > 20)


def find_source(units: list[Unit]) -> str:
    """The outlet: a site name repeated in the header, a footer, a "Source:" line or a dateline."""
    first = next((u for u in units if u.text), None)
    if first and first.reason == "repeated" and first.words <= 4 and not is_section_heading(first):
        return first.text
    for unit in reversed(units):
        for pattern in (_MISSION, _COPYRIGHT, _SOURCE_LINE):
            match = pattern.search(unit.text)
            if match and unit.reason in {"footer", "furniture", "", "repeated"}:
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
