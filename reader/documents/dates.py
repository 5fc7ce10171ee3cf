"""Finding the date in a short metadata line, in the forms news pages print them.

"January 28, 2022", "Jan. 28, 2022 9:05 AM", "28 January 2022", "Thu, 01/27/2022 – 09:25",
"2022-01-27T09:25:00Z", "28.01.2022", "28 de enero de 2022", "28 janvier 2022", "28. Januar 2022",
"28 января 2022". A line counts as a date line only when little else is on it, so a date inside a
sentence, a quote or an embedded tweet's signature is never taken for the article's date.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from dateutil import parser as dateutil_parser

_MONTHS = {
    1: "january jan enero ene janvier janv januar jän janeiro gennaio января январь янв",
    2: "february feb febrero febr février févr februar fevereiro febbraio февраля февраль фев",
    3: "march mar marzo mars märz março марта март",
    4: "april apr abril avril aprile апреля апрель апр",
    5: "may mayo mai maio maggio мая май",
    6: "june jun junio juin juni junho giugno июня июнь",
    7: "july jul julio juillet juli julho luglio июля июль",
    8: "august aug agosto août августа август авг",
    9: "september sep sept septiembre septembre setembro settembre сентября сентябрь сен",
    10: "october oct octubre octobre oktober okt outubro ottobre октября октябрь окт",
    11: "november nov noviembre novembre novembro ноября ноябрь ноя",
    12: "december dec diciembre dic décembre déc dezember dez dezembro dicembre декабря декабрь "
    "дек",
}
_MONTH_NUMBER = {name: n for n, names in _MONTHS.items() for name in names.split()}
_MONTH = (
    r"(?P<month>" + "|".join(sorted(map(re.escape, _MONTH_NUMBER), key=len, reverse=True)) + r")\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = (
    r"(?:(?:\s*[,–—\-|@]\s*|\s+(?:at|um|à|a las|в)\s+|\s+)"
    r"(?P<time>[0-2]?\d[:h.][0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?))?"
)
_PATTERNS = [
    re.compile(
        r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?"
        r"(?:Z|[+-][0-2]\d:?[0-5]\d)?)?)"
    ),
    re.compile(_MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME, re.IGNORECASE),
    re.compile(
        _DAY + r"\.?\s+(?:de\s+)?" + _MONTH + r",?\s+(?:de\s+)?" + _YEAR + r"(?:\s*г\.?)?" + _TIME,
        re.IGNORECASE,
    ),
    re.compile(r"(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)" + _YEAR + _TIME),
]
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_LONE_TIME = re.compile(r"\b([0-2]?\d:[0-5]\d(?:\s*[ap]\.?m\.?)?)", re.IGNORECASE)
_FILLER = re.compile(
    r"\b(?:published|posted|updated|last updated|modified|on|at|am|pm|a\.m\.|p\.m\.|de|le|am|um|"
    r"el|publicado|actualizado|publié|mis à jour|veröffentlicht|aktualisiert|опубликовано|"
    r"обновлено|pubblicato|et|est|edt|cst|cdt|pst|pdt|gmt|utc|bst|cet|cest|msk|ist|"
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"date|dated|time)\b\.?",
    re.IGNORECASE,
)


# Unambiguous zone abbreviations printed after a time ("6:42 AM GMT", "09:25 EST", "UTC+3").
_ZONE_HOURS = {
    "GMT": 0.0,
    "UTC": 0.0,
    "Z": 0.0,
    "BST": 1.0,
    "CET": 1.0,
    "CEST": 2.0,
    "EET": 2.0,
    "EEST": 3.0,
    "MSK": 3.0,
    "EST": -5.0,
    "EDT": -4.0,
    "CST": -6.0,
    "CDT": -5.0,
    "MST": -7.0,
    "MDT": -6.0,
    "PST": -8.0,
    "PDT": -7.0,
}
_ZONE = re.compile(
    r"\b(?P<name>GMT|UTC|BST|CEST|CET|EEST|EET|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT)"
    r"(?:\s*(?P<sign>[+-])(?P<hours>\d{1,2})(?::?(?P<minutes>\d\d))?)?\b"
)


def find_date(text: str) -> tuple[datetime, tuple[int, int]] | None:
    """The first date (with its time, if printed next to it) in `text` and its span, or None."""
    if not _ANY_YEAR.search(text):  # every form carries a year: skip the costly patterns
        return None
    found = []
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match:
            moment = _to_datetime(match)
            if moment is not None:
                found.append((match.start(), moment, match.span()))
    if not found:
        return None
    _, moment, span = min(found, key=lambda item: item[0])
    return moment, span


def date_line(text: str, max_other_words: int = 3) -> datetime | None:
    """The date of a line that is mostly a date ("Updated 10:42 AM EST, Fri March 4, 2022")."""
    if len(text) > 120 or "(@" in text:
        return None
    result = find_date(text)
    if result is None:
        return None
    moment, (start, end) = result
    rest = _FILLER.sub(" ", text[:start] + " " + text[end:])
    other = [
        w for w in re.split(r"[\s,|–—\-/·•:]+", rest) if re.search(r"\w", w) and not w.isdigit()
    ]
    if len(other) > max_other_words:
        return None
    if moment.hour == moment.minute == 0:
        time = _LONE_TIME.search(text[:start] + " " + text[end:])
        moment = _with_time(moment, time.group(1)) if time else moment
    zone = _ZONE.search(text)
    if zone and moment.tzinfo is None and (moment.hour, moment.minute) != (0, 0):
        hours = _ZONE_HOURS.get(zone.group("name").upper(), 0.0)
        if zone.group("sign"):
            offset = int(zone.group("hours")) + int(zone.group("minutes") or 0) / 60
            hours = offset if zone.group("sign") == "+" else -offset
        moment = moment.replace(tzinfo=timezone(timedelta(hours=hours)))
    return moment


def _to_datetime(match: re.Match[str]) -> datetime | None:
    groups = match.groupdict()
    try:
        if groups.get("iso"):
            return dateutil_parser.isoparse(groups["iso"])
        if groups.get("month"):
            month = _MONTH_NUMBER[groups["month"].lower().rstrip(".")]
            day = int(groups["day"])
        else:
            first, second = int(groups["a"]), int(groups["b"])
            # 01/27/2022 is US order; 27.01.2022 and 27/01/2022 (day > 12) are day-first.
            month_first = groups["sep"] == "/" and first <= 12
            month, day = (first, second) if month_first else (second, first)
        moment = datetime(int(groups["year"]), month, day)
    except (ValueError, KeyError, OverflowError):
        return None
    return _with_time(moment, groups.get("time"))


def _with_time(moment: datetime, time: str | None) -> datetime:
    if not time:
        return moment
    match = re.match(r"([0-2]?\d)[:h.]([0-5]\d)(?::([0-5]\d))?\s*([ap])?", time, re.IGNORECASE)
    if not match:
        return moment
    hour, minute = int(match.group(1)), int(match.group(2))
    second = int(match.group(3) or 0)
    meridiem = (match.group(4) or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    if meridiem == "a" and hour == 12:
        hour = 0
    if hour > 23:
        return moment
    return moment.replace(hour=hour, minute=minute, second=second)
