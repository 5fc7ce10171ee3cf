"""The window's side of the core `reader.workspace.Workspace`: its steps as background jobs.

All core work runs in the background through `TaskRunner`s: a pool for reading and analysis, and
one serial worker that owns the search index (updates, searches) and library writes, so the
index is never used from two threads at once. Results arrive as signals on the GUI thread. The
pipeline itself (and what a failing document does to it) is the core's; this class only
schedules it and reports.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader.documents.model import Document
from reader.errors import ReaderError
from reader.library import Library
from reader.quotes import QuoteAnalysis
from reader.ui import collector
from reader.ui.tasks import Progress, TaskRunner
from reader.workspace import Problem, Workspace

log = logging.getLogger(__name__)

SEARCH_LIMIT = 100


class WorkspaceJobs(QObject):
    """Loads the library, analyses quotes, keeps the index current and answers searches."""

    documentsLoaded = Signal()
    quotesReady = Signal()
    indexReady = Signal()
    searchFinished = Signal(object)  # SearchResult
    importFinished = Signal(object)  # ImportReport
    openRequested = Signal(str)  # id of an imported document to open, now loaded
    problemsFound = Signal(str, list)  # stage, [Problem] of documents left out of it
    progress = Signal(str, float, str)  # job, fraction 0..1, message
    jobEnded = Signal(str)  # job
    failed = Signal(str)  # one line for the status bar

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.core = Workspace(library)
        self.library = library
        self.documents: list[Document] = []
        self.by_id: dict[str, Document] = {}
        self.analysis: QuoteAnalysis | None = None
        self.index_ready = False
        self.pool = TaskRunner(self)
        self.serial = TaskRunner(self, serial=True)
        self._jobs: set[str] = set()
        self._to_open = ""  # an imported document to open once loaded
        self._importing = False  # from an import until the work it started has ended
        self._reload_after_import = False

    # -- life cycle ------------------------------------------------------------------------------
    def start(self) -> None:
        """Load the documents, then analyse quotes, then bring the index up to date."""
        self.run_job(self.pool, "load", lambda p, _a: self.core.load(p), self._loaded)

    def open_output(self, folder: str) -> None:
        """Show a scale job's output instead of the library: its documents and analysis,
        read-only (no index, no import)."""
        from reader.scale.output import load_output

        self.run_job(self.pool, "load", lambda _p, _a: load_output(Path(folder)), self._shown)

    def _shown(self, analysis: QuoteAnalysis) -> None:
        self.documents = analysis.documents
        self.by_id = {doc.id: doc for doc in analysis.documents}
        self.documentsLoaded.emit()
        self.analysis = analysis
        self.quotesReady.emit()

    def busy(self) -> bool:
        return bool(self._jobs)

    def importing(self) -> bool:
        """An import, or the reading, analysis and indexing it started, is still running."""
        return self._importing

    def cancel(self) -> None:
        """Stop every background job (their results are dropped).

        A cancelled import keeps the files it copied: the library is read again once it stops.
        """
        self._reload_after_import = "import" in self._jobs
        self.pool.cancel_all()
        self.serial.cancel_all()

    def shutdown(self, msecs: int = 5000) -> None:
        """Cancel work, wait for the workers and close the index and the annotation store."""
        self.cancel()
        self.pool.wait(msecs)
        self.serial.wait(msecs)
        if self._jobs:  # their ends will not be reported: the window is closing
            self._jobs.clear()
            collector.settle()
        self.core.close()

    def problems(self, stage: str | None = None) -> list[Problem]:
        """Documents left out of a stage (or of any), with their reasons."""
        return [p for p in self.core.problems if stage is None or p.stage == stage]

    # -- queries ---------------------------------------------------------------------------------
    def search(self, query: str, sort: str = "relevance") -> None:
        """Search in the background; only the answer to the latest query is delivered."""
        self.serial.submit(
            lambda _p, _a: self.core.search(query, limit=SEARCH_LIMIT, sort=sort),
            name="search",
            channel="search",
            on_done=self.searchFinished.emit,
            on_error=lambda error: self._failed("search", error),
        )

    def import_paths(self, paths: Sequence[str], open_first: bool = False) -> None:
        """Copy files or folders into the library, then reload and re-index.

        With `open_first`, `openRequested(id)` names the document the first path became (for a
        folder: the first file imported from it) once it is loaded.
        """
        self._importing = True
        self.run_job(
            self.serial,
            "import",
            lambda p, a: self._import(list(paths), open_first, p, a),
            self._imported,
        )

    def _import(
        self, paths: list[str], open_first: bool, progress: Progress, abort: threading.Event
    ) -> tuple[Any, str]:
        report = self.core.import_paths(paths, progress, abort)
        if not open_first or not paths:
            return report, ""
        found = self.library.find(paths[0]) if Path(paths[0]).is_file() else None
        if found is None:
            keys = sorted(report.added + report.updated + report.unchanged)
            copies = {str(self.library.documents_dir / key) for key in keys[:1]}
            found = next((d for d in self.library.documents() if d.path in copies), None)
        return report, found.id if found is not None else ""

    def correct(self, kind: str, quote_id: str, other: str) -> None:
        """Store a correction, then analyse and index again (see `Workspace.correct`)."""
        self.run_job(
            self.serial,
            "quotes",
            lambda _p, _a: self.core.correct(kind, quote_id, other),
            self._analysed,
        )

    def undo_correction(self, redo: bool = False) -> None:
        """Take back (or make again) the last correction, then analyse again."""
        self.run_job(
            self.serial, "quotes", lambda _p, _a: self.core.undo_correction(redo), self._analysed
        )

    def quote_counts(self) -> dict[str, int]:
        if self.analysis is None:
            return {}
        return {doc.id: len(self.analysis.quotes_of(doc.id)) for doc in self.documents}

    # -- steps -----------------------------------------------------------------------------------
    def _loaded(self, documents: list[Document]) -> None:
        self.documents = documents
        self.by_id = {doc.id: doc for doc in documents}
        self.documentsLoaded.emit()
        self._announce("read")
        self._announce_opening()
        self.run_job(
            self.pool,
            "quotes",
            lambda p, a: self.core.analyse(p, a),
            self._analysed,
            on_error=lambda _error: self._analysed(None),
        )

    def _analysed(self, analysis: QuoteAnalysis | None) -> None:
        """Quotes are known (or could not be found): index the documents with them."""
        self.analysis = analysis
        self._announce("quotes")
        if analysis is not None:
            self.quotesReady.emit()
        self.run_job(self.serial, "index", self.core.update_index, self._indexed)

    def _indexed(self, _report: Any) -> None:
        self.index_ready = True
        self._announce("index")
        self.indexReady.emit()

    def _announce(self, stage: str) -> None:
        found = self.problems(stage)
        if found:
            self.problemsFound.emit(stage, found)

    def _imported(self, imported: tuple[Any, str]) -> None:
        report, self._to_open = imported
        self.importFinished.emit(report)
        if report.added or report.updated:
            self.start()
        elif self.documents:
            self._announce_opening()

    def _announce_opening(self) -> None:
        if self._to_open in self.by_id:
            self.openRequested.emit(self._to_open)
            self._to_open = ""

    # -- plumbing --------------------------------------------------------------------------------
    def run_job(
        self,
        runner: TaskRunner,
        job: str,
        work: Callable[[Progress, threading.Event], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run `work` on `runner` as a job named `job` (counted by `busy()`, progress signalled:
        at once, so the status bar names the job that runs, then as the work reports it).

        From the first job to the end of the last, full garbage collections wait (`collector`).
        """
        if not self._jobs:
            collector.hold()
        self._jobs.add(job)
        self.progress.emit(job, 0.0, "")

        def failed(error: BaseException) -> None:
            self._failed(job, error)
            if on_error is not None:
                on_error(error)

        runner.submit(
            work,
            name=job,
            on_done=on_done,
            on_error=failed,
            on_progress=lambda f, m: self.progress.emit(job, f, m),
            on_finished=lambda: self._end(job),
        )

    def _end(self, job: str) -> None:
        if job in self._jobs:
            self._jobs.discard(job)
            self._importing = self._importing and bool(self._jobs)
            if not self._jobs:
                collector.settle()
            self.jobEnded.emit(job)
        if job == "import" and self._reload_after_import:
            self._reload_after_import = False
            self.start()

    def _failed(self, job: str, error: BaseException) -> None:
        if isinstance(error, ReaderError):
            self.failed.emit(f"{job}: {error}")
            return
        log.error("%s failed", job, exc_info=error)
        self.failed.emit(f"{job} failed: {error.__class__.__name__}: {error} (details in the log)")
