"""Cutting a readable passage around a marked range of a document body.

The passage keeps whole sentences: it reaches back and forward up to `CONTEXT_CHARS` within the
paragraph, stopping at a sentence boundary (or, failing that, a word boundary). When the paragraph
gives less than `MIN_CONTEXT_CHARS` on one side, the neighbouring paragraph's closest sentences
are added (within the same budget), so that the reader sees what came before and after.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from reader.documents.model import PARAGRAPH_BREAK

CONTEXT_CHARS = 320  # at most this much context on each side
MIN_CONTEXT_CHARS = 120  # less than this within the paragraph: borrow from the neighbour
_SENTENCE_START = re.compile(r"[.!?…][\"”’»)\]]*\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*(?=\s|$)")


@dataclass(slots=True, frozen=True)
class Run:
    """A piece of passage text; `marked`: the annotated (or hit) text; `term`: a search term."""

    text: str
    marked: bool = False
    term: bool = False


@dataclass(slots=True, frozen=True)
class Passage:
    """`body[start:end]` as paragraphs of runs; `clipped_*`: text was left out before/after."""

    start: int
    end: int
    paragraphs: list[list[Run]]
    clipped_before: bool
    clipped_after: bool

    @property
    def text(self) -> str:
        """The plain passage text, paragraphs joined by a blank line."""
        return PARAGRAPH_BREAK.join("".join(r.text for r in p) for p in self.paragraphs)


def _containing(paragraphs: list[tuple[int, int]], offset: int) -> int:
    for i, (start, end) in enumerate(paragraphs):
        if offset < end or (offset == end and start == end):
            return i
        if offset < start:
            return max(0, i - 1)
    return len(paragraphs) - 1


def _sentence_after(body: str, low: int, high: int) -> int:
    """The first sentence start in body[low:high], else the first word start; else `low`."""
    match = _SENTENCE_START.search(body, low, high)
    if match:
        return match.end()
    space = body.find(" ", low, high)
    return space + 1 if space >= 0 else low


def _sentence_before(body: str, low: int, high: int) -> int:
    """The last sentence end in body[low:high], else the last word end; else `high`."""
    ends = [m.end() for m in _SENTENCE_END.finditer(body, low, high)]
    if ends:
        return ends[-1]
    space = body.rfind(" ", low, high)
    return space if space > low else high


def _left(body: str, paragraphs: list[tuple[int, int]], start: int) -> int:
    i = _containing(paragraphs, start)
    para_start = paragraphs[i][0]
    if start - para_start > CONTEXT_CHARS:
        return _sentence_after(body, start - CONTEXT_CHARS, start)
    if start - para_start >= MIN_CONTEXT_CHARS or i == 0:
        return para_start
    prev_start, prev_end = paragraphs[i - 1]
    low = prev_end - (CONTEXT_CHARS - (start - para_start))
    return prev_start if low <= prev_start else _sentence_after(body, low, prev_end)


def _right(body: str, paragraphs: list[tuple[int, int]], end: int) -> int:
    i = _containing(paragraphs, max(0, end - 1))
    para_end = paragraphs[i][1]
    if para_end - end > CONTEXT_CHARS:
        return _sentence_before(body, end, end + CONTEXT_CHARS)
    if para_end - end >= MIN_CONTEXT_CHARS or i == len(paragraphs) - 1:
        return para_end
    next_start, next_end = paragraphs[i + 1]
    high = next_start + (CONTEXT_CHARS - (para_end - end))
    return next_end if high >= next_end else _sentence_before(body, next_start, high)


def _runs(
    text: str, offset: int, marks: list[tuple[int, int]], terms: list[tuple[int, int]]
) -> list[Run]:
    """Split `text` (which starts at body offset `offset`) where marks and terms begin or end."""
    cuts = {0, len(text)}
    for start, end in marks + terms:
        cuts.update(min(len(text), max(0, x - offset)) for x in (start, end))
    points = sorted(cuts)
    runs = []
    for a, b in itertools.pairwise(points):
        if a == b:
            continue
        middle = offset + a
        runs.append(
            Run(
                text[a:b],
                marked=any(s <= middle < e for s, e in marks),
                term=any(s <= middle < e for s, e in terms),
            )
        )
    return runs


def cut_passage(
    body: str,
    paragraphs: list[tuple[int, int]],
    marks: list[tuple[int, int]],
    terms: list[tuple[int, int]] | None = None,
) -> Passage:
    """The passage around `marks` (and `terms`), split into runs, with context before/after."""
    terms = terms or []
    ranges = marks + terms
    if not paragraphs or not ranges:
        raise ValueError("a passage needs a non-empty body and at least one range")
    start = min(s for s, _ in ranges)
    end = max(e for _, e in ranges)
    left, right = _left(body, paragraphs, start), _right(body, paragraphs, end)
    left, right = min(left, start), max(right, end)
    pieces: list[list[Run]] = []
    at = left
    for chunk in body[left:right].split(PARAGRAPH_BREAK):
        if chunk.strip():
            pieces.append(_runs(chunk, at, marks, terms))
        at += len(chunk) + len(PARAGRAPH_BREAK)
    first = paragraphs[_containing(paragraphs, left)][0]
    last = paragraphs[_containing(paragraphs, max(left, right - 1))][1]
    return Passage(left, right, pieces, left > first, right < last)
