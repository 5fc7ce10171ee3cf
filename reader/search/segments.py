"""Whoosh's segment writer, with each term's postings gathered in lists and written per block.

Whoosh's own writer puts every posting into a sorting pool (a tuple each, spilled to disk in
sorted runs), reads it back one at a time and hands it to the codec one call at a time, looking
up the document's field length for each: three quarters of the indexing time. Here a segment's
postings are kept per field and term as they arrive (documents come in number order, so each
list is already sorted) and the codec's postings writer is given whole blocks. Past a memory
budget the postings held go to a run file, and the runs are merged term by term when the
segment is written (`TermPool`): a segment's size does not set its writer's memory.

The codec (`CompactCodec`) is Whoosh 3's with smaller postings blocks: Whoosh pickles a block's
ids, weights and values with pickle protocol 2, which has no bytes type (each value becomes a
latin-1 string rebuilt by a function call) and writes every weight as an 8-byte float, then
compresses even a block of one posting. Here a block is pickled at the highest protocol, the ids
and weights of a full block as arrays (a small one's as tuples: an array's pickle costs ~60
bytes), and compressed only when that makes it smaller. Whoosh's own block reader
reads these blocks as they are; all else in the files is Whoosh's, byte for byte
(tests/search/test_segments.py checks both).
"""

from __future__ import annotations

import heapq
import itertools
import operator
import pickle
import tempfile
import zlib
from array import array
from collections.abc import Iterable, Iterator
from typing import IO, Any

import numpy as np
from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3PostingsWriter,
)
from whoosh.fields import Schema
from whoosh.util.numeric import length_to_byte
from whoosh.util.numlists import delta_encode
from whoosh.writing import SegmentWriter

POOL_BYTES = 32 * 2**20  # postings a segment writer holds before it writes them to a run file
POSTING_BYTES = 12  # a posting's id, weight and end offset (its value's bytes come on top)
TERM_BYTES = 400  # a term's dict entry, TermPostings and its four arrays


class TermPostings:
    """One term's postings in one segment: document numbers, weights and encoded values.

    The values (word positions) are held end to end in one bytearray with their end offsets, not
    as a bytes object each: a segment's pool holds every posting of its documents at once, and
    a bytes object costs 33 bytes and a pointer beside its few bytes of positions.
    """

    __slots__ = ("data", "ends", "ids", "weights")

    def __init__(self) -> None:
        self.ids = array("I")
        self.weights = array("f")
        self.data = bytearray()
        self.ends = array("I")

    def add(self, docnum: int, weight: float, value: bytes) -> None:
        self.ids.append(docnum)
        self.weights.append(weight)
        self.data += value
        self.ends.append(len(self.data))

    def extend(self, other: TermPostings) -> None:
        """Append the postings of `other` (of later documents)."""
        self.ids += other.ids
        self.weights += other.weights
        shift = len(self.data)
        self.data += other.data
        self.ends.frombytes((np.frombuffer(other.ends, np.uint32) + shift).tobytes())

    def values(self, start: int, stop: int) -> list[bytes]:
        """The non-empty values of postings `start` to `stop`."""
        data, ends = self.data, self.ends
        begin = ends[start - 1] if start else 0
        found = []
        for end in ends[start:stop]:
            if end > begin:
                found.append(bytes(data[begin:end]))
            begin = end
        return found


class TermPool:
    """The postings of a segment being written, per field and term, in document order.

    Once the postings held pass `budget` bytes (an estimate), they are written to a run file
    (anonymous, in `folder`: gone with the pool or its process however they end) in term order
    and dropped; writing the segment merges the runs and the postings still held, term by term.
    Documents come in number order, so a term's postings are its pieces of each run in turn.
    """

    def __init__(self, folder: str | None, budget: int) -> None:
        self.fields: dict[str, dict[bytes, TermPostings]] = {}
        self.folder = folder
        self.budget = budget
        self.held = 0  # estimated bytes of the postings held
        self.runs: list[IO[bytes]] = []

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """One posting (fieldname, term, docnum, weight, value): how Whoosh merges segments in."""
        fieldname, term, docnum, weight, value = item
        self.add_document(fieldname, docnum, [(term, 0, weight, value or b"")])

    def add_document(
        self, fieldname: str, docnum: int, postings: Iterable[tuple[bytes, int, float, bytes]]
    ) -> int:
        """A document's postings (term, frequency, weight, value) in one field; its length."""
        terms = self.fields.setdefault(fieldname, {})
        length = held = 0
        for term, frequency, weight, value in postings:
            found = terms.get(term)
            if found is None:
                found = terms[term] = TermPostings()
                held += TERM_BYTES
            found.add(docnum, weight, value)
            length += frequency
            held += POSTING_BYTES + len(value)
        self.held += held
        if self.held > self.budget:
            self._spill()
        return length

    def _spill(self) -> None:
        """Write the postings held to a new run file, in field and term order, and drop them."""
        run = tempfile.TemporaryFile(dir=self.folder, prefix="postings-")  # noqa: SIM115 (closed by cleanup)
        self.runs.append(run)
        for fieldname, term, postings in self._held():
            pickle.dump(
                (fieldname, term, postings.ids, postings.weights, postings.data, postings.ends),
                run,
                pickle.HIGHEST_PROTOCOL,
            )
        self.fields.clear()
        self.held = 0

    def _held(self) -> Iterator[tuple[str, bytes, TermPostings]]:
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for term in sorted(terms):
                yield fieldname, term, terms[term]

    def _terms(self) -> Iterator[tuple[str, bytes, TermPostings]]:
        """Every (field, term, postings) in order, the runs' pieces and the held ones joined."""
        sources = [_read_run(run) for run in self.runs] + [self._held()]
        merged = heapq.merge(*sources, key=operator.itemgetter(0, 1))  # equal keys: run order
        for (fieldname, term), group in itertools.groupby(merged, operator.itemgetter(0, 1)):
            postings, *later = (piece for _, _, piece in group)
            for piece in later:
                postings.extend(piece)
            yield fieldname, term, postings

    def write(self, writer: W3FieldWriter, schema: Schema, lengths: Any) -> None:
        """Write every field's terms in order, a codec block at a time."""
        for fieldname, terms in itertools.groupby(self._terms(), operator.itemgetter(0)):
            field = schema[fieldname]
            field_lengths = _lengths(lengths, fieldname)
            writer.start_field(fieldname, field)
            for _, term, postings in terms:
                writer.start_term(term)
                _write_term(writer._postwriter, postings, field_lengths)
                writer.finish_term()
            writer.finish_field()

    def cleanup(self) -> None:
        self.fields.clear()
        self.held = 0
        for run in self.runs:
            run.close()
        self.runs.clear()


def _read_run(run: IO[bytes]) -> Iterator[tuple[str, bytes, TermPostings]]:
    """The (field, term, postings) a `TermPool` spilled to `run`, in order."""
    run.seek(0)
    while True:
        try:
            fieldname, term, ids, weights, data, ends = pickle.load(run)
        except EOFError:
            return
        postings = TermPostings()
        postings.ids, postings.weights, postings.data, postings.ends = ids, weights, data, ends
        yield fieldname, term, postings


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
        postwriter._values = postings.values(start, start + size)
        if lengths is not None:
            block = [length for length in map(lengths.__getitem__, ids) if length]
            postwriter._minlength = min(block) if block else None
            postwriter._maxlength = max(block) if block else 0


class CompactPostingsWriter(W3PostingsWriter):
    """Whoosh 3's postings writer with smaller blocks (see the module's docstring)."""

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        ids = self._ids
        data = pickle.dumps(
            (self._compact_ids(), self._compact_weights(), self._mini_values()),
            pickle.HIGHEST_PROTOCOL,
        )
        level = 0
        if self._compression and len(data) > SMALL_BLOCK:
            packed = zlib.compress(data, self._compression)
            if len(packed) < len(data):
                data, level = packed, self._compression
        info = pickle.dumps(
            (
                len(ids),
                ids[-1],
                self._maxweight,
                level,
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
            ),
            pickle.HIGHEST_PROTOCOL,
        )
        length = len(info) + len(data)
        self._postfile.write_int(-length if last else length)
        self._postfile.write(info)
        self._postfile.write(data)
        self._blockcount += 1
        self._new_block()

    def _compact_ids(self) -> array | tuple[int, ...]:
        if self._byteids:  # term vectors' ids are terms: Whoosh's own way
            return tuple(self._ids)
        gaps = tuple(delta_encode(self._ids))
        if len(gaps) < ARRAY_FROM:
            return gaps
        return array("H", gaps) if max(gaps) < 1 << 16 else array("I", gaps)

    def _compact_weights(self) -> array | tuple[float, ...] | float | None:
        weights = self._weights
        first = weights[0]
        if all(w == first for w in weights):
            return None if first == 1.0 else float(first)
        return array("f", weights) if len(weights) >= ARRAY_FROM else tuple(map(float, weights))


class CompactCodec(W3Codec):
    """Whoosh 3's codec writing `CompactPostingsWriter` blocks."""

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> CompactPostingsWriter:
        return CompactPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


SMALL_BLOCK = 64  # bytes of pickled block below which compressing never pays
ARRAY_FROM = 16  # postings from which a block's ids and weights pickle smaller as arrays


class Writer(SegmentWriter):
    """A SegmentWriter that gathers postings in a `TermPool` and writes them per term."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("codec", CompactCodec())
        super().__init__(*args, **kwargs)
        self.pool = TermPool(self._tempstorage.folder, POOL_BYTES)

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
