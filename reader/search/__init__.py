"""Full-text search over the documents: a persistent Whoosh index, a query language, highlighting.

    index = SearchIndex(library.index_dir)
    index.update(documents, quotes=analysis)       # incremental; rebuilds when needed
    result = index.search('"main issue" date:2022-01-27..2022-01-29', sort="date")

Whoosh is known only to this package (schema.py, indexing.py, query.py, highlight.py,
counting.py, postings.py, ranking.py), so the engine can be swapped without touching callers.
The index stores each document's clean body (compressed), so a search answers hits, snippets and
spans without loading the documents. Hits are ranked with Whoosh's BM25F over postings kept as
arrays (see `ranking`, `postings`), spans are read from the stored character offsets of the body
field (see `highlight`), and totals are counted apart from ranking (see `counting`).

`search` is safe to call from several threads (the UI searches from a worker while the user
types): calls take turns with one shared Whoosh searcher, refreshed after every update.
"""

from __future__ import annotations

import logging
import struct
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import query as wq
from whoosh.query import Term
from whoosh.searching import Searcher
from whoosh.sorting import FieldFacet, ScoreFacet

from reader.documents.model import Document
from reader.search import schema as fields
from reader.search.counting import MatchCounter
from reader.search.highlight import find_spans, snippets
from reader.search.indexing import (
    Abort,
    IndexStore,
    Progress,
    QuoteSource,
    StoredDocument,
    UpdateReport,
)
from reader.search.postings import SegmentArrays
from reader.search.query import ParsedQuery, Text, analyse, parse_query
from reader.search.ranking import Ranker

__all__ = ["Hit", "SearchIndex", "SearchResult", "UpdateReport"]

log = logging.getLogger(__name__)

SORTS = ("relevance", "date")
# What reading a damaged index raises (struct.error for short reads, zlib.error for cut data...).
READ_ERRORS = (OSError, EOFError, ValueError, IndexError, KeyError, struct.error, zlib.error)
DAMAGED = "The search index is damaged; it will be rebuilt at the next update."


@dataclass(slots=True)
class Hit:
    """One matching document; `spans` are (start, end) offsets of the matches in its body."""

    doc: str
    path: str
    title: str
    source: str
    published: str | None
    score: float
    snippets: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class SearchResult:
    """The answer to one query. `error` is set (and `hits` empty) when it could not be run."""

    query: str
    parsed: str = ""
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)  # repairs made to the query
    seconds: float = 0.0


class SearchIndex:
    """The search index kept in one folder (a library's `index/`)."""

    def __init__(self, index_dir: Path | str, lock_timeout: float = 10.0) -> None:
        self.store = IndexStore(Path(index_dir), lock_timeout)
        self._ranking: Ranker | None = None  # used only while holding the store's searcher
        self._arrays = SegmentArrays()  # postings as arrays, kept across updates

    def update(
        self,
        documents: Iterable[Document],
        quotes: QuoteSource | None = None,
        progress: Progress | None = None,
        abort: Abort | None = None,
    ) -> UpdateReport:
        """Index added and changed documents and drop those no longer given.

        `documents` is the complete set: any indexed document not among them is removed. Pass
        the quote analysis every time once there is one (without it quotes are not indexed).
        `progress(fraction, message)` is called along the way; setting `abort` stops early and
        keeps what was indexed so far. Raises IndexBusyError when another process holds the
        index writer for longer than the lock timeout.
        """
        return self.store.update(documents, quotes, progress, abort)

    def search(self, query: str, limit: int = 20, sort: str = "relevance") -> SearchResult:
        """Run a query (see `reader.search.query` for the language); never raises on bad input."""
        started = time.perf_counter()
        parsed = parse_query(query)
        result = SearchResult(query, parsed.readable, error=parsed.error, notes=parsed.notes)
        if sort not in SORTS:
            result.error = f"unknown sort '{sort}' (use relevance or date)"
        if result.error or parsed.query is None:
            return result
        try:
            with self.store.searcher() as searcher:
                if searcher is None:
                    result.error = DAMAGED if self.store.damage else None
                    return result
                self._run(searcher, parsed, result, max(1, limit), sort)
        except READ_ERRORS as error:  # a truncated or missing index file surfaces here
            log.warning("search failed: %r", error)
            self.store.mark_damaged(f"it could not be read ({type(error).__name__})")
            result.hits, result.error = [], DAMAGED
        result.seconds = time.perf_counter() - started
        return result

    def _run(
        self, searcher: Searcher, parsed: ParsedQuery, result: SearchResult, limit: int, sort: str
    ) -> None:
        ranker = self._ranker(searcher)
        top = self._top(ranker, parsed.query, limit, sort)
        # Counted apart from the ranking (Whoosh's own ranking skips what cannot reach the top).
        result.total = ranker.counter.count(parsed.query)
        stored = {docnum: searcher.stored_fields(docnum) for docnum, _ in top}
        documents = {
            n: StoredDocument.from_stored(s[fields.STORED_DATA]) for n, s in stored.items()
        }
        spans = find_spans(searcher.reader(), parsed, documents, self._arrays)
        for docnum, score in top:
            document = documents[docnum]
            result.hits.append(
                Hit(
                    doc=stored[docnum][fields.ID_FIELD],
                    path=document.path,
                    title=document.title,
                    source=document.source,
                    published=document.published,
                    score=score,
                    snippets=snippets(document.body, spans[docnum]),
                    spans=spans[docnum],
                )
            )
        if result.total == 0:
            result.suggestion = self._suggest(searcher, parsed, result.query)

    def _top(
        self, ranker: Ranker, query: wq.Query, limit: int, sort: str
    ) -> list[tuple[int, float]]:
        """(docnum, score) of the top hits: ranked with arrays, or by Whoosh for other shapes."""
        counter = ranker.counter
        ranked, dates = _split_dates(query)
        allow = counter.bits(wq.And(dates)) if dates else None
        if _has_not(ranked):
            # Whoosh's AndNotMatcher can let through a document it should exclude (when the
            # first candidate is excluded by a later prohibited posting): rank only true matches.
            allow = counter.bits(query)
        if allow is not None and not allow:  # Whoosh reads an empty filter as no filter
            return []
        mask = ranker.mask(allow) if allow is not None else None
        top = ranker.top(ranked, limit, mask, by_date=sort == "date")
        if top is not None:
            return [(docnum, _score(score)) for docnum, score in top]
        searcher = ranker.searcher
        keep = counter.docnums(allow) if allow is not None else None
        if sort == "date":
            order = [FieldFacet(fields.DATE_ORDER, reverse=True), ScoreFacet()]
            found = searcher.search(ranked, limit=limit, sortedby=order, filter=keep)
        else:
            found = searcher.search(ranked, limit=limit, filter=keep)
        return [(hit.docnum, _score(hit.score)) for hit in found]

    def _ranker(self, searcher: Searcher) -> Ranker:
        """The ranker of this searcher (its cached bitmaps die with the searcher)."""
        if self._ranking is None or self._ranking.searcher is not searcher:
            self._ranking = Ranker(searcher, MatchCounter(searcher, self._arrays), self._arrays)
        return self._ranking

    def _suggest(self, searcher: Searcher, parsed: ParsedQuery, query: str) -> str | None:
        """The query with unknown words replaced by close words of the index, if that finds any.

        The index holds stems, so a close stem is turned back into a word as written in a
        document that contains it ("negoti" → "negotiations").
        """
        corrector = searcher.corrector(fields.BODY)
        replaced = query
        for word in sorted(parsed.words, key=lambda w: -w.start):
            if _known(searcher.reader(), word):
                continue
            stems = corrector.suggest(analyse(word.text, fields.BODY)[0], limit=5, maxdist=2)
            surface = _surface(searcher, stems[0]) if stems else None
            if surface:
                replaced = replaced[: word.start] + surface + replaced[word.end :]
        if replaced == query:
            return None
        retry = parse_query(replaced)
        if retry.query is None or searcher.search(retry.query, limit=1).is_empty():
            return None
        return replaced

    def close(self) -> None:
        """Release the index files."""
        self.store.close()


def _known(reader: Any, word: Text) -> bool:
    names = [word.field] if word.field else [fields.BODY, fields.TITLE]
    return any((name, term) in reader for name in names for term in analyse(word.text, name))


def _score(value: Any) -> float:
    """The relevance score; 0 when sorting by date (Whoosh then gives the sort key instead)."""
    return round(float(value), 4) if isinstance(value, int | float) else 0.0


def _surface(searcher: Searcher, stem: str) -> str | None:
    """The first word in a document's body that stems to `stem`, lower-cased."""
    found = searcher.search(Term(fields.BODY, stem), limit=1)
    if found.is_empty():
        return None
    body = StoredDocument.from_stored(found[0][fields.STORED_DATA]).body
    for token in fields.TEXT_ANALYZER(body, mode="query", chars=True, removestops=False):
        if token.text == stem:
            return body[token.startchar : token.endchar].lower()
    return None


def _has_not(query: wq.Query) -> bool:
    return isinstance(query, wq.AndNot) or any(_has_not(q) for q in query.children())


def _split_dates(query: wq.Query) -> tuple[wq.Query, list[wq.Query]]:
    """A query without its top-level date ranges, and those ranges (applied as a filter)."""
    if isinstance(query, wq.DateRange):
        return wq.Every(), [query]
    if not isinstance(query, wq.And):
        return query, []
    dates = [q for q in query.subqueries if isinstance(q, wq.DateRange)]
    rest = [q for q in query.subqueries if not isinstance(q, wq.DateRange)]
    if not dates:
        return query, []
    return (wq.And(rest) if len(rest) > 1 else rest[0] if rest else wq.Every()), dates
