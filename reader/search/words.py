"""Word positions in a body, and where those words are: the body's postings and its marks.

The body field stores only word positions, delta-coded (most gaps fit in two bytes), not the
characters of every occurrence: offsets would be two thirds of the index. To mark a hit, a
document keeps a *mark* every `MARK_EVERY` words (the character offset where that word starts);
a position is found by reading at most `MARK_EVERY` words on from the mark before it.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from itertools import accumulate

import numpy as np

MARK_EVERY = 32  # words between two marks (a power of two: position >> MARK_SHIFT)
MARK_SHIFT = 5
assert 1 << MARK_SHIFT == MARK_EVERY
WIDE = b"\x01"  # leads an encoding of uint32 gaps (its odd length tells it from uint16 gaps)
SHORT_GAP = 1 << 16

# A word for the analyzers' tokenizer: letters and digits, dots inside ("U.S", "3.5"). Not
# Whoosh's default, which counts "*" as a letter (for wildcards, which the query parser reads
# itself), so that "*harbour*" or "footnote*" in a text could not be found as "harbour" or
# "footnote"; and written without that pattern's nested optional dot, which backtracks
# exponentially.
WORD = re.compile(r"\w+(?:\.\w+)*")
WORD_OR_GAP = re.compile(f"({WORD.pattern})")  # split: gap, word, gap, word, ..., gap


def encode(positions: Iterable[int]) -> bytes:
    """Sorted word positions as gaps: uint16s, or `WIDE` and uint32s when a gap is larger."""
    gaps = array("I")
    last = 0
    for position in positions:
        gaps.append(position - last)
        last = position
    if not gaps or max(gaps) < SHORT_GAP:
        return array("H", gaps).tobytes()
    return WIDE + gaps.tobytes()


def decode(value: bytes) -> list[int]:
    """The positions `encode` wrote."""
    gaps = _gaps(value)
    return np.cumsum(gaps).tolist() if len(gaps) else []


def count(value: bytes) -> int:
    """How many positions `value` holds."""
    return len(value) // 2 if len(value) % 2 == 0 else (len(value) - 1) // 4


def _gaps(value: bytes) -> np.ndarray:
    if len(value) % 2 == 0:
        return np.frombuffer(value, np.uint16).astype(np.int64)
    return np.frombuffer(value, np.uint32, offset=1).astype(np.int64)


def decode_many(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(positions, how many each value holds) of many values at once, in order."""
    counts = np.fromiter(map(count, values), np.int64, len(values))
    if all(len(v) % 2 == 0 for v in values):
        gaps = np.frombuffer(b"".join(values), np.uint16).astype(np.int64)
    else:
        gaps = np.concatenate([_gaps(v) for v in values]) if values else np.zeros(0, np.int64)
    running = np.cumsum(gaps)
    before = np.cumsum(counts) - counts  # index of each value's first gap
    restart = np.zeros(len(values), np.int64)
    has = counts > 0
    restart[has] = running[before[has]] - gaps[before[has]]
    return running - np.repeat(restart, counts), counts


def encode_sorted(order: np.ndarray, counts: list[int]) -> list[bytes]:
    """Each term's encoded positions from all positions grouped by term (sorted in each group)."""
    gaps = np.empty(len(order), np.int64)
    if len(order):
        gaps[0] = order[0]
        gaps[1:] = order[1:] - order[:-1]
    starts = np.cumsum(counts) - np.asarray(counts, np.int64)
    gaps[starts] = order[starts]
    if len(order) <= SHORT_GAP:  # no gap can reach SHORT_GAP
        short = gaps.astype(np.uint16).tobytes()
        return [short[2 * a : 2 * (a + n)] for a, n in zip(starts.tolist(), counts, strict=True)]
    return [encode(order[a : a + n].tolist()) for a, n in zip(starts.tolist(), counts, strict=True)]


def marks(word_starts: np.ndarray) -> bytes:
    """The marks of a body from the character offset of each of its words."""
    return np.ascontiguousarray(word_starts[::MARK_EVERY], np.uint32).tobytes()


def locate(body: str, marks_: bytes, positions: Iterable[int]) -> dict[int, tuple[int, int]]:
    """(start, end) in `body` of the words at `positions`, read on from the marks before them.

    The words between two marks are cut by one regex split of that stretch (in C), their
    offsets the running sums of the pieces' lengths, as when the body was indexed.
    """
    starts = array("I")
    starts.frombytes(marks_)
    wanted: dict[int, list[int]] = {}
    for position in positions:
        wanted.setdefault(position >> MARK_SHIFT, []).append(position)
    found: dict[int, tuple[int, int]] = {}
    for mark, inside in wanted.items():
        if mark >= len(starts):
            continue
        begin = starts[mark]
        end = starts[mark + 1] if mark + 1 < len(starts) else len(body)
        edges = list(accumulate(map(len, WORD_OR_GAP.split(body[begin:end])), initial=begin))
        for position in inside:
            at = 2 * (position & (MARK_EVERY - 1)) + 1  # gap, word, gap, word, ...
            if at + 1 < len(edges):
                found[position] = (edges[at], edges[at + 1])
    return found
