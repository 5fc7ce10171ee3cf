"""The Whoosh schema of the search index, and the analyzers shared by indexing and querying.

`INDEX_VERSION` names the layout: bump `SCHEMA_VERSION` whenever a field or analyzer changes and
every existing index is rebuilt automatically on its next update. The Whoosh version is part of
the key, so switching between whoosh-reloaded and Whoosh 2.7.4 also rebuilds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import whoosh
from whoosh.analysis import Analyzer, Filter, RegexTokenizer, StemmingAnalyzer, Token
from whoosh.analysis.filters import LowercaseFilter
from whoosh.fields import DATETIME, ID, NUMERIC, STORED, TEXT, Schema
from whoosh.formats import Characters, Positions
from whoosh.lang.porter import stem

SCHEMA_VERSION = 2
INDEX_VERSION = f"{SCHEMA_VERSION}/whoosh-{whoosh.versionstring()}"


class PairFilter(Filter):
    """Adjacent tokens joined into word pairs ("minist said") at the first one's position.

    A lone token passes through as it is and no tokens give no pairs (Whoosh's BiWordFilter
    raises UnboundLocalError on an empty stream, which broke indexing of a text-less page).
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        previous: tuple[str, int, int] | None = None
        paired = False
        for token in tokens:
            here = (token.text, getattr(token, "pos", 0), getattr(token, "startchar", 0))
            if previous is not None:
                token.text = f"{previous[0]} {here[0]}"
                token.pos, token.startchar = previous[1], previous[2]
                paired = True
                yield token
            previous = here
        if previous is not None and not paired:
            yield token  # a lone word is its own pair


# Stop words are kept (stoplist=None, minsize=1) so a phrase matches only the exact word sequence:
# dropping "of" would make "issue of the document" match "issue document".
TEXT_ANALYZER: Analyzer = StemmingAnalyzer(stoplist=None, minsize=1, cachesize=100_000)
NAME_ANALYZER: Analyzer = RegexTokenizer() | LowercaseFilter()
# Word pairs of the body ("minist said") with their positions: a phrase is matched as a phrase of
# pairs, whose postings are short, instead of positions of common words like "the" (Whoosh checks
# positions in Python, so that is what makes phrase queries fast).
PAIR_ANALYZER: Analyzer = TEXT_ANALYZER | PairFilter()

# What the analyzers' RegexTokenizer matches as a word, written without its nested optional dot
# ("[\w*]+(\.?[\w*]+)*"), which matches the same words but backtracks exponentially.
WORD = re.compile(r"[\w*]+(?:\.[\w*]+)*")
MAX_STEMS = 200_000  # remembered word → stem (about 20 MB)
_STEMS: dict[str, str] = {}

# (term bytes, frequency, weight, encoded positions): what a Whoosh field's index() yields.
Postings = list[tuple[bytes, int, float, bytes]]


class Analysed:
    """A field's postings worked out before the index writer sees the document."""

    __slots__ = ("postings",)

    def __init__(self, postings: Postings) -> None:
        self.postings = postings


class PreparedText(TEXT):
    """A TEXT field that also takes its postings ready-made (an `Analysed`)."""

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if isinstance(value, Analysed):
            return iter(value.postings)
        return super().index(value, **kwargs)


def analyse_body(text: str) -> tuple[Analysed, Analysed]:
    """The body's and the word-pair field's postings from one pass over the words.

    Gives exactly what TEXT_ANALYZER and PAIR_ANALYZER give (tests/search/test_analysis.py
    checks it) in a fraction of the time: one regex pass, a remembered stem per distinct word,
    no token objects.
    """
    if len(_STEMS) > MAX_STEMS:
        _STEMS.clear()
    words: dict[str, list[tuple[int, int, int]]] = {}
    pairs: dict[str, list[int]] = {}
    previous = ""
    pos = -1
    for pos, match in enumerate(WORD.finditer(text)):
        word = match.group().lower()
        term = _STEMS.get(word)
        if term is None:
            term = _STEMS[word] = stem(word)
        words.setdefault(term, []).append((pos, match.start(), match.end()))
        if pos:
            pairs.setdefault(f"{previous} {term}", []).append(pos - 1)
        previous = term
    if pos == 0:
        pairs[previous] = [0]
    chars, positions = Characters(), Positions()
    return (
        Analysed([(t.encode(), len(p), float(len(p)), chars.encode(p)) for t, p in words.items()]),
        Analysed(
            [(t.encode(), len(p), float(len(p)), positions.encode(p)) for t, p in pairs.items()]
        ),
    )


# Field names (the query language maps its own names onto these).
ID_FIELD = "id"
FINGERPRINT = "fingerprint"
BODY = "body"
PAIRS = "pairs"
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
            BODY: PreparedText(analyzer=TEXT_ANALYZER, chars=True),
            PAIRS: PreparedText(analyzer=PAIR_ANALYZER),
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
