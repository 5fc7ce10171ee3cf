"""The Copies view: which documents reuse the open one, and their passages side by side.

`reader.ui.copies.Copies` fills `CopiesPanel` when a document opens. The panel lists each
related copy with its share and date; choosing one lists its passages; choosing a passage shows
both texts side by side with the differing words marked.
Everything is reachable from the keyboard: Tab between the lists, arrows (or j/k) to move,
Enter on a copy to open it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.copies import CopyAnalysis, CopyPair
from reader.documents.model import Document
from reader.quotes.alignment import align
from reader.ui.models import ID_ROLE, ROOT, HeaderedTableModel, Index, Row, RowsModel
from reader.ui.present import date_text, variant_words, words_html
from reader.ui.theme import LIGHT, Colours
from reader.ui.views.common import add_list_keys, named

EXCERPT = 60  # characters of a passage shown in the passage list


class CopiesModel(HeaderedTableModel):
    """One row per document related to the open one: title, date, the two shares, original."""

    HEADERS = ("Document", "Date", "Here", "There", "Original")
    TIPS = (
        "The other document",
        "Its date",
        "The share of this document reused in the other",
        "The share of the other document reused in this one",
        "Which came first",
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Document, CopyPair]] = []
        self._doc_id = ""

    def set_pairs(self, doc_id: str, rows: list[tuple[Document, CopyPair]]) -> None:
        self.beginResetModel()
        self._doc_id, self._rows = doc_id, list(rows)
        self.endResetModel()

    def pair(self, row: int) -> CopyPair:
        return self._rows[row][1]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        other, pair = self._rows[index.row()]
        if role == ID_ROLE:
            return other.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(other, pair, index.column())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.TIPS[section]
        return super().headerData(section, orientation, role)

    def _text(self, other: Document, pair: CopyPair, column: int) -> str:
        if column == 0:
            return " · ".join(p for p in (other.title or other.path, other.source) if p)
        if column == 1:
            return date_text(other.published)
        if column in (2, 3):
            doc = self._doc_id if column == 2 else other.id
            return f"{pair.share_of(doc):.0%}"
        if pair.earliest is None:
            return "unknown"
        return "this one" if pair.earliest == self._doc_id else "that one"


class CopiesPanel(QWidget):
    """Copies of the open document; emits `documentActivated(id)` on Enter or double-click."""

    documentActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = named(QLabel("No copies found yet.", self), "copiesSummary")
        self.summary.setWordWrap(True)
        self.table = named(QTableView(self), "copiesTable")
        self.model = CopiesModel(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Copies of this document")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in range(len(CopiesModel.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self._activated)
        self.passages = named(QListView(self), "copiesPassages")
        self.passage_model = RowsModel(self)
        self.passages.setModel(self.passage_model)
        self.passages.setAccessibleName("Reused passages")
        self.passages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.passages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.here = named(QTextBrowser(self), "copiesHere")
        self.there = named(QTextBrowser(self), "copiesThere")
        for view in (self.table, self.passages):
            add_list_keys(view)
        self.table.selectionModel().currentRowChanged.connect(self._copy_chosen)
        self.passages.selectionModel().currentRowChanged.connect(self._passage_chosen)
        self._layout()
        self.colours: Colours = LIGHT
        self._texts: tuple[str, str] = ("", "")

    def _layout(self) -> None:
        sides = QHBoxLayout()
        for title, view in (("This document", self.here), ("The other", self.there)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title, self))
            column.addWidget(view, 1)
            view.setAccessibleName(f"Passage in {title.lower()}")
            sides.addLayout(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.passages, 1)
        layout.addLayout(sides, 2)
        self.setFocusProxy(self.table)

    def show_document(
        self, document: Document, analysis: CopyAnalysis | None, by_id: dict[str, Document]
    ) -> None:
        """List the copies of `document` (none while `analysis` is not ready)."""
        pairs = analysis.pairs_of(document.id) if analysis is not None else []
        self.model.set_pairs(document.id, [(by_id[p.other(document.id)], p) for p in pairs])
        self._document, self._by_id = document, by_id
        if analysis is None:
            self.summary.setText("Looking for copies…")
        elif not pairs:
            self.summary.setText("No other document reuses this one's text (quotes aside).")
        else:
            self.summary.setText(self._summary(document, analysis, pairs))
        self.passage_model.set_rows([])
        self.here.clear()
        self.there.clear()
        if pairs:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _summary(self, document: Document, analysis: CopyAnalysis, pairs: list[CopyPair]) -> str:
        """What the open document is: a copy of one, copied by some, or sharing text."""
        original = analysis.original_of(document.id)
        if original is not None:
            pair = next(p for p in pairs if p.other(document.id) == original)
            source = self._by_id[original]
            name = " · ".join(p for p in (source.title or source.path, source.source) if p)
            return (
                f"A copy of “{name}”: {pair.share_of(document.id):.0%} of this document is "
                f"reused from it, {pair.share_of(original):.0%} of it is here."
            )
        copied = sum(1 for p in pairs if p.earliest == document.id)
        if copied:
            return f"Copied by {copied} document(s); {len(pairs)} share text with this one."
        return f"{len(pairs)} document(s) share text with this one."

    def _copy_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        pair = self.model.pair(current.row())
        other = self._by_id[pair.other(self._document.id)]
        rows = []
        for number, (here, there) in enumerate(pair.spans_of(self._document.id)):
            excerpt = " ".join(self._document.body[here[0] : here[1]].split())[:EXCERPT]
            label = f"{number + 1}. {excerpt}…"
            rows.append(Row(f"{here[0]}:{here[1]}:{there[0]}:{there[1]}", label, label))
        self._other = other
        self.passage_model.set_rows(rows)
        if rows:
            self.passages.setCurrentIndex(self.passage_model.index(0))

    def _passage_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        a0, a1, b0, b1 = (int(n) for n in self.passage_model.row(current.row()).id.split(":"))
        self.show_passage(self._document.body[a0:a1], self._other.body[b0:b1])

    def show_passage(self, here: str, there: str) -> None:
        """Both texts of a passage, the words that differ marked."""
        self._texts = (here, there)
        c = self.colours
        style = f"background:{c.changed}; color:{c.changed_text};"
        alignment = align(here, there)
        self.here.setHtml(words_html(variant_words(alignment, "a"), style))
        self.there.setHtml(words_html(variant_words(alignment, "b"), style))

    def _activated(self, index: QModelIndex) -> None:
        doc_id = index.data(ID_ROLE)
        if doc_id:
            self.documentActivated.emit(doc_id)
