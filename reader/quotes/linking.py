"""Linking quotes in different documents that are variants of one utterance.

Candidate pairs come from `candidates` (shared rare shingles, one speaker's rare words, quotes of
one story, split quotes joined). Each candidate pair is verified on stemmed words: an aligner
(rapidfuzz's LCS on word sequences) measures how much of the wording and its order is shared, and
the IDF-weighted overlap of content words guards against quotes that merely share stock words
("there will be no change" / "there will be no war"). Quotes of several sentences are also
compared sentence by sentence (merges, splits, trims).

Who spoke weighs in. Quotes of one known speaker are verified leniently, down to a bag of words
when the order differs; quotes of two different known speakers link only on strong, specific
evidence (an attribution error, or a company and its spokesman). A word swapped in otherwise
shared wording is a change of subject when the shared wording is stock, but a translation choice
when the shared wording is specific (word pairs few quotes hold). Names are compared in a
transliteration-blind form ("Grigori Tschernow" is "Grigory Chernov"); a one-word speaker (an
outlet, a surname left alone) is weak evidence either way.

A re-translation may share no run of words at all. Quotes of one speaker, and quotes of one
story whose speakers agree, are also compared as bags of word roots: the IDF-weighted share of
shared roots (rare words and names dominate), with the structure agreeing: about the same length,
the same polarity ("we accept it" is not "we do not accept it") and the same numbers. The two
halves of a split quote, joined, are matched the same way and each half linked as partial.

Links that follow from strong links are made explicit: quotes joined by exact or variant links
carry one utterance, so every pair of them in different documents (and every pair across a
partial link, one step only, so a merged quote chains nothing) is verified again with lenient
thresholds. A scare-quoted phrase found word for word in a quote links when the speaker is the
same, its wording is specific, or the two documents already share a link (one story).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Concatenate, ParamSpec, TypeVar

from rapidfuzz.distance import Indel

from reader.quotes.candidates import (
    MIN_SHARED,
    Context,
    Prepared,
    SpeakerWords,
    Table,
    Unit,
    candidates,
    joined_halves,
    prepare,
    speaker_postings,
    statistics,
    story_pairs,
    weight_of,
)
from reader.quotes.groups import UnionFind
from reader.quotes.model import Link, LinkKind, Quote, QuoteKind
from reader.quotes.translation import agree, fragment, half_matches, topic_swapped, translation

SPECIFIC_ENOUGH = 3  # shared specific shingles that make a swapped word a translation choice
PHRASE_SIMILARITY = 0.9  # a scare-quoted phrase links only to a near-exact twin
WORDIER = 0.7  # a text this share of another's length may be a wordier translation of it
PART_MIN_WORDS = 3  # a quote shorter than this is part of no other, only its twin
PART_RUN = 4  # words a part must share in one run with the whole ...
PART_GAP = 2  # ... with at most this many words of either side between its pieces
GROUP_CAP = 60  # strong groups larger than this are not closed pair by pair
log = logging.getLogger(__name__)
_Args = ParamSpec("_Args")
_Result = TypeVar("_Result")


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
    swap_words: int = 0  # a change of subject swaps at most this many words a side (0: any)

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
IN_GROUP = SAME_SPEAKER.relaxed(0.05, min_shingles=0, bag_cover=0.45, swap_shared=3)


@dataclass(slots=True)
class _Verdict:
    kind: LinkKind
    score: float


def pair_safe(
    compare: Callable[Concatenate[Prepared, Prepared, _Args], _Result],
) -> Callable[Concatenate[Prepared, Prepared, _Args], _Result | None]:
    """`compare(x, y, ...)`, or None when it fails: that pair is dropped with the reason logged,
    so one odd pair of quotes never costs the whole analysis."""

    @functools.wraps(compare)
    def guarded(
        x: Prepared, y: Prepared, *args: _Args.args, **kwargs: _Args.kwargs
    ) -> _Result | None:
        try:
            return compare(x, y, *args, **kwargs)
        except Exception as error:  # any failure costs only this pair
            log.warning(
                "quotes %s and %s not compared (%s: %s); no link between them",
                x.quote.id,
                y.quote.id,
                type(error).__name__,
                error,
            )
            return None

    return guarded


def link_quotes(
    quotes: Sequence[Quote],
    progress: Callable[[float], None] | None = None,
    abort: threading.Event | None = None,
) -> list[Link]:
    """Every link between quotes of different documents, each once with `a < b`, sorted.

    `progress(fraction)` is called now and then; when `abort` is set the links found so far are
    returned (the caller decides whether a partial answer is of use).
    """
    table: Table = {}
    prepared = [prepare(q, table) for q in quotes]
    context, postings = statistics(prepared)
    by_speaker = speaker_postings(prepared, context)
    found: dict[tuple[int, int], Link] = {}
    phrases: list[tuple[int, int]] = []  # phrase pairs left for the one-story test
    for index, item in enumerate(prepared):
        if index % 512 == 0:
            if abort is not None and abort.is_set():
                break
            if progress is not None:
                progress(index / max(1, len(prepared)))
        for other in candidates(index, item, prepared, postings, by_speaker):
            pair = (min(index, other), max(index, other))
            if pair in found:
                continue
            link = _verify(item, prepared[other], context)
            if link is None and _same_speaker(item, prepared[other]):
                link = _verifytranslation(item, prepared[other], context)
            if link is not None:
                found[pair] = link
            elif QuoteKind.PHRASE in (item.quote.kind, prepared[other].quote.kind):
                phrases.append(pair)
    _link_story(prepared, found, context)
    _link_split(prepared, found, context, (postings, by_speaker), table)
    _close_groups(prepared, found, context)
    _link_phrases_in_story(prepared, found, phrases, context)
    return sorted(found.values(), key=lambda link: (link.a, link.b))


def _same_speaker(x: Prepared, y: Prepared) -> bool:
    return x.speaker is not None and y.speaker is not None and x.speaker[1] == y.speaker[1]


def _link_story(
    prepared: list[Prepared], found: dict[tuple[int, int], Link], context: Context
) -> None:
    """Quotes of one story (documents already sharing a link) that are translations."""
    for x, y in sorted(story_pairs(prepared, set(found), context)):
        link = _verifytranslation(prepared[x], prepared[y], context)
        if link is not None:
            found[(x, y)] = link


def _link_split(
    prepared: list[Prepared],
    found: dict[tuple[int, int], Link],
    context: Context,
    indexes: tuple[dict[int, list[int]], SpeakerWords],
    table: Table,
) -> None:
    """Each half of a split quote, partial to a quote in another document matching the whole."""
    stories: dict[str, set[str]] = {}
    for a, b in found:
        doc_a, doc_b = prepared[a].quote.doc, prepared[b].quote.doc
        stories.setdefault(doc_a, set()).add(doc_b)
        stories.setdefault(doc_b, set()).add(doc_a)
    for joined in joined_halves(prepared, table):
        assert joined.halves is not None
        near = candidates(-1, joined, prepared, *indexes)
        story = stories.get(joined.quote.doc, set())
        near += [i for i, p in enumerate(prepared) if p.quote.doc in story] if story else []
        for other in set(near):
            item = prepared[other]
            if item.quote.doc == joined.quote.doc or item.quote.kind == QuoteKind.PHRASE:
                continue
            link = _verify(joined, item, context) or _verifytranslation(joined, item, context)
            if link is None:
                continue
            for half, sibling in (joined.halves, joined.halves[::-1]):
                pair = (min(half, other), max(half, other))
                matches = _half_matches(prepared[half], prepared[sibling], item, context)
                if pair not in found and matches:
                    found[pair] = _partial_link(prepared[half].quote, item.quote, link.score)


@pair_safe
def _half_matches(half: Prepared, sibling: Prepared, other: Prepared, context: Context) -> bool:
    return half_matches(half.whole, sibling.whole, other.whole, context)


def _partial_link(x: Quote, y: Quote, score: float) -> Link:
    a, b = sorted((x, y), key=lambda q: q.id)
    return Link(a.id, b.id, round(0.9 * score, 3), LinkKind.PARTIAL)


@pair_safe
def _verifytranslation(x: Prepared, y: Prepared, context: Context) -> Link | None:
    """The link between two quotes that may be translations of one statement, or None.

    Whole against whole as bags of roots; then a sentence of one against a sentence (or the
    whole) of the other, or a re-translated fragment inside the longer quote, as partial."""
    if QuoteKind.PHRASE in (x.quote.kind, y.quote.kind):
        return None
    unsure = not _same_speaker(x, y)
    kind, score = LinkKind.VARIANT, translation(x.whole, y.whole, context, unsure)
    if score is None:
        kind, score = LinkKind.PARTIAL, fragment(x.whole, y.whole, context)
    if score is None:
        found = [
            translation(part_x, part_y, context, unsure)
            for part_x in x.parts or [x.whole]
            for part_y in y.parts or [y.whole]
        ]
        score = max((0.9 * f for f in found if f is not None), default=None)
    if score is None:
        return None
    a, b = sorted((x.quote, y.quote), key=lambda q: q.id)
    return Link(a.id, b.id, round(score, 3), kind)


def _limits(x: Prepared, y: Prepared) -> Thresholds:
    """The thresholds for a pair: lenient for one known speaker, strict for two different.

    A one-word speaker (a surname alone, an outlet taken for a speaker) may be anyone."""
    if x.speaker is None or y.speaker is None:
        return DEFAULT
    if x.speaker[1] == y.speaker[1]:
        return SAME_SPEAKER
    bare = x.speaker[1] == x.speaker[0] or y.speaker[1] == y.speaker[0]
    return DEFAULT if bare else OTHER_SPEAKER


@pair_safe
def _verify(
    x: Prepared, y: Prepared, context: Context, limits: Thresholds | None = None
) -> Link | None:
    """The link between two candidate quotes, or None when they are not one utterance.

    With `limits` given (quotes already joined through others), a phrase needs no more than to
    occur in the other quote."""
    lenient = limits is not None
    limits = limits or _limits(x, y)
    if x.quote.kind == QuoteKind.PHRASE or y.quote.kind == QuoteKind.PHRASE:
        verdict = _compare_phrases(x.whole, y.whole)
        if verdict is None and (lenient or limits is not OTHER_SPEAKER):
            verdict = _phrase_inside(x, y, context, lenient or limits is SAME_SPEAKER)
    else:
        verdict = _compare_quotes(x, y, context, limits)
        if verdict is not None and limits is SAME_SPEAKER:
            verdict.score = min(1.0, verdict.score + 0.1)
    if verdict is None or (verdict.kind is LinkKind.PARTIAL and _too_short(x, y)):
        return None
    a, b = sorted((x.quote, y.quote), key=lambda q: q.id)
    return Link(a.id, b.id, round(verdict.score, 3), verdict.kind)


def _too_short(x: Prepared, y: Prepared) -> bool:
    """True when one of two quotes is too short to be a part of the other rather than a stock
    phrase both use ("open door", "commercial inconvenience", "levels of concern")."""
    return min(x.whole.size, y.whole.size) < PART_MIN_WORDS


def _compare_phrases(x: Unit, y: Unit) -> _Verdict | None:
    """Phrases link only when near-exact (and carry at least two content words)."""
    if len(x.content.intersection(y.content_words)) < MIN_SHARED:
        return None
    if x.norms == y.norms:
        return _Verdict(LinkKind.EXACT, 1.0)
    similarity = Indel.normalized_similarity(x.stems, y.stems)
    return _Verdict(LinkKind.VARIANT, similarity) if similarity >= PHRASE_SIMILARITY else None


def _phrase_inside(
    x: Prepared, y: Prepared, context: Context, same_speaker: bool
) -> _Verdict | None:
    """A phrase quoted word for word inside a longer quote: a partial link when the phrase has
    two content words (one, in a run of PART_RUN words or more, for the same speaker: "pause
    and look again") and either the speaker is the same or its wording is specific."""
    phrase, other = (x.whole, y.whole) if x.whole.size <= y.whole.size else (y.whole, x.whole)
    needed = 1 if same_speaker and phrase.size >= PART_RUN else MIN_SHARED
    if len(phrase.content_words) < needed or not _contiguous(phrase, other):
        return None
    if not same_speaker and context.specific(phrase.shingle_ids) < MIN_SHARED:
        return None
    return _Verdict(LinkKind.PARTIAL, 0.9 * (phrase.size / other.size) ** 0.5)


def _contiguous(part: Unit, whole: Unit) -> bool:
    """True when `part` occurs as a run of words in `whole` (stems compared; one function word
    may differ, "patients are paying" / "patients who pay")."""
    size, stems, outer = part.size, part.stems, whole.stems
    loose = size > 2 and part.stops and whole.stops  # a function word of each may differ
    for i in range(len(outer) - size + 1):
        run = outer[i : i + size]
        if run == stems:
            return True
        if loose and (run[0] == stems[0] or run[1] == stems[1]):  # one may differ, not both
            differ = [k for k in range(size) if run[k] != stems[k]]
            k = differ[0]
            if len(differ) == 1 and part.stops >> k & 1 and whole.stops >> (i + k) & 1:
                return True
    return False


def _compare_quotes(
    x: Prepared, y: Prepared, context: Context, limits: Thresholds
) -> _Verdict | None:
    """Whole against whole first, then sentence against sentence (merges, splits, trims).

    Each text's content words are made a set once, not once per text it is compared with."""
    whole_x, whole_y = _side(x.whole), _side(y.whole)
    verdict = _compare(whole_x, whole_y, context, limits)
    if verdict is not None:
        return verdict
    if not x.parts and not y.parts:
        return None
    best: _Verdict | None = None
    sides_y = [_side(part) for part in y.parts] or [whole_y]
    for side_x in [_side(part) for part in x.parts] or [whole_x]:
        for side_y in sides_y:
            found = _compare(side_x, side_y, context, limits)
            if found is not None and (best is None or found.score > best.score):
                best = found
    if best is None:
        return None
    return _Verdict(LinkKind.PARTIAL, best.score * 0.9)


_Side = tuple[Unit, frozenset[Any]]  # a text and its content words


def _side(text: Unit) -> _Side:
    return text, text.content


def _compare(x: _Side, y: _Side, context: Context, limits: Thresholds) -> _Verdict | None:
    """One text against another: exact, variant, partial (containment) or nothing."""
    a, content_a = x
    b, content_b = y
    shared = content_a & content_b
    if limits.short_exact and shared and min(a.size, b.size) >= 4:
        if a.norms == b.norms:
            return _Verdict(LinkKind.EXACT, 1.0)  # one speaker repeating a short sentence
        inner, outer = sorted((a, b), key=lambda unit: unit.size)
        if _contiguous(inner, outer):  # ... or quoted in full in a longer quote
            return _Verdict(LinkKind.PARTIAL, 0.9 * (inner.size / outer.size) ** 0.5)
    if len(shared) < MIN_SHARED:
        return None
    shingles = a.shingles.intersection(b.shingle_ids)
    if context.rare(shingles) < limits.min_shingles:
        return None
    specific = context.specific(shingles)
    if specific < limits.min_specific:
        return None
    if a.norms == b.norms:
        return _Verdict(LinkKind.EXACT, 1.0)
    idf = context.idf
    specific_enough = specific >= SPECIFIC_ENOUGH and len(shared) >= limits.swap_shared
    if not specific_enough and topic_swapped(
        content_a - shared, content_b - shared, content_a, idf, limits.swap_words
    ):
        return None
    words_a, words_b = a.content_words, b.content_words
    fewer = words_a if len(words_a) <= len(words_b) else words_b
    weight_shared = weight_of(fewer, idf, shared)
    weights = sorted((weight_of(words_a, idf), weight_of(words_b, idf)))
    cover_small, cover_large = weight_shared / weights[0], weight_shared / weights[1]
    own = min(len(content_a - shared), len(content_b - shared))
    short, long = sorted((a.size, b.size))
    if short > limits.part_length * long:
        return _compare_variant(a, b, limits, (cover_small, cover_large), len(shared), own)
    contained = (short + long - Indel.distance(a.stems, b.stems)) / 2 / short
    if (
        contained >= limits.part_contained
        and cover_small >= limits.part_cover
        and _longest_run(a.stems, b.stems) >= min(PART_RUN, short)
    ):
        return _Verdict(LinkKind.PARTIAL, 0.9 * (contained + cover_small) / 2)
    if short < WORDIER * long:
        return None
    # a wordier translation is not a fragment but may still be a variant
    return _compare_variant(a, b, limits, (cover_small, cover_large), len(shared), own)


def _longest_run(x: Sequence[str], y: Sequence[str]) -> int:
    """The most words the two share in one run, a word or two of either side allowed between
    its pieces ("not a handful of wealthy campaign contributors" / "not just a few ...")."""
    best = run = 0
    end_x = end_y = -PART_GAP - 1
    for block in SequenceMatcher(None, x, y, autojunk=False).get_matching_blocks():
        near = block.a - end_x <= PART_GAP and block.b - end_y <= PART_GAP
        run = run + block.size if near else block.size
        best = max(best, run)
        end_x, end_y = block.a + block.size, block.b + block.size
    return best


def _compare_variant(
    a: Unit, b: Unit, limits: Thresholds, covers: tuple[float, float], shared: int, own: int
) -> _Verdict | None:
    """Two texts of about one length: the same wording in about the same order, or (when the
    thresholds allow) the same content words in another order, when the polarity and the
    numbers agree ("we accept it" is not "we do not accept it").

    Each text having as many content words of its own as the two share is another statement
    in the same frame ("we will protect services for the most vulnerable residents" / "we will
    protect front-line services, full stop"), not a variant."""
    if own >= shared:
        return None
    cover_small, cover_large = covers
    similarity = Indel.normalized_similarity(a.stems, b.stems)
    if (
        similarity >= limits.variant_similarity
        and cover_small >= limits.variant_cover_small
        and cover_large >= limits.variant_cover_large
    ):
        return _Verdict(LinkKind.VARIANT, (similarity + cover_large) / 2)
    bag = limits.bag_cover
    if (
        bag
        and shared > MIN_SHARED
        and cover_small >= bag
        and cover_large >= bag - 0.1
        and agree(a, b)
    ):
        return _Verdict(LinkKind.VARIANT, (similarity + cover_large) / 2)
    return None


def _close_groups(
    prepared: list[Prepared], found: dict[tuple[int, int], Link], context: Context
) -> None:
    """Verify leniently, and add, the pairs that strong links imply (see the module notes)."""
    sets = UnionFind()
    for link in found.values():
        if link.kind != LinkKind.PARTIAL:
            sets.union(link.a, link.b)
    strong: dict[str, list[int]] = {}
    for item in {i for pair in found for i in pair}:
        if prepared[item].quote.kind != QuoteKind.PHRASE:  # a phrase's twins may be anyone's
            strong.setdefault(sets.find(prepared[item].quote.id), []).append(item)
    pairs: set[tuple[int, int]] = set()
    for members in strong.values():
        if len(members) <= GROUP_CAP:
            pairs.update(itertools.combinations(sorted(members), 2))
    for partial in [k for k in found.values() if k.kind == LinkKind.PARTIAL]:
        side_a = strong.get(sets.find(partial.a), [])
        side_b = strong.get(sets.find(partial.b), [])
        if len(side_a) * len(side_b) <= GROUP_CAP:
            pairs.update((min(x, y), max(x, y)) for x in side_a for y in side_b)
    for x, y in sorted(pairs - found.keys()):
        if prepared[x].quote.doc != prepared[y].quote.doc:
            made = _verify(prepared[x], prepared[y], context, IN_GROUP)
            if made is not None:
                found[(x, y)] = made


def _link_phrases_in_story(
    prepared: list[Prepared],
    found: dict[tuple[int, int], Link],
    phrases: list[tuple[int, int]],
    context: Context,
) -> None:
    """A phrase found word for word in a quote of a document that shares a link of full quotes
    with the phrase's document (one story) is part of that quote."""
    story = {
        frozenset((prepared[a].quote.doc, prepared[b].quote.doc))
        for a, b in found
        if QuoteKind.PHRASE not in (prepared[a].quote.kind, prepared[b].quote.kind)
    }
    for x, y in phrases:
        docs = frozenset((prepared[x].quote.doc, prepared[y].quote.doc))
        if (x, y) in found or docs not in story:
            continue
        link = _verify(prepared[x], prepared[y], context, IN_GROUP)
        if link is not None:
            found[(x, y)] = link
