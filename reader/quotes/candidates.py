"""Which pairs of quotes are worth verifying as variants of one utterance (see `linking`).

Never all pairs. Every quote is cut into shingles (pairs of neighbouring stems, pairs of two
function words left out) and indexed by the shingles that few quotes hold; a shingle held by many
quotes is stock wording and is ignored. Quotes of one known speaker are also paired by the rare
content words they share (a loose translation may share no word pair at all).

Two more sources serve re-translations, which may share no word run at all. Documents that
already share a link carry one story: their quotes are paired when the speakers agree (or one is
unknown) and they share rare word roots. And the two halves of a split quote (adjacent quotes of
one speaker, with only a short attribution between them) are joined into one text, so that it can
be matched against the unsplit quote in another document.

Posting lists are capped at a fixed length, so a shingle or a speaker's word held by more quotes
than that is stock wording however large the library; the work per quote stays bounded.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from reader.quotes.alignment import NEGATIONS, STOPWORDS, sentences, words
from reader.quotes.model import Quote, QuoteKind

MIN_SHARED = 2  # content words, and rare shingles, two variants must share at the least
SPECIFIC_DF = 12  # a shingle held by at most this many quotes is specific to one utterance
DF_CAP = 100  # a shingle held by more quotes is stock wording (fixed: the cost stays linear)
RARE_ENOUGH = 3  # words in fewer quotes than a few variants would fill are all equally rare
SPEAKER_WORD_SHARE = 0.05  # a word in more of all quotes than this pairs no speaker's quotes
SPEAKER_WORD_CAP = 60  # a speaker's word in more of their quotes than this pairs none of them
ROOT_LENGTH = 6  # a stem cut to this many letters is its root ("negotiation" / "negotiate")
STORY_SHARED = 3  # rare roots two quotes of one story must share to be compared
SPLIT_GAP = 80  # at most this many characters of attribution between two halves of a quote
_VOWELS = re.compile(r"(?<=.)[aeiouy]")
_SPELLINGS = {"tsch": "ch", "sch": "sh", "tch": "ch", "x": "ks", "w": "v", "j": "y", "ph": "f"}
_NO_NUMBERS: frozenset[Any] = frozenset()
Table = dict[Any, Any]  # word -> id, (stem, stem) -> shingle id


@dataclass(slots=True)
class Unit:
    """A text (a whole quote or one of its sentences) ready to compare.

    Every quote of the library is held at once, so its words are ids of the table that numbers
    them as it meets them (the same word, the same id), and most are held packed: one sequence
    of the number of shingles, then the stems, normalised words, shingles (ids of neighbouring
    stem pairs, each once) and roots (content stems cut to ROOT_LENGTH letters, each once), in
    a 4-byte integer array (a quarter of the memory of a tuple per part). The content stems,
    made a set for nearly every comparison, stay a tuple of the table's own integers. A table
    whose ids are not small integers (the Spark job names words by themselves) gives a tuple.
    The properties give each part (a slice), or its items as a set."""

    packed: Sequence[Any]
    content_words: tuple[Any, ...]  # the content stems, each once, in alphabetical order
    size: int  # the number of words
    stops: int  # bit k set: the k-th stem is a function word
    negated: bool  # a word turns the text into its denial ("not", "never")
    numbers: frozenset[Any]  # the stems that are numbers

    @property
    def stems(self) -> Sequence[Any]:
        return self.packed[1 : 1 + self.size]

    @property
    def norms(self) -> Sequence[Any]:
        size = self.size
        return self.packed[1 + size : 1 + 2 * size]

    @property
    def shingle_ids(self) -> Sequence[Any]:
        packed, start = self.packed, 1 + 2 * self.size
        return packed[start : start + packed[0]]

    @property
    def root_words(self) -> Sequence[Any]:
        packed = self.packed
        return packed[1 + 2 * self.size + packed[0] :]

    @property
    def content(self) -> frozenset[Any]:
        return frozenset(self.content_words)

    @property
    def shingles(self) -> frozenset[Any]:
        return frozenset(self.shingle_ids)

    @property
    def roots(self) -> frozenset[Any]:
        return frozenset(self.root_words)


@dataclass(slots=True)
class Prepared:
    quote: Quote
    whole: Unit
    parts: tuple[Unit, ...]  # its sentences, when it has more than one
    speaker: tuple[str, str] | None  # (surname, full name) in transliteration-blind form
    halves: tuple[int, int] | None = None  # for two halves of a split quote joined: their indexes


@dataclass(slots=True)
class Context:
    """Corpus statistics the verification needs."""

    idf: dict[Any, float]  # by word id
    root_idf: dict[Any, float]  # by root id
    shingle_df: dict[int, int]
    cap: int  # shingles held by more quotes are stock wording

    def rare(self, shared: Iterable[int]) -> int:
        """How many of the shared shingles are not stock wording."""
        cap, df = self.cap, self.shingle_df.get
        return sum(1 for s in shared if df(s, 0) <= cap)

    def specific(self, shared: Iterable[int]) -> int:
        """How many of the shared shingles are held by few quotes (one utterance's variants)."""
        df = self.shingle_df.get
        return sum(1 for s in shared if df(s, 0) <= SPECIFIC_DF)


def prepare(quote: Quote, table: Table) -> Prepared:
    """A quote cut into words, shingles and sentences, its speaker's name in comparable form."""
    whole = unit(quote.text, table)
    parts: tuple[Unit, ...] = ()
    if quote.kind != QuoteKind.PHRASE:
        pieces = sentences(quote.text)
        if len(pieces) > 1:
            parts = tuple(u for u in (unit(p, table) for p in pieces) if u.stems)
    named = quote.speaker and not quote.unnamed and quote.speaker.split()
    speaker = speaker_key(quote.speaker) if named else None  # type: ignore[arg-type]
    return Prepared(quote, whole, parts, speaker)


@functools.lru_cache(maxsize=50_000)
def speaker_key(name: str) -> tuple[str, str]:
    """(surname, full name) of a speaker in transliteration-blind form, one pair per name."""
    names = [skeleton(word) for word in name.split()]
    return names[-1], " ".join(names)


def skeleton(name: str) -> str:
    """A name in a form most transliterations share: accents, inner vowels and doubled letters
    dropped, German and French spellings of Slavic sounds folded ("Woronin" → "vrn")."""
    name = unicodedata.normalize("NFKD", name.casefold())
    name = "".join(c for c in name if c.isalpha())
    for spelling, common in _SPELLINGS.items():
        name = name.replace(spelling, common)
    name = _VOWELS.sub("", name)
    return "".join(c for i, c in enumerate(name) if i == 0 or c != name[i - 1])


def unit(text: str, table: Table) -> Unit:
    """The comparable form of one text."""
    found = words(text)
    stems = found.stems
    shingles = dict.fromkeys(
        table.setdefault(pair, len(table))
        for pair in itertools.pairwise(stems)
        if pair[0] not in STOPWORDS or pair[1] not in STOPWORDS
    )
    content = tuple(sorted(found.content))  # one order in every process, whatever its hash seed
    roots = dict.fromkeys(root(word) for word in content)
    ids = [table.setdefault(word, len(table)) for part in (stems, found.norms) for word in part]
    ids += shingles
    ids += [table.setdefault(word, len(table)) for word in roots]
    stops = sum(1 << k for k, word in enumerate(stems) if word in STOPWORDS)
    numbers = frozenset(ids[k] for k, word in enumerate(stems) if word.isdigit()) or _NO_NUMBERS
    negated = any(norm in NEGATIONS for norm in found.norms)
    content_ids = tuple(table.setdefault(word, len(table)) for word in content)
    packed = _packed([len(shingles), *ids])
    return Unit(packed, content_ids, len(stems), stops, negated, numbers)


def _packed(items: list[Any]) -> Sequence[Any]:
    """`items` in a 4-byte integer array, or a tuple when they are not all small integers."""
    try:
        return array("i", items)
    except (TypeError, OverflowError):
        return tuple(items)


@functools.lru_cache(maxsize=200_000)
def root(stem_: str) -> str:
    """A stem cut to ROOT_LENGTH letters, one string for all its quotes."""
    return stem_[:ROOT_LENGTH]


def statistics(prepared: list[Prepared]) -> tuple[Context, dict[int, list[int]]]:
    """Word IDF, shingle counts, and for each rare shingle the quotes holding it."""
    count = len(prepared)
    idf = idf_of(Counter(word for p in prepared for word in p.whole.content_words), count)
    root_idf = idf_of(Counter(root for p in prepared for root in p.whole.root_words), count)
    shingle_df = Counter(s for p in prepared for s in p.whole.shingle_ids)
    cap = DF_CAP
    postings: dict[int, list[int]] = {}
    for index, item in enumerate(prepared):
        for shingle in item.whole.shingle_ids:
            if 1 < shingle_df[shingle] <= cap:
                postings.setdefault(shingle, []).append(index)
    return Context(idf, root_idf, shingle_df, cap), postings


def idf_of(df: Mapping[str, int], count: int) -> dict[str, float]:
    """The IDF of each word held by `df[word]` of `count` quotes (rarer than RARE_ENOUGH: all
    equally rare)."""
    return {word: math.log(1 + count / max(n, RARE_ENOUGH)) for word, n in df.items()}


def weight_of(
    words: Iterable[Any], weight: Mapping[Any, float], among: AbstractSet[Any] | None = None
) -> float:
    """The summed weight of `words` (of those in `among` when given; 1.0 for a word without
    one), added in their order: the shared words of two texts, added in the order of the text
    with fewer words, weigh exactly what that text weighs when they are all of its words."""
    if among is None:
        return sum(weight.get(w, 1.0) for w in words)
    return sum(weight.get(w, 1.0) for w in words if w in among)


@dataclass(slots=True)
class SpeakerWords:
    """For each speaker's content word not among the most common, the quotes holding it.

    Most of these lists hold one or two quotes, so each is a tuple under one integer key (the
    speaker's number and the word's id) rather than a list under a pair."""

    speakers: dict[str, int]  # full name (`speaker_key`) -> number
    quotes: dict[int, tuple[int, ...]]

    def get(self, name: str, word: int) -> tuple[int, ...] | None:
        """The quotes of speaker `name` holding `word`, or None."""
        speaker = self.speakers.get(name)
        return None if speaker is None else self.quotes.get(speaker << 32 | word)


def speaker_postings(prepared: list[Prepared], context: Context) -> SpeakerWords:
    """The quotes holding each speaker's content words (see `SpeakerWords`).

    One speaker's quotes are few, so words too common to pair quotes across the library still
    pair them within one speaker's; a word in very many of one speaker's quotes pairs none."""
    floor = common_floor()
    speakers: dict[str, int] = {}
    postings: dict[int, list[int]] = {}
    for index, item in enumerate(prepared):
        if item.speaker is None:
            continue
        speaker = speakers.setdefault(item.speaker[1], len(speakers)) << 32
        for word in item.whole.content_words:
            if context.idf[word] > floor:
                postings.setdefault(speaker | word, []).append(index)
    capped = {
        key: tuple(found) for key, found in postings.items() if len(found) <= SPEAKER_WORD_CAP
    }
    return SpeakerWords(speakers, capped)


def common_floor() -> float:
    """The IDF of a word in SPEAKER_WORD_SHARE of all quotes: at or below it a word is common."""
    return math.log(1 + 1 / SPEAKER_WORD_SHARE)


def candidates(
    index: int,
    item: Prepared,
    prepared: list[Prepared],
    postings: dict[int, list[int]],
    by_speaker: SpeakerWords,
) -> list[int]:
    """Later quotes in other documents sharing at least MIN_SHARED rare shingles with `item`,
    or, said by the same speaker, MIN_SHARED content words. A phrase of one word pair, and a
    short quote of one speaker with a single content word, look both ways for quotes holding
    that pair or word (a quote's own search needs two)."""
    lists = [postings.get(s) for s in item.whole.shingle_ids]
    if item.quote.kind == QuoteKind.PHRASE and len(item.whole.shingle_ids) == 1:
        found = shared_by(-1, lists, 1)
    else:
        found = shared_by(index, lists, MIN_SHARED)
    if item.speaker is not None:
        name = item.speaker[1]
        words_ = [by_speaker.get(name, w) for w in item.whole.content_words]
        if len(words_) >= MIN_SHARED:
            found |= shared_by(index, words_, MIN_SHARED)
        elif item.quote.kind == QuoteKind.QUOTE:  # "I'm not going to sign": looks both ways
            found |= shared_by(-1, words_, 1)
    doc = item.quote.doc
    return [other for other in found if prepared[other].quote.doc != doc and other != index]


def shared_by(index: int, lists: Sequence[Sequence[int] | None], least: int) -> set[int]:
    """The quotes after `index` in at least `least` of the posting lists."""
    shared: Counter[int] = Counter()
    for posting in lists:
        if posting is not None:
            shared.update(posting[bisect.bisect_right(posting, index) :])
    return {other for other, n in shared.items() if n >= least}


def speakers_agree(x: Prepared, y: Prepared) -> bool:
    """True unless both quotes are credited to different people named in full."""
    if x.speaker is None or y.speaker is None or x.speaker[1] == y.speaker[1]:
        return True
    return x.speaker[1] == x.speaker[0] or y.speaker[1] == y.speaker[0]


def story_pairs(
    prepared: list[Prepared], linked: set[tuple[int, int]], context: Context
) -> set[tuple[int, int]]:
    """Pairs of full quotes of two documents that already share a link (one story), their
    speakers agreeing and sharing STORY_SHARED roots that are not common, not yet linked."""
    by_doc: dict[str, list[int]] = {}
    for index, item in enumerate(prepared):
        if item.quote.kind != QuoteKind.PHRASE:
            by_doc.setdefault(item.quote.doc, []).append(index)
    stories = {tuple(sorted((prepared[a].quote.doc, prepared[b].quote.doc))) for a, b in linked}
    floor = story_floor(len(prepared))
    pairs: set[tuple[int, int]] = set()
    side_a: list[tuple[int, frozenset[Any]]] = []
    last = None
    for doc_a, doc_b in sorted(stories):  # rare roots found per story, not held for every quote
        if doc_a != last:
            side_a = [(x, rare_roots(prepared[x], context, floor)) for x in by_doc.get(doc_a, [])]
            last = doc_a
        side_b = [(y, rare_roots(prepared[y], context, floor)) for y in by_doc.get(doc_b, [])]
        for x, rare_x in side_a:
            for y, rare_y in side_b:
                pair = (min(x, y), max(x, y))
                if pair not in linked and one_story(prepared[x], prepared[y], rare_x, rare_y):
                    pairs.add(pair)
    return pairs


def story_floor(count: int) -> float:
    """The root IDF at or below which a root is common in a story: in more than
    SPEAKER_WORD_SHARE of the `count` quotes, and more than a few variants fill."""
    return min(common_floor(), math.log(1 + count / RARE_ENOUGH) - 1e-9)


def rare_roots(item: Prepared, context: Context, floor: float) -> frozenset[str]:
    """The roots of a quote rarer than `floor` (see `story_floor`)."""
    return frozenset(r for r in item.whole.root_words if context.root_idf[r] > floor)


def one_story(x: Prepared, y: Prepared, rare_x: frozenset[str], rare_y: frozenset[str]) -> bool:
    """True when two quotes of one story are worth comparing as translations."""
    return len(rare_x & rare_y) >= STORY_SHARED and speakers_agree(x, y)


def joined_halves(prepared: list[Prepared], table: Table) -> list[Prepared]:
    """The split quotes of each document, their two halves joined into one text.

    Halves are adjacent full quotes of one document with at most SPLIT_GAP characters between
    them (room for an attribution, not a paragraph), credited to one speaker (or the second
    unknown), the second carrying on the first one's sentence."""
    joined: list[Prepared] = []
    for first, second in itertools.pairwise(range(len(prepared))):
        a, b = prepared[first], prepared[second]
        qa, qb = a.quote, b.quote
        if (
            qa.doc != qb.doc
            or QuoteKind.PHRASE in (qa.kind, qb.kind)
            or not 0 <= qb.start - qa.end <= SPLIT_GAP
            or (b.speaker is not None and a.speaker != b.speaker)
        ):
            continue
        if not _continues(qa, qb):
            continue
        text = f"{qa.text.rstrip()} {qb.text.lstrip()}"
        quote = Quote(f"{qa.id}+{qb.id}", qa.doc, qa.start, qb.end, text, speaker=qa.speaker)
        item = prepare(quote, table)
        item.halves = (first, second)
        joined.append(item)
    return joined


def _continues(a: Quote, b: Quote) -> bool:
    """True when the second quote carries on the first one's sentence: the first ends without a
    full stop and the second starts in lower case ("We respect it," she said, "but ...")."""
    return a.text.rstrip()[-1:] not in ".!?" and b.text.lstrip()[:1].islower()
