"""Whether two quotes may be translations of one statement, compared as bags of word roots.

A re-translation may share no run of words with another translation of the same statement. It
still shares most of the rare words and names (IDF-weighted, so they dominate), runs to about the
same length, keeps the polarity ("we accept it" is not "we do not accept it") and the numbers, and
does not swap one specific word for another (stock wording about another subject).
"""

from __future__ import annotations

from reader.quotes.candidates import MIN_SHARED, STORY_SHARED, Context, Unit, weight_of

SAME_LENGTH = 0.6  # a translation has at least this share of the other's content words
TRANSLATED = 0.6  # IDF-weighted share of the word roots two translations must share
TRANSLATED_UNSURE = 0.75  # ... when the speaker of one of them is not known
HALF_COVER = 0.5  # weighted share of a split quote's half that the matched quote must hold
FRAGMENT = 0.8  # weighted share of a re-translated fragment's roots found in the longer quote


def translation(a: Unit, b: Unit, context: Context, unsure: bool) -> float | None:
    """Two texts saying the same in other words: the IDF-weighted share of shared roots high
    on both sides, the lengths, the polarity and the numbers agreeing, no specific word swapped
    for another (stock wording about another subject)."""
    roots_a, roots_b = a.roots, b.roots
    shared = roots_a & roots_b
    if len(shared) < STORY_SHARED or not agree(a, b):
        return None
    small, large = sorted((len(roots_a), len(roots_b)))
    if small < SAME_LENGTH * large:
        return None
    weight = context.root_idf
    if topic_swapped(roots_a - shared, roots_b - shared, roots_a, weight, 0):
        return None
    words_a, words_b = a.root_words, b.root_words
    both = weight_of(words_a if len(words_a) <= len(words_b) else words_b, weight, shared)
    covers = sorted(both / weight_of(words, weight) for words in (words_a, words_b))
    need = TRANSLATED_UNSURE if unsure else TRANSLATED
    if covers[0] < need - 0.1 or covers[1] < need:
        return None
    return (covers[0] + covers[1]) / 2


def fragment(a: Unit, b: Unit, context: Context) -> float | None:
    """A re-translated fragment: nearly all of the shorter text's roots in the longer one."""
    inner, outer = sorted((a, b), key=lambda u: len(u.root_words))
    shared = inner.roots.intersection(outer.root_words)
    if len(shared) < STORY_SHARED + 1 or (inner.negated and not outer.negated):
        return None
    if not inner.numbers <= outer.numbers:
        return None
    weight = context.root_idf
    cover = weight_of(inner.root_words, weight, shared) / weight_of(inner.root_words, weight)
    if cover < FRAGMENT:
        return None
    return 0.9 * cover * (len(inner.root_words) / len(outer.root_words)) ** 0.5


def agree(a: Unit, b: Unit) -> bool:
    """Same polarity, and the same numbers when both give numbers ("a decade" is "ten years")."""
    numbers_a, numbers_b = a.numbers, b.numbers
    same_numbers = numbers_a == numbers_b or not (numbers_a and numbers_b)
    return a.negated == b.negated and same_numbers


def topic_swapped(
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


def half_matches(half: Unit, sibling: Unit, other: Unit, context: Context) -> bool:
    """True when most of a half's weighted roots (two at least, if it has two) are in `other`
    and some of them are not in the other half, `sibling`; False for a half with no content
    words ("and I mean it") and for one that only echoes its sibling ("the timetable has never
    been our first priority" beside "safety has always been our first priority")."""
    shared = half.roots.intersection(other.root_words)
    if len(shared) < min(MIN_SHARED, len(half.root_words)) or shared <= sibling.roots:
        return False
    weight = context.root_idf
    cover = weight_of(half.root_words, weight, shared) / weight_of(half.root_words, weight)
    return cover >= HALF_COVER
