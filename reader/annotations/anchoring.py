"""Anchoring annotations to text the W3C way, and finding them again after the text changed.

An annotation remembers its place twice, as the W3C Web Annotation model does: a
`TextQuoteSelector` (the exact text with a little context before and after) and a
`TextPositionSelector` (character offsets). When the document text changes, `anchor` tries, in
order: the exact text at the old position; the exact text elsewhere, preferring the occurrence
whose context matches best and then the one nearest the old position; a fuzzy match of the text
near the old position, then anywhere. `None` means the annotation is orphaned: it is kept and
listed, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

CONTEXT_CHARS = 32  # characters of prefix and suffix kept with each selector
FUZZY_MIN_SCORE = 80.0  # 0..100; weaker fuzzy matches leave the annotation orphaned
FUZZY_MIN_LENGTH = 8  # shorter texts are only found exactly
FUZZY_WINDOW = 2000  # characters either side of the old position searched first


@dataclass(slots=True, frozen=True)
class Selector:
    """The W3C TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector (start, end)."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(slots=True, frozen=True)
class Anchor:
    """Where a selector was found: offsets, how ("position", "quote", "fuzzy") and a 0..1 score."""

    start: int
    end: int
    method: str
    score: float = 1.0


def make_selector(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Selector:
    """The selector for `text[start:end]`; raise ValueError when the range is empty or outside."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"range {start}..{end} is empty or outside a text of {len(text)} chars")
    return Selector(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
        start=start,
        end=end,
    )


def anchor(selector: Selector, text: str) -> Anchor | None:
    """Find `selector` in `text` (exact at position, exact elsewhere, fuzzy), or None."""
    if not selector.exact:
        return None
    if text[selector.start : selector.end] == selector.exact:
        return Anchor(selector.start, selector.end, "position")
    found = _best_occurrence(selector, text)
    if found is not None:
        return found
    if len(selector.exact) < FUZZY_MIN_LENGTH:
        return None
    return _fuzzy(selector, text)


def _occurrences(needle: str, text: str) -> list[int]:
    starts, at = [], text.find(needle)
    while at >= 0:
        starts.append(at)
        at = text.find(needle, at + 1)
    return starts


def _context_score(selector: Selector, text: str, start: int) -> int:
    """How many characters of prefix (backwards) and suffix (forwards) agree at `start`."""
    score = 0
    before = text[max(0, start - len(selector.prefix)) : start]
    for a, b in zip(reversed(before), reversed(selector.prefix), strict=False):
        if a != b:
            break
        score += 1
    end = start + len(selector.exact)
    for a, b in zip(text[end : end + len(selector.suffix)], selector.suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def _best_occurrence(selector: Selector, text: str) -> Anchor | None:
    starts = _occurrences(selector.exact, text)
    if not starts:
        return None
    best = max(
        starts,
        key=lambda s: (_context_score(selector, text, s), -abs(s - selector.start)),
    )
    return Anchor(best, best + len(selector.exact), "quote")


def _fuzzy(selector: Selector, text: str) -> Anchor | None:
    """The best fuzzy match near the old position, else anywhere in the text."""
    low = max(0, selector.start - FUZZY_WINDOW)
    high = min(len(text), selector.end + FUZZY_WINDOW)
    windows = [(low, high)] if (low, high) != (0, len(text)) else []
    windows.append((0, len(text)))
    for first, last in windows:
        match = fuzz.partial_ratio_alignment(
            selector.exact, text[first:last], score_cutoff=FUZZY_MIN_SCORE
        )
        if match is None or match.dest_end <= match.dest_start:
            continue
        start, end = _snap_to_words(text, first + match.dest_start, first + match.dest_end)
        return Anchor(start, end, "fuzzy", match.score / 100.0)
    return None


def _snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a fuzzy match so that it does not start or end in the middle of a word."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end
