"""Linking quotes in different documents that are variants of one utterance.

Never all pairs: every quote is cut into shingles (pairs of neighbouring normalised words, pairs
of two function words left out) and indexed by the shingles that few quotes hold; a shingle held
by many quotes is stock wording ("we will not accept any") and is ignored. Only quotes in
different documents sharing at least two indexed shingles become candidates. Each candidate pair
is verified on stemmed words: an aligner (rapidfuzz's LCS on word sequences) measures how much of
the wording and its order is shared, and the IDF-weighted overlap of content words guards against
quotes that merely share stock words ("there will be no change" / "there will be no war"). Quotes
of several sentences are also compared sentence by sentence, so a quote that merges two
statements links to each of them, and a trimmed fragment links to the quote it was cut from.

Who spoke weighs in. Quotes of one known speaker are also paired by the rare content words they
share (a loose translation may share no word pair at all) and verified leniently, down to a bag
of words when the order differs; quotes of two different known speakers link only on strong,
specific evidence (an attribution error, or a company and its spokesman). A word swapped in
otherwise shared wording is a change of subject when the shared wording is stock, but a
translation choice when the shared wording is specific (word pairs few quotes hold).
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from reader.quotes.alignment import STOPWORDS, align, sentences, words
from reader.quotes.model import Link, LinkKind, Quote, QuoteKind

MIN_SHARED = 2  # content words, and rare shingles, two variants must share at the least
SPECIFIC_DF = 12  # a shingle held by at most this many quotes is specific to one utterance
SPECIFIC_ENOUGH = 3  # shared specific shingles that make a swapped word a translation choice
MIN_DF_CAP = 50  # a shingle held by more quotes than the cap (and this floor) is stock wording
DF_CAP_SHARE = 0.004  # ... the cap grows with the number of quotes
RARE_ENOUGH = 3  # words in fewer quotes than a few variants would fill are all equally rare
SPEAKER_WORD_CAP = 4  # words in up to this many times the stock cap pair one speaker's quotes
PHRASE_SIMILARITY = 0.9  # a scare-quoted phrase links only to a near-exact twin


@dataclass(slots=True, frozen=True)
class Thresholds:
    """What a pair of texts must reach to count as one utterance."""

    variant_similarity: float = 0.5  # LCS similarity of the stem sequences
    variant_cover_small: float = 0.55  # weighted content overlap over the smaller text's weight
    variant_cover_large: float = 0.45  # ... over the larger text's weight
    part_contained: float = 0.8  # share of the shorter text found in order in the longer
    part_cover: float = 0.7  # weighted content of the shorter found in the longer
    part_length: float = 0.8  # the shorter is at most this share of the longer
    min_shingles: int = MIN_SHARED  # rare shingles the two must share
    min_specific: int = 0  # specific shingles the two must share
    bag_cover: float = 0.0  # with a cover this high on both sides, word order may differ (0: no)
    short_exact: bool = False  # an identical sentence links with a single content word
    swap_shared: int = 6  # shared content words for specific wording to outweigh a swapped word

    def relaxed(self, by: float, **fields: object) -> Thresholds:
        """Similarity thresholds lowered by `by` (raised when negative), other fields replaced."""
        return dataclasses.replace(
            self,
            variant_similarity=self.variant_similarity - by,
            variant_cover_small=self.variant_cover_small - by,
            variant_cover_large=self.variant_cover_large - by,
            part_contained=self.part_contained - by,
            part_cover=self.part_cover - by,
            **fields,  # type: ignore[arg-type]
        )


DEFAULT = Thresholds()
SAME_SPEAKER = DEFAULT.relaxed(0.1, min_shingles=1, bag_cover=0.5, short_exact=True, swap_shared=4)
OTHER_SPEAKER = Thresholds(0.85, 0.85, 0.8, 0.95, 0.9, min_specific=4, swap_shared=10**6)


@dataclass(slots=True)
class _Unit:
    """A text (a whole quote or one of its sentences) ready to compare."""

    norms: tuple[str, ...]
    stems: tuple[str, ...]
    content: frozenset[str]
    shingles: frozenset[int]


@dataclass(slots=True)
class _Prepared:
    quote: Quote
    whole: _Unit
    parts: list[_Unit]  # its sentences, when it has more than one
    speaker: tuple[str, str] | None  # (surname, full name) folded


@dataclass(slots=True)
class _Context:
    """Corpus statistics the verification needs."""

    idf: dict[str, float]
    shingle_df: dict[int, int]
    cap: int  # shingles held by more quotes are stock wording

    def rare(self, shared: frozenset[int]) -> int:
        """How many of the shared shingles are not stock wording."""
        cap = self.cap
        return sum(1 for s in shared if self.shingle_df.get(s, 0) <= cap)

    def specific(self, shared: frozenset[int]) -> int:
        """How many of the shared shingles are held by few quotes (one utterance's variants)."""
        return sum(1 for s in shared if self.shingle_df.get(s, 0) <= SPECIFIC_DF)


@dataclass(slots=True)
class _Verdict:
    kind: LinkKind
    score: float


def link_quotes(
    quotes: Sequence[Quote],
    progress: Callable[[float], None] | None = None,
    abort: threading.Event | None = None,
) -> list[Link]:
    """Every link between quotes of different documents, each once with `a < b`, sorted.

    `progress(fraction)` is called now and then; when `abort` is set the links found so far are
    returned (the caller decides whether a partial answer is of use).
    """
    table: dict[tuple[str, str], int] = {}
    prepared = [_prepare(q, table) for q in quotes]
    context, postings = _statistics(prepared)
    by_speaker = _speaker_postings(prepared, context)
    links: list[Link] = []
    for index, item in enumerate(prepared):
        if index % 512 == 0:
            if abort is not None and abort.is_set():
                break
            if progress is not None:
                progress(index / max(1, len(prepared)))
        for other in _candidates(index, item, prepared, postings, by_speaker):
            link = _verify(item, prepared[other], context)
            if link is not None:
                links.append(link)
    links.sort(key=lambda link: (link.a, link.b))
    return links


def _prepare(quote: Quote, table: dict[tuple[str, str], int]) -> _Prepared:
    whole = _unit(quote.text, table)
    parts: list[_Unit] = []
    if quote.kind != QuoteKind.PHRASE:
        pieces = sentences(quote.text)
        if len(pieces) > 1:
            parts = [u for u in (_unit(p, table) for p in pieces) if u.stems]
    speaker = None
    if quote.speaker and quote.speaker.split():
        name = " ".join(quote.speaker.casefold().split())
        speaker = (name.split()[-1], name)
    return _Prepared(quote, whole, parts, speaker)


def _unit(text: str, table: dict[tuple[str, str], int]) -> _Unit:
    found = words(text)
    stems = found.stems
    shingles = frozenset(
        table.setdefault(pair, len(table))
        for pair in itertools.pairwise(stems)
        if pair[0] not in STOPWORDS or pair[1] not in STOPWORDS
    )
    return _Unit(found.norms, stems, found.content, shingles)


def _statistics(prepared: list[_Prepared]) -> tuple[_Context, dict[int, list[int]]]:
    """Word IDF, shingle counts, and for each rare shingle the quotes holding it."""
    count = len(prepared)
    df = Counter(word for p in prepared for word in p.whole.content)
    idf = {word: math.log(1 + count / max(n, RARE_ENOUGH)) for word, n in df.items()}
    shingle_df = Counter(s for p in prepared for s in p.whole.shingles)
    cap = max(MIN_DF_CAP, int(DF_CAP_SHARE * count))
    postings: dict[int, list[int]] = {}
    for index, item in enumerate(prepared):
        for shingle in item.whole.shingles:
            if 1 < shingle_df[shingle] <= cap:
                postings.setdefault(shingle, []).append(index)
    return _Context(idf, shingle_df, cap), postings


def _speaker_postings(
    prepared: list[_Prepared], context: _Context
) -> dict[tuple[str, str], list[int]]:
    """For each (speaker, content word not among the most common), the quotes holding it.

    One speaker's quotes are few, so words too common to pair quotes across the library still
    pair them within one speaker's."""
    floor = math.log(1 + len(prepared) / (SPEAKER_WORD_CAP * context.cap))
    postings: dict[tuple[str, str], list[int]] = {}
    for index, item in enumerate(prepared):
        if item.speaker is None:
            continue
        for word in item.whole.content:
            if context.idf[word] > floor:
                postings.setdefault((item.speaker[1], word), []).append(index)
    return postings


def _candidates(
    index: int,
    item: _Prepared,
    prepared: list[_Prepared],
    postings: dict[int, list[int]],
    by_speaker: dict[tuple[str, str], list[int]],
) -> list[int]:
    """Later quotes in other documents sharing at least MIN_SHARED rare shingles with `item`,
    or, said by the same speaker, MIN_SHARED less common content words."""
    lists = [postings.get(s) for s in item.whole.shingles]
    found = _shared_by(index, lists)
    if item.speaker is not None:
        name = item.speaker[1]
        found |= _shared_by(index, [by_speaker.get((name, w)) for w in item.whole.content])
    doc = item.quote.doc
    return [other for other in found if prepared[other].quote.doc != doc]


def _shared_by(index: int, lists: list[list[int] | None]) -> set[int]:
    """The quotes after `index` in at least MIN_SHARED of the posting lists."""
    shared: Counter[int] = Counter()
    for posting in lists:
        if posting is not None:
            shared.update(posting[bisect.bisect_right(posting, index) :])
    return {other for other, n in shared.items() if n >= MIN_SHARED}


def _limits(x: _Prepared, y: _Prepared) -> Thresholds:
    """The thresholds for a pair: lenient for one known speaker, strict for two different."""
    if x.speaker is None or y.speaker is None or x.speaker[0] != y.speaker[0]:
        return DEFAULT if x.speaker is None or y.speaker is None else OTHER_SPEAKER
    if x.speaker[1] == y.speaker[1]:
        return SAME_SPEAKER
    bare = x.speaker[1] == x.speaker[0] or y.speaker[1] == y.speaker[0]
    return DEFAULT if bare else OTHER_SPEAKER  # a bare surname may be either namesake


def _verify(x: _Prepared, y: _Prepared, context: _Context) -> Link | None:
    """The link between two candidate quotes, or None when they are not one utterance."""
    limits = _limits(x, y)
    if x.quote.kind == QuoteKind.PHRASE or y.quote.kind == QuoteKind.PHRASE:
        verdict = _compare_phrases(x.whole, y.whole)
        if verdict is None and limits is not OTHER_SPEAKER:
            verdict = _phrase_inside(x, y, context, limits is SAME_SPEAKER)
    else:
        verdict = _compare_quotes(x, y, context, limits)
        if verdict is not None and limits is SAME_SPEAKER:
            verdict.score = min(1.0, verdict.score + 0.1)
    if verdict is None:
        return None
    a, b = sorted((x.quote, y.quote), key=lambda q: q.id)
    return Link(a.id, b.id, round(verdict.score, 3), verdict.kind, align(a.text, b.text))


def _compare_phrases(x: _Unit, y: _Unit) -> _Verdict | None:
    """Phrases link only when near-exact (and carry at least two content words)."""
    if len(x.content & y.content) < MIN_SHARED:
        return None
    if x.norms == y.norms:
        return _Verdict(LinkKind.EXACT, 1.0)
    similarity = Indel.normalized_similarity(x.norms, y.norms)
    return _Verdict(LinkKind.VARIANT, similarity) if similarity >= PHRASE_SIMILARITY else None


def _phrase_inside(
    x: _Prepared, y: _Prepared, context: _Context, same_speaker: bool
) -> _Verdict | None:
    """A phrase quoted word for word inside a longer quote: a partial link when the phrase has
    two content words and either the speaker is the same or its wording is specific."""
    phrase, other = (
        (x.whole, y.whole) if len(x.whole.norms) <= len(y.whole.norms) else (y.whole, x.whole)
    )
    if len(phrase.content) < MIN_SHARED or not _contiguous(phrase.norms, other.norms):
        return None
    if not same_speaker and context.specific(phrase.shingles) < MIN_SHARED:
        return None
    return _Verdict(LinkKind.PARTIAL, 0.9 * (len(phrase.norms) / len(other.norms)) ** 0.5)


def _contiguous(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """True when `part` occurs as a run of words in `whole`."""
    size = len(part)
    return any(whole[i : i + size] == part for i in range(len(whole) - size + 1))


def _compare_quotes(
    x: _Prepared, y: _Prepared, context: _Context, limits: Thresholds
) -> _Verdict | None:
    """Whole against whole first, then sentence against sentence (merges, splits, trims)."""
    verdict = _compare(x.whole, y.whole, context, limits)
    if verdict is not None:
        return verdict
    if not x.parts and not y.parts:
        return None
    best: _Verdict | None = None
    for part_x in x.parts or [x.whole]:
        for part_y in y.parts or [y.whole]:
            found = _compare(part_x, part_y, context, limits)
            if found is not None and (best is None or found.score > best.score):
                best = found
    if best is None:
        return None
    return _Verdict(LinkKind.PARTIAL, best.score * 0.9)


def _compare(a: _Unit, b: _Unit, context: _Context, limits: Thresholds) -> _Verdict | None:
    """One text against another: exact, variant, partial (containment) or nothing."""
    shared = a.content & b.content
    if a.norms == b.norms and limits.short_exact and shared and len(a.norms) >= 4:
        return _Verdict(LinkKind.EXACT, 1.0)  # one speaker repeating a short sentence
    if len(shared) < MIN_SHARED:
        return None
    shingles = a.shingles & b.shingles
    if context.rare(shingles) < limits.min_shingles:
        return None
    specific = context.specific(shingles)
    if specific < limits.min_specific:
        return None
    if a.norms == b.norms:
        return _Verdict(LinkKind.EXACT, 1.0)
    idf = context.idf
    specific_enough = specific >= SPECIFIC_ENOUGH and len(shared) >= limits.swap_shared
    if not specific_enough and _topic_swapped(
        a.content - shared, b.content - shared, a.content, idf
    ):
        return None
    weight_shared = sum(idf.get(w, 1.0) for w in shared)
    weights = sorted(sum(idf.get(w, 1.0) for w in u.content) for u in (a, b))
    cover_small, cover_large = weight_shared / weights[0], weight_shared / weights[1]
    short, long = sorted((len(a.stems), len(b.stems)))
    if short > limits.part_length * long:
        return _compare_variant(a, b, limits, cover_small, cover_large, len(shared))
    if cover_small < limits.part_cover:
        return None
    contained = (short + long - Indel.distance(a.stems, b.stems)) / 2 / short
    if contained >= limits.part_contained:
        return _Verdict(LinkKind.PARTIAL, 0.9 * (contained + cover_small) / 2)
    return None


def _compare_variant(
    a: _Unit, b: _Unit, limits: Thresholds, cover_small: float, cover_large: float, shared: int
) -> _Verdict | None:
    """Two texts of about one length: the same wording in about the same order, or (when the
    thresholds allow) the same content words in another order."""
    similarity = Indel.normalized_similarity(a.stems, b.stems)
    if (
        similarity >= limits.variant_similarity
        and cover_small >= limits.variant_cover_small
        and cover_large >= limits.variant_cover_large
    ):
        return _Verdict(LinkKind.VARIANT, (similarity + cover_large) / 2)
    bag = limits.bag_cover
    if bag and shared > MIN_SHARED and cover_small >= bag and cover_large >= bag - 0.1:
        return _Verdict(LinkKind.VARIANT, (similarity + cover_large) / 2)
    return None


def _topic_swapped(
    only_a: frozenset[str], only_b: frozenset[str], content: frozenset[str], idf: dict[str, float]
) -> bool:
    """Same wording about a different subject: one or two specific words swapped, no more.

    Rewording changes several words, mostly common ones; stock phrasing about another subject
    ("no change in our position on the pipeline" / "... on the tariffs") differs in few words,
    and those are among the quote's most specific.
    """
    if not only_a or not only_b:
        return False
    ranked = sorted(idf.get(w, 1.0) for w in content)
    median = ranked[len(ranked) // 2]
    return max(idf.get(w, 1.0) for w in only_a) > median and (
        max(idf.get(w, 1.0) for w in only_b) > median
    )
