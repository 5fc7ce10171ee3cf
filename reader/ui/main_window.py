"""The main window: builds the panels and wires their signals to the workspace and navigator.

Layout: search bar on top; left tabs (Library, Results); the reader in the centre; right tabs
(Quote, Speakers, Notes; annotations and export live in `reader.ui.notes.Notes`). More panels
join with `add_side_panel` and more commands with an entry in
`reader.ui.actions` plus an `on_<id>` method here.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.library import Library
from reader.ui import theme
from reader.ui.actions import ACTIONS, ActionId, bindings, build_actions, conflicts
from reader.ui.navigation import Navigator
from reader.ui.notes import Notes
from reader.ui.palette import CommandPalette, Dialogs, ShortcutsSheet
from reader.ui.settings import THEMES, Settings
from reader.ui.views.common import named
from reader.ui.views.copies_panel import Copies
from reader.ui.views.details import DetailsDialog
from reader.ui.views.library_panel import LibraryPanel
from reader.ui.views.quote_panel import QuotePanel, SpeakersPanel
from reader.ui.views.reader_view import ReaderView
from reader.ui.views.search_panel import ResultsPanel, SearchBar
from reader.ui.workspace import Workspace

log = logging.getLogger(__name__)

JOB_NAMES = {
    "load": "Reading documents",
    "quotes": "Finding quotes",
    "index": "Indexing",
    "import": "Importing",
    "reanchor": "Placing annotations",
}


class MainWindow(QMainWindow):
    """Source Reader's window."""

    def __init__(self, library: Library, settings: Settings | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Source Reader")
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.settings = settings or Settings()
        self.colours = theme.resolve(self.settings.theme)
        self.workspace = Workspace(library, self)
        self.dialogs = Dialogs()
        self._build_panels()
        self._build_status_bar()
        self.navigator = Navigator(self.workspace, self.reader, self.library, self.results, self)
        self.actions_by_id = build_actions(self, self.settings.key_overrides)
        for clash in conflicts(bindings(self.settings.key_overrides)):
            log.warning("key %s is bound to both %s and %s; kept for the first", *clash)
        self._build_menus()
        self._wire()
        self._restore()

    # -- building --------------------------------------------------------------------------------
    def _build_panels(self) -> None:
        self.search = SearchBar(self)
        self.library = LibraryPanel(self)
        self.results = ResultsPanel(self)
        self.reader = ReaderView(self)
        self.quote_panel = QuotePanel(self)
        self.speakers = SpeakersPanel(self)
        self.left = named(QTabWidget(self), "leftTabs")
        self.left.addTab(self.library, "Library")
        self.left.addTab(self.results, "Results")
        self.right = named(QTabWidget(self), "rightTabs")
        self.add_side_panel(self.quote_panel, "Quote")
        self.add_side_panel(self.speakers, "Speakers")
        self.notes = Notes(self)
        self.add_side_panel(self.notes.panel, "Notes")
        self.copies = Copies(self)
        self.add_side_panel(self.copies.panel, "Copies")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.left, self.reader, self.right):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 600, 320])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.search)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.setTabOrder(self.search, self.left)
        self.setTabOrder(self.left, self.reader)
        self.setTabOrder(self.reader, self.right)

    def add_side_panel(self, widget: QWidget, title: str) -> int:
        """Add a panel as a tab on the right (e.g. annotations); returns its tab index."""
        return self.right.addTab(widget, title)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.size_label = QLabel(self)
        self.job_label = QLabel(self)
        self.progress = QProgressBar(self, textVisible=False)
        self.progress.setMaximumWidth(160)
        self.progress.setRange(0, 1000)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel background work")
        self.cancel_button.clicked.connect(self.on_cancel_work)
        self.details_button = QPushButton("Details", self)
        self.details_button.clicked.connect(self.on_show_error)
        for widget in (self.job_label, self.progress, self.cancel_button, self.details_button):
            widget.hide()
        bar.addPermanentWidget(self.details_button)
        bar.addPermanentWidget(self.job_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.size_label)
        self._details = ""
        self._entered: Any = None  # the search result the user last pressed Enter on

    def _build_menus(self) -> None:
        menus: dict[str, Any] = {}
        for spec in ACTIONS:
            if spec.menu not in menus:
                menus[spec.menu] = self.menuBar().addMenu(spec.menu)
            menus[spec.menu].addAction(self.actions_by_id[spec.id])
        self.addActions(list(self.actions_by_id.values()))

    def action(self, action_id: ActionId) -> QAction:
        return self.actions_by_id[action_id]

    def _wire(self) -> None:
        ws, nav = self.workspace, self.navigator
        ws.documentsLoaded.connect(self._documents_loaded)
        ws.quotesReady.connect(self._quotes_ready)
        ws.indexReady.connect(self._index_ready)
        ws.searchFinished.connect(self._search_finished)
        ws.importFinished.connect(self._import_finished)
        ws.progress.connect(self._job_progress)
        ws.jobEnded.connect(self._job_ended)
        ws.failed.connect(self.show_error)
        ws.openRequested.connect(lambda doc_id: nav.open(doc_id))
        for source in (nav, self.notes, self.notes.panel):
            source.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        nav.documentOpened.connect(self._document_opened)
        self.notes.panel.annotationActivated.connect(self.open_span)
        self.search.queryChanged.connect(self.run_search)
        self.search.sortChanged.connect(self._sort_changed)
        self.search.stepRequested.connect(self._enter_in_search)
        self.search.intoResults.connect(self.on_show_results)
        self.library.documentActivated.connect(lambda doc_id: nav.open(doc_id))
        self.results.hitActivated.connect(lambda doc_id: nav.open(doc_id))
        self.results.suggestionChosen.connect(self.search.set_text)
        self.reader.stepRequested.connect(nav.step_match)
        self.reader.quoteEntered.connect(self.show_quote)
        self.quote_panel.quoteActivated.connect(nav.open_quote)
        self.speakers.quoteActivated.connect(nav.open_quote)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

    def _restore(self) -> None:
        s = self.settings
        if not s.geometry.isEmpty():
            self.restoreGeometry(s.geometry)
        else:
            self.resize(1280, 800)
        if not s.splitter.isEmpty():
            self.splitter.restoreState(s.splitter)
        self.reader.set_zoom(s.zoom)
        self.reader.show_removed = s.show_removed
        self.action(ActionId.TOGGLE_REMOVED).setChecked(s.show_removed)
        self.search.set_sort(s.sort)
        self.action(ActionId.SORT_BY_DATE).setChecked(s.sort == "date")
        self.action(ActionId.SHOW_NOTES).setChecked(True)
        self.apply_theme()

    def start(self) -> None:
        """Begin loading the library in the background."""
        self.workspace.start()

    # -- workspace events ------------------------------------------------------------------------
    def _documents_loaded(self) -> None:
        ws = self.workspace
        self.library.set_documents(ws.documents)
        self.notes.documents_loaded()
        failed = f", {len(ws.load_errors)} unreadable" if ws.load_errors else ""
        self.size_label.setText(f"{len(ws.documents)} documents{failed}")
        last = self.settings.last_document
        if self.reader.document is None:
            first = last if last in ws.by_id else self.library.first_id()
            if first:
                self.navigator.open(first)
        query = self.settings.last_query
        if query and not self.search.text():
            self.search.set_text(query)

    def _quotes_ready(self) -> None:
        ws = self.workspace
        self.library.model.set_quote_counts(ws.quote_counts())
        self.speakers.set_analysis(ws.analysis, ws.by_id, self.colours)
        if self.reader.document is not None and ws.analysis is not None:
            self.reader.set_quotes(ws.analysis.quotes_of(self.reader.document.id))
        self.copies.analyse()

    def _index_ready(self) -> None:
        if self.search.text().strip():
            self.run_search(self.search.text().strip())

    def _document_opened(self, doc_id: str) -> None:
        self.settings.last_document = doc_id
        document = self.workspace.by_id[doc_id]
        self.setWindowTitle(f"{document.title or document.path} — Source Reader")
        self.notes.document_opened(doc_id)
        self.copies.document_opened(doc_id)

    def open_span(self, doc_id: str, start: int, end: int) -> None:
        """Open a document with `body[start:end]` selected (e.g. an annotation)."""
        if self.navigator.open(doc_id, offset=start):
            self.reader.goto(start, select=True, length=end - start)

    # -- search ----------------------------------------------------------------------------------
    def run_search(self, query: str) -> None:
        """Search in the background (superseding any search still running)."""
        self.settings.last_query = query
        if not query:
            self.results.set_result(None, self.colours)
            self.reader.set_matches([])
            self.left.setCurrentWidget(self.library)
            return
        self.results.set_busy(query)
        self.workspace.search(query, self.search.current_sort())

    def _search_finished(self, result: Any) -> None:
        if result.query != self.search.text().strip():
            return  # an answer to a query the user has since changed
        self.results.set_result(result, self.colours)
        self.left.setCurrentWidget(self.results)
        self.navigator.refresh_matches()

    def _enter_in_search(self, delta: int) -> None:
        """The first Enter on a new result opens the selected hit; the next ones step matches."""
        result = self.results.last_result
        if result is not None and result is not self._entered and result.hits:
            self._entered = result
            doc_id = self.results.current_id() or result.hits[0].doc
            self.navigator.open(doc_id, match=0 if delta > 0 else -1)
        else:
            self.navigator.step_match(delta)

    def _sort_changed(self, sort: str) -> None:
        self.settings.sort = sort
        self.action(ActionId.SORT_BY_DATE).setChecked(sort == "date")
        if self.search.text().strip():
            self.run_search(self.search.text().strip())

    # -- quotes ----------------------------------------------------------------------------------
    def show_quote(self, quote_id: str) -> None:
        """Show a quote and its variants in the quote panel."""
        ws = self.workspace
        if ws.analysis is not None and quote_id:
            self.quote_panel.show_quote(ws.analysis, quote_id, ws.by_id, self.colours)

    # -- status bar ------------------------------------------------------------------------------
    def _job_progress(self, job: str, fraction: float, message: str) -> None:
        self.job_label.setText(
            f"{JOB_NAMES.get(job, job)}: {message}" if message else JOB_NAMES.get(job, job)
        )
        self.progress.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        for widget in (self.job_label, self.progress, self.cancel_button):
            widget.show()

    def _job_ended(self, _job: str) -> None:
        if not self.workspace.busy():
            for widget in (self.job_label, self.progress, self.cancel_button):
                widget.hide()

    def show_error(self, line: str, details: str = "") -> None:
        """One line in the status bar; "Details" shows more without a traceback."""
        self.statusBar().showMessage(line, 15000)
        self._details = details or line
        self.details_button.show()

    def show_details(self, title: str, text: str) -> None:
        dialog = self.dialogs.open("details", lambda: DetailsDialog(self))
        dialog.set_text(title, text)  # type: ignore[attr-defined]

    def _import_finished(self, report: Any) -> None:
        summary = (
            f"Imported: {len(report.added)} new, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged"
        )
        if report.errors:
            lines = "\n".join(str(e) for e in report.errors)
            self.show_error(
                f"{summary}; {len(report.errors)} failed", f"Files not imported:\n{lines}"
            )
        else:
            self.statusBar().showMessage(summary, 8000)

    # -- drag and drop ---------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def import_paths(self, paths: list[str], open_first: bool = False) -> None:
        """Import files or folders; with `open_first`, then show the first one."""
        self.statusBar().showMessage(f"Importing {len(paths)} item(s)…")
        self.workspace.import_paths(paths, open_first)

    # -- theme -----------------------------------------------------------------------------------
    def apply_theme(self) -> None:
        self.colours = theme.resolve(self.settings.theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, self.colours)
        self.reader.set_colours(self.colours)
        self.notes.paint()
        if self.results.last_result is not None:
            self.results.set_result(self.results.last_result, self.colours)
        if self.quote_panel.quote_id:
            self.show_quote(self.quote_panel.quote_id)

    def _system_scheme_changed(self) -> None:
        if self.settings.theme == "system":
            self.apply_theme()

    # -- closing ---------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        s = self.settings
        s.geometry = self.saveGeometry()
        s.splitter = self.splitter.saveState()
        s.zoom = self.reader.zoom
        s.last_query = self.search.text().strip()
        s.sync()
        self.workspace.shutdown()
        self.notes.close()
        self.copies.close()
        super().closeEvent(event)

    # -- action handlers (one per ActionId, named on_<id>) ---------------------------------------
    def on_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import files", "", "Articles (*.txt *.md *.html *.htm);;All files (*)"
        )
        if paths:
            self.import_paths(paths)

    def on_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import folder")
        if folder:
            self.import_paths([folder])

    def on_cancel_work(self) -> None:
        self.workspace.cancel()
        self.statusBar().showMessage("Cancelled.", 4000)

    def on_show_error(self) -> None:
        self.show_details("Details", self._details or "No problems so far.")

    def on_quit(self) -> None:
        self.close()

    def on_focus_search(self) -> None:
        self.search.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.field.selectAll()

    def on_leave(self) -> None:
        if self.search.field.hasFocus():
            self.reader.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.reader.set_matches([])

    def on_next_match(self) -> None:
        self.navigator.step_match(1)

    def on_previous_match(self) -> None:
        self.navigator.step_match(-1)

    def on_sort_by_date(self) -> None:
        self.search.set_sort(
            "date" if self.action(ActionId.SORT_BY_DATE).isChecked() else "relevance"
        )

    def on_next_quote(self) -> None:
        self.navigator.step_quote(1)

    def on_previous_quote(self) -> None:
        self.navigator.step_quote(-1)

    def on_next_variant(self) -> None:
        self.navigator.next_variant()

    def on_back(self) -> None:
        self.navigator.back()

    def on_forward(self) -> None:
        self.navigator.forward()

    def on_zoom_in(self) -> None:
        self._zoom(self.reader.zoom + 1)

    def on_zoom_out(self) -> None:
        self._zoom(self.reader.zoom - 1)

    def on_zoom_reset(self) -> None:
        self._zoom(0)

    def _zoom(self, steps: int) -> None:
        self.reader.set_zoom(steps)
        self.settings.zoom = self.reader.zoom

    def on_toggle_removed(self) -> None:
        show = self.action(ActionId.TOGGLE_REMOVED).isChecked()
        self.settings.show_removed = show
        self.reader.set_show_removed(show)

    def on_show_library(self) -> None:
        self.left.setCurrentWidget(self.library)
        self.library.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def on_show_results(self) -> None:
        self.left.setCurrentWidget(self.results)
        self.results.focus_first()

    def on_show_quote(self) -> None:
        self.right.setCurrentWidget(self.quote_panel)
        self.quote_panel.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def on_show_speakers(self) -> None:
        self.right.setCurrentWidget(self.speakers)
        self.speakers.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def on_show_notes(self) -> None:
        shown = self.notes.show_panel(not self.notes.panel_in_front())
        self.action(ActionId.SHOW_NOTES).setChecked(shown)

    def on_show_copies(self) -> None:
        self.copies.show()

    def on_annotate_selection(self) -> None:
        self.notes.annotate_selection()

    def on_annotate_quote(self) -> None:
        self.notes.annotate_quote()

    def on_undo_annotation(self) -> None:
        self.notes.undo()

    def on_redo_annotation(self) -> None:
        self.notes.redo()

    def on_export(self) -> None:
        self.notes.export()

    def on_cycle_theme(self) -> None:
        self.settings.theme = THEMES[(THEMES.index(self.settings.theme) + 1) % len(THEMES)]
        self.apply_theme()
        self.statusBar().showMessage(f"Theme: {self.settings.theme}", 3000)

    def on_palette(self) -> None:
        actions = [self.action(spec.id) for spec in ACTIONS if spec.id != ActionId.PALETTE]
        self.dialogs.open("palette", lambda: CommandPalette(actions, self))

    def on_shortcuts(self) -> None:
        actions = [self.action(spec.id) for spec in ACTIONS]
        self.dialogs.open("shortcuts", lambda: ShortcutsSheet(actions, self))
