"""The search flow: the query as the user types it, its results, and Enter in the search field.

Searches run in the background through the workspace; an answer to a query the user has since
changed is dropped. The first Enter on a new result opens the selected hit, the next ones step
through the matches (on to the next document at the ends).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from reader.ui.navigation import Navigator
from reader.ui.panels import Panels
from reader.ui.settings import Settings
from reader.ui.theme import Colours
from reader.ui.views.reader_view import ReaderView
from reader.ui.views.search_panel import ResultsPanel, SearchBar
from reader.ui.workspace import WorkspaceJobs


class SearchFlow(QObject):
    """Owns what happens between the search bar, the workspace and the results list."""

    def __init__(
        self,
        workspace: WorkspaceJobs,
        bar: SearchBar,
        results: ResultsPanel,
        reader: ReaderView,
        navigator: Navigator,
        settings: Settings,
        panels: Panels,
        colours: Callable[[], Colours],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.bar, self.results, self.reader = workspace, bar, results, reader
        self.navigator, self.settings, self.panels = navigator, settings, panels
        self.colours = colours
        self.date_action: QAction | None = None
        self._entered: Any = None  # the search result the user last pressed Enter on
        workspace.searchFinished.connect(self._finished)
        workspace.indexReady.connect(self.rerun)
        bar.queryChanged.connect(self.run)
        bar.sortChanged.connect(self._sort_changed)
        bar.stepRequested.connect(self.enter)
        bar.intoResults.connect(panels.show_results)
        results.suggestionChosen.connect(bar.set_text)

    def run(self, query: str) -> None:
        """Search in the background (superseding any search still running)."""
        self.settings.last_query = query
        if not query:
            self.results.set_result(None, self.colours())
            self.reader.set_matches([])
            self.panels.show_library(focus=False)
            return
        self.results.set_busy(query)
        self.workspace.search(query, self.bar.current_sort())

    def rerun(self) -> None:
        """Search the current text again (the index changed, or the order)."""
        if self.bar.text().strip():
            self.run(self.bar.text().strip())

    def repaint(self) -> None:
        """Draw the results again in the current colours."""
        if self.results.last_result is not None:
            self.results.set_result(self.results.last_result, self.colours())

    def _finished(self, result: Any) -> None:
        if result.query != self.bar.text().strip():
            return  # an answer to a query the user has since changed
        self.results.set_result(result, self.colours())
        self.panels.show_results(focus=False)
        self.navigator.refresh_matches()

    def enter(self, delta: int) -> None:
        """Enter in the search field (`delta` -1 for Shift+Enter)."""
        result = self.results.last_result
        if result is not None and result is not self._entered and result.hits:
            self._entered = result
            doc_id = self.results.current_id() or result.hits[0].doc
            self.navigator.open(doc_id, match=0 if delta > 0 else -1)
        else:
            self.navigator.step_match(delta)

    def _sort_changed(self, sort: str) -> None:
        self.settings.sort = sort
        if self.date_action is not None:
            self.date_action.setChecked(sort == "date")
        self.rerun()

    # -- actions -----------------------------------------------------------------------------------
    def focus(self) -> None:
        self.bar.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.bar.field.selectAll()

    def leave(self) -> None:
        """Esc: out of the search field, else clear the highlights."""
        if self.bar.field.hasFocus():
            self.reader.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.reader.set_matches([])

    def toggle_date_order(self) -> None:
        checked = self.date_action is not None and self.date_action.isChecked()
        self.bar.set_sort("date" if checked else "relevance")
