"""Whoosh's segment writer, with each term's postings gathered in lists and written per block.

Whoosh's own writer puts every posting into a sorting pool (a tuple each, spilled to disk in
sorted runs), reads it back one at a time and hands it to the codec one call at a time, looking
up the document's field length for each: three quarters of the indexing time. Here a segment's
postings are kept per field and term as they arrive (documents come in number order, so each
list is already sorted) and the codec's postings writer is given whole blocks. The files are
the ones Whoosh writes, byte for byte (tests/search/test_segments.py checks it).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import Any

from whoosh.codec.whoosh3 import W3FieldWriter
from whoosh.fields import Schema
from whoosh.writing import SegmentWriter


class TermPostings:
    """One term's postings in one segment: document numbers, weights and encoded values."""

    __slots__ = ("ids", "values", "weights")

    def __init__(self) -> None:
        self.ids = array("I")
        self.weights = array("f")
        self.values: list[bytes] = []


class TermPool:
    """The postings of a segment being written, per field and term, in document order."""

    def __init__(self) -> None:
        self.fields: dict[str, dict[bytes, TermPostings]] = {}

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """One posting (fieldname, term, docnum, weight, value): how Whoosh merges segments in."""
        fieldname, term, docnum, weight, value = item
        self.add_document(fieldname, docnum, [(term, 0, weight, value or b"")])

    def add_document(
        self, fieldname: str, docnum: int, postings: Iterable[tuple[bytes, int, float, bytes]]
    ) -> int:
        """A document's postings (term, frequency, weight, value) in one field; its length."""
        terms = self.fields.setdefault(fieldname, {})
        length = 0
        for term, frequency, weight, value in postings:
            found = terms.get(term)
            if found is None:
                found = terms[term] = TermPostings()
            found.ids.append(docnum)
            found.weights.append(weight)
            found.values.append(value)
            length += frequency
        return length

    def write(self, writer: W3FieldWriter, schema: Schema, lengths: Any) -> None:
        """Write every field's terms in order, a codec block at a time."""
        for fieldname in sorted(self.fields):
            field = schema[fieldname]
            field_lengths = _lengths(lengths, fieldname)
            writer.start_field(fieldname, field)
            terms = self.fields[fieldname]
            for term in sorted(terms):
                writer.start_term(term)
                _write_term(writer._postwriter, terms[term], field_lengths)
                writer.finish_term()
            writer.finish_field()

    def cleanup(self) -> None:
        self.fields.clear()


def _lengths(reader: Any, fieldname: str) -> list[int] | None:
    """Each document's length in a field as the codec records it (None: lengths not kept)."""
    if reader is None:
        return None
    read = reader.doc_field_length
    return [read(n, fieldname, 0) or 0 for n in range(reader.doc_count_all())]


def _write_term(postwriter: Any, postings: TermPostings, lengths: list[int] | None) -> None:
    """Hand one term's postings to the codec's postings writer in blocks of its block size.

    Sets the block buffers `add_posting` would have filled, with the same statistics: the
    highest weight and the shortest and longest (non-zero) field length of the block.
    """
    size = postwriter._blocklimit
    for start in range(0, len(postings.ids), size):
        if start:
            postwriter._write_block()
        ids = postings.ids[start : start + size]
        weights = postings.weights[start : start + size]
        postwriter._ids = ids
        postwriter._weights = weights
        postwriter._maxweight = max(0, max(weights))
        postwriter._values = [v for v in postings.values[start : start + size] if v]
        if lengths is not None:
            block = [length for length in map(lengths.__getitem__, ids) if length]
            postwriter._minlength = min(block) if block else None
            postwriter._maxlength = max(block) if block else 0


class Writer(SegmentWriter):
    """A SegmentWriter that gathers postings in a `TermPool` and writes them per term."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pool = TermPool()

    def add_document(self, **values: Any) -> None:
        """Add one document: Whoosh's add_document for fields without boosts or vectors.

        A field's value may be ready-made postings (`schema.Analysed`), taken as they are.
        Every field is worked out before any is written, so a value that fails leaves nothing.
        """
        self._check_state()
        schema = self.schema
        names = sorted(name for name, value in values.items() if value is not None)
        self._check_fields(schema, names)
        worked_out = []
        for name in names:
            field, value = schema[name], values[name]
            postings = list(field.index(value)) if field.indexed else None
            column = field.to_column_value(value) if field.column_type else None
            worked_out.append((name, field, value if field.stored else None, postings, column))
        perdoc = self.perdocwriter
        perdoc.start_doc(self.docnum)
        for name, field, stored, postings, column in worked_out:
            length = 0
            if postings is not None:
                length = self.pool.add_document(name, self.docnum, postings)
            perdoc.add_field(name, field, stored, length if field.scorable else 0)
            if field.column_type:
                perdoc.add_column_value(name, field.column_type, column)
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        self.pool.write(self.fieldwriter, self.schema, lengths)
        self.fieldwriter.close()
        if lengths:
            lengths.close()
