"""The annotations panel: a filterable table of the library's annotations, and annotating.

`AnnotationsPanel` lists annotations (filter by text, tag, colour, "this document only"); a
double-click or Enter emits `annotationActivated(doc_id, start, end)` so the window can jump there.
`annotate(doc, start, end)` asks for a note, tags and a colour (`AnnotateDialog`) and stores the
annotation. The store's change listener is bridged to the `annotationsChanged(ids)` signal, so the
table refreshes after every write, undo and redo.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.annotations import COLOURS, Annotation, AnnotationStore
from reader.documents.model import Document
from reader.errors import StoreError
from reader.ui.models import ROOT, HeaderedTableModel, Index

SWATCHES = {
    "yellow": "#fff1a8",
    "green": "#cdeccd",
    "blue": "#cfe3ff",
    "pink": "#ffd3e4",
    "purple": "#e5d5fb",
}
COLUMNS = ("Text", "Note", "Tags", "Document")
_MODE = QHeaderView.ResizeMode
COLUMN_MODES = (_MODE.Stretch, _MODE.Stretch, _MODE.ResizeToContents, _MODE.Interactive)
ANY = "Any"


class StoreSignals(QObject):
    """Turns the store's change listener into a Qt signal (queued to the GUI thread)."""

    annotationsChanged = Signal(list)  # ids of the annotations that changed

    def __init__(self, store: AnnotationStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        store.subscribe(self.annotationsChanged.emit)


class AnnotationsModel(HeaderedTableModel):
    """Rows of annotations matching a filter, read from the store on `refresh()`."""

    HEADERS = COLUMNS

    def __init__(self, store: AnnotationStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.titles: dict[str, str] = {}
        self.filters: dict[str, Any] = {}
        self._rows: list[Annotation] = []

    def set_titles(self, titles: dict[str, str]) -> None:
        """Document id → title, for the Document column."""
        self.titles = titles
        self.refresh()

    def set_filters(self, **filters: Any) -> None:
        """Keyword filters of `AnnotationStore.list` (doc_id, tag, colour, text)."""
        self.filters = {k: v for k, v in filters.items() if v}
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = self.store.list(**self.filters)
        self.endResetModel()

    def update_rows(self, ids: list[str]) -> None:
        """After a write of `ids`: repaint just their rows, or reset if rows came or went."""
        rows = self.store.list(**self.filters)
        if [a.id for a in rows] != [a.id for a in self._rows]:
            self.refresh()
            return
        changed = set(ids)
        self._rows = rows
        last = self.columnCount() - 1
        for number, annotation in enumerate(rows):
            if annotation.id in changed:
                self.dataChanged.emit(self.index(number, 0), self.index(number, last))

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            state = "\n(orphaned: the text is no longer in the document)" if a.orphaned else ""
            return f"“{a.exact}”\n\n{a.note}{state}".strip()
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return QColor(SWATCHES.get(a.colour, SWATCHES["yellow"]))
        if role == Qt.ItemDataRole.UserRole:
            return a.id
        return None

    def _display(self, a: Annotation, column: int) -> str:
        if column == 0:
            text = " ".join(a.exact.split())
            return ("⚠ " if a.orphaned else "") + (text[:80] + "…" if len(text) > 80 else text)
        if column == 1:
            return " ".join(a.note.split())
        if column == 2:
            return ", ".join(a.tags)
        return self.titles.get(a.doc, a.source or a.doc)


class AnnotateDialog(QDialog):
    """Note, tags (comma-separated) and colour for a new or edited annotation."""

    def __init__(self, parent: QWidget | None, exact: str, annotation: Annotation | None = None):
        super().__init__(parent)
        self.setWindowTitle("Annotate" if annotation is None else "Edit annotation")
        quoted = " ".join(exact.split())
        shown = QLabel(f"“{quoted[:200]}{'…' if len(quoted) > 200 else ''}”", self)
        shown.setWordWrap(True)
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName("Note")
        self.note.setTabChangesFocus(True)  # Tab goes on to the tags, Enter there saves
        self.tags = QLineEdit(self, placeholderText="tags, separated by commas")
        self.tags.setAccessibleName("Tags")
        self.colour = QComboBox(self)
        self.colour.addItems(list(COLOURS))
        self.colour.setAccessibleName("Colour")
        if annotation is not None:
            self.note.setPlainText(annotation.note)
            self.tags.setText(", ".join(annotation.tags))
            self.colour.setCurrentText(annotation.colour)
        form = QFormLayout()
        form.addRow("Note", self.note)
        form.addRow("Tags", self.tags)
        form.addRow("Colour", self.colour)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(shown)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.note.setFocus()

    def values(self) -> dict[str, Any]:
        """The fields as `AnnotationStore.add`/`update` keywords."""
        return {
            "note": self.note.toPlainText().strip(),
            "tags": [t.strip() for t in self.tags.text().split(",") if t.strip()],
            "colour": self.colour.currentText(),
        }


class AnnotationsPanel(QWidget):
    """The annotations of the library, filterable; jump to, edit, delete, undo and redo."""

    annotationActivated = Signal(str, int, int)  # doc id, start, end
    message = Signal(str)  # one line for the status bar

    def __init__(self, store: AnnotationStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.signals = StoreSignals(store, self)
        self.model = AnnotationsModel(store, self)
        self.current_doc: str | None = None
        self._build()
        self.signals.annotationsChanged.connect(self._store_changed)
        self._refresh()

    def _build(self) -> None:
        self.text = QLineEdit(self, placeholderText="Filter annotations…", clearButtonEnabled=True)
        self.text.setAccessibleName("Filter annotations by text")
        self.tag = QComboBox(self)
        self.tag.setAccessibleName("Filter by tag")
        self.colour = QComboBox(self)
        self.colour.addItems([ANY, *COLOURS])
        self.colour.setAccessibleName("Filter by colour")
        self.this_document = QCheckBox("This document", self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, mode in enumerate(COLUMN_MODES):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(COLUMNS.index("Document"), 90)
        self.table.setAccessibleName("Annotations")
        self.table.activated.connect(self._activated)
        self.edit_button = QPushButton("Edit…", self)
        self.delete_button = QPushButton("Delete", self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.count = QLabel(self)
        self.detail = QLabel(self)  # the whole of the current annotation, which the rows cut short
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # annotated text is untrusted
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName("Current annotation")
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.model.modelReset.connect(self.detail.clear)
        filters = QHBoxLayout()
        for control in (self.tag, self.colour, self.this_document):
            filters.addWidget(control)
        buttons = QHBoxLayout()
        for widget in (self.count, self.edit_button, self.delete_button):
            buttons.addWidget(widget)
        buttons.insertStretch(1)
        squeezable: list[QWidget] = [self.tag, self.colour, self.this_document, self.count]
        for item in [*squeezable, self.edit_button, self.delete_button]:
            item.setMinimumWidth(24)  # a narrow panel squeezes its controls, not the window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.text)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.text.textChanged.connect(self._apply_filters)
        self.tag.currentTextChanged.connect(self._apply_filters)
        self.colour.currentTextChanged.connect(self._apply_filters)
        self.this_document.toggled.connect(self._apply_filters)

    # -- public ---------------------------------------------------------------------------------
    def set_documents(self, documents: list[Document]) -> None:
        """The library's documents (titles for the table)."""
        self.model.set_titles({d.id: d.title or d.path for d in documents})

    def set_current_document(self, doc_id: str | None) -> None:
        """The document open in the reader (for "This document")."""
        self.current_doc = doc_id
        if self.this_document.isChecked():
            self._apply_filters()

    def annotate(self, doc: Document, start: int, end: int) -> Annotation | None:
        """Ask for note, tags and colour, then store an annotation of `doc.body[start:end]`."""
        if not 0 <= start < end <= len(doc.body):
            self.message.emit("Select some text to annotate first.")
            return None
        dialog = AnnotateDialog(self, doc.body[start:end])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.add(doc, start, end, **dialog.values())

    def add(self, doc: Document, start: int, end: int, **fields: Any) -> Annotation | None:
        """Store an annotation without asking (e.g. a quote annotated in one keystroke)."""
        try:
            made = self.store.add(doc, start, end, **fields)
        except StoreError as error:
            self.message.emit(str(error))
            return None
        self.message.emit("Annotation saved.")
        return made

    def selected(self) -> list[Annotation]:
        """The annotations selected in the table."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.annotation(r) for r in rows]

    def visible(self) -> list[Annotation]:
        """The annotations the current filter shows."""
        return [self.model.annotation(r) for r in range(self.model.rowCount())]

    def edit_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        dialog = AnnotateDialog(self, chosen[0].exact, chosen[0])
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._try(lambda: self.store.update(chosen[0].id, **dialog.values()))

    def delete_selected(self) -> None:
        for annotation in self.selected():
            self._try(lambda a=annotation: self.store.delete(a.id))

    def undo(self) -> None:
        """Undo the last annotation edit."""
        self._try(lambda: self._step(self.store.undo, "Nothing to undo."))

    def redo(self) -> None:
        """Redo the last undone annotation edit."""
        self._try(lambda: self._step(self.store.redo, "Nothing to redo."))

    def _step(self, step: Any, nothing: str) -> None:
        if not step():
            self.message.emit(nothing)

    def detach(self) -> None:
        """Stop following the store (before it is closed)."""
        self.signals.annotationsChanged.disconnect(self._store_changed)

    # -- internals ------------------------------------------------------------------------------
    def _store_changed(self, ids: list[str]) -> None:
        self._refresh_tags()
        self.model.update_rows(ids)
        self.count.setText(f"{self.model.rowCount()} shown")

    def _try(self, change: Any) -> None:
        try:
            change()
        except StoreError as error:
            self.message.emit(str(error))

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        a = self.model.annotation(current.row())
        lines = [f"“{' '.join(a.exact.split())}”", a.note, ", ".join(a.tags)]
        lines.append(self.model.titles.get(a.doc, a.source or a.doc))
        self.detail.setText("\n".join(line for line in lines if line))

    def _activated(self, index: QModelIndex) -> None:
        a = self.model.annotation(index.row())
        if a.orphaned:
            self.message.emit("This annotation's text is no longer in its document.")
        self.annotationActivated.emit(a.doc, a.start, a.end)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.table.hasFocus():
            self.delete_selected()
        else:
            super().keyPressEvent(event)

    def _apply_filters(self) -> None:
        tag = self.tag.currentText()
        colour = self.colour.currentText()
        self.model.set_filters(
            text=self.text.text().strip(),
            tag=None if tag == ANY else tag,
            colour=None if colour == ANY else colour,
            doc_id=self.current_doc if self.this_document.isChecked() else None,
        )
        self.count.setText(f"{self.model.rowCount()} shown")

    def _refresh(self) -> None:
        self._refresh_tags()
        self._apply_filters()

    def _refresh_tags(self) -> None:
        current = self.tag.currentText() or ANY
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItems([ANY, *self.store.tags()])
        self.tag.setCurrentText(current if self.tag.findText(current) >= 0 else ANY)
        self.tag.blockSignals(False)
