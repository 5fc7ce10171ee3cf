"""The workspace: the one Qt-free object the command line and the window both work through.

It owns a set of documents (a library's, or exactly the files given on the command line), their
search index, their quote analysis with its cache, and the library's annotation store, and runs
the pipeline the same way for everyone::

    workspace = Workspace(Library(root))            # or Workspace(library, paths=["pages/"])
    workspace.load(); workspace.analyse(); workspace.update_index()
    result = workspace.search('"main issue"')
    workspace.problems                              # every document left out of a stage, and why

No stage fails for one document: a document that cannot be read, analysed, indexed or exported
is left out of that stage only, with a `Problem` naming it. Caches live in one place per set of
documents: `cache/` and `index/` of the library, or a folder of the user cache dir keyed by the
given paths.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from reader.annotations import AnnotationStore
from reader.documents.loading import load_paths
from reader.documents.model import Document
from reader.errors import DocumentError, LibraryError, ReaderError
from reader.library import ImportReport, Library
from reader.quotes import AnalysisAborted, QuoteAnalysis, analyse
from reader.quotes.cache import QuoteCache
from reader.quotes.corrections import CorrectionStore, apply_corrections
from reader.search import SearchIndex, SearchResult, UpdateReport

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]
STAGES = ("read", "quotes", "index", "export")


@dataclass(frozen=True, slots=True)
class Problem:
    """A document left out of one stage (`STAGES`), with a one-line reason."""

    stage: str
    path: str
    reason: str
    doc: str = ""

    def __str__(self) -> str:
        return f"{self.path or self.doc or 'the library'}: {self.reason} ({self.stage})"

    def to_json(self) -> dict[str, str]:
        return {"stage": self.stage, "doc": self.doc, "path": self.path, "reason": self.reason}


class Workspace:
    """Documents, search index, quote analysis and annotations of one library (or given files).

    Methods are not thread-safe: the window calls them from one serial worker at a time, except
    `search`, which the index makes safe beside one writer.
    """

    def __init__(self, library: Library | None, paths: Sequence[str | Path] = ()) -> None:
        """Work on `paths` if given (the library, if any, then serves its annotations only)."""
        self.paths = [str(p) for p in paths]
        if library is None and not self.paths:
            raise ValueError("a workspace needs a library or paths")
        self._library = library
        self.cache_root = _paths_cache(self.paths) if self.paths else self.library.cache_dir
        self.index_dir = self.cache_root / "index" if self.paths else self.library.index_dir
        self.documents: list[Document] = []
        self.by_id: dict[str, Document] = {}
        self.analysis: QuoteAnalysis | None = None
        self.problems: list[Problem] = []
        self._index: SearchIndex | None = None
        self._store: AnnotationStore | None = None
        self._corrections: CorrectionStore | None = None

    # -- the pipeline ----------------------------------------------------------------------------
    def load(self, progress: Progress | None = None) -> list[Document]:
        """Read the documents (a file that cannot be read is a `read` problem); `progress` is
        told how far reading the library has got."""
        if self.paths:
            documents, errors = load_paths(self.paths)
        else:
            documents, errors = self.library.load(progress)
        self.documents = documents
        self.by_id = {d.id: d for d in documents}
        self._forget("read")
        self.problems += [_read_problem(e) for e in errors]
        return documents

    def analyse(
        self, progress: Progress | None = None, abort: threading.Event | None = None
    ) -> QuoteAnalysis | None:
        """Find, attribute and link the quotes (None when the analysis as a whole failed)."""
        self._forget("quotes")
        cache = QuoteCache(self.cache_root / "quotes")
        cache.prune(d.id for d in self.documents)
        try:
            analysis = analyse(self.documents, cache.folder, progress, abort)
        except AnalysisAborted:
            raise
        except Exception as error:  # search and reading go on without quotes
            log.error("quote analysis failed", exc_info=error)
            self._problem("quotes", "", f"quotes not analysed ({type(error).__name__})")
            self.analysis = None
            return None
        for doc_id, reason in analysis.problems:
            self._problem("quotes", doc_id, reason)
        if self._library is not None and not self.paths:
            apply_corrections(analysis, self.corrections.list())
        self.analysis = analysis
        return analysis

    def update_index(
        self, progress: Progress | None = None, abort: threading.Event | None = None
    ) -> UpdateReport:
        """Bring the search index up to date with the documents and their quotes."""
        self._forget("index")
        report = self.index.update(self.documents, self.analysis, progress, abort)
        for doc_id, reason in report.skipped:
            self._problem("index", doc_id, reason)
        return report

    def prepare(self, quotes: bool = True) -> None:
        """Load, analyse (unless `quotes` is False) and index: what a search needs."""
        self.load()
        if quotes:
            self.analyse()
        self.update_index()

    def search(self, query: str, limit: int = 20, sort: str = "relevance") -> SearchResult:
        return self.index.search(query, limit=limit, sort=sort)

    # -- corrections -----------------------------------------------------------------------------
    def correct(self, kind: str, quote_id: str, other: str = "") -> QuoteAnalysis | None:
        """Store a person's correction and analyse again so that everything follows it.

        `kind` is "speaker" (`other` is the name, "" for unknown), "link" or "unlink" (`other`
        is the other quote's id). KeyError for a quote id the analysis does not know.
        """
        if self.analysis is None:
            raise LibraryError("the quotes are not analysed yet")
        quote = self.analysis.quote(quote_id)
        if kind == "speaker":
            self.corrections.set_speaker(quote, other.strip())
        elif kind in ("link", "unlink"):
            second = self.analysis.quote(other)
            if second.doc == quote.doc:
                raise LibraryError("variants are quotes of two different documents")
            getattr(self.corrections, kind)(quote, second)
        else:
            raise ValueError(f"unknown correction {kind!r}")
        return self.analyse()

    def undo_correction(self, redo: bool = False) -> QuoteAnalysis | None:
        """Take back (or, with `redo`, make again) the last correction of this session."""
        changed = self.corrections.redo() if redo else self.corrections.undo()
        return self.analyse() if changed else self.analysis

    # -- library changes -------------------------------------------------------------------------
    def import_paths(
        self,
        paths: Sequence[str | Path],
        progress: Progress | None = None,
        abort: threading.Event | None = None,
    ) -> ImportReport:
        """Copy files or folders into the library (then `load` again to see them)."""
        return self.library.import_paths(paths, progress, abort)

    # -- parts -----------------------------------------------------------------------------------
    @property
    def library(self) -> Library:
        """The library (LibraryError for a workspace over given files only)."""
        if self._library is None:
            raise LibraryError("these files are not in a library")
        return self._library

    @property
    def index(self) -> SearchIndex:
        """The search index (opened on first use)."""
        if self._index is None:
            self._index = SearchIndex(self.index_dir)
        return self._index

    @property
    def corrections(self) -> CorrectionStore:
        """People's corrections of speakers and links in this library (opened on first use)."""
        if self._corrections is None:
            self._corrections = CorrectionStore(self.library.root / "corrections.sqlite")
        return self._corrections

    @property
    def annotations(self) -> AnnotationStore:
        """The library's annotation store (opened on first use)."""
        if self._store is None:
            self._store = AnnotationStore(self.library.annotations_path)
        return self._store

    def problems_of(self, stage: str) -> list[Problem]:
        return [p for p in self.problems if p.stage == stage]

    def report_problem(self, stage: str, doc_id: str, reason: str) -> None:
        """Record that a document was left out of `stage` (e.g. an export) and why."""
        self._problem(stage, doc_id, reason)

    def errors_json(self) -> list[dict[str, str]]:
        """The problems, as every `--json` output lists them under "errors"."""
        return [p.to_json() for p in self.problems]

    def close(self) -> None:
        """Close the index and the stores."""
        if self._index is not None:
            self._index.close()
            self._index = None
        for store in (self._store, self._corrections):
            if store is not None:
                store.close()
        self._store = self._corrections = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- helpers ---------------------------------------------------------------------------------
    def _problem(self, stage: str, doc_id: str, reason: str) -> None:
        document = self.by_id.get(doc_id)
        self.problems.append(Problem(stage, document.path if document else "", reason, doc_id))

    def _forget(self, stage: str) -> None:
        self.problems = [p for p in self.problems if p.stage != stage]


def _read_problem(error: DocumentError | ReaderError) -> Problem:
    path = getattr(error, "path", "")
    return Problem("read", path, getattr(error, "reason", str(error)))


def _paths_cache(paths: Sequence[str]) -> Path:
    """The cache folder (index and quotes) for exactly these files or folders."""
    key = "\n".join(sorted(str(Path(p).resolve()) for p in paths))
    digest = hashlib.sha1(key.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return Path(platformdirs.user_cache_dir("source-reader")) / "paths" / digest
