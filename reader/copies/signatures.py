"""Each document's units, computed once per clean text and cached, and the candidate pairs.

A document's signature is its list of `Unit`s. Computing it means finding the quotations, the
slow part, so signatures are kept in an SQLite file in the
cache folder keyed by a hash of the body and of this package's code: adding documents to a
library only computes (and writes) the new ones.

Candidates come from a locality-sensitive index over sentences (a bottom-k sketch): every unit
is keyed by each pair of its `BOTTOM` smallest stem hashes, among its informative stems (those
in fewer than `COMMON` of the documents, or `COMMON_FLOOR` of them in a small set: stock words
and the names every report of an event uses say nothing about copying). Two sentences sharing
most of their stems very likely share one such pair, two unrelated ones almost never do.
Documents meeting in at least `MIN_HITS` keys are candidates; a key shared by more than
`MAX_BUCKET` documents is a stock phrase and is ignored. Nothing here compares all pairs.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import pickle
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from itertools import combinations
from pathlib import Path

from reader.copies.units import Unit, units_of
from reader.documents.model import Document
from reader.processes import worker_count
from reader.quotes.model import Quote, QuoteKind

log = logging.getLogger(__name__)

BOTTOM = 6
KEY_STEMS = 3
MIN_HITS = 3
MAX_BUCKET = 60
COMMON = 0.2
COMMON_FLOOR = 40
CACHE_NAME = "signatures.sqlite"
TABLE = "CREATE TABLE IF NOT EXISTS signatures (key TEXT PRIMARY KEY, units BLOB NOT NULL)"
PARALLEL_MIN = 400  # documents whose quotes are to be found from which workers share the work
SHARE = 64  # documents per piece of work handed to a worker

Signature = list[Unit]


def code_version() -> str:
    """Changes whenever the code that builds signatures (or finds quotes) changes."""
    digest = hashlib.sha1()
    folders = (Path(__file__).parent, Path(__file__).parents[1] / "quotes")
    for source in sorted(p for folder in folders for p in folder.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


def quote_spans(document: Document, quotes: Sequence[Quote] | None) -> list[tuple[int, int]]:
    """The spans of the full quotations of `document` (extracted when not given)."""
    if quotes is None:
        from reader.quotes.extraction import extract_quotes

        quotes = extract_quotes(document)
    return [(q.start, q.end) for q in quotes if q.kind == QuoteKind.QUOTE]


class SignatureCache:
    """Signatures by body hash, in one SQLite file of `folder` (or in memory only, without one).

    One row per signature: saving writes the new rows and deletes the unused ones, so adding a
    few documents to a large library writes a few rows.
    """

    def __init__(self, folder: Path | None) -> None:
        self.path = Path(folder) / CACHE_NAME if folder is not None else None
        self.version = code_version()
        self._entries: dict[str, Signature] = self._read()
        self._new: dict[str, Signature] = {}
        self._used: set[str] = set()
        self.computed = 0  # signatures computed (not found in the cache) since opening

    def key(self, document: Document) -> str:
        digest = hashlib.sha1(self.version.encode())
        digest.update(document.body.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def signature(self, document: Document, quotes: Sequence[Quote] | None = None) -> Signature:
        """The units of `document`, from the cache when its text was seen before."""
        found = self.cached(document)
        if found is None:
            found = units_of(document.body, quote_spans(document, quotes))
            self.add(document, found)
        return found

    def cached(self, document: Document) -> Signature | None:
        """The cached units of `document`, None when its text was not seen before."""
        key = self.key(document)
        self._used.add(key)
        return self._entries.get(key)

    def add(self, document: Document, signature: Signature) -> None:
        """Keep the units just computed for `document`."""
        key = self.key(document)
        self._used.add(key)
        self._entries[key] = self._new[key] = signature
        self.computed += 1

    def save(self) -> None:
        """Write the new entries and drop those unused since opening; failures are logged."""
        stale = self._entries.keys() - self._used
        if self.path is None or not (self._new or stale):
            return
        rows = [
            {"key": k, "units": pickle.dumps(v, pickle.HIGHEST_PROTOCOL)}
            for k, v in self._new.items()
        ]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.path)) as db, db:
                db.execute(TABLE)
                db.executemany("INSERT OR REPLACE INTO signatures VALUES (:key, :units)", rows)
                db.executemany(
                    "DELETE FROM signatures WHERE key = :key", [{"key": k} for k in stale]
                )
        except (OSError, sqlite3.Error) as error:
            log.warning("could not cache the copy signatures: %s", error)
            return
        self._entries = {k: self._entries[k] for k in self._used}
        self._new = {}

    def _read(self) -> dict[str, Signature]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            with closing(sqlite3.connect(self.path)) as db:
                rows = db.execute("SELECT key, units FROM signatures").fetchall()
        except sqlite3.Error:
            return {}
        entries = {}
        for key, units in rows:
            try:
                entries[key] = pickle.loads(units)
            except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
                continue
        return entries


def signatures_of(
    documents: Sequence[Document],
    cache: SignatureCache,
    quotes: Mapping[str, Sequence[Quote]] | None = None,
    tick: Callable[[int], None] = lambda number: None,
) -> list[Signature]:
    """The signature of every document, in order (`tick(n)` when n are known).

    Those not in the cache are computed in worker processes when `PARALLEL_MIN` of them or more
    need their quotations found (Python work, one core per process; given quotations, splitting
    sentences is quicker than starting a worker).
    """
    found: list[Signature | None] = [cache.cached(d) for d in documents]
    missing = []
    for number, document in enumerate(documents):
        if found[number] is None:
            given = quotes.get(document.id) if quotes is not None else None
            missing.append(
                (number, document, None if given is None else quote_spans(document, given))
            )
    done = len(documents) - len(missing)
    tick(done)
    for share, computed in _computed(missing):
        for (number, document, _), units in zip(share, computed, strict=True):
            found[number] = units
            cache.add(document, units)
        done += len(share)
        tick(done)
    cache.save()
    return [units for units in found if units is not None]


Job = tuple[int, Document, list[tuple[int, int]] | None]


def _computed(jobs: list[Job]) -> Iterator[tuple[list[Job], list[Signature]]]:
    """Each share of `jobs` with its signatures, computed here or in worker processes."""
    shares = [jobs[n : n + SHARE] for n in range(0, len(jobs), SHARE)]
    count = worker_count(sum(1 for _, _, spans in jobs if spans is None), PARALLEL_MIN)
    if not count:
        for share in shares:
            yield share, compute_share([(d, spans) for _, d, spans in share])
        return
    with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [
            pool.submit(compute_share, [(_slim(d), s) for _, d, s in share]) for share in shares
        ]
        try:
            for share, future in zip(shares, futures, strict=True):
                yield share, future.result()
        finally:
            for future in futures:
                future.cancel()


def _slim(document: Document) -> Document:
    """What finding quotations reads of a document (the raw page would double what is sent)."""
    return Document(id=document.id, path=document.path, body=document.body)


def compute_share(jobs: list[tuple[Document, list[tuple[int, int]] | None]]) -> list[Signature]:
    """The units of each document (its quotations found when their spans are not given)."""
    return [units_of(d.body, quote_spans(d, None) if spans is None else spans) for d, spans in jobs]


def keys_of(units: Iterable[Unit], common: set[int]) -> set[int]:
    """The index keys of a document: pairs of each unit's smallest informative stem hashes."""
    keys: set[int] = set()
    for unit in units:
        low = sorted(unit.stems - common)[:BOTTOM]
        keys.update(hash(triple) for triple in combinations(low, KEY_STEMS))
    return keys


def common_stems(frequency: Counter[int], documents: int) -> set[int]:
    """The stems too frequent in the set to say anything about copying."""
    limit = max(COMMON_FLOOR, COMMON * documents)
    return {stem for stem, count in frequency.items() if count > limit}


def candidates(units: Sequence[Iterable[Unit]], frequency: Counter[int]) -> list[tuple[int, int]]:
    """Pairs of document numbers (i < j) meeting in at least `MIN_HITS` index keys.

    `frequency` is the number of documents each stem occurs in.
    """
    common = common_stems(frequency, len(units))
    buckets: dict[int, list[int]] = defaultdict(list)
    for number, doc_units in enumerate(units):
        for key in keys_of(doc_units, common):
            buckets[key].append(number)
    hits: Counter[tuple[int, int]] = Counter()
    for members in buckets.values():
        if 1 < len(members) <= MAX_BUCKET:
            hits.update(combinations(members, 2))
    return sorted(pair for pair, count in hits.items() if count >= MIN_HITS)
