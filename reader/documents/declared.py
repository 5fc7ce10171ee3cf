"""Cleaning the metadata a page declares: the headline, the authors' names, the publication date.

Declared fields are often not what they claim: a `<title>` carries the site's name or a section
("Opinion | …"), an author field holds profile URLs, "By", a date or a job title, a date is a
placeholder (0001-01-01) or the UTC day of a page published in the evening of its local day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser

_SEPARATOR = re.compile(r"\s+(?:[|｜–—•·»:]{1,2}|-{1,2})\s+")
_PRINTED_SPLIT = re.compile(rf"{_SEPARATOR.pattern}|(?<=\w):\s+")  # "Print: X" when X is printed
_SECTION_WORDS = 3  # "Opinion", "World News", "Health & Science": a short prefix is a section
_SITE_WORDS = 6
_NAME_SPLIT = re.compile(r"\s*(?:;|,|\||\band\b|&|\bund\b|\bet\b|\by\b|\bи\b)\s*")
_BY = re.compile(r"^(?:\w+\s+)?(?:by|por|par|von|di)\s+", re.IGNORECASE)  # "Analysis by X"
_NOT_NAME = re.compile(
    r"https?:|www\.|\.\w{2,4}\b/?|[/@#\d]|\b(?:correspondent|editor|reporter|writer|journalist|"
    r"columnist|contributor|staff|producer|analyst|bureau|desk|team|admin|updated|published|"
    r"posted|photo|photos|images?|video)\b",
    re.IGNORECASE,
)
_DATE_WORD = re.compile(
    r"\s*\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*|\s*\b(?:january|february|march|april|"
    r"june|july|august|september|october|november|december)\b.*",
    re.IGNORECASE,
)
_EARLIEST_YEAR = 1990  # before the web: a placeholder ("0001-01-01", "1970-01-01")


def _fold(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def headline(title: str, site: str = "", printed: Sequence[str] = ()) -> str:
    """`title` without the site's name or a section around it ("Opinion | X | Site" gives X).

    A part that the page prints as its main heading (`printed`) is the headline.
    """
    headings = {_fold(text) for text in printed}
    shown = [p for p in _PRINTED_SPLIT.split(title) if _fold(p) in headings and _fold(p) != ""]
    if shown and _fold(shown[0]) != _fold(title):
        return shown[0].strip()
    parts = _SEPARATOR.split(title.strip())
    seps = _SEPARATOR.findall(title.strip())
    while len(parts) > 1:
        longest = max(len(p.split()) for p in parts)
        last, first = parts[-1], parts[0]
        if _fold(last) == _fold(site) or len(last.split()) <= min(_SITE_WORDS, longest - 2):
            parts, seps = parts[:-1], seps[:-1]
        elif _fold(first) == _fold(site) or len(first.split()) <= min(_SECTION_WORDS, longest - 2):
            parts, seps = parts[1:], seps[1:]
        else:
            break
    kept = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        kept += sep + part
    return kept.strip()


def person_names(author: str, title: str = "") -> str:
    """The people named in an author field, joined by ", " ("" when none is a name).

    Credentials after a name ("MS", "PhD") and a field that repeats the `title` are no names.
    """
    names: list[str] = []
    for part in _NAME_SPLIT.split(author):
        part = _DATE_WORD.sub("", _BY.sub("", " ".join(part.split()))).strip(" .-–—")
        words = part.split()
        if not 1 <= len(words) <= 5 or len(part) <= 3 or _NOT_NAME.search(part):
            continue
        if not part[0].isupper() or (title and _fold(part) == _fold(title)):
            continue
        if part not in names:
            names.append(part)
    return ", ".join(names)


def plausible(moment: datetime | None) -> datetime | None:
    """`moment` unless it is a placeholder year or lies in the future."""
    if moment is None or moment.year < _EARLIEST_YEAR:
        return None
    now = datetime.now(moment.tzinfo) if moment.tzinfo else datetime.now()
    return None if moment > now + timedelta(days=1) else moment


def publication_date(declared: str, page_day: str) -> datetime | None:
    """The page's local publication date from its declared time and the day found on the page.

    The declared time keeps its zone when it falls on the page's own day; when the page's day
    (from its address, its visible date, its markup) is another one, the declared time was
    written in another zone (often UTC) and the page's day wins.
    """
    moment = plausible(parse_datetime(declared)) if declared else None
    try:
        day = date.fromisoformat(page_day) if page_day else None
    except ValueError:
        day = None
    day_moment = plausible(datetime(day.year, day.month, day.day)) if day else None
    if moment is None or day_moment is None or moment.date() == day_moment.date():
        return moment or day_moment
    return day_moment


def parse_datetime(value: str) -> datetime | None:
    """A date-time from ISO 8601 or a natural form ("jan 28 2022"), or None."""
    try:
        return dateutil_parser.parse(value)
    except (ValueError, OverflowError):
        return None
