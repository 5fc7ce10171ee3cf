"""Words of a quotation, normalised for comparison, and the word-level alignment of two quotes.

Quotes are compared on normalised words: case folded, apostrophes and inner hyphens dropped
("Non-verbal" and "nonverbal" are one word), and lightly stemmed ("pledges", "pledged" and
"pledge" share the stem "pledg"). The alignment keeps the original word forms so a view can mark
exactly the words that differ between two variants.

Translations of one statement choose among near-synonyms ("offer" / "proposal", "final" /
"definitive"): a small table of such news words maps each to one stem, so the comparison sees the
same word while the alignment still marks it as changed. The table is general vocabulary, not any
one article's wording, and kept small: a word belongs only when its partners mean the same in
nearly every sentence a news quote could use it in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from reader.quotes.model import AlignedWord

WORD_RE = re.compile(r"[^\W_]+(?:[-'’‐‑][^\W_]+)*")
_INNER = re.compile(r"[-'’‐‑]")
_ELISION = re.compile(r"\s(?:\.\.\.|\u2026|\[(?:\.\.\.|\u2026)\])\s")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»]*\s+(?=[\"'“‘«„]*[A-ZÀ-ÖØ-Þ])")

# Function words and stock verbs: shared by unrelated quotes, so never evidence of a variant.
_STOP_TEXT = """a about above after again against all also am an and any are aren as at be
    because been
    before being below between both but by can cannot could couldn did didn do does doesn doing
    don down during each even ever every few for from further get gets got had hadn has hasn have
    haven having he her here hers herself him himself his how i if in into is isn it its itself
    just let lets like many may me might more most much must mustn my myself need no nor not now
    of off on once one only or other ought our ours ourselves out over own quite rather really
    same say says said shall shan she should shouldn so some such than that the their theirs them
    themselves then there these they thing things this those though through thus to too under
    until up upon us very was wasn way we well were weren what when where whether which while who
    whom whose why will with without won would wouldn yes yet you your yours yourself yourselves
    make makes made go goes going gone come comes take takes know think want see look s t ll re ve
    d m o dont cant wont isnt arent wasnt werent doesnt didnt hasnt havent hadnt shouldnt
    wouldnt couldnt im ive youre weve theyre thats theres"""
STOPWORDS = frozenset(_STOP_TEXT.split())
_NEGATION_TEXT = """no not never none nor neither nothing nobody cannot without dont cant wont
    isnt arent wasnt werent doesnt didnt hasnt havent hadnt shouldnt wouldnt couldnt"""
NEGATIONS = frozenset(_NEGATION_TEXT.split())  # words that turn a statement into its denial
# Small numbers are written both ways ("two percent" / "2 per cent"): one stem for both.
_NUMBERS = {
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
}

# Near-synonyms of news language, one group a line; each word's stem maps to the first's.
_SYNONYM_TEXT = """offer proposal
    final definitive
    accept agree
    conclusion finding
    redesign rework
    ready prepared
    mistake error
    leave withdraw quit
    change modify alter amend
    begin start
    detect discover spot caught
    board commission committee panel
    completely entirely fully
    household family
    company firm business
    problem issue
    goal aim objective
    inquiry investigation probe
    postpone delay
    reduce cut lower
    increase raise
    help assist
    promise pledge
    allow permit
    exhausted tired
    neglect negligence
    price cost
    important significant
    quick fast rapid
    worker employee
    option possibility alternative
    examine study studied review
    remain stay
    always forever
    defendant accused
    ruling judgment verdict
    buy bought purchase"""


@dataclass(slots=True, frozen=True)
class Words:
    """The words of a text: original forms, normalised forms and stems, index for index."""

    original: tuple[str, ...]
    norms: tuple[str, ...]
    stems: tuple[str, ...]

    @property
    def content(self) -> frozenset[str]:
        """The stems that carry meaning (not function words, not single letters)."""
        return frozenset(s for n, s in zip(self.norms, self.stems, strict=True) if is_content(s, n))


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    """Case-folded word without apostrophes or inner hyphens ("Russia’s" → "russias")."""
    word = unicodedata.normalize("NFKC", word).casefold()
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return _INNER.sub("", word)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light suffix-stripping stem of a normalised word; enough to match inflections.

    Near-synonyms of the table above share the stem of their group's first word."""
    if word in _NUMBERS:
        return _NUMBERS[word]
    found = _suffix_stem(word)
    return _SYNONYMS.get(found, found)


def _suffix_stem(word: str) -> str:
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix, minimum in (("ing", 6), ("ed", 5), ("ly", 6)):
        if word.endswith(suffix) and len(word) >= minimum:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


_SYNONYMS = {
    _suffix_stem(word): _suffix_stem(line.split()[0])
    for line in _SYNONYM_TEXT.splitlines()
    for word in line.split()[1:]
}


def is_content(stem_: str, norm: str = "") -> bool:
    """True for a word that can count as evidence that two quotes are one utterance."""
    return len(stem_) > 1 and stem_ not in STOPWORDS and norm not in STOPWORDS


def words(text: str) -> Words:
    """Split `text` into words and normalise them."""
    found = WORD_RE.findall(text)
    original = tuple(_join_per_cent(found))
    norms = tuple(normalise(w.replace(" ", "")) for w in original)
    return Words(original, norms, tuple(stem(n) for n in norms))


def _join_per_cent(found: list[str]) -> list[str]:
    """The word list with "per cent" as one word (it is "percent" in other spellings)."""
    if "cent" not in found and "Cent" not in found:
        return found
    joined: list[str] = []
    for word in found:
        if word.casefold() == "cent" and joined and joined[-1].casefold() == "per":
            joined[-1] = f"{joined[-1]} {word}"
        else:
            joined.append(word)
    return joined


def sentences(text: str) -> list[str]:
    """The sentences of a quote (a split after ., ! or ? followed by a capital-led word), and
    the pieces an elision joins ("a serious defect ... the company's own data")."""
    parts = [p.strip() for piece in _ELISION.split(text) for p in _SENTENCE_END.split(piece)]
    return [p for p in parts if p]


def align(a: str, b: str) -> list[AlignedWord]:
    """Word-level alignment of two texts: "same", "changed", "removed" (only in a), "added"."""
    return align_words(words(a), words(b))


def align_words(a: Words, b: Words) -> list[AlignedWord]:
    """Alignment of two word lists on their stems, reporting their original forms."""
    result: list[AlignedWord] = []
    for op in Levenshtein.opcodes(a.stems, b.stems):
        tag, a0, a1, b0, b1 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            result.extend(
                AlignedWord(
                    "same" if a.norms[i] == b.norms[j] else "changed", a.original[i], b.original[j]
                )
                for i, j in zip(range(a0, a1), range(b0, b1), strict=True)
            )
            continue
        paired = min(a1 - a0, b1 - b0) if tag == "replace" else 0
        result.extend(
            AlignedWord("changed", a.original[a0 + k], b.original[b0 + k]) for k in range(paired)
        )
        result.extend(AlignedWord("removed", a.original[i], "") for i in range(a0 + paired, a1))
        result.extend(AlignedWord("added", "", b.original[j]) for j in range(b0 + paired, b1))
    return result
