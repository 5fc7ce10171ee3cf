"""Variant links as Spark stages, in the order and with the code of `reader.quotes.linking`.

The desktop `link_quotes` runs five passes over one list of quotes; each is a set of pairs
verified on their own, so each becomes: candidate pairs by a keyed shuffle, the two quotes'
records joined on, the desktop verifier run in `mapPartitions`. A quote's place in that list is
its `position` (document order, then quote order), so "a later quote" means the same here.

1. shingles and one speaker's rare words: posting lists built by key, capped as the desktop caps
   them (DF_CAP, SPEAKER_WORD_CAP: a longer list is stock wording, dropped, so no key is skewed);
   each pair of a list is counted, and the desktop's rules for who looks at whom decide which
   directions are verified;
2. quotes of one story (documents sharing a link) compared as translations;
3. the joined halves of split quotes against their candidates and their stories' quotes;
4. pairs implied by strong links, inside strong groups (connected components) of at most
   GROUP_CAP quotes;
5. phrases that failed in pass 1, again inside one story.

A record is `(Prepared, shingle_df)`: the quote made comparable, and the document frequency of
each of its shingles (DF_CAP + 1 for stock ones). Word and root IDF are corpus-wide dicts
broadcast to the executors; a pair is verified with those and the union of its two shingle
counts, which is every count the desktop verifier looks up for that pair.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from reader.quotes.candidates import (
    DF_CAP,
    MIN_SHARED,
    SPEAKER_WORD_CAP,
    Context,
    Prepared,
    common_floor,
    one_story,
    rare_roots,
    story_floor,
)
from reader.quotes.linking import (
    GROUP_CAP,
    IN_GROUP,
    _half_matches,
    _partial_link,
    _same_speaker,
    _verify,
    _verifytranslation,
)
from reader.quotes.model import Link, LinkKind, QuoteKind
from reader.scale.components import components

Record = tuple[Prepared, dict[int, int]]
Entry = tuple[int, str, tuple[bool, bool, bool, bool]]  # position, doc, looking flags
Row = tuple[int, int, Link, str, str, bool]  # positions a < b, link, documents, a phrase in it


@dataclass(slots=True)
class Weights:
    """Word and root IDF, broadcast; what a verifier needs besides the two records."""

    idf: Any  # broadcast dict
    root_idf: Any  # broadcast dict

    def context(self, *shingle_dfs: dict[int, int]) -> Context:
        merged: dict[int, int] = {}
        for found in shingle_dfs:
            merged.update(found)
        return Context(self.idf.value, self.root_idf.value, merged, DF_CAP)


@dataclass(slots=True)
class Corpus:
    """What every stage needs: the records by position, the weights, the partitions."""

    records: Any  # RDD (position, Record), partitioned and cached
    weights: Weights
    count: int  # quotes in the corpus
    partitions: int


def link_all(corpus: Corpus, wholes: Any, joined: Any) -> Any:
    """Every link between the quotes, as an RDD of Rows (each pair once, positions a < b).

    `wholes` is the RDD (position, Prepared), `joined` the RDD (position of the first half,
    (joined Prepared, its two halves))."""
    shingles, by_speaker = postings(corpus, wholes)
    found, phrases = _first_pass(corpus, shingles, by_speaker)
    found = found.union(_story_pass(corpus, wholes, found)).cache()
    found = found.union(_split_pass(corpus, wholes, joined, found, shingles, by_speaker)).cache()
    found = found.union(_closing_pass(corpus, found)).cache()
    return found.union(_phrase_pass(corpus, found, phrases)).cache()


# -- posting lists --------------------------------------------------------------------------
def postings(corpus: Corpus, wholes: Any) -> tuple[Any, Any]:
    """(shingle, entries) for shingles held by 2..DF_CAP quotes and ((speaker, word), entries)
    for a speaker's words (IDF above the common floor) held by at most SPEAKER_WORD_CAP quotes."""
    entries = wholes.map(lambda item: (item[1], _entry(*item))).cache()
    shingles = _capped(
        entries.flatMap(lambda item: [(s, item[1]) for s in item[0].whole.shingles]),
        DF_CAP,
        corpus.partitions,
    ).filter(lambda item: len(item[1]) > 1)
    floor, idf = common_floor(), corpus.weights.idf
    spoken = entries.filter(lambda item: item[0].speaker is not None).flatMap(
        lambda item: [
            ((item[0].speaker[1], word), item[1])
            for word in item[0].whole.content
            if idf.value[word] > floor
        ]
    )
    return shingles.cache(), _capped(spoken, SPEAKER_WORD_CAP, corpus.partitions).cache()


def records_of(wholes: Any, partitions: int) -> Any:
    """(position, Record) for every quote, partitioned by position: the shingle counts are
    DF_CAP + 1 for a shingle held by more quotes."""
    held = wholes.flatMap(lambda item: [(s, (item[0],)) for s in item[1].whole.shingles])
    told = _capped(held, DF_CAP, partitions).flatMap(
        lambda item: [(entry[0], (item[0], len(item[1]))) for entry in item[1]]
    )
    counted = told.groupByKey(partitions).mapValues(dict)
    return wholes.leftOuterJoin(counted, partitions).mapValues(_fill_stock)


def _fill_stock(value: tuple[Prepared, dict[int, int] | None]) -> Record:
    prepared, counted = value
    counted = counted or {}
    return prepared, {s: counted.get(s, DF_CAP + 1) for s in prepared.whole.shingles}


def _entry(position: int, item: Prepared) -> Entry:
    kind, whole = item.quote.kind, item.whole
    single_phrase = kind == QuoteKind.PHRASE and len(whole.shingles) == 1
    flags = (single_phrase, item.speaker is not None, len(whole.content) >= MIN_SHARED,
             kind == QuoteKind.QUOTE)  # fmt: skip
    return position, item.quote.doc, flags


def _capped(pairs: Any, cap: int, partitions: int) -> Any:
    """(key, sorted entries) for keys held at most `cap` times; longer lists are dropped while
    they are merged, so a very common key never gathers in one place."""

    def merge(a: list[Any] | None, b: list[Any] | None) -> list[Any] | None:
        if a is None or b is None or len(a) + len(b) > cap:
            return None
        return a + b

    lists = pairs.combineByKey(lambda entry: [entry], lambda a, e: merge(a, [e]), merge, partitions)
    return lists.filter(lambda item: item[1] is not None).mapValues(sorted)


# -- pass 1: candidates by shared rare shingles and one speaker's rare words ---------------------
def _first_pass(corpus: Corpus, shingles: Any, by_speaker: Any) -> tuple[Any, Any]:
    counted = (
        shingles.flatMap(lambda item: _list_pairs(item[1], (1, 0)))
        .union(by_speaker.flatMap(lambda item: _list_pairs(item[1], (0, 1))))
        .reduceByKey(_add_counts, corpus.partitions)
        .flatMap(_directions)
    )

    weights = corpus.weights

    def verify(items: Iterable[Any]) -> Iterator[tuple[str, Any]]:
        for directions, (a, record_a), (b, record_b) in items:
            context = weights.context(record_a[1], record_b[1])
            tries = [(record_a[0], record_b[0])] if directions[0] else []
            tries += [(record_b[0], record_a[0])] if directions[1] else []
            link = _first_link(tries, context)
            docs = (record_a[0].quote.doc, record_b[0].quote.doc)
            phrase = QuoteKind.PHRASE in (record_a[0].quote.kind, record_b[0].quote.kind)
            if link is not None:
                yield "link", (a, b, link, *docs, phrase)
            elif phrase:
                yield "phrase", ((a, b), docs)

    verified = _attach(counted, corpus).mapPartitions(verify).cache()
    found = verified.filter(lambda item: item[0] == "link").map(lambda item: item[1])
    phrases = verified.filter(lambda item: item[0] == "phrase").map(lambda item: item[1])
    return found.cache(), phrases


def _list_pairs(entries: list[Entry], counts: tuple[int, int]) -> Iterator[Any]:
    for x, y in itertools.combinations(entries, 2):
        if x[1] != y[1]:
            yield (x[0], y[0]), (counts, x[2], y[2])


def _add_counts(a: Any, b: Any) -> Any:
    return (a[0][0] + b[0][0], a[0][1] + b[0][1]), a[1], a[2]


def _directions(item: Any) -> Iterator[Any]:
    """The pair with which of its two quotes looks for the other (see `candidates`)."""
    pair, ((by_shingles, by_words), flags_a, flags_b) = item
    directions = (
        _looks(by_shingles, by_words, flags_a, True),
        _looks(by_shingles, by_words, flags_b, False),
    )
    if any(directions):
        yield pair, directions


def _looks(by_shingles: int, by_words: int, flags: tuple[bool, ...], later: bool) -> bool:
    single_phrase, spoken, wordy, quote = flags
    if by_shingles >= 1 if single_phrase else later and by_shingles >= MIN_SHARED:
        return True
    if not spoken:
        return False
    return later and by_words >= MIN_SHARED if wordy else quote and by_words >= 1


def _first_link(tries: list[tuple[Prepared, Prepared]], context: Context) -> Link | None:
    for item, other in tries:
        link = _verify(item, other, context)
        if link is None and _same_speaker(item, other):
            link = _verifytranslation(item, other, context)
        if link is not None:
            return link
    return None


# -- pass 2: quotes of one story as translations -------------------------------------------------
def _story_pass(corpus: Corpus, wholes: Any, found: Any) -> Any:
    stories = found.map(lambda row: (_story_of(row), 0)).reduceByKey(_first, corpus.partitions)
    floor, root_idf = story_floor(corpus.count), corpus.weights.root_idf
    full = wholes.filter(lambda item: item[1].quote.kind != QuoteKind.PHRASE).map(
        lambda item: (item[1].quote.doc, (item[0], item[1]))
    )
    sides = _story_sides(stories, full, corpus.partitions)
    linked = found.map(lambda row: (_story_of(row), (None, (row[0], row[1]))))
    tagged = sides.union(linked).groupByKey(corpus.partitions)

    def verify(items: Iterable[Any]) -> Iterator[Row]:
        context = Context({}, root_idf.value, {}, DF_CAP)
        for (doc_a, doc_b), values in items:
            side: dict[str, list[Any]] = {doc_a: [], doc_b: []}
            done: set[tuple[int, int]] = set()
            for tag, value in values:
                if tag is None:
                    done.add(value)
                else:
                    side[tag].append((*value, rare_roots(value[1], context, floor)))
            for (x, px, rx), (y, py, ry) in itertools.product(side[doc_a], side[doc_b]):
                (a, pa), (b, pb) = sorted(((x, px), (y, py)), key=lambda item: item[0])
                if (a, b) not in done and one_story(px, py, rx, ry):
                    link = _verifytranslation(pa, pb, context)
                    if link is not None:
                        yield a, b, link, pa.quote.doc, pb.quote.doc, False

    return tagged.mapPartitions(verify)


def _story_of(row: Row) -> tuple[str, str]:
    return (row[3], row[4]) if row[3] < row[4] else (row[4], row[3])


def _first(a: Any, b: Any) -> Any:
    return a


def _story_sides(stories: Any, by_doc: Any, partitions: int) -> Any:
    """((doc a, doc b), (doc, value)) for each value of either document of each story."""
    ends = stories.flatMap(lambda item: [(item[0][0], item[0]), (item[0][1], item[0])])
    return ends.join(by_doc, partitions).map(lambda item: (item[1][0], (item[0], item[1][1])))


# -- pass 3: the joined halves of split quotes --------------------------------------------------
def _split_pass(
    corpus: Corpus, wholes: Any, joined: Any, found: Any, shingles: Any, by_speaker: Any
) -> Any:
    near = _joined_candidates(corpus, joined, shingles, by_speaker).union(
        _joined_story(corpus, wholes, joined, found)
    )
    pairs = near.map(lambda pair: (pair, 0)).reduceByKey(_first, corpus.partitions)
    by_joined = pairs.map(lambda item: (item[0][0], item[0][1]))
    with_joined = by_joined.join(joined, corpus.partitions).map(
        lambda item: (item[1][0], (item[0], item[1][1]))
    )

    weights = corpus.weights

    def verify(items: Iterable[Any]) -> Iterator[Any]:
        for other, ((key, (whole, halves)), record) in items:
            item = record[0]
            if item.quote.doc == whole.quote.doc or item.quote.kind == QuoteKind.PHRASE:
                continue
            context = weights.context(record[1])
            link = _verify(whole, item, context) or _verifytranslation(whole, item, context)
            if link is None:
                continue
            assert whole.halves is not None
            for position, half in zip(whole.halves, halves, strict=True):
                if _half_matches(half, item, context):
                    pair = (min(position, other), max(position, other))
                    docs = (half.quote.doc, item.quote.doc)[:: 1 if position < other else -1]
                    made = _partial_link(half.quote, item.quote, link.score)
                    yield pair, (key, made, *docs)

    made = _keyed_join(with_joined, corpus.records, corpus.partitions).mapPartitions(verify)
    known = found.map(lambda row: ((row[0], row[1]), None))
    fresh = made.reduceByKey(min, corpus.partitions).subtractByKey(known, corpus.partitions)
    return fresh.map(lambda item: (*item[0], *item[1][1:], False))


def _joined_candidates(corpus: Corpus, joined: Any, shingles: Any, by_speaker: Any) -> Any:
    """(joined key, position) for the quotes `candidates(-1, joined, ...)` gives."""

    def shingle_keys(item: Any) -> Iterator[Any]:
        key, (whole, _) = item
        for shingle in whole.whole.shingles:
            yield shingle, (key, whole.quote.doc)

    def word_keys(item: Any) -> Iterator[Any]:
        key, (whole, _) = item
        if whole.speaker is not None:
            least = MIN_SHARED if len(whole.whole.content) >= MIN_SHARED else 1
            for word in whole.whole.content:
                yield (whole.speaker[1], word), (key, whole.quote.doc, least)

    by_shingles = (
        joined.flatMap(shingle_keys)
        .join(shingles, corpus.partitions)
        .flatMap(lambda item: _hits(item[1][0], item[1][1], "shingles", MIN_SHARED))
    )
    by_words = (
        joined.flatMap(word_keys)
        .join(by_speaker, corpus.partitions)
        .flatMap(lambda item: _hits(item[1][0][:2], item[1][1], "words", item[1][0][2]))
    )
    counted = by_shingles.union(by_words).reduceByKey(_add_least, corpus.partitions)
    return counted.filter(lambda item: item[1][0] >= item[1][1]).map(lambda item: item[0][0])


def _hits(looking: tuple[int, str], entries: list[Entry], by: str, least: int) -> Iterator[Any]:
    key, doc = looking
    for position, other_doc, _ in entries:
        if other_doc != doc:
            yield ((key, position), by), (1, least)


def _add_least(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return a[0] + b[0], a[1]


def _joined_story(corpus: Corpus, wholes: Any, joined: Any, found: Any) -> Any:
    """(joined key, position) for every quote of a document sharing a link with its document."""
    linked = found.flatMap(lambda row: [(row[3], row[4]), (row[4], row[3])]).distinct()
    by_doc = joined.map(lambda item: (item[1][0].quote.doc, item[0]))
    others = by_doc.join(linked, corpus.partitions).map(lambda item: (item[1][1], item[1][0]))
    quotes = wholes.map(lambda item: (item[1].quote.doc, item[0]))
    return others.join(quotes, corpus.partitions).map(lambda item: item[1])


# -- pass 4: pairs implied by strong links ------------------------------------------------------
def _closing_pass(corpus: Corpus, found: Any) -> Any:
    strong = found.filter(lambda row: row[2].kind != LinkKind.PARTIAL)
    labels = components(strong.map(lambda row: (row[0], row[1])), corpus.partitions)
    ends = found.flatMap(lambda row: [(row[0], 0), (row[1], 0)]).distinct(corpus.partitions)
    label_of = ends.leftOuterJoin(labels, corpus.partitions).map(
        lambda item: (item[0], item[0] if item[1][1] is None else item[1][1])
    )
    kinds = _keyed_join(label_of, corpus.records, corpus.partitions).map(
        lambda item: (item[0], (item[1][0], item[1][1][0].quote.kind))
    )
    members = kinds.filter(lambda item: item[1][1] != QuoteKind.PHRASE).map(
        lambda item: (item[1][0], item[0])
    )
    groups = _capped(members, GROUP_CAP, corpus.partitions).cache()
    inside = groups.flatMap(lambda item: itertools.combinations(item[1], 2))
    across = _across_partials(corpus, found, label_of, groups)
    known = found.map(lambda row: ((row[0], row[1]), None))
    pairs = (
        inside.union(across)
        .map(lambda pair: (pair, 0))
        .reduceByKey(_first, corpus.partitions)
        .subtractByKey(known, corpus.partitions)
    )
    return _attach(pairs, corpus).mapPartitions(_verify_in_group(corpus))


def _across_partials(corpus: Corpus, found: Any, label_of: Any, groups: Any) -> Any:
    """Pairs across each partial link: the strong members on either side (product capped)."""
    partial = found.filter(lambda row: row[2].kind == LinkKind.PARTIAL).map(
        lambda row: (row[0], row[1])
    )
    with_a = partial.join(label_of, corpus.partitions).map(lambda item: (item[1][0], item[1][1]))
    with_both = with_a.join(label_of, corpus.partitions).map(lambda item: item[1])
    sides_a = with_both.join(groups, corpus.partitions).map(lambda item: (item[1][0], item[1][1]))
    sides = sides_a.join(groups, corpus.partitions).map(lambda item: item[1])
    return sides.filter(lambda item: len(item[0]) * len(item[1]) <= GROUP_CAP).flatMap(
        lambda item: [(min(x, y), max(x, y)) for x in item[0] for y in item[1]]
    )


def _verify_in_group(corpus: Corpus) -> Any:
    weights = corpus.weights

    def verify(items: Iterable[Any]) -> Iterator[Row]:
        for _, (a, record_a), (b, record_b) in items:
            doc_a, doc_b = record_a[0].quote.doc, record_b[0].quote.doc
            if doc_a == doc_b:
                continue
            context = weights.context(record_a[1], record_b[1])
            link = _verify(record_a[0], record_b[0], context, IN_GROUP)
            if link is not None:
                phrase = QuoteKind.PHRASE in (record_a[0].quote.kind, record_b[0].quote.kind)
                yield a, b, link, doc_a, doc_b, phrase

    return verify


# -- pass 5: phrases of one story ---------------------------------------------------------------
def _phrase_pass(corpus: Corpus, found: Any, phrases: Any) -> Any:
    stories = found.filter(lambda row: not row[5]).map(lambda row: (_story_of(row), 0))
    stories = stories.reduceByKey(_first, corpus.partitions)
    by_story = phrases.map(lambda item: (tuple(sorted(item[1])), item[0]))
    known = found.map(lambda row: ((row[0], row[1]), None))
    pairs = (
        by_story.join(stories, corpus.partitions)
        .map(lambda item: (item[1][0], 0))
        .reduceByKey(_first, corpus.partitions)
        .subtractByKey(known, corpus.partitions)
    )
    return _attach(pairs, corpus).mapPartitions(_verify_in_group(corpus))


# -- joining records ----------------------------------------------------------------------------
def _keyed_join(small: Any, records: Any, partitions: int) -> Any:
    """`small.join(records)` moving only `small`: it is partitioned as the records are."""
    return small.partitionBy(partitions).join(records, partitions)


def _attach(pairs: Any, corpus: Corpus) -> Any:
    """(value, (a, record a), (b, record b)) for each ((a, b), value) of `pairs`."""
    by_a = pairs.map(lambda item: (item[0][0], (item[0][1], item[1])))
    with_a = _keyed_join(by_a, corpus.records, corpus.partitions).map(_key_by_b)
    return _keyed_join(with_a, corpus.records, corpus.partitions).map(_unpack)


def _key_by_b(item: Any) -> Any:
    a, ((b, value), record_a) = item
    return b, (a, value, record_a)


def _unpack(item: Any) -> Any:
    b, ((a, value, record_a), record_b) = item
    return value, (a, record_a), (b, record_b)
