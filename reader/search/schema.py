"""The Whoosh schema of the search index, and the analyzers shared by indexing and querying.

`INDEX_VERSION` names the layout: bump `SCHEMA_VERSION` whenever a field or analyzer changes and
every existing index is rebuilt automatically on its next update. The Whoosh version is part of
the key, so switching between whoosh-reloaded and Whoosh 2.7.4 also rebuilds.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from itertools import chain
from typing import Any

import numpy as np
import whoosh
from whoosh.analysis import Analyzer, RegexTokenizer, StemmingAnalyzer
from whoosh.analysis.filters import LowercaseFilter
from whoosh.fields import DATETIME, ID, NUMERIC, STORED, TEXT, Schema
from whoosh.formats import Characters
from whoosh.lang.porter import stem

SCHEMA_VERSION = 3  # 3: no word-pair field, body offsets as uint32 arrays
INDEX_VERSION = f"{SCHEMA_VERSION}/whoosh-{whoosh.versionstring()}"


class Offsets(Characters):
    """The body's postings format: position, start and end of every occurrence, as uint32s.

    Whoosh's Characters format pickles a list of deltas per posting, which has to be decoded in
    Python one posting at a time; these are flat arrays, so a whole postings list decodes with
    numpy at once (phrase matching, see `postings`). Whoosh reads them through the same methods.
    """

    def encode(self, poslist: list[tuple[int, int, int]]) -> bytes:
        return array("I", chain.from_iterable(poslist)).tobytes()

    def decode_characters(self, valuestring: bytes) -> list[tuple[int, int, int]]:
        values = array("I")
        values.frombytes(valuestring)
        triples = iter(values)
        return list(zip(triples, triples, triples, strict=True))

    def decode_positions(self, valuestring: bytes) -> list[int]:
        values = array("I")
        values.frombytes(valuestring)
        return values[0::3].tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // OFFSET_BYTES

    def decode_weight(self, valuestring: bytes) -> float:
        return self.decode_frequency(valuestring) * self.field_boost

    def decode_position_boosts(self, valuestring: bytes) -> list[tuple[int, float]]:
        return [(pos, 1.0) for pos in self.decode_positions(valuestring)]


# Stop words are kept (stoplist=None, minsize=1) so a phrase matches only the exact word sequence:
# dropping "of" would make "issue of the document" match "issue document".
TEXT_ANALYZER: Analyzer = StemmingAnalyzer(stoplist=None, minsize=1, cachesize=100_000)
NAME_ANALYZER: Analyzer = RegexTokenizer() | LowercaseFilter()

# What the analyzers' RegexTokenizer matches as a word, written without its nested optional dot
# ("[\w*]+(\.?[\w*]+)*"), which matches the same words but backtracks exponentially.
WORD = re.compile(r"[\w*]+(?:\.[\w*]+)*")
_WORD_OR_GAP = re.compile(f"({WORD.pattern})")
MAX_STEMS = 200_000  # remembered word → stem (about 20 MB)
_STEMS: dict[str, str] = {}

OFFSET_BYTES = 12  # one occurrence in `Offsets`: three uint32s
assert array("I").itemsize == 4

# (term bytes, frequency, weight, encoded positions): what a Whoosh field's index() yields.
Postings = list[tuple[bytes, int, float, bytes]]


class Analysed:
    """A field's postings worked out before the index writer sees the document."""

    __slots__ = ("postings",)

    def __init__(self, postings: Postings) -> None:
        self.postings = postings


class BodyText(TEXT):
    """The body's TEXT field: `Offsets` postings, also taken ready-made (an `Analysed`)."""

    def __init__(self, field_boost: float = 1.0, **kwargs: Any) -> None:
        super().__init__(field_boost=field_boost, **kwargs)
        self.format = Offsets(field_boost=field_boost)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if isinstance(value, Analysed):
            return iter(value.postings)
        return super().index(value, **kwargs)


def analyse_body(text: str) -> Analysed:
    """The body's postings (`Offsets`) from one pass over the words.

    Gives exactly what TEXT_ANALYZER gives (tests/search/test_analysis.py checks it) in a
    fraction of the time: the words and the gaps between them are cut by one regex split (in
    C), their offsets are the running sums of the pieces' lengths, each distinct word is
    stemmed once, and the occurrences are grouped by term with one stable sort of numbers.
    """
    if len(_STEMS) > MAX_STEMS:
        _STEMS.clear()
    pieces = _WORD_OR_GAP.split(text)  # gap, word, gap, word, ..., gap
    words = [word.lower() for word in pieces[1::2]]
    if not words:
        return Analysed([])
    codes: dict[str, int] = {}  # term → its number, in order of first occurrence
    numbers = [codes.setdefault(_STEMS.get(word) or _stem(word), len(codes)) for word in words]
    ends = np.cumsum(np.fromiter(map(len, pieces), np.int64, len(pieces)))
    triples = np.empty((len(words), 3), np.uint32)
    triples[:, 0] = np.arange(len(words))
    triples[:, 1] = ends[0:-1:2]
    triples[:, 2] = ends[1::2]
    order = np.argsort(np.asarray(numbers, np.int64), kind="stable")
    values = triples[order].tobytes()
    counts = np.bincount(numbers).tolist()
    postings = []
    start = 0
    for term, count in zip(codes, counts, strict=True):
        end = start + count * OFFSET_BYTES
        postings.append((term.encode(), count, float(count), values[start:end]))
        start = end
    return Analysed(postings)


def _stem(word: str) -> str:
    found = _STEMS[word] = stem(word)
    return found


# Field names (the query language maps its own names onto these).
ID_FIELD = "id"
FINGERPRINT = "fingerprint"
BODY = "body"
TITLE = "title"
SOURCE = "source"
AUTHOR = "author"
SPEAKER = "speaker"
QUOTES = "quotes"
HAS_QUOTES = "has_quotes"
PUBLISHED = "published"
DATE_ORDER = "date_order"  # YYYYMMDDhhmmss, 0 when undated: sorts undated articles last
STORED_DATA = "data"  # path, title, source, published ISO, compressed body, quote ranges


def build_schema() -> Schema:
    """A fresh schema object (Whoosh mutates schemas while indexing, so never share one)."""
    return Schema(
        **{
            ID_FIELD: ID(stored=True, unique=True, sortable=True),
            FINGERPRINT: ID(sortable=True),
            BODY: BodyText(analyzer=TEXT_ANALYZER),
            TITLE: TEXT(analyzer=TEXT_ANALYZER, field_boost=2.0),
            SOURCE: TEXT(analyzer=NAME_ANALYZER),
            AUTHOR: TEXT(analyzer=NAME_ANALYZER),
            SPEAKER: TEXT(analyzer=NAME_ANALYZER),
            QUOTES: TEXT(analyzer=TEXT_ANALYZER),
            HAS_QUOTES: ID(),
            PUBLISHED: DATETIME(),
            DATE_ORDER: NUMERIC(int, bits=64, signed=False, sortable=True),
            STORED_DATA: STORED(),
        }
    )
