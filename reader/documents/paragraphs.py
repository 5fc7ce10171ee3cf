"""Cutting raw text into paragraph units that remember where each piece came from.

A plain-text page saved from the web usually has one paragraph per line; hand-wrapped text and
Markdown have paragraphs of several lines separated by blank lines. Either way a `Unit` is one
paragraph: its text (lines joined by a space) and the raw pieces it was made of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.documents.dates import date_line

_BULLET = re.compile(r"^(?:[•●▪◦‣*\-–]\s+|\d{1,3}[.)]\s+)")
_WRAP_MIN, _WRAP_MAX = 35, 100
_TIME_STAMP = re.compile(r"^\d{1,2}[:.]\d{2}\b")  # a live blog's entry: "02:05 – Mood darkens"
_NAV_SEPARATOR = re.compile(r"\s+[|·•›»/]\s+|\s{2,}")


def nav_items(text: str) -> list[str]:
    """The items of a line split at menu separators ("World | Business", "Home › Economy")."""
    return [item for item in _NAV_SEPARATOR.split(text.strip()) if item]


def is_nav_bar(text: str) -> bool:
    """A line of three or more short items between separators: a site menu or breadcrumb."""
    items = nav_items(text)
    return len(items) >= 3 and all(len(i.split()) <= 4 for i in items) and text[-1:] != "."


@dataclass(slots=True)
class Unit:
    """One paragraph: text plus (raw_start, length) pieces; `bullet` marks list items."""

    text: str
    pieces: list[tuple[int, int]] = field(default_factory=list)
    bullet: bool = False
    tag: str = ""
    reason: str = ""  # why it is not article text; "" while it is

    @property
    def raw_start(self) -> int:
        return self.pieces[0][0] if self.pieces else 0

    @property
    def raw_end(self) -> int:
        start, length = self.pieces[-1] if self.pieces else (0, 0)
        return start + length

    @property
    def words(self) -> int:
        return len(self.text.split())


def _lines(raw: str) -> list[tuple[int, str]]:
    """(offset of the first non-blank character, stripped line) for every line."""
    out = []
    offset = 0
    for line in raw.splitlines(keepends=True):
        stripped = line.strip()
        out.append((offset + len(line) - len(line.lstrip()), stripped))
        offset += len(line)
    return out


def _is_wrapped_block(block: list[tuple[int, str]], markdown: bool) -> bool:
    if len(block) < 2 or any(_BULLET.match(text) for _, text in block[1:]):
        return False
    if any(is_nav_bar(text) or date_line(text) or _TIME_STAMP.match(text) for _, text in block):
        return False  # a menu, a date line under a byline or a time stamp is a line of its own
    if markdown:
        return True
    return all(_WRAP_MIN <= len(text) <= _WRAP_MAX for _, text in block[:-1])


def split_units(raw: str, markdown: bool = False) -> list[Unit]:
    """Paragraph units of a plain-text or Markdown page, in order."""
    units: list[Unit] = []
    block: list[tuple[int, str]] = []
    for offset, text in [*_lines(raw), (len(raw), "")]:
        if text:
            block.append((offset, text))
            continue
        if _is_wrapped_block(block, markdown):
            units.append(_unit(block))
        else:
            units.extend(_unit([line]) for line in block)
        block = []
    return units


def _unit(lines: list[tuple[int, str]]) -> Unit:
    text = " ".join(t for _, t in lines)
    return Unit(text, [(o, len(t)) for o, t in lines], bullet=bool(_BULLET.match(lines[0][1])))
