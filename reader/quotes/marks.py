"""Quotation marks: which characters open and close which, judged from the characters around them.

A mark is read from its neighbours only (the character before and after), so classifying is
constant time and extraction stays linear. Families pair an opening mark with the marks that may
close it: curly “…”, low-high „…“ / „…”, curly single ‘…’, low single ‚…‘, straight "…" and '…',
guillemets «…» (and the German »…«), single guillemets ‹…› (›…‹); scraped pages mix a straight
and a curly double mark in one pair ("…” / “…"), so each of those closes the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Every character that may be a quotation mark, plus the paragraph break the scanner also needs.
MARK_RE = re.compile("[\u201c\u201d\u201e\u2018\u2019\u201a\"'\u00ab\u00bb\u2039\u203a]|\n\n")

OPEN_PUNCT = "([{\u2014\u2013-/\u201c\u2018\u00ab\u2039\u201e\u201a\"'\u00bb\u203a"
CLOSE_PUNCT = ".,;:!?)]}\u2026\u2014\u2013-/\u201d\u2019\u00bb\u203a\"'\u00ab\u2039\u201c"
SEPARATOR_REACH = 200  # characters searched on a line for the other half of a ‹…› pair
# Words that start with an elided letter: 'em, 'tis, 'cause ('90s is caught by the digit rule).
ELISIONS = frozenset(["em", "tis", "twas", "cause", "til", "till", "n", "round", "bout", "nuff"])


@dataclass(slots=True, frozen=True)
class Family:
    """An opening mark and the marks that close it."""

    name: str
    closers: str
    double: bool  # double marks and guillemets may be recovered when only the closer is left


CURLY = Family("curly", '\u201d\u201c"', True)  # “…" and "…” are scraped pages' mixed pairs
CURLY_REVERSED = Family("curly-reversed", "\u201d", True)  # ”…” (Swedish, or a typo)
LOW = Family("low", "\u201c\u201d", True)
SINGLE = Family("single", "\u2019", False)
LOW_SINGLE = Family("low-single", "\u2018\u2019", False)
STRAIGHT = Family("straight", '"\u201d', True)
STRAIGHT_SINGLE = Family("straight-single", "'", False)
GUILLEMET = Family("guillemet", "\u00bb", True)
GUILLEMET_REVERSED = Family("guillemet-reversed", "\u00ab", True)
SINGLE_GUILLEMET = Family("single-guillemet", "\u203a", True)
SINGLE_GUILLEMET_REVERSED = Family("single-guillemet-reversed", "\u2039", True)


def spacey_before(ch: str) -> bool:
    """True when `ch` (the character before a mark) lets the mark open a quotation."""
    return ch == "" or ch.isspace() or ch in OPEN_PUNCT


def spacey_after(ch: str) -> bool:
    """True when `ch` (the character after a mark) lets the mark close a quotation."""
    return ch == "" or ch.isspace() or ch in CLOSE_PUNCT


def is_elision(text: str, i: int) -> bool:
    """True when the apostrophe-like mark at `i` starts an elided word ('90s, ’em)."""
    digits = 0
    j = i + 1
    while j < len(text) and j < i + 4 and text[j].isdigit():
        digits += 1
        j += 1
    if digits == 2:
        return True
    k = j
    while k < len(text) and k < i + 8 and text[k].isalpha():
        k += 1
    return digits == 0 and text[i + 1 : k].lower() in ELISIONS


def is_separator(text: str, i: int) -> bool:
    """True for a single guillemet used as a breadcrumb separator ("NEWS › CRIME", "Home ‹
    Sport ‹ Football"): a lone ‹ or › with a space and a word on each side, not paired with
    the other mark on its line (French spacing: "un ‹ simple malentendu ›")."""
    ch = text[i]
    if ch not in "\u2039\u203a" or i < 2 or i + 2 >= len(text):
        return False
    if text[i - 1] != " " or text[i + 1] != " ":
        return False
    if text[i - 2].isspace() or text[i + 2].isspace():
        return False
    if ch == "\u2039":
        line = text[i + 1 : i + SEPARATOR_REACH].split("\n", 1)[0]
        marks = [c for c in line if c in "\u2039\u203a"]
        return not marks or marks[0] != "\u203a"
    line = text[max(0, i - SEPARATOR_REACH) : i].rsplit("\n", 1)[-1]
    marks = [c for c in line if c in "\u2039\u203a"]
    return not marks or marks[-1] != "\u2039"


def opener(text: str, i: int) -> Family | None:
    """The family the mark at `i` opens, when nothing is open; None if it cannot open."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if ch in "\u00ab\u2039":  # French spacing allows a space inside: « Non »
        return GUILLEMET if ch == "\u00ab" else SINGLE_GUILLEMET
    if nxt == "" or nxt.isspace():
        return None
    if ch == "\u201c":
        return CURLY if spacey_before(prev) or not spacey_after(nxt) else None
    if ch == "\u201e":
        return LOW
    if ch == "\u201d":
        return CURLY_REVERSED if spacey_before(prev) and nxt.isalnum() else None
    if ch in "\u00bb\u203a":
        if not (spacey_before(prev) and nxt.isalnum()):
            return None
        return GUILLEMET_REVERSED if ch == "\u00bb" else SINGLE_GUILLEMET_REVERSED
    if ch == '"':
        return STRAIGHT if spacey_before(prev) else None
    if ch in "\u2018'\u201a" and spacey_before(prev) and not is_elision(text, i):
        if ch == "'" and not (nxt.isalnum() or nxt in '\u201c"'):
            return None
        return {"\u2018": SINGLE, "'": STRAIGHT_SINGLE, "\u201a": LOW_SINGLE}[ch]
    return None


def closes(family: Family, text: str, i: int, start: int = -1) -> str:
    """How the mark at `i` closes an open `family` (opened at `start`): "strong", "weak" (maybe
    a plural possessive, as in students’ union) or "" (it does not close). A straight mark closes
    a curly quotation and a curly one a straight quotation ("…” / “…"), unless it closes a quote of
    its own kind nested inside ("He called it “fake” today")."""
    ch = text[i]
    if ch not in family.closers or _closes_nested(family, text, start, i):
        return ""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if family.double:
        if ch == "\u201c" and family is CURLY:
            return "strong" if not spacey_before(prev) and spacey_after(nxt) else ""
        if ch == '"' and spacey_before(prev) and not spacey_after(nxt):
            return ""  # looks like the next opening mark
        return "strong"
    if prev == "" or prev.isspace() or (prev.isalnum() and nxt.isalnum()):
        return ""  # an elision or an apostrophe inside a word
    if not spacey_after(nxt):
        return ""
    after = text[i + 2] if i + 2 < len(text) else ""
    if prev in "sz" and nxt == " " and after.isalnum():
        return "weak"
    return "strong"


def _closes_nested(family: Family, text: str, start: int, i: int) -> bool:
    """True when the other kind's mark at `i` closes a quote opened inside the span from `start`."""
    inside = text[start + 1 : i]
    if family is STRAIGHT and text[i] == "\u201d":
        return inside.count("\u201c") > inside.count("\u201d")
    if family is CURLY and text[i] == '"':
        return inside.count('"') % 2 == 1
    return False


def orphan_closer(text: str, i: int) -> bool:
    """True when the mark at `i`, with nothing open, is a closing double mark left alone."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if ch in "\u201d\u00bb\u203a":
        return (prev != "" and not prev.isspace()) or spacey_after(nxt)
    if ch in '\u201c"':
        return not spacey_before(prev) and spacey_after(nxt) and not prev.isdigit()
    return False
