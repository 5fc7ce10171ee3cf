"""A document as sentence units of content-word stems, with its quotations left out.

Reuse is judged sentence by sentence on the *set* of content-word stems: a reworded copy keeps
most of a sentence's names, numbers and content words even when it swaps synonyms, reorders
words or changes the function words, which breaks exact word shingles. Quotation text is blanked
before anything is counted (quotes are the quote panel's job, and two reports of one event share
them without being copies). A stem is the word lowercased, its possessive dropped, cut to
`STEM_LENGTH` characters: crude, language-blind and enough to meet "expand"/"expansion".
"""

from __future__ import annotations

import bisect
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

STEM_LENGTH = 5
MIN_STEMS = 4  # a unit with fewer distinct stems ("he said.") carries no evidence
ATTRIBUTION_WORDS = 12  # at most this many words around a quotation only attribute it
WORD_RE = re.compile(r"\w+(?:[’'‘]\w+)*")
SENTENCE_END_RE = re.compile(r"[.!?…;][”\"’')\]]*(\s+)|(\n\s*)")
POSSESSIVE_RE = re.compile(r"[’'‘]s$")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves said says say told tells according added also however one two new mr mrs ms us
    would may might must shall its it's don't can't won't reporters statement spokesman
    spokeswoman official officials monday tuesday wednesday thursday friday saturday sunday
    today yesterday week month year january february march april june july august september
    october november december""".split()  # noqa: SIM905 - a word list reads better as text
)

_HASHES: dict[str, int] = {}


@dataclass(slots=True, frozen=True)
class Unit:
    """One sentence of the body (quotes blanked): its span, words counted and stem hashes."""

    start: int
    end: int
    words: int
    stems: frozenset[int]


def stem(word: str) -> str:
    """The comparison form of a word ("Russia’s" -> "russi", "expansion" -> "expan")."""
    return POSSESSIVE_RE.sub("", word.lower())[:STEM_LENGTH]


def stem_hash(word: str) -> int:
    """A stable 32-bit hash of a lowercase word's stem, -1 for a stop word or a short token."""
    value = _HASHES.get(word)
    if value is None:
        value = -1
        if word not in STOPWORDS and (len(word) > 2 or word.isdigit()):
            value = zlib.crc32(stem(word).encode("utf-8", "surrogatepass"))
        _HASHES[word] = value
    return value


def blank(body: str, spans: Iterable[tuple[int, int]]) -> str:
    """`body` with every span replaced by spaces (offsets stay valid)."""
    pieces, last = [], 0
    for start, end in sorted(spans):
        start = max(start, last)
        if end > start:
            pieces += [body[last:start], " " * (end - start)]
            last = end
    pieces.append(body[last:])
    return "".join(pieces)


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the sentences of `text` (at . ! ? … ; and line breaks).

    A full stop followed by a lowercase word ends an abbreviation ("the U.S. and NATO"), not a
    sentence.
    """
    spans, start = [], 0
    for match in SENTENCE_END_RE.finditer(text):
        if text[match.start()] == "." and text[match.end() : match.end() + 1].islower():
            continue
        end = match.start(match.lastindex or 0)
        if end > start:
            spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _holds_quote(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of the sorted `spans` overlaps `start:end`."""
    k = bisect.bisect_left(spans, (end, end))
    return k > 0 and spans[k - 1][1] > start


def units_of(body: str, quote_spans: Iterable[tuple[int, int]]) -> list[Unit]:
    """The content units of `body` outside the quotes.

    Sentences with fewer than `MIN_STEMS` content stems ("he said.", a menu entry, a dateline)
    are left out: they say nothing about copying, on either side. So is what remains of a
    sentence holding a quotation when that is short ("…,” the foreign minister told reporters
    in Moscow.): two reports of one event attribute the quotes they share alike.
    """
    spans = sorted(quote_spans)
    text = blank(body, spans)
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lowercase is longer ("İ"): keep offsets
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    known = _HASHES.get
    units = []
    for start, end in sentences(text):
        words = WORD_RE.findall(lowered, start, end)
        stems = {known(w) or stem_hash(w) for w in words}
        stems.discard(-1)
        if len(stems) >= MIN_STEMS and not (
            len(words) <= ATTRIBUTION_WORDS and _holds_quote(spans, start, end)
        ):
            piece = text[start:end]
            start += len(piece) - len(piece.lstrip())
            end -= len(piece) - len(piece.rstrip())
            units.append(Unit(start, end, len(words), frozenset(stems)))
    return units
