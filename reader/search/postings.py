"""Postings and field lengths of index segments as numpy arrays, read once and kept.

Whoosh reads postings one at a time in Python (decoding every block's ids as it skips). Ranking
(see `ranking`) needs whole postings lists, and highlighting the word positions of a term in
a few documents; both are answered here from arrays read a block at a time and kept across
searches and updates: a segment never changes (deletions are masked by the searcher), so its
arrays stay valid until it is merged away, and then they age out of the cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import numpy as np
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound

from reader.search import words

CACHE_BYTES = 64 * 2**20  # arrays kept (about 20 bytes per posting)
Occurrences = dict[int, list[int]]  # docnum → word positions


class SegmentArrays:
    """Postings and field lengths of index segments as arrays, kept while memory allows.

    Keys start with the segment id, and a segment's postings never change, so entries stay
    valid across index updates; entries of merged-away segments age out.
    """

    def __init__(self, budget: int = CACHE_BYTES) -> None:
        self.budget = budget
        self._used = 0
        self._entries: OrderedDict[tuple[str, ...], tuple[np.ndarray, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def postings(self, leaf: Any, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(segment-local document numbers, weights) of a term, deleted documents included."""
        found = self._postings(leaf, fieldname, text)
        return found[0], found[1]

    def occurrences(
        self, reader: Any, fieldname: str, text: str, docnums: list[int]
    ) -> Occurrences:
        """The word positions of a term in each of `docnums` that holds it (a positions field).

        Only the postings blocks holding those documents are read, found from the kept ids.
        """
        found: Occurrences = {}
        for leaf, offset in reader.leaf_readers():
            wanted = [n - offset for n in docnums if 0 <= n - offset < leaf.doc_count_all()]
            if not wanted:
                continue
            ids, _, blocks, starts = self._postings(leaf, fieldname, text)
            where = np.searchsorted(ids, wanted)
            decode = leaf.schema[fieldname].format.decoder("positions")
            segment = leaf.segment().segment_id()
            for docnum, i in zip(wanted, where.tolist(), strict=True):
                if i >= len(ids) or ids[i] != docnum:
                    continue
                block = int(np.searchsorted(starts, i, side="right")) - 1
                key = (segment, "v", fieldname, text, str(block))
                values = self._get(key)
                if values is None:
                    values = self._put(key, _block_values(leaf, fieldname, text, blocks[block]))
                found[docnum + offset] = decode(values[0][i - int(starts[block])])
        return found

    def phrase_docs(self, reader: Any, fieldname: str, terms: list[str]) -> np.ndarray:
        """The document numbers where `terms` occur one right after the other (a positions field).

        Each word's occurrences are kept as sorted keys (document << 32 | position); the phrase
        is found by following the keys of the first word one position on, word by word.
        """
        found = []
        for leaf, offset in reader.leaf_readers():
            keys = self._positions(leaf, fieldname, terms[0])
            for word in terms[1:]:
                if not len(keys):
                    break
                following = self._positions(leaf, fieldname, word)
                keys = keys + 1
                where = np.minimum(np.searchsorted(following, keys), max(len(following) - 1, 0))
                keys = keys[following[where] == keys] if len(following) else keys[:0]
            found.append(np.unique(keys >> 32) + offset)
        return np.concatenate(found) if found else np.zeros(0, np.int64)

    def _positions(self, leaf: Any, fieldname: str, text: str) -> np.ndarray:
        key = (leaf.segment().segment_id(), "k", fieldname, text)
        found = self._get(key)
        if found is None:
            found = self._put(key, (_read_positions(leaf, fieldname, text),))
        return found[0]

    def _postings(self, leaf: Any, fieldname: str, text: str) -> tuple[np.ndarray, ...]:
        """(ids, weights, block file positions, index of each block's first posting)."""
        key = (leaf.segment().segment_id(), "p", fieldname, text)
        found = self._get(key)
        if found is None:
            found = self._put(key, _read_postings(leaf, fieldname, text))
        return found

    def lengths(self, leaf: Any, fieldname: str) -> np.ndarray:
        """Each document's length in a field, as Whoosh's scorer sees it (byte-coded)."""
        key = (leaf.segment().segment_id(), "l", fieldname)
        found = self._get(key)
        if found is None:
            count = leaf.doc_count_all()
            coded = (leaf.doc_field_length(n, fieldname, 0) or 0 for n in range(count))
            found = self._put(key, (np.fromiter(coded, np.float64, count),))
        return found[0]

    def column(self, leaf: Any, fieldname: str) -> np.ndarray:
        """The values of a numeric column (the date order)."""
        key = (leaf.segment().segment_id(), "c", fieldname)
        found = self._get(key)
        if found is None:
            values = leaf.column_reader(fieldname)
            count = leaf.doc_count_all()
            found = self._put(key, (np.fromiter(values, np.uint64, count),))
        return found[0]

    def _get(self, key: tuple[str, ...]) -> tuple[np.ndarray, ...] | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def _put(self, key: tuple[str, ...], arrays: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
        with self._lock:
            if key not in self._entries:
                self._entries[key] = arrays
                self._used += _size(arrays)
            while self._used > self.budget and len(self._entries) > 1:
                _, dropped = self._entries.popitem(last=False)
                self._used -= _size(dropped)
            return self._entries[key]


def _size(arrays: tuple[np.ndarray, ...]) -> int:
    """Bytes held by cached arrays (an object array's values count as 40 bytes each)."""
    return sum(a.nbytes if a.dtype != object else 40 * len(a) for a in arrays)


def _leaf_matcher(leaf: Any, fieldname: str, text: str) -> Any:
    """The segment's own postings matcher of a term (without the deletions filter).

    Always a W3LeafMatcher: the Whoosh 3 codec inlines no postings at its inline limit of 1.
    """
    matcher = leaf.postings(fieldname, text)
    return matcher.child if isinstance(matcher, FilterMatcher) else matcher


def _block_values(leaf: Any, fieldname: str, text: str, position: int) -> tuple[Any, ...]:
    """The encoded values of one postings block (as a one-item tuple, for the cache)."""
    matcher = _leaf_matcher(leaf, fieldname, text)
    matcher._goto(int(position))
    matcher._read_values()
    return (np.asarray(matcher._values, object),)


def _read_positions(leaf: Any, fieldname: str, text: str) -> np.ndarray:
    """Sorted keys (document << 32 | position) of every occurrence of a term in one segment."""
    try:
        matcher = _leaf_matcher(leaf, fieldname, text)
    except TermNotFound:
        return np.zeros(0, np.int64)
    keys = []
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_values()
        positions, counts = words.decode_many(matcher._values)
        keys.append((np.repeat(np.asarray(matcher._ids, np.int64), counts) << 32) | positions)
        matcher._next_block()
    return np.concatenate(keys) if keys else np.zeros(0, np.int64)


def _read_postings(leaf: Any, fieldname: str, text: str) -> tuple[np.ndarray, ...]:
    """A term's postings in one segment, a Whoosh 3 codec block at a time."""
    try:
        matcher = _leaf_matcher(leaf, fieldname, text)
    except TermNotFound:
        matcher = None
    ids: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    blocks: list[int] = []
    starts: list[int] = []
    position = matcher._baseoffset if matcher is not None else 0
    count = 0
    while matcher is not None and matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        ids.append(np.asarray(matcher._ids, np.int64))
        weights.append(np.asarray(matcher._weights, np.float64))
        blocks.append(position)
        starts.append(count)
        count += len(ids[-1])
        position = matcher._nextoffset
        matcher._next_block()
    if not ids:
        return (np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int64), np.zeros(0, np.int64))
    return (
        np.concatenate(ids),
        np.concatenate(weights),
        np.asarray(blocks, np.int64),
        np.asarray(starts, np.int64),
    )
