"""Every corpus statistic of the linking in one shuffle, and the quotes' records built from it.

One keyed aggregation gives the number of quotes, each word's and each root's count (for the
IDF), and the posting lists of shingles and of a speaker's words. Posting lists are capped as
the desktop caps them (DF_CAP, SPEAKER_WORD_CAP): a list that grows longer is dropped while it
is merged, so a very common key (stock wording) never gathers in one place. From the shingle
lists each quote learns the count of its shingles (DF_CAP + 1 for stock ones): its record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from reader.quotes.candidates import (
    DF_CAP,
    MIN_SHARED,
    SPEAKER_WORD_CAP,
    Prepared,
    common_floor,
    idf_of,
)
from reader.quotes.model import QuoteKind
from reader.scale.session import keep

Entry = tuple[int, str, tuple[bool, bool, bool, bool]]  # position, doc, looking flags
Record = tuple[Prepared, dict[int, int]]
SAID = "said"  # key head of a speaker's word: (SAID, speaker, word)


def keyed_statistics(wholes: Any, partitions: int) -> Any:
    """RDD of (key, count) for ("quotes",), ("word", w), ("root", r), and of (key, (cap,
    entries or None)) for each shingle (an int) and each (SAID, speaker, word)."""

    def keys(item: tuple[int, Prepared]) -> Iterator[tuple[Any, Any]]:
        position, prepared = item
        entry, whole = _entry(position, prepared), prepared.whole
        yield ("quotes",), 1
        yield from ((("word", word), 1) for word in whole.content)
        yield from ((("root", root), 1) for root in whole.roots)
        yield from ((shingle, (DF_CAP, entry)) for shingle in whole.shingles)
        if prepared.speaker is not None:
            name = prepared.speaker[1]
            yield from (((SAID, name, w), (SPEAKER_WORD_CAP, entry)) for w in whole.content)

    return keep(wholes.flatMap(keys).combineByKey(_start, _add, _merge, partitions))


def weights_of(stats: Any) -> tuple[int, dict[str, float], dict[str, float]]:
    """The number of quotes, and word and root IDF, as `candidates.statistics` computes them."""
    counted: dict[str, dict[str, int]] = {"quotes": {}, "word": {}, "root": {}}
    for key, n in stats.filter(lambda item: isinstance(item[1], int)).collect():
        counted[key[0]][key[1] if len(key) > 1 else ""] = n
    count = counted["quotes"].get("", 0)
    return count, idf_of(counted["word"], count), idf_of(counted["root"], count)


def postings_of(stats: Any, idf: Any) -> Any:
    """(key, sorted entries): shingles held by 2..DF_CAP quotes, and a speaker's words above the
    common floor held by at most SPEAKER_WORD_CAP of their quotes (`speaker_postings`)."""
    floor = common_floor()

    def wanted(item: tuple[Any, Any]) -> bool:
        key, value = item
        if isinstance(value, int) or value[1] is None:
            return False
        if isinstance(key, int):
            return len(value[1]) > 1
        return bool(idf.value[key[2]] > floor)

    return keep(stats.filter(wanted).mapValues(lambda value: sorted(value[1])))


def records_of(wholes: Any, stats: Any, partitions: int) -> Any:
    """(position, Record) for every quote, partitioned by position."""
    told = stats.filter(lambda item: isinstance(item[0], int) and item[1][1] is not None).flatMap(
        lambda item: [(entry[0], (item[0], len(item[1][1]))) for entry in item[1][1]]
    )
    return wholes.cogroup(told, partitions).mapValues(_record)


def capped(pairs: Any, cap: int, partitions: int) -> Any:
    """(key, sorted values) for keys held at most `cap` times (longer lists are dropped)."""
    lists = pairs.combineByKey(lambda v: (cap, [v]), lambda a, v: _merge(a, (cap, [v])), _merge,
                               partitions)  # fmt: skip
    return lists.filter(lambda item: item[1][1] is not None).mapValues(lambda v: sorted(v[1]))


def _record(value: tuple[Iterable[Prepared], Iterable[tuple[int, int]]]) -> Record:
    prepared = next(iter(value[0]))
    counted = dict(value[1])
    return prepared, {s: counted.get(s, DF_CAP + 1) for s in prepared.whole.shingles}


def _entry(position: int, item: Prepared) -> Entry:
    kind, whole = item.quote.kind, item.whole
    single_phrase = kind == QuoteKind.PHRASE and len(whole.shingles) == 1
    flags = (single_phrase, item.speaker is not None, len(whole.content) >= MIN_SHARED,
             kind == QuoteKind.QUOTE)  # fmt: skip
    return position, item.quote.doc, flags


def _start(value: Any) -> Any:
    return value if isinstance(value, int) else (value[0], [value[1]])


def _add(state: Any, value: Any) -> Any:
    return _merge(state, _start(value))


def _merge(a: Any, b: Any) -> Any:
    if isinstance(a, int):
        return a + b
    cap = a[0]
    if a[1] is None or b[1] is None or len(a[1]) + len(b[1]) > cap:
        return cap, None
    return cap, a[1] + b[1]
