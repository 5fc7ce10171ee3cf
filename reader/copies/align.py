"""Verification: match the sentences of two documents and join the matches into passages.

Stems are weighted by their rarity in the set of documents (inverse document frequency), so that
the names and words every report of an event uses count for little and the wording of one
article counts for much. Two units match when they share most of their stem weight (a weighted
Dice >= `STRONG`), or when one nearly holds
the other (a sentence trimmed or extended). A weaker match (Dice >= `WEAK`) counts only next to a
strong one in the same order in both documents: a reworded sentence inside a copied run. Matches
are one-to-one, best first. Consecutive matches in both documents (allowing a dropped sentence)
form one passage, so reordered copies give several passages and identical copies give one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from reader.copies.model import Passage
from reader.copies.units import Unit

STRONG = 0.5
WEAK = 0.3
CONTAINED = 0.8  # share of the smaller unit's stems found in the larger one
MIN_SHARED = 3
MAX_GAP = 2  # units skipped inside one passage (dropped or added sentences)

Match = tuple[int, int]
Weights = dict[int, float]


def frequencies(documents: Iterable[Iterable[Unit]]) -> tuple[Counter[int], int]:
    """How many documents each stem occurs in, and how many documents there are."""
    frequency: Counter[int] = Counter()
    count = 0
    for units in documents:
        frequency.update({s for unit in units for s in unit.stems})
        count += 1
    return frequency, count


def weights(frequency: Counter[int], documents: int) -> Weights:
    """The weight of every stem: its inverse document frequency."""
    return {stem: math.log((documents + 1) / (df + 0.5)) for stem, df in frequency.items()}


def _scored(a: Sequence[Unit], b: Sequence[Unit], weight: Weights) -> list[tuple[float, int, int]]:
    """Every unit pair worth considering, as (score, i, j), best first."""
    where: dict[int, list[int]] = {}
    for i, unit in enumerate(a):
        for stem in unit.stems:
            where.setdefault(stem, []).append(i)
    mass_a = [sum(weight.get(s, 1.0) for s in unit.stems) for unit in a]
    scored = []
    for j, unit in enumerate(b):
        shared: Counter[int] = Counter()
        mass: dict[int, float] = {}
        for stem in unit.stems:
            w = weight.get(stem, 1.0)
            for i in where.get(stem, ()):
                shared[i] += 1
                mass[i] = mass.get(i, 0.0) + w
        mass_b = sum(weight.get(s, 1.0) for s in unit.stems)
        for i, count in shared.items():
            if count < MIN_SHARED:
                continue
            score = 2 * mass[i] / (mass_a[i] + mass_b)
            if count >= 5 and mass[i] >= CONTAINED * min(mass_a[i], mass_b):
                score = max(score, STRONG)
            if score >= WEAK:
                scored.append((score, i, j))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    return scored


def match_units(a: Sequence[Unit], b: Sequence[Unit], weight: Weights) -> list[Match]:
    """One-to-one matches (i in a, j in b), sorted by i."""
    scored = _scored(a, b, weight)
    taken_a: dict[int, int] = {}
    taken_b: set[int] = set()
    weak = []
    for score, i, j in scored:
        if i in taken_a or j in taken_b:
            continue
        if score >= STRONG:
            taken_a[i] = j
            taken_b.add(j)
        else:
            weak.append((i, j))
    for i, j in weak:  # best first; a weak match needs a strong neighbour in order
        if i in taken_a or j in taken_b:
            continue
        if taken_a.get(i - 1) == j - 1 or taken_a.get(i + 1) == j + 1:
            taken_a[i] = j
            taken_b.add(j)
    return sorted(taken_a.items())


def passages(a: Sequence[Unit], b: Sequence[Unit], matches: Sequence[Match]) -> list[Passage]:
    """Runs of matches that follow each other in both documents, as spans of text."""
    runs: list[list[Match]] = []
    for i, j in matches:
        if runs:
            last_i, last_j = runs[-1][-1]
            if i - last_i <= MAX_GAP and 0 < j - last_j <= MAX_GAP:
                runs[-1].append((i, j))
                continue
        runs.append([(i, j)])
    return [
        Passage(
            (a[run[0][0]].start, a[run[-1][0]].end),
            (b[run[0][1]].start, b[run[-1][1]].end),
        )
        for run in runs
    ]


def shares(
    a: Sequence[Unit], b: Sequence[Unit], matches: Sequence[Match], words: tuple[int, int]
) -> tuple[float, float]:
    """The part of each document's words (outside quotes) in matched units."""
    in_a = sum(a[i].words for i, _ in matches)
    in_b = sum(b[j].words for _, j in matches)
    return min(1.0, in_a / max(1, words[0])), min(1.0, in_b / max(1, words[1]))
