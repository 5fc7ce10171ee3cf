"""Linking quotes in different documents that are variants of one utterance.

Never all pairs: every quote is cut into shingles (pairs of neighbouring normalised words, pairs
of two function words left out) and indexed by the shingles that few quotes hold; a shingle held
by many quotes is stock wording ("we will not accept any") and is ignored. Only quotes in
different documents sharing at least two indexed shingles become candidates. Each candidate pair
is verified on stemmed words: an aligner (rapidfuzz's LCS on word sequences) measures how much of
the wording and its order is shared, and the IDF-weighted overlap of content words guards against
quotes that merely share stock words ("there will be no change" / "there will be no war"). Quotes
of several sentences are also compared sentence by sentence (merges, splits, trims).

Who spoke weighs in. Quotes of one known speaker are also paired by the rare content words they
share (a loose translation may share no word pair at all) and verified leniently, down to a bag
of words when the order differs; quotes of two different known speakers link only on strong,
specific evidence (an attribution error, or a company and its spokesman). A word swapped in
otherwise shared wording is a change of subject when the shared wording is stock, but a
translation choice when the shared wording is specific (word pairs few quotes hold). Names are
compared in a transliteration-blind form ("Grigori Tschernow" is "Grigory Chernov"); a
one-word speaker (an outlet, a surname left alone) is weak evidence either way.

Links that follow from strong links are made explicit: quotes joined by exact or variant links
carry one utterance, so every pair of them in different documents (and every pair across a
partial link, one step only, so a merged quote chains nothing) is verified again with lenient
thresholds. A scare-quoted phrase found word for word in a quote links when the speaker is the
same, its wording is specific, or the two documents already share a link (one story).

Posting lists are capped at a fixed length, so a shingle or a speaker's word held by more quotes
than that is stock wording however large the library; the work per quote stays bounded.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from reader.quotes.alignment import STOPWORDS, align, sentences, words
from reader.quotes.groups import UnionFind
from reader.quotes.model import Link, LinkKind, Quote, QuoteKind

MIN_SHARED = 2  # content words, and rare shingles, two variants must share at the least
SPECIFIC_DF = 12  # a shingle held by at most this many quotes is specific to one utterance
SPECIFIC_ENOUGH = 3  # shared specific shingles that make a swapped word a translation choice
DF_CAP = 100  # a shingle held by more quotes is stock wording (fixed: the cost stays linear)
RARE_ENOUGH = 3  # words in fewer quotes than a few variants would fill are all equally rare
SPEAKER_WORD_SHARE = 0.05  # a word in more of all quotes than this pairs no speaker's quotes
SPEAKER_WORD_CAP = 60  # a speaker's word in more of their quotes than this pairs none of them
PHRASE_SIMILARITY = 0.9  # a scare-quoted phrase links only to a near-exact twin
WORDIER = 0.7  # a text this share of another's length may be a wordier translation of it
GROUP_CAP = 60  # strong groups larger than this are not closed pair by pair
_VOWELS = re.compile(r"(?<=.)[aeiouy]")
_SPELLINGS = {"tsch": "ch", "sch": "sh", "tch": "ch", "x": "ks", "w": "v", "j": "y", "ph": "f"}


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
    speaker: tuple[str, str] | None  # (surname, full name) in transliteration-blind form


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
    found: dict[tuple[int, int], Link] = {}
    phrases: list[tuple[int, int]] = []  # phrase pairs left for the one-story test
    for index, item in enumerate(prepared):
        if index % 512 == 0:
            if abort is not None and abort.is_set():
                break
            if progress is not None:
                progress(index / max(1, len(prepared)))
        for other in _candidates(index, item, prepared, postings, by_speaker):
            pair = (min(index, other), max(index, other))
            if pair in found:
                continue
            link = _verify(item, prepared[other], context)
            if link is not None:
                found[pair] = link
            elif QuoteKind.PHRASE in (item.quote.kind, prepared[other].quote.kind):
                phrases.append(pair)
    _close_groups(prepared, found, context)
    _link_phrases_in_story(prepared, found, phrases, context)
    return sorted(found.values(), key=lambda link: (link.a, link.b))


def _prepare(quote: Quote, table: dict[tuple[str, str], int]) -> _Prepared:
    whole = _unit(quote.text, table)
    parts: list[_Unit] = []
    if quote.kind != QuoteKind.PHRASE:
        pieces = sentences(quote.text)
        if len(pieces) > 1:
            parts = [u for u in (_unit(p, table) for p in pieces) if u.stems]
    speaker = None
    if quote.speaker and quote.speaker.split():
        names = [_skeleton(name) for name in quote.speaker.split()]
        speaker = (names[-1], " ".join(names))
    return _Prepared(quote, whole, parts, speaker)


def _skeleton(name: str) -> str:
    """A name in a form most transliterations share: accents, inner vowels and doubled letters
    dropped, German and French spellings of Slavic sounds folded ("Woronin" → "vrn")."""
    name = unicodedata.normalize("NFKD", name.casefold())
    name = "".join(c for c in name if c.isalpha())
    for spelling, common in _SPELLINGS.items():
        name = name.replace(spelling, common)
    name = _VOWELS.sub("", name)
    return "".join(c for i, c in enumerate(name) if i == 0 or c != name[i - 1])


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
    cap = DF_CAP
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
    pair them within one speaker's; a word in very many of one speaker's quotes pairs none."""
    floor = math.log(1 + 1 / SPEAKER_WORD_SHARE)
    postings: dict[tuple[str, str], list[int]] = {}
    for index, item in enumerate(prepared):
        if item.speaker is None:
            continue
        for word in item.whole.content:
            if context.idf[word] > floor:
                postings.setdefault((item.speaker[1], word), []).append(index)
    return {key: found for key, found in postings.items() if len(found) <= SPEAKER_WORD_CAP}


def _candidates(
    index: int,
    item: _Prepared,
    prepared: list[_Prepared],
    postings: dict[int, list[int]],
    by_speaker: dict[tuple[str, str], list[int]],
) -> list[int]:
    """Later quotes in other documents sharing at least MIN_SHARED rare shingles with `item`,
    or, said by the same speaker, MIN_SHARED content words. A phrase of one word pair looks both
    ways for quotes holding that pair (a quote's own search needs two)."""
    lists = [postings.get(s) for s in item.whole.shingles]
    if item.quote.kind == QuoteKind.PHRASE and len(item.whole.shingles) == 1:
        found = _shared_by(-1, lists, 1)
    else:
        found = _shared_by(index, lists, MIN_SHARED)
    if item.speaker is not None:
        name = item.speaker[1]
        words = [by_speaker.get((name, w)) for w in item.whole.content]
        found |= _shared_by(index, words, MIN_SHARED)
    doc = item.quote.doc
    return [other for other in found if prepared[other].quote.doc != doc and other != index]


def _shared_by(index: int, lists: list[list[int] | None], least: int) -> set[int]:
    """The quotes after `index` in at least `least` of the posting lists."""
    shared: Counter[int] = Counter()
    for posting in lists:
        if posting is not None:
            shared.update(posting[bisect.bisect_right(posting, index) :])
    return {other for other, n in shared.items() if n >= least}


def _limits(x: _Prepared, y: _Prepared) -> Thresholds:
    """The thresholds for a pair: lenient for one known speaker, strict for two different.

    A one-word speaker (a surname alone, an outlet taken for a speaker) may be anyone."""
    if x.speaker is None or y.speaker is None:
        return DEFAULT
    if x.speaker[1] == y.speaker[1]:
        return SAME_SPEAKER
    bare = x.speaker[1] == x.speaker[0] or y.speaker[1] == y.speaker[0]
    return DEFAULT if bare else OTHER_SPEAKER


def _verify(
    x: _Prepared, y: _Prepared, context: _Context, limits: Thresholds | None = None
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
    similarity = Indel.normalized_similarity(x.stems, y.stems)
    return _Verdict(LinkKind.VARIANT, similarity) if similarity >= PHRASE_SIMILARITY else None


def _phrase_inside(
    x: _Prepared, y: _Prepared, context: _Context, same_speaker: bool
) -> _Verdict | None:
    """A phrase quoted word for word inside a longer quote: a partial link when the phrase has
    two content words and either the speaker is the same or its wording is specific."""
    phrase, other = (
        (x.whole, y.whole) if len(x.whole.norms) <= len(y.whole.norms) else (y.whole, x.whole)
    )
    if len(phrase.content) < MIN_SHARED or not _contiguous(phrase, other):
        return None
    if not same_speaker and context.specific(phrase.shingles) < MIN_SHARED:
        return None
    return _Verdict(LinkKind.PARTIAL, 0.9 * (len(phrase.norms) / len(other.norms)) ** 0.5)


def _contiguous(part: _Unit, whole: _Unit) -> bool:
    """True when `part` occurs as a run of words in `whole` (stems compared; one function word
    may differ, "patients are paying" / "patients who pay")."""
    size, stems = len(part.stems), part.stems
    for i in range(len(whole.stems) - size + 1):
        run = whole.stems[i : i + size]
        differ = [k for k in range(size) if run[k] != stems[k]]
        if not differ or (
            len(differ) == 1 and size > 2 and {run[differ[0]], stems[differ[0]]} <= STOPWORDS
        ):
            return True
    return False


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
    if limits.short_exact and shared and min(len(a.norms), len(b.norms)) >= 4:
        if a.norms == b.norms:
            return _Verdict(LinkKind.EXACT, 1.0)  # one speaker repeating a short sentence
        inner, outer = sorted((a, b), key=lambda unit: len(unit.norms))
        if _contiguous(inner, outer):  # ... or quoted in full in a longer quote
            return _Verdict(LinkKind.PARTIAL, 0.9 * (len(inner.norms) / len(outer.norms)) ** 0.5)
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
        a.content - shared, b.content - shared, a.content, idf, limits.swap_words
    ):
        return None
    weight_shared = sum(idf.get(w, 1.0) for w in shared)
    weights = sorted(sum(idf.get(w, 1.0) for w in u.content) for u in (a, b))
    cover_small, cover_large = weight_shared / weights[0], weight_shared / weights[1]
    short, long = sorted((len(a.stems), len(b.stems)))
    if short > limits.part_length * long:
        return _compare_variant(a, b, limits, cover_small, cover_large, len(shared))
    contained = (short + long - Indel.distance(a.stems, b.stems)) / 2 / short
    if contained >= limits.part_contained and cover_small >= limits.part_cover:
        return _Verdict(LinkKind.PARTIAL, 0.9 * (contained + cover_small) / 2)
    if short < WORDIER * long:
        return None
    # a wordier translation is not a fragment but may still be a variant
    return _compare_variant(a, b, limits, cover_small, cover_large, len(shared))


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
    only_a: frozenset[str],
    only_b: frozenset[str],
    content: frozenset[str],
    idf: dict[str, float],
    most: int,
) -> bool:
    """Same wording about a different subject: one or two specific words swapped, no more.

    Rewording changes several words, mostly common ones; stock phrasing about another subject
    ("no change in our position on the pipeline" / "... on the tariffs") differs in few words,
    and those are among the quote's most specific.
    """
    if not only_a or not only_b or (most and max(len(only_a), len(only_b)) > most):
        return False
    ranked = sorted(idf.get(w, 1.0) for w in content)
    median = ranked[len(ranked) // 2]
    return max(idf.get(w, 1.0) for w in only_a) > median and (
        max(idf.get(w, 1.0) for w in only_b) > median
    )


def _close_groups(
    prepared: list[_Prepared], found: dict[tuple[int, int], Link], context: _Context
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
    prepared: list[_Prepared],
    found: dict[tuple[int, int], Link],
    phrases: list[tuple[int, int]],
    context: _Context,
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
