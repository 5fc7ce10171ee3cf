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
import json
import logging
import operator
import shutil
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress
from pathlib import Path
from typing import Any, Protocol

from whoosh import index as whoosh_index
from whoosh import writing
from whoosh.index import TOC, FileIndex, LockError
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from reader.documents.model import Document, held_body
from reader.errors import IndexBusyError, LibraryError
from reader.fsutil import atomic_write_text
from reader.search import parallel
from reader.search import schema as fields
from reader.search.parallel import Change
from reader.search.preparing import fingerprint, prepare, quote_ranges
from reader.search.segments import Writer

log = logging.getLogger(__name__)

INDEX_NAME = "MAIN"
MANIFEST = "reader-index.json"
LOCK_TIMEOUT = 10.0
MAX_SEGMENTS = 16  # segments from which a small update merges the small ones

Progress = Callable[[float, str], None]
# Everything a document's fingerprint hashes but its quotes (the body as held: no decoded copy).
_METADATA = operator.attrgetter("path", "title", "source", "author", "published")
EDITS = operator.attrgetter("edits")


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
    marks: bytes  # where every MARK_EVERY-th word starts (see `words`)

    @classmethod
    def from_stored(cls, data: dict[str, Any]) -> StoredDocument:
        return cls(
            path=data["path"],
            title=data["title"],
            source=data["source"],
            published=data["published"],
            body=data["body"],
            quotes=tuple(tuple(q) for q in data["quotes"]),  # type: ignore[misc]
            marks=data["marks"],
        )


@dataclass(slots=True, frozen=True)
class _Seen:
    """What the last complete update was given: the documents in order, their edit counts, the
    quote source (taken to stay as it was: a new analysis is a new object), and the index
    commit the update left.
    """

    documents: list[weakref.ref[Document]]  # not kept alive: a reloaded library frees the old one
    edits: list[int]
    quotes: QuoteSource | None
    generation: int


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
        self._known_prints: dict[str, tuple[tuple, str]] = {}  # id → (what it hashed, print)
        self._indexed: tuple[int, dict[str, str]] | None = None  # (generation, id → print)
        self._seen: _Seen | None = None  # what the last complete update was given
        self._damage = ""  # why the open index must be rebuilt, found while reading it

    # -- opening --------------------------------------------------------------------------------
    def index(self) -> FileIndex | None:
        """The opened index (it always reads the latest commit), or None if there is none."""
        with self._lock:
            if self._index is not None and not self._damage:
                return self._index
            if self._damage or not _exists(self.folder):
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
        self._seen = None
        self._indexed = None
        if self._index is not None:
            self._index.close()
            self._index = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for path in self.folder.iterdir():
                if path.name == MANIFEST or path.name.lstrip("_").startswith(INDEX_NAME):
                    if path.is_dir():  # a killed writer's temporary folder (MAIN.tmp)
                        shutil.rmtree(path)
                    else:
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
            documents = list(documents)
            edits = list(map(EDITS, documents))
            changes, removed = self._changes(documents, edits, quotes, current, index)
            self._seen = None
            if changes or removed:
                self._write(index, changes, removed, current, report, progress, abort)
            complete = len(report.added) + len(report.updated) == len(changes)
            if complete and self._indexed is not None:
                held = list(map(weakref.ref, documents))
                self._seen = _Seen(held, edits, quotes, self._indexed[0])
            return report

    def _changes(
        self,
        documents: list[Document],
        edits: list[int],
        quotes: QuoteSource | None,
        current: dict[str, str],
        index: FileIndex,
    ) -> tuple[list[Change], list[str]]:
        """The documents to (re)index, with their quote ranges and prints, and the ids to remove.

        When the documents come in the same order with the same quote source as at the last
        complete update, and the index has not changed since, only those that are other objects
        or were edited (`Document.edits`) are looked at, found by comparisons in C: a
        one-document update of a large library costs little more than its write. Of two
        documents with one id, the last counts.
        """
        seen = self._seen
        if (
            seen is not None
            and seen.quotes is quotes
            and seen.generation == index.latest_generation()
            and len(seen.documents) == len(documents)
        ):
            moved = map(
                operator.or_,
                map(operator.is_not, documents, map(operator.call, seen.documents)),
                map(operator.ne, edits, seen.edits),
            )
            positions = list(compress(range(len(documents)), moved))
            before = [(seen.documents[i](), documents[i].id) for i in positions]
            if all(old is not None and old.id == doc_id for old, doc_id in before):
                found = (self._change(documents[i], quotes, current) for i in positions)
                return [change for change in found if change is not None], []
        changes: dict[str, Change] = {}
        for document in documents:
            change = self._change(document, quotes, current)
            if change is not None:
                changes[document.id] = change
            else:
                changes.pop(document.id, None)
        given = {document.id for document in documents}
        for doc_id in self._known_prints.keys() - given:
            del self._known_prints[doc_id]
        return list(changes.values()), sorted(current.keys() - given)

    def _change(
        self, document: Document, quotes: QuoteSource | None, current: dict[str, str]
    ) -> Change | None:
        """The document with its quote ranges and print if the index does not hold that print.

        The print is remembered while everything it hashes stays the same; the items are
        compared one by one, mostly the very same objects as last time, which compare at once.
        """
        found = quotes.quotes_of(document.id) if quotes is not None else ()
        ranges = quote_ranges(document, found) if found else []
        key = (_METADATA(document), held_body(document), ranges)
        known = self._known_prints.get(document.id)
        if known is not None and known[0] == key:
            print_ = known[1]
        else:
            print_ = fingerprint(document, ranges)
        # The new key even when equal: the old one would keep a replaced document's text alive.
        self._known_prints[document.id] = (key, print_)
        return None if current.get(document.id) == print_ else (document, ranges, print_)

    def _open_for_update(self, report: UpdateReport) -> tuple[FileIndex, dict[str, str]]:
        """Open (or create, or rebuild) the index; the fingerprints of the documents it holds."""
        index = self.index()
        if index is not None:
            try:
                return index, self._fingerprints(index)
            except Exception as error:  # a segment that cannot be read: rebuild below
                self._damage = f"it cannot be read ({type(error).__name__})"
        if self._damage or _exists(self.folder):
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
            return self._indexed[1]  # not copied: a write that fails forgets it
        with index.reader() as reader:
            found: dict[str, str] = {}
            if reader.doc_count():
                ids = reader.column_reader(fields.ID_FIELD)
                prints = reader.column_reader(fields.FINGERPRINT)
                found = {ids[n]: prints[n] for n in reader.all_doc_ids()}
        self._indexed = (generation, found)
        return found

    def _write(
        self,
        index: FileIndex,
        changes: list[Change],
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
            for doc_id in removed:
                current.pop(doc_id, None)
            count = parallel.workers(len(changes))
            if count:
                self._add_in_workers(writer, changes, count, current, report, progress, abort)
            else:
                self._add_here(writer, changes, current, report, progress, abort)
                writer.commit(mergetype=_merge_policy(index))
        except OSError as error:  # a full disk, a read-only folder: the old index stays as it was
            self._indexed = None
            _cancel_quietly(writer)
            raise LibraryError(
                f"cannot write the search index in {self.folder}: {error.strerror or error}"
            ) from None
        except BaseException:
            self._indexed = None
            writer.cancel()
            raise
        self._indexed = None if stale else (index.latest_generation(), current)
        self._stamp(index)
        with self._lock:
            self._index = index.refresh()
        if progress is not None:
            progress(1.0, "Search index up to date")

    def _add_here(
        self,
        writer: IndexWriter,
        changes: list[Change],
        current: dict[str, str],
        report: UpdateReport,
        progress: Progress | None,
        abort: Abort | None,
    ) -> None:
        """Add the changed documents in this process, one after the other."""
        step = max(1, len(changes) // 100)
        for n, change in enumerate(changes):
            if abort is not None and abort.is_set():
                report.message = f"Indexing stopped after {n} of {len(changes)} documents."
                break
            if progress is not None and n % step == 0:
                progress(n / len(changes), f"Indexing {n + 1} of {len(changes)} documents")
            self._add(writer, change, current, report)

    def _add_in_workers(
        self,
        writer: IndexWriter,
        changes: list[Change],
        count: int,
        current: dict[str, str],
        report: UpdateReport,
        progress: Progress | None,
        abort: Abort | None,
    ) -> None:
        """Add the changed documents as new segments built by `count` workers, and commit."""

        def done(finished: int) -> bool:
            if progress is not None:
                progress(finished / len(changes), f"Indexed {finished} of {len(changes)} documents")
            return abort is not None and abort.is_set()

        shares = parallel.build_segments(str(self.folder), INDEX_NAME, changes, count, done)
        for share in shares:
            report.skipped += share.skipped
            for doc_id, print_ in share.indexed:
                if doc_id in current:
                    writer.delete_by_term(fields.ID_FIELD, doc_id)  # the old version
                    report.updated.append(doc_id)
                else:
                    report.added.append(doc_id)
                current[doc_id] = print_
        finished = len(report.added) + len(report.updated) + len(report.skipped)
        if finished < len(changes):
            report.message = f"Indexing stopped after {finished} of {len(changes)} documents."
        parallel.commit_with(writer, [share.segment for share in shares if share.segment])

    def _add(
        self,
        writer: IndexWriter,
        change: Change,
        current: dict[str, str],
        report: UpdateReport,
    ) -> None:
        """Add or replace one document, or skip it (noted in the report) if it cannot be indexed."""
        document, ranges, print_ = change
        values = prepare(writer.schema, document, ranges, print_)
        if isinstance(values, str):
            report.skipped.append((document.id, values))
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
            return Writer(index, timeout=self.lock_timeout, compound=False)
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


def _exists(folder: Path) -> bool:
    """Whether the folder holds an index, readable or not (then `_problem` says why not).

    Whoosh's own check unpickles the schema, which fails on an index written by another version
    of this program (a field class renamed or gone).
    """
    try:
        return whoosh_index.exists_in(folder, INDEX_NAME)
    except Exception:  # an index whose table of contents cannot be read is still an index
        return True


def _merge_policy(index: FileIndex) -> Callable[..., Any]:
    """How a small update commits: without merging until the index has MAX_SEGMENTS segments.

    Whoosh merges segments term by term in Python, which takes seconds even for a few tiny
    ones, so a one-document update only adds its segment; the small segments are merged once
    they are many (or by the next large update).
    """
    return writing.NO_MERGE if len(index._segments()) < MAX_SEGMENTS else writing.MERGE_SMALL


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
