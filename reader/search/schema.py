"""The Whoosh schema of the search index, and the analyzers shared by indexing and querying.

`INDEX_VERSION` names the layout: bump `SCHEMA_VERSION` whenever a field or analyzer changes and
every existing index is rebuilt automatically on its next update. The Whoosh version is part of
the key, so switching between whoosh-reloaded and Whoosh 2.7.4 also rebuilds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import whoosh
from whoosh.analysis import Analyzer, RegexTokenizer, StemmingAnalyzer
from whoosh.analysis.filters import LowercaseFilter
from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, DATETIME, ID, STORED, TEXT, Schema
from whoosh.formats import Positions
from whoosh.lang.porter import stem

from reader.search import words

SCHEMA_VERSION = 7  # 7: "*" is not part of a word; 6: text fields analysed before writing
INDEX_VERSION = f"{SCHEMA_VERSION}/whoosh-{whoosh.versionstring()}"


class WordPositions(Positions):
    """The body's postings format: the word positions of every occurrence, delta-coded.

    See `words` for the coding and for how hits are marked without character offsets.
    """

    def encode(self, poslist: list[int]) -> bytes:
        return words.encode(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return words.decode(valuestring)

    def decode_frequency(self, valuestring: bytes) -> int:
        return words.count(valuestring)

    def decode_weight(self, valuestring: bytes) -> float:
        return self.decode_frequency(valuestring) * self.field_boost

    def decode_position_boosts(self, valuestring: bytes) -> list[tuple[int, float]]:
        return [(pos, 1.0) for pos in self.decode_positions(valuestring)]


# Stop words are kept (stoplist=None, minsize=1) so a phrase matches only the exact word sequence:
# dropping "of" would make "issue of the document" match "issue document".
TEXT_ANALYZER: Analyzer = StemmingAnalyzer(
    words.WORD.pattern, stoplist=None, minsize=1, cachesize=100_000
)
NAME_ANALYZER: Analyzer = RegexTokenizer(words.WORD.pattern) | LowercaseFilter()

MAX_STEMS = 200_000  # remembered word → stem (about 20 MB)
_STEMS: dict[str, str] = {}

# (term bytes, frequency, weight, encoded positions): what a Whoosh field's index() yields.
Postings = list[tuple[bytes, int, float, bytes]]


class Analysed:
    """A field's postings worked out before the index writer sees the document, and its marks."""

    __slots__ = ("marks", "postings")

    def __init__(self, postings: Postings, marks: bytes = b"") -> None:
        self.postings = postings
        self.marks = marks


class Text(TEXT):
    """A TEXT field that also takes its postings ready-made (an `Analysed`).

    Documents are analysed before the writer sees them (see `preparing`), so a text that
    cannot be analysed is found before anything of its document is written.
    """

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if isinstance(value, Analysed):
            return iter(value.postings)
        return super().index(value, **kwargs)


class BodyText(Text):
    """The body's field: `WordPositions` postings."""

    def __init__(self, field_boost: float = 1.0, **kwargs: Any) -> None:
        super().__init__(field_boost=field_boost, **kwargs)
        self.format = WordPositions(field_boost=field_boost)


class SortKey(COLUMN):
    """An unsigned 64-bit number kept in a column only, to sort by (no terms, not searchable)."""

    def __init__(self) -> None:
        super().__init__(NumericColumn("Q"))

    def to_column_value(self, value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 1 << 64:
            raise ValueError(f"not a sort key: {value!r}")
        return value


def analyse_body(text: str) -> Analysed:
    """The body's postings (`WordPositions`) and marks from one pass over the words.

    Gives exactly the postings TEXT_ANALYZER gives (tests/search/test_analysis.py checks it) in a
    fraction of the time: the words and the gaps between them are cut by one regex split (in
    C), their offsets are the running sums of the pieces' lengths, each distinct word is
    stemmed once, and the occurrences are grouped by term with one stable sort of numbers.
    """
    if len(_STEMS) > MAX_STEMS:
        _STEMS.clear()
    pieces = words.WORD_OR_GAP.split(text)  # gap, word, gap, word, ..., gap
    if len(pieces) < 2:
        return Analysed([])
    codes: dict[str, int] = {}  # term → its number
    number = {w: codes.setdefault(_STEMS.get(w) or _stem(w), len(codes)) for w in set(pieces[1::2])}
    numbers = np.fromiter(map(number.__getitem__, pieces[1::2]), np.int64, len(pieces) // 2)
    ends = np.cumsum(np.fromiter(map(len, pieces), np.int64, len(pieces)))
    order = np.argsort(numbers, kind="stable")
    counts = np.bincount(numbers).tolist()
    values = words.encode_sorted(order, counts)
    postings = [
        (term.encode(), n, float(n), value)
        for term, n, value in zip(codes, counts, values, strict=True)
    ]
    return Analysed(postings, words.marks(ends[0:-1:2]))


def _stem(word: str) -> str:
    found = _STEMS[word] = stem(word.lower())
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
STORED_DATA = "data"  # path, title, source, published ISO, body, marks, quote ranges


def build_schema() -> Schema:
    """A fresh schema object (Whoosh mutates schemas while indexing, so never share one)."""
    return Schema(
        **{
            ID_FIELD: ID(stored=True, unique=True, sortable=True),
            FINGERPRINT: ID(sortable=True),
            BODY: BodyText(analyzer=TEXT_ANALYZER),
            TITLE: Text(analyzer=TEXT_ANALYZER, field_boost=2.0),
            SOURCE: Text(analyzer=NAME_ANALYZER),
            AUTHOR: Text(analyzer=NAME_ANALYZER),
            SPEAKER: Text(analyzer=NAME_ANALYZER),
            QUOTES: Text(analyzer=TEXT_ANALYZER),
            HAS_QUOTES: ID(),
            PUBLISHED: DATETIME(),
            DATE_ORDER: SortKey(),
            STORED_DATA: STORED(),
        }
    )
