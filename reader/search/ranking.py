"""The top hits of a query, ranked as Whoosh ranks them (BM25F), with numpy arrays.

Whoosh's collector scores the matching documents one posting at a time in Python, so a frequent
word or an AND of two common words costs thousands of Python calls per query. Here each term's
postings (document numbers and weights) and each field's document lengths are read once per
segment into arrays and kept across searches and updates (a segment never changes; deletions
are masked per searcher); a query is then ranked by array arithmetic and a partial sort.

The scores are Whoosh's own: the BM25F formula of `whoosh.scoring` with the same statistics
(idf, average field length, byte-coded field lengths), sums for AND and OR as its matchers add,
ties broken by document number as its collector does, so hits and order are the same. A query
shape not known here (prefixes, other weightings) gives None and Whoosh ranks it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.scoring import BM25F

from reader.search import schema as fields
from reader.search.counting import MatchCounter
from reader.search.postings import SegmentArrays

Vector = tuple[np.ndarray, np.ndarray]  # (scores, matched) over every document number


class Unsupported(Exception):
    """The query has a part this module does not rank like Whoosh; Whoosh ranks it."""


class Ranker:
    """Ranks queries in one searcher's view of the index."""

    def __init__(self, searcher: Any, counter: MatchCounter, arrays: SegmentArrays) -> None:
        self.searcher = searcher
        self.counter = counter
        self.arrays = arrays
        self.size = searcher.reader().doc_count_all()
        self.leaves = list(searcher.reader().leaf_readers())
        self.live = self.mask(counter.live)

    def mask(self, bits: int) -> np.ndarray:
        """A bitmap of the counter as a boolean array over the document numbers."""
        raw = np.frombuffer(bits.to_bytes(self.size // 8 + 2, "little"), np.uint8)
        return np.unpackbits(raw, bitorder="little")[: self.size].astype(bool)

    def top(
        self, query: wq.Query, limit: int, allow: np.ndarray | None, by_date: bool
    ) -> list[tuple[int, float]] | None:
        """(docnum, score) of the best `limit` live matches (score 0 when sorted by date).

        `allow` restricts the matches; None when the query cannot be ranked here.
        """
        weighting = self.searcher.weighting
        if type(weighting) is not BM25F or weighting._field_B:
            return None
        try:
            scores, matched = self._vector(query)
        except Unsupported:
            return None
        matched &= self.live
        if allow is not None:
            matched &= allow
        found = np.flatnonzero(matched)
        values = scores[found]
        if by_date:
            dates = self._dates()[found]
            order = np.lexsort((found, -values, -dates.astype(np.float64)))[:limit]
            return [(int(found[i]), 0.0) for i in order]
        if len(found) > limit:  # keep the top scores (and all ties with the last) only
            threshold = np.partition(values, len(values) - limit)[len(values) - limit]
            keep = values >= threshold
            found, values = found[keep], values[keep]
        order = np.lexsort((found, -values))[:limit]
        return [(int(found[i]), float(values[i])) for i in order]

    def _vector(self, query: wq.Query) -> Vector:
        """Scores and matches of a query over all document numbers."""
        if query.boost != 1.0:
            raise Unsupported
        if isinstance(query, wq.Term):
            return self._term(query.fieldname, query.text)
        if isinstance(query, wq.Phrase):
            if query.slop != 1:
                raise Unsupported
            matched = self.mask(self.counter.bits(query))
            scores = np.zeros(self.size)
            for word in query.words:
                scores += self._term(query.fieldname, word)[0]
            return np.where(matched, scores, 0.0), matched
        if isinstance(query, wq.AndNot):
            scores, matched = self._vector(query.a)
            return scores, matched & ~self._vector(query.b)[1]
        if isinstance(query, wq.Every) and query.fieldname in (None, "", "*"):
            return self.live.astype(np.float64), self.live.copy()
        if isinstance(query, wq.And | wq.Or) and type(query) in (wq.And, wq.Or):
            parts = [self._vector(q) for q in query.subqueries]
            if not parts:
                return np.zeros(self.size), np.zeros(self.size, bool)
            scores, matched = parts[0][0].copy(), parts[0][1].copy()
            for more_scores, more_matched in parts[1:]:
                if isinstance(query, wq.And):
                    matched &= more_matched
                else:
                    matched |= more_matched
                scores += more_scores
            return np.where(matched, scores, 0.0), matched
        raise Unsupported

    def _term(self, fieldname: str, text: str) -> Vector:
        """A term's BM25F scores, as whoosh.scoring.BM25FScorer works them out."""
        scores = np.zeros(self.size)
        matched = np.zeros(self.size, bool)
        if fieldname not in self.searcher.schema:
            return scores, matched
        field = self.searcher.schema[fieldname]
        weighting = self.searcher.weighting
        scorable = field.scorable
        if scorable:
            idf = self.searcher.idf(fieldname, text)
            avgfl = self.searcher.avg_field_length(fieldname) or 1
            B, K1 = weighting.B, weighting.K1
        for leaf, offset in self.leaves:
            ids, weights = self.arrays.postings(leaf, fieldname, text)
            if not len(ids):
                continue
            if scorable:
                length = self.arrays.lengths(leaf, fieldname)[ids]
                # bm25() of whoosh.scoring, operation for operation.
                values = idf * (
                    (weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * length / avgfl))
                )
            else:
                values = weights
            scores[ids + offset] = values
            matched[ids + offset] = True
        return scores, matched

    def _dates(self) -> np.ndarray:
        dates = np.zeros(self.size, np.uint64)
        for leaf, offset in self.leaves:
            column = self.arrays.column(leaf, fields.DATE_ORDER)
            dates[offset : offset + len(column)] = column
        return dates
