"""Canonical speaker names across the corpus, as a keyed aggregation.

`reader.quotes.speakers.canonical_names` needs every name with its count (most common first,
ties by first sighting), the role words given with it and the (name, role) pairs to resolve.
Names are aggregated by name, then grouped by their surname bucket (first and last letter of the
folded surname): `People` only ever compares names of one bucket, so each bucket is resolved on
its own, with the desktop code, in the same order. Only the resolved names reach the driver
(one entry per distinct name and role), never the quotes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from reader.quotes.model import Quote, is_unnamed
from reader.quotes.speakers import People, parse_speaker, role_heads, surname_key

Stats = tuple[int, tuple[int, int], frozenset[str], frozenset[str]]  # count, first, heads, roles


def canonical_map(quotes: Any, partitions: int) -> dict[tuple[str, str], str]:
    """(name, role) -> canonical name for every name and role `apply_names` will ask for;
    `quotes` is an RDD of (position, Quote)."""
    stats = quotes.flatMap(_sightings).reduceByKey(_merge, partitions)
    buckets = stats.map(lambda item: (_bucket(item[0]), item)).groupByKey(partitions)
    return dict(buckets.flatMap(_resolve).collect())


def apply_names(quote: Quote, names: dict[tuple[str, str], str]) -> None:
    """Rewrite the speaker and the guess of `quote` as `canonical_names` does."""
    if quote.speaker and not quote.unnamed:
        name, role = parse_speaker(quote.speaker)
        quote.role = quote.role or role
        quote.speaker = names[(name, quote.role)]
    if quote.speaker_guess and not is_unnamed(quote.speaker_guess):
        quote.speaker_guess = names[(parse_speaker(quote.speaker_guess)[0], "")]


def _sightings(item: tuple[int, Quote]) -> Iterator[tuple[str, Stats]]:
    position, quote = item
    if quote.speaker and not quote.unnamed:
        name, role = parse_speaker(quote.speaker)
        wanted = quote.role or role
        yield name, (1, (position, 0), frozenset(role_heads(wanted)), frozenset([wanted]))
    if quote.speaker_guess and not is_unnamed(quote.speaker_guess):
        name = parse_speaker(quote.speaker_guess)[0]
        yield name, (1, (position, 1), frozenset(), frozenset([""]))


def _merge(a: Stats, b: Stats) -> Stats:
    return a[0] + b[0], min(a[1], b[1]), a[2] | b[2], a[3] | b[3]


def _bucket(name: str) -> tuple[str, str]:
    words = name.split()
    key = surname_key(words[-1]) if words else ""
    return key[:1], key[-1:]


def _resolve(
    bucket: tuple[tuple[str, str], Iterable[tuple[str, Stats]]],
) -> Iterator[tuple[tuple[str, str], str]]:
    entries = sorted(bucket[1], key=lambda item: item[1][1])
    names = Counter({name: stats[0] for name, stats in entries})
    people = People(names, {name: set(stats[2]) for name, stats in entries})
    for name, stats in entries:
        for role in sorted(stats[3]):
            yield (name, role), people.canonical(name, role)
