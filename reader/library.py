"""The user's library: a folder holding copies of the imported articles and everything derived.

Imported files are *copied* into `documents/` (not referenced): scraped pages are evidence, and a
copy keeps every article, its annotations and its citations valid when the original is moved,
edited or deleted. The original's path is remembered in `sources.json`, so importing it again (or
`refresh()`) picks up a changed original. Layout::

    ROOT/documents/   the copies (+ NAME.meta.json metadata overrides, written by edits)
    ROOT/sources.json copy → original path, size and mtime
    ROOT/index/       the search index        ROOT/cache/  parsed documents, quotes
    ROOT/annotations.sqlite                   ROOT/logs/   the app's log
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import shutil
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import platformdirs

from reader.documents.loading import (
    SIDECAR_SUFFIX,
    apply_overrides,
    document_id,
    iter_files,
    read_document,
    sidecar_path,
)
from reader.documents.model import Document
from reader.errors import DocumentError, LibraryError
from reader.fsutil import atomic_write_text, atomic_writer
from reader.resources import seeds_folder
from reader.versioning import version_key

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

HOME_VARIABLE = "SOURCE_READER_HOME"


_CACHE_VERSION = version_key("documents")


def default_root() -> Path:
    """`$SOURCE_READER_HOME`, else the platform's user data folder."""
    override = os.environ.get(HOME_VARIABLE)
    return Path(override) if override else Path(platformdirs.user_data_dir("source-reader"))


@dataclass(slots=True)
class ImportReport:
    """What an import did: copies added or updated, files unchanged, and failures with reasons."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)
    cancelled: bool = False  # stopped early; what is listed was imported


class Library:
    """A library folder. `Library(root)` creates it (with the seeds) on first use."""

    def __init__(self, root: Path | str | None = None, seed: bool = True) -> None:
        self.root = Path(root) if root is not None else default_root()
        self.documents_dir = self.root / "documents"
        self.index_dir = self.root / "index"
        self.cache_dir = self.root / "cache"
        self.logs_dir = self.root / "logs"
        self.annotations_path = self.root / "annotations.sqlite"
        self._sources_path = self.root / "sources.json"
        first_use = not self.documents_dir.exists()
        try:
            for folder in (self.documents_dir, self.cache_dir, self.logs_dir):
                folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(f"cannot use library folder {self.root}: {error.strerror}") from None
        self._cache: dict[str, tuple[tuple, Document]] = {}
        self._lock_handle: IO[str] | None = None
        seeds = seeds_folder() if seed and first_use else None
        if seeds is not None:
            self.import_paths([seeds])

    def claim(self) -> None:
        """Make this process the library's only window; LibraryError if another one holds it.

        The lock is an OS file lock on `library.lock`, released by the system when the process
        ends, even by a kill, so a crash never leaves the library locked.
        """
        if fcntl is None:  # Windows: no advisory locks; SQLite and atomic writes still protect
            return
        handle = open(self.root / "library.lock", "a+")  # noqa: SIM115 - held for the process
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            owner = handle.read().strip() or "another process"
            handle.close()
            raise LibraryError(
                f"the library {self.root} is already open in another Source Reader window "
                f"({owner}); close it first"
            ) from None
        handle.truncate(0)
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        self._lock_handle = handle

    # -- reading ----------------------------------------------------------------------------------
    def documents(self) -> list[Document]:
        """Every readable document in the library, in file-name order (parsed once, then cached)."""
        return self.load()[0]

    def load(
        self, progress: Callable[[float, str], None] | None = None
    ) -> tuple[list[Document], list[DocumentError]]:
        """Every document, plus the files that could not be read and why.

        `progress(fraction, message)` is told along the way (a big library takes a while)."""
        self._load_cache()
        documents, errors, fresh = [], [], {}
        found = list(iter_files([self.documents_dir]))
        for number, (path, error) in enumerate(found):
            if progress is not None and number % 50 == 0:
                progress(number / len(found), f"{number:,} of {len(found):,} files")
            if error is not None:
                errors.append(error)
                continue
            key = self._key(path)
            stamp = _stamp(path)
            cached = self._cache.get(key)
            try:
                document = (
                    cached[1]
                    if cached and cached[0] == stamp
                    else read_document(path, document_id(key))
                )
            except DocumentError as failure:
                errors.append(failure)
                continue
            fresh[key] = (stamp, document)
            documents.append(document)
        if fresh.keys() != self._cache.keys() or any(
            fresh[k][0] != self._cache[k][0] for k in fresh
        ):
            self._cache = fresh
            self._save_cache()
        return documents, errors

    def find(self, reference: str) -> Document | None:
        """The document with this id, unique id prefix, or path (of the copy or the original)."""
        documents = self.documents()
        target = Path(reference).resolve()
        copied_as = {v["origin"]: k for k, v in self._sources().items()}.get(str(target))
        for document in documents:
            path = Path(document.path)
            if document.id == reference or path.resolve() == target or self._key(path) == copied_as:
                return document
        if len(reference) < 4:
            return None
        prefixed = [d for d in documents if d.id.startswith(reference)]
        return prefixed[0] if len(prefixed) == 1 else None

    # -- changing -------------------------------------------------------------------------------
    def import_paths(
        self,
        paths: Sequence[str | Path],
        progress: Callable[[float, str], None] | None = None,
        abort: threading.Event | None = None,
    ) -> ImportReport:
        """Copy the supported files under `paths` into the library (updating changed copies).

        `progress(fraction, message)` is told along the way; setting `abort` stops after the
        file being copied, keeping what was imported so far (and saying so in the report).
        """
        report = ImportReport()
        self._load_cache()
        sources = self._sources()
        by_origin = {v["origin"]: k for k, v in sources.items()}
        found = list(iter_files(paths))
        for number, (path, error) in enumerate(found):
            if abort is not None and abort.is_set():
                report.cancelled = True
                break
            if progress is not None and number % 50 == 0:
                progress(number / len(found), f"{number:,} of {len(found):,} files")
            if error is not None:
                report.errors.append(error)
                continue
            origin = str(path.resolve())
            try:
                key = by_origin.get(origin) or self._new_key(path, paths, sources)
                target = self.documents_dir / key
                # read before it enters the library: an unreadable file is refused, and the
                # next load takes the parsed copy from the cache instead of parsing it again
                document = read_document(path, document_id(key), copy=target)
                data = path.read_bytes()
                if target.exists() and target.read_bytes() == data:
                    report.unchanged.append(key)
                else:
                    (report.updated if target.exists() else report.added).append(key)
                    with atomic_writer(target) as handle:
                        handle.write(data)
                    if _copy_sidecar(path, target):
                        self._cache[key] = (_stamp(target), document)
            except DocumentError as failure:
                report.errors.append(failure)
                continue
            except OSError as failure:
                report.errors.append(
                    DocumentError(str(path), failure.strerror or "cannot be copied")
                )
                continue
            info = path.stat()
            sources[key] = {"origin": origin, "size": info.st_size, "mtime_ns": info.st_mtime_ns}
            by_origin[origin] = key
        atomic_write_text(self._sources_path, json.dumps(sources, indent=1, sort_keys=True))
        if report.added or report.updated:
            self._save_cache()
        return report

    def refresh(self) -> ImportReport:
        """Re-import the originals that changed since they were imported."""
        changed = []
        for entry in self._sources().values():
            origin = Path(entry["origin"])
            try:
                info = origin.stat()
            except OSError:
                continue
            if (info.st_size, info.st_mtime_ns) != (entry["size"], entry["mtime_ns"]):
                changed.append(origin)
        return self.import_paths(changed) if changed else ImportReport()

    def remove(self, document: Document) -> None:
        """Take a document out of the library (its copy and metadata overrides)."""
        path = Path(document.path)
        sources = self._sources()
        sources.pop(self._key(path), None)
        for victim in (path, sidecar_path(path)):
            victim.unlink(missing_ok=True)
        atomic_write_text(self._sources_path, json.dumps(sources, indent=1, sort_keys=True))

    def set_metadata(self, document: Document, fields: dict[str, str]) -> Document:
        """Save metadata edits (title, source, author, published, language, url) for a document."""
        sidecar = sidecar_path(Path(document.path))
        current = {}
        if sidecar.exists():
            try:
                current = json.loads(sidecar.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                current = {}
        current.update(fields)
        atomic_write_text(sidecar, json.dumps(current, indent=1, ensure_ascii=False))
        apply_overrides(document, {k: str(v) for k, v in fields.items()})
        return document

    # -- helpers --------------------------------------------------------------------------------
    def _key(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.documents_dir.resolve()).as_posix()
        except ValueError:
            return str(path.resolve())

    def _new_key(self, path: Path, given: Sequence[str | Path], sources: dict) -> str:
        base = path.name
        for root in map(Path, given):
            if root.is_dir() and path.resolve().is_relative_to(root.resolve()):
                base = (
                    Path(root.resolve().name) / path.resolve().relative_to(root.resolve())
                ).as_posix()
                break
        key, n = base, 2
        while key in sources or (self.documents_dir / key).exists():
            stem, suffix = os.path.splitext(base)
            key, n = f"{stem}-{n}{suffix}", n + 1
        return key

    def _sources(self) -> dict[str, dict]:
        try:
            data = json.loads(self._sources_path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("sources.json unreadable (%s); originals will be re-matched by path", error)
            return {}

    def _load_cache(self) -> None:
        if self._cache:
            return
        try:
            with open(self.cache_dir / "documents.pickle", "rb") as handle:
                version, cache = pickle.load(handle)
            self._cache = cache if version == _CACHE_VERSION else {}
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
            self._cache = {}

    def _save_cache(self) -> None:
        try:
            with atomic_writer(self.cache_dir / "documents.pickle") as handle:
                pickle.dump((_CACHE_VERSION, self._cache), handle, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError as error:
            log.warning("could not save the document cache: %s", error)


def _stamp(path: Path) -> tuple:
    stamps: list[int] = []
    for candidate in (path, sidecar_path(path)):
        try:
            info = candidate.stat()
            stamps += [info.st_size, info.st_mtime_ns]
        except OSError:
            stamps += [-1, -1]
    return (_CACHE_VERSION, *stamps)


def _copy_sidecar(source: Path, target: Path) -> bool:
    """Copy the source's metadata sidecar beside the target; False when the target keeps a
    sidecar of its own (edits made in the library), so the copy reads otherwise than the source."""
    sidecar = sidecar_path(source)
    if sidecar.exists() and sidecar.name.endswith(SIDECAR_SUFFIX):
        shutil.copyfile(sidecar, sidecar_path(target))
        return True
    return not sidecar_path(target).exists()
