"""Search: the query field (search as you type, debounced) and the list of results.

The field only says what the user typed; running the search in the background and dropping
stale answers is the window's job (`reader.ui.tasks`). Enter / Shift+Enter in the field step
through matches; Down moves into the results.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.models import ID_ROLE, Row, RowsModel
from reader.ui.present import byline, escape, snippet_html, snippet_parts
from reader.ui.theme import LIGHT, Colours
from reader.ui.views.common import RichTextDelegate, add_list_keys, named

DEBOUNCE_MS = 180
SORTS = ("relevance", "date")


class SearchBar(QWidget):
    """The query field and the sort order; emits `queryChanged` after typing pauses."""

    queryChanged = Signal(str)
    stepRequested = Signal(int)
    leaveRequested = Signal()
    intoResults = Signal()
    sortChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = named(QLineEdit(self), "searchField")
        self.field.setPlaceholderText('Search — words, "phrases", -not, outlet:…, date:2022-01…')
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Search")
        self.sort = QComboBox(self)
        self.sort.setAccessibleName("Sort results")
        self.sort.addItems(["By relevance", "By date"])
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        self.field.textEdited.connect(lambda _text: self._timer.start())
        self.sort.currentIndexChanged.connect(lambda i: self.sortChanged.emit(SORTS[i]))
        self.field.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.sort)
        self.setFocusProxy(self.field)

    def text(self) -> str:
        return self.field.text()

    def set_text(self, text: str) -> None:
        """Set the query (as if typed) and search at once."""
        self.field.setText(text)
        self._timer.stop()
        self._fire()

    def set_sort(self, sort: str) -> None:
        self.sort.setCurrentIndex(SORTS.index(sort) if sort in SORTS else 0)

    def current_sort(self) -> str:
        return SORTS[self.sort.currentIndex()]

    def _fire(self) -> None:
        self.queryChanged.emit(self.field.text().strip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            key = key_event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():  # typed and pressed Enter at once: search first
                    self._timer.stop()
                    self._fire()
                shift = key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.stepRequested.emit(-1 if shift else 1)
                return True
            if key == Qt.Key.Key_Down:
                self.intoResults.emit()
                return True
        return super().eventFilter(watched, event)


class ResultsPanel(QWidget):
    """Count, parsed query, "did you mean" and the hits, each with highlighted snippets."""

    hitActivated = Signal(str)  # document id
    suggestionChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = named(QLabel(self), "resultsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.parsed = named(QLabel(self), "parsedQuery")
        self.parsed.setTextFormat(Qt.TextFormat.PlainText)
        self.parsed.setWordWrap(True)
        self.suggestion = named(QLabel(self), "didYouMean")
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self._suggested = ""
        self.suggestion.linkActivated.connect(
            lambda _link: self.suggestionChosen.emit(self._suggested)
        )
        self.suggestion.hide()
        self.model = RowsModel(self)
        self.list = QListView(self)
        self.list.setAccessibleName("Search results")
        self.list.setModel(self.model)
        self.list.setItemDelegate(RichTextDelegate(self.list))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.activated.connect(self._activated)
        add_list_keys(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 0)
        for widget in (self.summary, self.parsed, self.suggestion):
            layout.addWidget(widget)
        layout.addWidget(self.list, 1)
        self.setFocusProxy(self.list)
        self.colours: Colours = LIGHT
        self.hits: list[Any] = []
        self.last_result: Any = None

    def set_result(self, result: Any, colours: Colours) -> None:
        """Show a `SearchResult` (None: no search)."""
        self.colours = colours
        self.last_result = result
        self.hits = list(result.hits) if result is not None else []
        self.model.set_rows([self._row(hit) for hit in self.hits])
        self._describe(result)
        if self.hits:
            self.list.setCurrentIndex(self.model.index(0))

    def set_busy(self, query: str) -> None:
        self.summary.setText(f"Searching for {query}…" if query else "")

    def select(self, doc_id: str) -> None:
        for i, row in enumerate(self.model.rows()):
            if row.id == doc_id:
                self.list.setCurrentIndex(self.model.index(i))
                return

    def current_id(self) -> str | None:
        index = self.list.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _describe(self, result: Any) -> None:
        if result is None or not result.query:
            self.summary.setText("Type to search every document.")
            self.parsed.hide()
            self.suggestion.hide()
            return
        if result.error:
            self.summary.setText(f"Query problem: {result.error}")
        else:
            n = result.total
            self.summary.setText(f"{n} document{'s' if n != 1 else ''} found")
        self.parsed.setText(f"Searched for: {result.parsed}" if result.parsed else "")
        self.parsed.setVisible(bool(result.parsed))
        self._suggested = result.suggestion or ""
        if self._suggested and self._suggested != result.query:
            self.suggestion.setText(f'Did you mean <a href="#">{escape(self._suggested)}</a>?')
            self.suggestion.show()
        else:
            self.suggestion.hide()

    def _row(self, hit: Any) -> Row:
        c = self.colours
        mark = f"background-color:{c.match}; color:{c.match_text};"
        title = escape(hit.title or hit.path)
        meta = escape(byline(hit.source, "", hit.published))
        snippets = "<br>".join(snippet_html(s, mark) for s in hit.snippets[:2])
        html = (
            f'<div><b>{title}</b><br><span style="color:{c.muted};">{meta}</span>'
            f'<br><span style="color:{c.text};">{snippets}</span></div>'
        )
        label = " — ".join(
            [
                hit.title or hit.path,
                *("".join(t for t, _ in snippet_parts(s)) for s in hit.snippets[:1]),
            ]
        )
        return Row(hit.doc, label, html, hit.path)

    def _activated(self, index: QModelIndex) -> None:
        doc_id = index.data(ID_ROLE)
        if doc_id:
            self.hitActivated.emit(doc_id)

    def focus_first(self) -> None:
        self.list.setFocus()
        if self.model.rowCount() and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0))
