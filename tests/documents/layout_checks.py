"""Shared checks for the layout and seed tests: what a reader of the page would expect."""

from __future__ import annotations

import re
from datetime import datetime

_LIST_MARK = re.compile(r"^\s*(?:[•*\-–]|\d+[.)])\s*")
LONG_ENOUGH_FOR_SUBSTRING = 25


def squash(text: str) -> str:
    """Text with every run of white space made one space (line wrapping does not matter)."""
    return " ".join(text.split())


def _bare(line: str) -> str:
    return squash(_LIST_MARK.sub("", line))


def boilerplate_left(body: str, lines: list[str]) -> list[str]:
    """The boilerplate `lines` still in `body`.

    A line counts as left when a body line equals it (list marks and spacing aside), or, for a
    line long enough not to occur inside article prose by chance, when it occurs anywhere.
    """
    body_lines = {_bare(line) for line in body.splitlines()}
    flat = squash(body)
    return [
        line
        for line in lines
        if _bare(line) in body_lines
        or (len(line) >= LONG_ENOUGH_FOR_SUBSTRING and squash(line) in flat)
    ]


def missing_from(body: str, passages: list[str]) -> list[str]:
    """The `passages` (quotations, article sentences) not in `body`, ignoring line wrapping."""
    flat = squash(body)
    return [passage for passage in passages if squash(passage) not in flat]


def same_moment(found: datetime | None, expected: str | None) -> bool:
    """Whether `found` is the expected ISO date ("2022-01-28") or date-time (with its offset)."""
    if expected is None or found is None:
        return found is None and expected is None
    wanted = datetime.fromisoformat(expected)
    if len(expected) == len("2022-01-28"):
        return found.date() == wanted.date()
    if wanted.tzinfo is not None:
        return found.tzinfo is not None and found == wanted
    return found.replace(tzinfo=None) == wanted


QUOTATION = re.compile(r"“[^“”\n]{3,}”|\"[^\"\n]{3,}\"|«[^«»\n]{3,}»")


def quotations(text: str) -> list[str]:
    """Every quotation (curly, straight or guillemet marks) written in `text`."""
    return QUOTATION.findall(text)
