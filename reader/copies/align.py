"""Verification: match the sentences of two documents and join the matches into passages.

Stems are weighted by their rarity in the set of documents (inverse document frequency), so that
the names and words every report of an event uses count for little and the wording of one
article counts for much. Two units match when they share most of their stem weight (a weighted
Dice >= `STRONG`), or when one nearly holds the other (a sentence trimmed or extended). A weaker
match (Dice >= `WEAK`) counts only within `MAX_GAP` units of an accepted one, in the same order
in both documents: a reworded sentence inside a copied run. A rewording that splits a sentence in
two (or joins two) is met by comparing a unit with two neighbouring units taken together. Matches
are best first; a unit is in at most one match except through such a split. Consecutive matches
in both documents (allowing a dropped sentence) form one passage, so reordered copies give
several passages and identical copies give one.
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
Touching = dict[int, dict[int, float]]  # unit of a -> unit of b -> the stem weight they share


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


def _mass(stems: Iterable[int], weight: Weights) -> float:
    return sum(weight.get(s, 1.0) for s in stems)


def dice(a: frozenset[int], b: frozenset[int], weight: Weights) -> float:
    """The weighted Dice of two stem sets (the part of their weight they share)."""
    total = _mass(a, weight) + _mass(b, weight)
    return 2 * _mass(a & b, weight) / total if total else 0.0


def _scored(
    a: Sequence[Unit], b: Sequence[Unit], weight: Weights, masses: tuple[list[float], list[float]]
) -> tuple[list[tuple[float, int, int]], Touching]:
    """Unit pairs sharing `MIN_SHARED` stems as (score, i, j), best first; and for each unit
    of `a` the units of `b` it shares any stem with, with the weight they share."""
    where: dict[int, list[int]] = {}
    for i, unit in enumerate(a):
        for stem in unit.stems:
            where.setdefault(stem, []).append(i)
    mass_a, mass_b = masses
    scored = []
    touching: Touching = {}
    for j, unit in enumerate(b):
        shared: dict[int, list[float]] = {}  # i -> [stems shared, weight shared]
        for stem in unit.stems:
            rows = where.get(stem)
            if rows is None:
                continue
            w = weight.get(stem, 1.0)
            for i in rows:
                entry = shared.get(i)
                if entry is None:
                    shared[i] = [1, w]
                else:
                    entry[0] += 1
                    entry[1] += w
        for i, (count, mass) in shared.items():
            touching.setdefault(i, {})[j] = mass
            if count < MIN_SHARED:
                continue
            score = 2 * mass / (mass_a[i] + mass_b[j])
            if count >= 5 and mass >= CONTAINED * min(mass_a[i], mass_b[j]):
                score = max(score, STRONG)
            scored.append((score, i, j))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    return scored, touching


def _near(taken: dict[int, int], i: int, j: int) -> bool:
    """Whether an accepted match lies within `MAX_GAP` of (i, j), in the same order."""
    for di in (*range(-MAX_GAP, 0), *range(1, MAX_GAP + 1)):
        other = taken.get(i + di)
        if other is not None and 0 < (other - j) * (1 if di > 0 else -1) <= MAX_GAP:
            return True
    return False


def unit_masses(units: Sequence[Unit], weight: Weights) -> list[float]:
    """The stem weight of each unit."""
    return [_mass(u.stems, weight) for u in units]


def match_units(
    a: Sequence[Unit],
    b: Sequence[Unit],
    weight: Weights,
    masses: tuple[list[float], list[float]] | None = None,
) -> list[Match]:
    """Matches (i in a, j in b), sorted: one-to-one, plus the halves of split sentences.

    `masses` are the `unit_masses` of `a` and `b`, when known.
    """
    masses = masses or (unit_masses(a, weight), unit_masses(b, weight))
    scored, touching = _scored(a, b, weight, masses)
    scored = [s for s in scored if s[0] >= WEAK]
    taken_a: dict[int, int] = {}
    taken_b: set[int] = set()
    for score, i, j in scored:
        if score >= STRONG and i not in taken_a and j not in taken_b:
            taken_a[i] = j
            taken_b.add(j)
    added = bool(taken_a)
    while added:  # weak matches grow the runs, best first, until none fits
        added = False
        for _score, i, j in scored:
            if i not in taken_a and j not in taken_b and _near(taken_a, i, j):
                taken_a[i] = j
                taken_b.add(j)
                added = True
    matches = set(taken_a.items())
    if not matches:
        return []
    matches |= _splits(a, b, weight, matches, (touching, masses[1]))
    back: Touching = {}
    for i, shared in touching.items():
        for j, mass in shared.items():
            back.setdefault(j, {})[i] = mass
    flipped = {(j, i) for i, j in matches}
    matches |= {(i, j) for j, i in _splits(b, a, weight, flipped, (back, masses[0]))}
    return sorted(matches)


def _splits(
    a: Sequence[Unit],
    b: Sequence[Unit],
    weight: Weights,
    matches: set[Match],
    near_b: tuple[Touching, list[float]],
) -> set[Match]:
    """Units of `a` left unmatched that, with a neighbour, match a unit of `b` better.

    A matched neighbour keeps its match and the unit joins it when together they match that
    unit of `b` better than the neighbour alone; two unmatched neighbours match a unit of `b`
    together at `STRONG`. Only units within `MAX_GAP` of a match are tried: a split sentence is
    part of a copied run. `near_b` holds, for each unit of `a`, the weight it shares with
    units of `b`, and the weight of each unit of `b`.
    """
    touching, mass_b = near_b
    partner = dict(matches)
    taken_b = {j for _, j in matches}
    found: set[Match] = set()
    near = {i + d for i in partner for d in range(-MAX_GAP, MAX_GAP + 1)}
    for i in sorted(near):
        if i in partner or i not in touching:
            continue
        unit = a[i]
        for k in (i - 1, i + 1):
            if not 0 <= k < len(a):
                continue
            both = unit.stems | a[k].stems
            if k in partner:
                j = partner[k]
                if j in touching[i] and dice(both, b[j].stems, weight) > max(
                    WEAK, dice(a[k].stems, b[j].stems, weight)
                ):
                    found.add((i, j))
                    break
                continue
            bounds = dict(touching[i])
            for j, mass in touching.get(k, {}).items():
                bounds[j] = bounds.get(j, 0.0) + mass
            free = _best_free(both, b, weight, bounds, mass_b, taken_b)
            if free is not None:
                found |= {(i, free), (k, free)}
                partner[i] = partner[k] = free
                taken_b.add(free)
                break
    return found


def _best_free(
    stems: frozenset[int],
    b: Sequence[Unit],
    weight: Weights,
    bounds: dict[int, float],
    mass_b: list[float],
    taken: set[int],
) -> int | None:
    """The free unit of `b` matching `stems` (two neighbours together) at `STRONG` or better.

    `bounds[j]` is at least the weight `stems` shares with `b[j]`, so most units are ruled out
    without a set operation.
    """
    best, found = STRONG, None
    mass = _mass(stems, weight)
    for j, bound in sorted(bounds.items()):
        if j in taken or 2 * bound < best * (mass + mass_b[j]):
            continue
        shared = stems & b[j].stems
        score = 2 * _mass(shared, weight) / (mass + mass_b[j])
        if len(shared) >= MIN_SHARED and score >= best:
            best, found = score, j
    return found


def passages(a: Sequence[Unit], b: Sequence[Unit], matches: Sequence[Match]) -> list[Passage]:
    """Runs of matches that follow each other in both documents, as spans of text."""
    runs: list[list[Match]] = []
    for i, j in sorted(matches):
        if runs:
            last_i, last_j = runs[-1][-1]
            if 0 <= i - last_i <= MAX_GAP and 0 <= j - last_j <= MAX_GAP:
                runs[-1].append((i, j))
                continue
        runs.append([(i, j)])
    return [
        Passage(
            (a[min(i for i, _ in run)].start, a[max(i for i, _ in run)].end),
            (b[min(j for _, j in run)].start, b[max(j for _, j in run)].end),
        )
        for run in runs
    ]


def shares(a: Sequence[Unit], b: Sequence[Unit], matches: Sequence[Match]) -> tuple[float, float]:
    """The part of each document's unit words (its comparable text) in matched units."""
    in_a = sum(a[i].words for i in {i for i, _ in matches})
    in_b = sum(b[j].words for j in {j for _, j in matches})
    total_a, total_b = sum(u.words for u in a), sum(u.words for u in b)
    return in_a / max(1, total_a), in_b / max(1, total_b)
