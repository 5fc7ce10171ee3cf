"""Exact match counts without scoring every match.

Whoosh finds the top hits quickly by skipping blocks of postings that cannot reach them, but it
then no longer knows how many documents matched; counting them its way means a second pass in
Python over every match. Here each term's matching documents become a bitmap (a Python int, one
bit per document number), cached per searcher, and the query tree is evaluated with C-speed
`&`, `|` and `~`. While a user types, every word's bitmap is built once and then reused. Date
ranges are answered from the sortable date column, and are applied to the ranking as a filter,
because Whoosh expands a date range into many numeric terms.
"""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from whoosh import query as wq
from whoosh.reading import TermNotFound

from reader.search import schema as fields
from reader.search.postings import SegmentArrays

MAX_CACHED = 2048  # bitmaps (each one bit per document: 1.25 KB for 10,000 documents)


class MatchCounter:
    """Counts the documents a query matches in one searcher's view of the index."""

    def __init__(self, searcher: Any, arrays: SegmentArrays | None = None) -> None:
        self.searcher = searcher
        self.arrays = arrays if arrays is not None else SegmentArrays()
        self.reader = searcher.reader()
        self._size = self.reader.doc_count_all() // 8 + 1
        self._cache: OrderedDict[str, int] = OrderedDict()
        self._lock = threading.Lock()
        self.live = self._bitmap(self.reader.all_doc_ids())  # the documents not deleted
        self._dates: list[tuple[int, int]] | None = None  # (date key, docnum), sorted
        self._date_keys: list[int] = []

    def count(self, query: wq.Query) -> int:
        """How many live documents match `query`."""
        return (self.bits(query) & self.live).bit_count()

    def bits(self, query: wq.Query) -> int:
        """The bitmap of the documents matching `query` (may include deleted ones)."""
        if isinstance(query, wq.And):
            return self._fold(query.subqueries, lambda a, b: a & b)
        if isinstance(query, wq.Or):
            return self._fold(query.subqueries, lambda a, b: a | b)
        if isinstance(query, wq.AndNot):
            return self.bits(query.a) & ~self.bits(query.b)
        if isinstance(query, wq.Every):
            return self.live
        return self._cached(query)

    def _fold(self, parts: Iterable[wq.Query], combine: Any) -> int:
        result: int | None = None
        for part in parts:
            bits = self.bits(part)
            result = bits if result is None else combine(result, bits)
        return result or 0

    def _cached(self, query: wq.Query) -> int:
        key = repr(query)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        if isinstance(query, wq.Term):
            bits = self._term_bits(query.fieldname, query.text)
        elif isinstance(query, wq.DateRange):
            bits = self._date_bits(query.startdate, query.enddate)
        elif isinstance(query, wq.Phrase) and query.fieldname == fields.BODY and query.slop == 1:
            docnums = self.arrays.phrase_docs(self.reader, fields.BODY, query.words)
            bits = self._bitmap(docnums.tolist())
        else:  # title phrases, prefixes: let Whoosh find the documents
            bits = self._bitmap(query.docs(self.searcher))
        with self._lock:
            self._cache[key] = bits
            while len(self._cache) > MAX_CACHED:
                self._cache.popitem(last=False)
        return bits

    def _date_bits(self, start: datetime | None, end: datetime | None) -> int:
        """Documents dated in [start, end), from the sortable date column (no term expansion)."""
        if self._dates is None:
            column = self.reader.column_reader(fields.DATE_ORDER)
            self._dates = sorted((column[n], n) for n in self.reader.all_doc_ids() if column[n])
            self._date_keys = [key for key, _ in self._dates]
        low = bisect.bisect_left(self._date_keys, date_key(start)) if start else 0
        high = bisect.bisect_left(self._date_keys, date_key(end)) if end else len(self._dates)
        return self._bitmap(n for _, n in self._dates[low:high])

    def docnums(self, bits: int) -> set[int]:
        """The document numbers set in a bitmap."""
        found: set[int] = set()
        for index, byte in enumerate(bits.to_bytes(self._size + 1, "little")):
            if byte:
                found.update(index * 8 + bit for bit in range(8) if byte >> bit & 1)
        return found

    def _term_bits(self, fieldname: str, text: str) -> int:
        try:
            matcher = self.reader.postings(fieldname, text)
        except TermNotFound:
            return 0
        return self._bitmap(matcher.all_ids())

    def _bitmap(self, docnums: Iterable[int]) -> int:
        bits = bytearray(self._size)
        for docnum in docnums:
            bits[docnum >> 3] |= 1 << (docnum & 7)
        return int.from_bytes(bits, "little")


def date_key(moment: datetime) -> int:
    """The sortable integer of a (naive, local) date and time: YYYYMMDDhhmmss."""
    return int(moment.strftime("%Y%m%d%H%M%S"))
