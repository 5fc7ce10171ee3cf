"""The library: a sortable table of every document, filtered by outlet and date range."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.documents.model import Document
from reader.ui.models import ID_ROLE, LibraryFilter, LibraryModel
from reader.ui.views.common import add_list_keys

ALL_OUTLETS = "All outlets"
OUTLET = 1
TITLE_SHARE = 0.4  # of the table's width, kept for the title before the outlet column yields
TITLE_MIN = 120


def parse_day(text: str) -> date | None:
    """A date typed as YYYY, YYYY-MM or YYYY-MM-DD (None when empty or not a date)."""
    text = text.strip()
    for width, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        if len(text) == width:
            try:
                return date.fromisoformat(text + suffix)
            except ValueError:
                return None
    return None


class LibraryPanel(QWidget):
    """Table of documents; Enter or double-click emits `documentActivated(id)`."""

    documentActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.outlet = QComboBox(self)
        self.outlet.setAccessibleName("Outlet filter")
        self.outlet.addItem(ALL_OUTLETS)
        self.since = QLineEdit(self, placeholderText="from")
        self.until = QLineEdit(self, placeholderText="until")
        for field in (self.since, self.until):
            field.setToolTip("A date: YYYY, YYYY-MM or YYYY-MM-DD")
        self.since.setAccessibleName("Published from")
        self.until.setAccessibleName("Published until")
        self.table = QTableView(self)
        self.table.setAccessibleName("Library")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(OUTLET, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(OUTLET, 84)
        self._outlet_width = 84  # as set by the user; narrowed only while the panel is narrow
        self._sharing = False
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 110)
        for column, widest in ((3, "0000-00-00"), (4, "00000")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self._fitting(column, widest))
        self._column_menu(header)
        for column in (2, 5):  # author, copy of (also in the Copies tab): shown from the header
            self.set_column_visible(column, False)
        header.sectionResized.connect(self._section_resized)
        self.table.viewport().installEventFilter(self)
        self.table.activated.connect(self._activated)
        add_list_keys(self.table)
        self.outlet.currentTextChanged.connect(self._outlet_changed)
        self.since.textChanged.connect(self._dates_changed)
        self.until.textChanged.connect(self._dates_changed)
        filters = QHBoxLayout()
        filters.addWidget(self.outlet, 2)
        filters.addWidget(self.since, 1)
        filters.addWidget(self.until, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def _fitting(self, column: int, widest: str) -> int:
        """A width for a column of short values, fixed once: sizing it to its contents on every
        change asks every row for its text (10,000 rows: a GUI stall per quote-count update)."""
        texts = (LibraryModel.HEADERS[column], widest)
        return max(self.table.fontMetrics().horizontalAdvance(t) for t in texts) + 20

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._share_width()
        return super().eventFilter(watched, event)

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if column == OUTLET and not self._sharing:
            self._outlet_width = new
            self._share_width()

    def _share_width(self) -> None:
        """A narrow panel narrows the outlet column (its text elides) before the title goes
        under `TITLE_MIN` or its share, so the date and quote count stay in sight."""
        header = self.table.horizontalHeader()
        others = sum(
            header.sectionSize(c) for c in range(2, header.count()) if not header.isSectionHidden(c)
        )
        room = self.table.viewport().width() - others
        title = max(TITLE_MIN, TITLE_SHARE * self.table.viewport().width())
        width = max(header.minimumSectionSize(), min(self._outlet_width, int(room - title)))
        if width != header.sectionSize(OUTLET):
            self._sharing = True
            header.resizeSection(OUTLET, width)
            self._sharing = False

    def _column_menu(self, header: QHeaderView) -> None:
        """Right-click on the header shows or hides columns (the title always stays)."""
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.column_actions: dict[int, QAction] = {}
        for column in range(1, len(LibraryModel.HEADERS)):
            name = LibraryModel.HEADERS[column]
            action = QAction(f"Show {name.lower()}", header, checkable=True, checked=True)
            action.toggled.connect(lambda on, c=column: self.table.setColumnHidden(c, not on))
            header.addAction(action)
            self.column_actions[column] = action

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.column_actions[column].setChecked(visible)

    def first_id(self) -> str | None:
        """The document in the top row as currently sorted and filtered."""
        index = self.proxy.index(0, 0)
        return index.data(ID_ROLE) if index.isValid() else None

    def set_documents(self, documents: Sequence[Document]) -> None:
        """Show these documents; the outlet list follows them."""
        self.model.set_documents(documents)
        current = self.outlet.currentText()
        self.outlet.blockSignals(True)
        self.outlet.clear()
        self.outlet.addItems([ALL_OUTLETS, *self.model.outlets()])
        self.outlet.setCurrentText(current)
        self.outlet.blockSignals(False)

    def select(self, doc_id: str) -> None:
        """Select a document's row (no signal)."""
        row = self.model.row_of(doc_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        doc_id = index.data(ID_ROLE)
        if doc_id:
            self.documentActivated.emit(doc_id)

    def _outlet_changed(self, text: str) -> None:
        self.proxy.set_outlet("" if text == ALL_OUTLETS else text)

    def _dates_changed(self) -> None:
        self.proxy.set_date_range(parse_day(self.since.text()), parse_day(self.until.text()))
