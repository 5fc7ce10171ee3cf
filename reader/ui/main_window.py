"""The main window: builds the panels and wires their signals to the workspace and its parts.

Layout: search bar on top; left tabs (Library, Results); the reader in the centre; right tabs
(Quote, Speakers, Notes, Copies). The parts own the behaviour: `Navigator` (moving the reader),
`SearchFlow` (search as you type), `Notes` (annotations and export), `Copies` (laundered copies),
`Corrector` (speakers and links corrected by hand), `JobStatus` (the status bar), `Panels` (the
tabs). Every action in `reader.ui.actions` names the part it calls; the window itself handles
only what is the window's: importing, theme, toggles and dialogs.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.library import Library
from reader.ui import theme
from reader.ui.actions import ACTIONS, ActionId, bindings, build_actions, conflicts
from reader.ui.copies import Copies
from reader.ui.corrections import Corrector
from reader.ui.job_status import JobStatus
from reader.ui.navigation import Navigator
from reader.ui.notes import Notes
from reader.ui.palette import CommandPalette, Dialogs, ShortcutsSheet
from reader.ui.panels import Panels
from reader.ui.search_flow import SearchFlow
from reader.ui.settings import THEMES, Settings
from reader.ui.views.common import named
from reader.ui.views.library_panel import LibraryPanel
from reader.ui.views.quote_panel import QuotePanel, SpeakersPanel
from reader.ui.views.reader_view import ReaderView
from reader.ui.views.search_panel import ResultsPanel, SearchBar
from reader.ui.workspace import WorkspaceJobs

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Source Reader's window."""

    def __init__(self, library: Library, settings: Settings | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Source Reader")
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.settings = settings or Settings()
        self.colours = theme.resolve(self.settings.theme)
        self.workspace = WorkspaceJobs(library, self)
        self.dialogs = Dialogs()
        self._build_panels()
        self.status = JobStatus(self.statusBar(), self.workspace, self.dialogs, self)
        self.navigator = Navigator(self.workspace, self.reader, self.library, self.results, self)
        self.search_flow = SearchFlow(
            self.workspace, self.search, self.results, self.reader, self.navigator,
            self.settings, self.panels, lambda: self.colours, self,
        )  # fmt: skip
        self.corrector = Corrector(self.workspace, self.quote_panel, self.notes.current_quote, self)
        parts = {
            "window": self, "navigator": self.navigator, "search_flow": self.search_flow,
            "notes": self.notes, "status": self.status, "panels": self.panels,
            "reader": self.reader, "corrector": self.corrector, "copies": self.copies,
            "unattached": self.notes.unattached,
        }  # fmt: skip
        self.actions_by_id = build_actions(self, parts, self.settings.key_overrides)
        for clash in conflicts(bindings(self.settings.key_overrides)):
            log.warning("key %s is bound to both %s and %s; kept for the first", *clash)
        self.search_flow.date_action = self.action(ActionId.SORT_BY_DATE)
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
        self.right.addTab(self.quote_panel, "Quote")
        self.right.addTab(self.speakers, "Speakers")
        self.panels = Panels(
            self.left, self.right, self.library, self.results, self.quote_panel, self.speakers
        )
        self.notes = Notes(
            self.workspace, self.reader, self.quote_panel, self.right, self.dialogs,
            lambda: self.colours, self,
        )  # fmt: skip
        self.right.addTab(self.notes.tab, "Notes")
        self.copies = Copies(
            self.workspace, self.library, self.reader, self.right, lambda: self.colours, self
        )
        self.right.addTab(self.copies.panel, "Copies")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.left, self.reader, self.right):
            self.splitter.addWidget(widget)
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

    def _build_menus(self) -> None:
        menus: dict[str, object] = {}
        for spec in ACTIONS:
            if spec.menu not in menus:
                menus[spec.menu] = self.menuBar().addMenu(spec.menu)
            menus[spec.menu].addAction(self.actions_by_id[spec.id])  # type: ignore[attr-defined]
        self.addActions(list(self.actions_by_id.values()))

    def action(self, action_id: ActionId) -> QAction:
        return self.actions_by_id[action_id]

    def _wire(self) -> None:
        ws, nav = self.workspace, self.navigator
        ws.documentsLoaded.connect(self._documents_loaded)
        ws.jobEnded.connect(self._job_ended)
        ws.quotesReady.connect(self._quotes_ready)
        ws.openRequested.connect(lambda doc_id: nav.open(doc_id))
        for source in (nav, self.notes, self.notes.panel, self.notes.unattached, self.corrector):
            source.message.connect(self.status.say)
        self.copies.failed.connect(self.status.show_error)
        self.copies.panel.documentActivated.connect(lambda doc_id: nav.open(doc_id))
        nav.documentOpened.connect(self._document_opened)
        self.notes.panel.annotationActivated.connect(self.open_span)
        self.notes.panelShown.connect(self.action(ActionId.SHOW_NOTES).setChecked)
        self.library.documentActivated.connect(lambda doc_id: nav.open(doc_id))
        self.results.hitActivated.connect(lambda doc_id: nav.open(doc_id))
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

    def open_output(self, folder: str) -> None:
        """Show a scale job's output folder (read-only) instead of the library."""
        self.status.say(f"Opening the job output {folder}…", 0)
        self.workspace.open_output(folder)

    def choose_output(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open scale job output")
        if folder:
            self.open_output(folder)

    # -- workspace events ------------------------------------------------------------------------
    def _documents_loaded(self) -> None:
        ws = self.workspace
        self.library.set_documents(ws.documents)
        self.notes.documents_loaded()
        if not ws.importing():
            self._open_first()
        query = self.settings.last_query
        if query and not self.search.text():
            self.search.set_text(query)

    def _job_ended(self, _job: str) -> None:
        if not self.workspace.busy():
            self._open_first()

    def _open_first(self) -> None:
        """With nothing open yet: open the last document read, else the top row of the library.

        Not while an import is still filling the library (opening a document there holds the
        GUI thread for a long time while the background work has the CPU): once it ends.
        """
        if self.reader.document is not None:
            return
        last = self.settings.last_document
        first = last if last in self.workspace.by_id else self.library.first_id()
        if first:
            self.navigator.open(first)

    def _quotes_ready(self) -> None:
        ws = self.workspace
        self.copies.analyse()
        self.library.model.set_quote_counts(ws.quote_counts())
        self.speakers.set_analysis(ws.analysis, ws.by_id, self.colours)
        if self.reader.document is not None and ws.analysis is not None:
            self.reader.set_quotes(ws.analysis.quotes_of(self.reader.document.id))
            self._follow_cursor()

    def _document_opened(self, doc_id: str) -> None:
        self.settings.last_document = doc_id
        document = self.workspace.by_id[doc_id]
        self.setWindowTitle(f"{document.title or document.path} — Source Reader")
        self.notes.document_opened(doc_id)
        self.copies.document_opened(doc_id)
        self._follow_cursor()

    def _follow_cursor(self) -> None:
        """The quote panel shows the quote under the reader's cursor, else the article's quotes."""
        quote = self.reader.current_quote()
        self.show_quote(quote.id if quote is not None else "")

    def open_span(self, doc_id: str, start: int, end: int) -> None:
        """Open a document with `body[start:end]` selected (e.g. an annotation)."""
        if self.navigator.open(doc_id, offset=start):
            self.reader.goto(start, select=True, length=end - start)

    def show_quote(self, quote_id: str) -> None:
        """Show a quote and its variants in the quote panel; "": the open article's quotes."""
        ws, document = self.workspace, self.reader.document
        if ws.analysis is not None and quote_id:
            self.quote_panel.show_quote(ws.analysis, quote_id, ws.by_id, self.colours)
        elif document is not None:
            self.quote_panel.show_document(ws.analysis, document.id, self.colours)

    # -- importing -------------------------------------------------------------------------------
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
        self.status.say(f"Importing {len(paths)} item(s)…", 0)
        self.workspace.import_paths(paths, open_first)

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import files", "", "Articles (*.txt *.md *.html *.htm);;All files (*)"
        )
        if paths:
            self.import_paths(paths)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import folder")
        if folder:
            self.import_paths([folder])

    # -- appearance ------------------------------------------------------------------------------
    def apply_theme(self) -> None:
        self.colours = theme.resolve(self.settings.theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, self.colours)
        self.reader.set_colours(self.colours)
        self.notes.paint()
        self.search_flow.repaint()
        self.show_quote(self.quote_panel.quote_id)

    def _system_scheme_changed(self) -> None:
        if self.settings.theme == "system":
            self.apply_theme()

    def cycle_theme(self) -> None:
        self.settings.theme = THEMES[(THEMES.index(self.settings.theme) + 1) % len(THEMES)]
        self.apply_theme()
        self.status.say(f"Theme: {self.settings.theme}", 3000)

    def toggle_removed(self) -> None:
        show = self.action(ActionId.TOGGLE_REMOVED).isChecked()
        self.settings.show_removed = show
        self.reader.set_show_removed(show)

    def open_palette(self) -> None:
        actions = [self.action(spec.id) for spec in ACTIONS if spec.id != ActionId.PALETTE]
        self.dialogs.open("palette", lambda: CommandPalette(actions, self))

    def open_shortcuts(self) -> None:
        actions = [self.action(spec.id) for spec in ACTIONS]
        self.dialogs.open("shortcuts", lambda: ShortcutsSheet(actions, self))

    # -- closing ---------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        s = self.settings
        s.geometry = self.saveGeometry()
        s.splitter = self.splitter.saveState()
        s.zoom = self.reader.zoom
        s.last_query = self.search.text().strip()
        s.sync()
        self.copies.close()
        self.workspace.shutdown()
        self.notes.close()
        super().closeEvent(event)
