"""The index on disk: opening it safely, noticing damage, and updating it incrementally.

Every document is indexed under its id with a *fingerprint* (a hash of everything that goes into
the index: metadata, clean body, quotations). `IndexStore.update` compares fingerprints and
touches only the documents that were added, changed or removed.

Besides the Whoosh files the folder holds `reader-index.json`: the index version and the size of
every file as of the last commit. A version change rebuilds the index; a file that is missing or
has a different size (deleted, truncated, half-written by a killed process) marks the index as
damaged, and damage is repaired by rebuilding from the documents, with a message in the report.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from whoosh import index as whoosh_index
from whoosh.fields import Schema
from whoosh.index import TOC, FileIndex, LockError
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from reader.documents.model import Document
from reader.errors import IndexBusyError, LibraryError
from reader.fsutil import atomic_write_text
from reader.search import schema as fields
from reader.search.counting import date_key

log = logging.getLogger(__name__)

INDEX_NAME = "MAIN"
MANIFEST = "reader-index.json"
LOCK_TIMEOUT = 10.0

Progress = Callable[[float, str], None]


class QuoteSource(Protocol):
    """What the index needs of a quote analysis (reader.quotes.QuoteAnalysis fits).

    Each quote needs `text`, `speaker` and, ideally, `start`/`end` offsets into the body.
    """

    def quotes_of(self, doc_id: str) -> Sequence[Any]: ...


class Abort(Protocol):
    def is_set(self) -> bool: ...


@dataclass(slots=True)
class UpdateReport:
    """What an update did: document ids added, updated, removed; whether it rebuilt, and why.

    `skipped` lists (document id, one-line reason) for documents that could not be indexed;
    the others were indexed, an older version of a skipped one stays searchable, and the next
    update tries it again.
    """

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rebuilt: bool = False
    message: str = ""
    skipped: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class StoredDocument:
    """What the index keeps of a document to answer a search without the document itself."""

    path: str
    title: str
    source: str
    published: str | None
    body: str
    quotes: tuple[tuple[int, int, str], ...]  # (start, end, speaker or "") in body offsets

    @classmethod
    def from_stored(cls, data: dict[str, Any]) -> StoredDocument:
        return cls(
            path=data["path"],
            title=data["title"],
            source=data["source"],
            published=data["published"],
            body=zlib.decompress(data["body"]).decode("utf-8"),
            quotes=tuple(tuple(q) for q in data["quotes"]),  # type: ignore[misc]
        )


def quote_ranges(document: Document, quotes: Sequence[Any]) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of each quote in the body; quotes not found there are left out."""
    ranges = []
    for quote in quotes:
        start = getattr(quote, "start", None)
        if not isinstance(start, int) or document.body[start : quote.end] != quote.text:
            start = document.body.find(quote.text) if quote.text else -1
        if start >= 0:
            ranges.append((start, start + len(quote.text), quote.speaker or ""))
    return ranges


def fingerprint(document: Document, quotes: list[tuple[int, int, str]]) -> str:
    """A hash of everything the index holds for `document`."""
    digest = hashlib.blake2b(digest_size=16)
    published = document.published.isoformat() if document.published else ""
    for part in (document.path, document.title, document.source, document.author, published):
        digest.update(part.encode("utf-8", "replace") + b"\0")
    digest.update(document.body.encode("utf-8", "replace"))
    digest.update(repr(quotes).encode("utf-8", "replace"))
    return digest.hexdigest()


def document_fields(
    document: Document, quotes: list[tuple[int, int, str]], print_: str
) -> dict[str, Any]:
    """The Whoosh fields of one document (`print_` is its fingerprint), the body analysed."""
    body = document.body
    words, pairs = fields.analyse_body(body)
    values: dict[str, Any] = {
        fields.ID_FIELD: document.id,
        fields.FINGERPRINT: print_,
        fields.BODY: words,
        fields.PAIRS: pairs,
        fields.TITLE: document.title,
        fields.SOURCE: document.source,
        fields.AUTHOR: document.author,
        fields.STORED_DATA: {
            "path": document.path,
            "title": document.title,
            "source": document.source,
            "published": document.published_iso,
            "body": zlib.compress(body.encode("utf-8"), 1),
            "quotes": quotes,
        },
    }
    if quotes:
        values[fields.QUOTES] = "\n".join(body[start:end] for start, end, _ in quotes)
        values[fields.SPEAKER] = "\n".join(sorted({s for _, _, s in quotes if s}))
        values[fields.HAS_QUOTES] = "yes"
    values[fields.DATE_ORDER] = 0
    if document.published is not None:
        # The article's own wall-clock date: "published on the 28th" is what users search for.
        local = document.published.replace(tzinfo=None)
        values[fields.PUBLISHED] = local
        values[fields.DATE_ORDER] = date_key(local)
    return values


def check_fields(schema: Schema, values: dict[str, Any]) -> None:
    """Raise what the writer would raise on `values`, before it has written any of them.

    Whoosh's writer adds a document field by field, so a failure half-way would leave the
    postings of the fields before it in the segment.
    """
    for name, value in values.items():
        part = schema[name]
        if part.indexed and not isinstance(value, fields.Analysed):
            list(part.index(value))
        if part.column_type:
            part.to_column_value(value)


class IndexStore:
    """One index folder. Thread-safe: one writer at a time, readers share the opened index."""

    def __init__(self, folder: Path, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.folder = Path(folder)
        self.lock_timeout = lock_timeout
        self._index: FileIndex | None = None
        self._lock = threading.RLock()  # guards self._index (held briefly)
        self._write_lock = threading.Lock()  # one update at a time; searches go on meanwhile
        self._search_lock = threading.Lock()
        self._searcher: Searcher | None = None
        self._known_prints: dict[tuple, str] = {}
        self._indexed: tuple[int, dict[str, str]] | None = None  # (generation, id → print)
        self._damage = ""  # why the open index must be rebuilt, found while reading it

    # -- opening --------------------------------------------------------------------------------
    def index(self) -> FileIndex | None:
        """The opened index (it always reads the latest commit), or None if there is none."""
        with self._lock:
            if self._index is not None and not self._damage:
                return self._index
            if self._damage or not whoosh_index.exists_in(self.folder, INDEX_NAME):
                return None
            problem = self._problem()
            if problem:
                self._damage = problem
                return None
            self._index = whoosh_index.open_dir(str(self.folder), INDEX_NAME)
            return self._index

    @contextlib.contextmanager
    def searcher(self) -> Iterator[Searcher | None]:
        """The shared searcher (None without a usable index), held exclusively while in use.

        Whoosh searchers are not thread-safe and take milliseconds to open, so one is kept and
        lent to one caller at a time; it is refreshed when the index has a new generation.
        """
        with self._search_lock:
            index = self.index()
            if index is None:
                self._drop_searcher()
            elif (
                self._searcher is None
                or self._searcher._ix is not index
                or self._searcher.reader().generation() != index.latest_generation()
            ):
                # Not Searcher.refresh(): it reuses segment readers and so misses deletions.
                self._drop_searcher()
                self._searcher = index.searcher()
            yield self._searcher

    def _drop_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def mark_damaged(self, reason: str) -> None:
        """Reading the index failed: it is rebuilt at the next update."""
        with self._lock:
            log.warning("search index damaged: %s", reason)
            self._damage = reason

    @property
    def damage(self) -> str:
        """Why the index needs a rebuild ("" when it looks sound)."""
        self.index()
        return self._damage

    def _problem(self) -> str:
        """Why the index on disk cannot be trusted, or ""."""
        manifest = self._read_manifest()
        if manifest is None:
            return "it has no version stamp"
        if manifest.get("version") != fields.INDEX_VERSION:
            return "its format changed"
        try:
            index = whoosh_index.open_dir(str(self.folder), INDEX_NAME)
            generation = index.latest_generation()
            missing = [s.segment_id() for s in index._segments() if not _segment_files(index, s)]
        except Exception as error:  # Whoosh raises many types on a damaged table of contents
            return f"it cannot be opened ({type(error).__name__})"
        if missing:
            return f"the files of {len(missing)} segments are missing"
        if manifest.get("generation") == generation:
            sizes = manifest.get("files", {})
            for name, size in sizes.items():
                path = self.folder / name
                if not path.exists() or path.stat().st_size != size:
                    return f"file {name} is missing or truncated"
        return ""

    def _read_manifest(self) -> dict[str, Any] | None:
        try:
            data = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _stamp(self, index: FileIndex) -> None:
        names = [TOC._filename(INDEX_NAME, index.latest_generation())]
        for segment in index._segments():
            names += _segment_files(index, segment)
        files = {name: (self.folder / name).stat().st_size for name in names}
        manifest = {
            "version": fields.INDEX_VERSION,
            "generation": index.latest_generation(),
            "files": files,
        }
        atomic_write_text(self.folder / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))

    def _create(self) -> FileIndex:
        """A new empty index, replacing whatever was in the folder."""
        self._indexed = None
        if self._index is not None:
            self._index.close()
            self._index = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for path in self.folder.iterdir():
                if path.name == MANIFEST or path.name.lstrip("_").startswith(INDEX_NAME):
                    path.unlink(missing_ok=True)
            created = whoosh_index.create_in(str(self.folder), fields.build_schema(), INDEX_NAME)
        except OSError as error:
            raise LibraryError(
                f"cannot create the search index in {self.folder}: {error}"
            ) from None
        self._stamp(created)
        self._damage = ""
        return created

    # -- updating -------------------------------------------------------------------------------
    def update(
        self,
        documents: Iterable[Document],
        quotes: QuoteSource | None = None,
        progress: Progress | None = None,
        abort: Abort | None = None,
    ) -> UpdateReport:
        """Bring the index in line with `documents` (see `reader.search.SearchIndex.update`)."""
        with self._write_lock:
            report = UpdateReport()
            index, current = self._open_for_update(report)
            wanted: dict[str, tuple[Document, list[tuple[int, int, str]]]] = {}
            for document in documents:
                found = quotes.quotes_of(document.id) if quotes is not None else []
                wanted[document.id] = (document, quote_ranges(document, found))
            changes = [
                (doc, ranges)
                for doc_id, (doc, ranges) in wanted.items()
                if current.get(doc_id) != self._fingerprint(doc, ranges)
            ]
            removed = sorted(set(current) - set(wanted))
            if changes or removed:
                self._write(index, changes, removed, current, report, progress, abort)
            return report

    def _fingerprint(self, document: Document, ranges: list[tuple[int, int, str]]) -> str:
        """`fingerprint`, remembered while the file's content hash and the metadata stay the same.

        Within one process the same file content always gives the same body, so hashing the
        bodies of 10,000 unchanged documents on every update is not needed.
        """
        if not document.content_hash:
            return fingerprint(document, ranges)
        key = (
            document.id,
            document.content_hash,
            document.path,
            document.title,
            document.source,
            document.author,
            document.published,
            len(document.body),
            repr(ranges),
        )
        known = self._known_prints.get(key)
        if known is None:
            known = self._known_prints[key] = fingerprint(document, ranges)
        return known

    def _open_for_update(self, report: UpdateReport) -> tuple[FileIndex, dict[str, str]]:
        """Open (or create, or rebuild) the index; the fingerprints of the documents it holds."""
        existed = whoosh_index.exists_in(self.folder, INDEX_NAME)
        index = self.index()
        if index is not None:
            try:
                return index, self._fingerprints(index)
            except Exception as error:  # a segment that cannot be read: rebuild below
                self._damage = f"it cannot be read ({type(error).__name__})"
        if existed or self._damage:
            report.rebuilt = True
            report.message = (
                f"The search index was rebuilt because {self._damage or 'it was incomplete'}."
            )
            log.warning("%s", report.message)
        with self._lock:
            self._index = self._create()
            return self._index, {}

    def _fingerprints(self, index: FileIndex) -> dict[str, str]:
        """Document id → fingerprint of what the index holds (remembered between updates)."""
        generation = index.latest_generation()
        if self._indexed is not None and self._indexed[0] == generation:
            return dict(self._indexed[1])
        with index.reader() as reader:
            found: dict[str, str] = {}
            if reader.doc_count():
                ids = reader.column_reader(fields.ID_FIELD)
                prints = reader.column_reader(fields.FINGERPRINT)
                found = {ids[n]: prints[n] for n in reader.all_doc_ids()}
        self._indexed = (generation, found)
        return dict(found)

    def _write(
        self,
        index: FileIndex,
        changes: list[tuple[Document, list[tuple[int, int, str]]]],
        removed: list[str],
        current: dict[str, str],
        report: UpdateReport,
        progress: Progress | None,
        abort: Abort | None,
    ) -> None:
        writer = self._writer(index)
        # Another process may have committed since `current` was read: then forget it after.
        stale = self._indexed is None or self._indexed[0] != index.latest_generation()
        try:
            for doc_id in removed:
                writer.delete_by_term(fields.ID_FIELD, doc_id)
            report.removed = removed
            step = max(1, len(changes) // 100)
            for n, (document, ranges) in enumerate(changes):
                if abort is not None and abort.is_set():
                    report.message = f"Indexing stopped after {n} of {len(changes)} documents."
                    break
                if progress is not None and n % step == 0:
                    progress(n / len(changes), f"Indexing {n + 1} of {len(changes)} documents")
                self._add(writer, document, ranges, current, report)
            for doc_id in removed:
                current.pop(doc_id, None)
            writer.commit()
        except OSError as error:  # a full disk, a read-only folder: the old index stays as it was
            _cancel_quietly(writer)
            raise LibraryError(
                f"cannot write the search index in {self.folder}: {error.strerror or error}"
            ) from None
        except BaseException:
            writer.cancel()
            raise
        self._indexed = None if stale else (index.latest_generation(), current)
        self._stamp(index)
        with self._lock:
            self._index = index.refresh()
        if progress is not None:
            progress(1.0, "Search index up to date")

    def _add(
        self,
        writer: IndexWriter,
        document: Document,
        ranges: list[tuple[int, int, str]],
        current: dict[str, str],
        report: UpdateReport,
    ) -> None:
        """Add or replace one document, or skip it (noted in the report) if it cannot be indexed."""
        try:
            values = document_fields(document, ranges, self._fingerprint(document, ranges))
            check_fields(writer.schema, values)
        except Exception as error:  # whatever the document holds, the others still get indexed
            reason = " ".join(f"{type(error).__name__}: {error}".split())[:200]
            log.warning("not indexed: %s: %s", document.id, reason)
            report.skipped.append((document.id, reason))
            return
        if document.id in current:
            writer.update_document(**values)
            report.updated.append(document.id)
        else:
            writer.add_document(**values)
            report.added.append(document.id)
        current[document.id] = values[fields.FINGERPRINT]

    def _writer(self, index: FileIndex) -> IndexWriter:
        try:
            # Separate files, not one compound file: Whoosh copies a compound segment into
            # memory each time a reader opens it, which made every small update slow.
            return index.writer(timeout=self.lock_timeout, limitmb=128, compound=False)
        except LockError:
            raise IndexBusyError(
                f"the search index in {self.folder} is busy: another program has been updating "
                f"it for more than {self.lock_timeout:g} s; try again when it has finished"
            ) from None

    def close(self) -> None:
        """Release the open files."""
        with self._search_lock, self._lock:
            self._drop_searcher()
            if self._index is not None:
                self._index.close()
                self._index = None


def _segment_files(index: FileIndex, segment: Any) -> list[str]:
    """The files of one segment that exist on disk."""
    if segment.is_compound():
        name = segment.make_filename(segment.COMPOUND_EXT)
        return [name] if index.storage.file_exists(name) else []
    return list(segment.list_files(index.storage))


def _cancel_quietly(writer: IndexWriter) -> None:
    """Drop a failed write; closing its files may fail again on a full disk, the lock must go."""
    try:
        writer.cancel()
    except OSError:
        lock = getattr(writer, "writelock", None)
        if lock is not None:
            lock.release()
