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
    Context,
    Prepared,
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
from reader.scale.session import keep
from reader.scale.statistics import SAID, Entry, capped

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


def link_all(corpus: Corpus, wholes: Any, joined: Any, postings: Any) -> Any:
    """Every link between the quotes, as an RDD of Rows (each pair once, positions a < b).

    `wholes` is the RDD (position, Prepared), `joined` the RDD (position of the first half,
    (joined Prepared, its two halves)), `postings` that of `statistics.postings_of`."""
    found, phrases = _first_pass(corpus, postings)
    found = keep(found.union(_story_pass(corpus, wholes, found)))
    found = keep(found.union(_split_pass(corpus, wholes, joined, found, postings)))
    found = keep(found.union(_closing_pass(corpus, found)))
    return keep(found.union(_phrase_pass(corpus, found, phrases)))


# -- pass 1: candidates by shared rare shingles and one speaker's rare words ---------------------
def _first_pass(corpus: Corpus, postings: Any) -> tuple[Any, Any]:
    counted = (
        postings.flatMap(
            lambda item: _list_pairs(item[1], (1, 0) if isinstance(item[0], int) else (0, 1))
        )
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

    verified = keep(_attach(counted, corpus).mapPartitions(verify))
    found = verified.filter(lambda item: item[0] == "link").map(lambda item: item[1])
    phrases = verified.filter(lambda item: item[0] == "phrase").map(lambda item: item[1])
    return keep(found), phrases


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
def _split_pass(corpus: Corpus, wholes: Any, joined: Any, found: Any, postings: Any) -> Any:
    near = _joined_candidates(corpus, joined, postings).union(
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
            for position, half, sibling in zip(whole.halves, halves, halves[::-1], strict=True):
                if _half_matches(half, sibling, item, context):
                    pair = (min(position, other), max(position, other))
                    docs = (half.quote.doc, item.quote.doc)[:: 1 if position < other else -1]
                    made = _partial_link(half.quote, item.quote, link.score)
                    yield pair, (key, made, *docs)

    made = _keyed_join(with_joined, corpus.records, corpus.partitions).mapPartitions(verify)
    fresh = _unlinked(made, found, corpus.partitions)
    return fresh.map(lambda item: (*item[0], *item[1][1:], False))


def _joined_candidates(corpus: Corpus, joined: Any, postings: Any) -> Any:
    """(joined key, position) for the quotes `candidates(-1, joined, ...)` gives."""

    def keys(item: Any) -> Iterator[Any]:
        key, (whole, _) = item
        doc = whole.quote.doc
        for shingle in whole.whole.shingles:
            yield shingle, (key, doc, "shingles", MIN_SHARED)
        if whole.speaker is not None:
            least = MIN_SHARED if len(whole.whole.content) >= MIN_SHARED else 1
            for word in whole.whole.content:
                yield (SAID, whole.speaker[1], word), (key, doc, "words", least)

    hits = (
        joined.flatMap(keys).join(postings, corpus.partitions).flatMap(lambda item: _hits(*item[1]))
    )
    counted = hits.reduceByKey(_add_least, corpus.partitions)
    return counted.filter(lambda item: item[1][0] >= item[1][1]).map(lambda item: item[0][0])


def _hits(looking: tuple[int, str, str, int], entries: list[Entry]) -> Iterator[Any]:
    key, doc, by, least = looking
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
    groups = keep(capped(members, GROUP_CAP, corpus.partitions))
    inside = groups.flatMap(lambda item: itertools.combinations(item[1], 2))
    across = _across_partials(corpus, found, label_of, groups)
    pairs = _unlinked(inside.union(across).map(lambda pair: (pair, (0,))), found, corpus.partitions)
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
    candidates = by_story.join(stories, corpus.partitions).map(lambda item: (item[1][0], (0,)))
    pairs = _unlinked(candidates, found, corpus.partitions)
    return _attach(pairs, corpus).mapPartitions(_verify_in_group(corpus))


def _unlinked(pairs: Any, found: Any, partitions: int) -> Any:
    """The pairs of `pairs` ((a, b), (rank, ...)) not linked in `found`, each once with its
    value of least rank: one shuffle for the dedup and the difference."""
    known = found.map(lambda row: ((row[0], row[1]), (-1,)))
    least = pairs.union(known).reduceByKey(_least_rank, partitions)
    return least.filter(lambda item: item[1][0] >= 0)


def _least_rank(a: tuple[Any, ...], b: tuple[Any, ...]) -> tuple[Any, ...]:
    return a if a[0] <= b[0] else b


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
