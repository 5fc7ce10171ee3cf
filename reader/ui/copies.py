"""Finding laundered copies for one window: background work, the Copies panel, the library column.

`Copies` finds copies in the background once the quotes are known (signatures cached in the
library, so only new documents are read again), tells the library table which documents are
copies of which, and fills the `CopiesPanel` when a document opens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from reader.copies import CopyAnalysis, find_copies
from reader.ui.tasks import TaskRunner
from reader.ui.theme import Colours
from reader.ui.views.common import named
from reader.ui.views.copies_panel import CopiesPanel
from reader.ui.views.library_panel import LibraryPanel
from reader.ui.views.reader_view import ReaderView
from reader.ui.workspace import WorkspaceJobs


class Copies(QObject):
    """Finding copies for one window: background work, the panel and the library column.

    Emits `failed(line)` when the search fails; the panel's `documentActivated(id)` asks for a
    document to be opened.
    """

    ready = Signal()
    failed = Signal(str)

    def __init__(
        self,
        workspace: WorkspaceJobs,
        library: LibraryPanel,
        reader: ReaderView,
        tabs: QTabWidget,
        colours: Callable[[], Colours],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.workspace, self.library, self.reader, self.tabs = workspace, library, reader, tabs
        self.colours = colours
        self.panel = named(CopiesPanel(window), "copiesPanel")
        self.runner = TaskRunner(self, serial=True)
        self.analysis: CopyAnalysis | None = None

    def analyse(self) -> None:
        """Find copies among the loaded documents (reusing the quotes already found)."""
        ws = self.workspace
        documents = list(ws.documents)
        quotes = {d.id: ws.analysis.quotes_of(d.id) for d in documents} if ws.analysis else None
        cache = ws.library.cache_dir / "copies"

        def work(progress: Any, abort: Any) -> CopyAnalysis:
            return find_copies(documents, quotes, cache, progress, abort)

        self.runner.submit(
            work,
            name="copies",
            on_done=self._done,
            on_error=lambda error: self.failed.emit(f"Finding copies failed: {error}"),
            channel="copies",
        )

    def _done(self, analysis: CopyAnalysis | None) -> None:
        if analysis is None:
            return
        self.analysis = analysis
        self.library.model.set_copy_of(
            {d.id: original for d in analysis.documents if (original := analysis.original_of(d.id))}
        )
        document = self.reader.document
        if document is not None:
            self.document_opened(document.id)
        self.ready.emit()

    def document_opened(self, doc_id: str) -> None:
        ws = self.workspace
        if doc_id in ws.by_id:
            self.panel.colours = self.colours()
            self.panel.show_document(ws.by_id[doc_id], self.analysis, ws.by_id)

    def close(self) -> None:
        """Stop the search for copies (the window is closing)."""
        self.runner.cancel_all()
        self.runner.wait()

    def show(self) -> None:
        """Bring the Copies tab to the front with the keyboard in its list."""
        self.tabs.setCurrentWidget(self.panel)
        self.panel.setFocus(Qt.FocusReason.ShortcutFocusReason)
