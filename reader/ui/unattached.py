"""The unattached list in the Notes tab: imported annotations that matched no document.

`UnattachedNotes` imports annotation files (W3C Web Annotation from any producer, Hypothesis) in
the background and lists, below the annotations, every entry no document took with the reason.
The user attaches the current entry to the open document, at the reader's selection or where its
own quote is, or discards it; all through `reader.annotations` (the same functions as the
command line), so every change is one SQLite transaction. In the list, Enter attaches where the
quote is and Delete discards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.annotations import AnnotationStore, unattached
from reader.annotations.importing import ImportReport, attach, import_file
from reader.annotations.unattached import Unattached
from reader.errors import StoreError
from reader.ui.annotations_panel import StoreSignals
from reader.ui.models import ROOT, HeaderedTableModel, Index
from reader.ui.views.reader_view import ReaderView
from reader.ui.workspace import WorkspaceJobs

FILES = "Annotations (*.json *.jsonld);;All files (*)"


def shown_text(entry: Unattached, limit: int = 80) -> str:
    """The entry's quote (or, with none, its note) on one line, cut to `limit` characters."""
    text = " ".join((f"“{entry.item.exact}”" if entry.item.exact else entry.item.note).split())
    return text[:limit] + "…" if len(text) > limit else text


class UnattachedModel(HeaderedTableModel):
    """The listed entries of the store, read on `refresh()`."""

    HEADERS = ("Annotation", "Why")

    def __init__(self, store: AnnotationStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.rows: list[Unattached] = []

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = unattached.listed(self.store)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown_text(entry) if index.column() == 0 else entry.reason
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n\n".join(p for p in (entry.item.exact, entry.item.note, entry.reason) if p)
        return None


class UnattachedPanel(QWidget):
    """The list with the whole current entry under it and its three buttons."""

    def __init__(self, store: AnnotationStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = UnattachedModel(store, self)
        self.title = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Unattached annotations")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.detail = QLabel(self)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # imported text is untrusted
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("Current unattached annotation")
        attach_to = QLabel("Attach to:", self)
        self.to_selection = QPushButton("Selection", self)
        self.to_selection.setToolTip("Attach it to the text selected in the open document")
        self.to_quote = QPushButton("Its quote", self)
        self.to_quote.setToolTip("Attach it where its quote is in the open document (Enter)")
        self.discard = QPushButton("Discard", self)
        self.discard.setToolTip("Take it off the list (Delete)")
        buttons = QHBoxLayout()
        buttons.addWidget(attach_to)
        for button in (self.to_selection, self.to_quote):
            button.setMinimumWidth(24)  # a narrow panel squeezes its buttons, not the window
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.discard)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)

    def current(self) -> Unattached | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def refresh(self) -> None:
        """Read the list again, keeping the current row's place; hidden when empty."""
        row = max(self.table.currentIndex().row(), 0)
        self.model.refresh()
        count = self.model.rowCount()
        self.title.setText(f"Unattached ({count}): imported, matching no document")
        self.setVisible(count > 0)
        if count:
            self.table.setCurrentIndex(self.model.index(min(row, count - 1), 0))
        else:
            self.detail.clear()

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.current() if current.isValid() else None
        if entry is None:
            self.detail.clear()
            return
        where = entry.item.source or entry.item.via
        where = "" if where in entry.reason else where
        lines = [shown_text(entry, 300), entry.item.note if entry.item.exact else "", where]
        self.detail.setText("\n".join(line for line in lines if line) + f"\nWhy: {entry.reason}")


class ListKeys(QObject):
    """Enter attaches the current entry where its quote is; Delete discards it."""

    def __init__(self, notes: UnattachedNotes) -> None:
        super().__init__(notes)
        self.notes = notes

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.notes.attach_by_quote()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.notes.discard()
                return True
        return False


class UnattachedNotes(QObject):
    """Importing annotation files, and attaching or discarding what matched no document."""

    message = Signal(str)  # one line for the status bar
    imported = Signal(object)  # ImportReport

    def __init__(self, workspace: WorkspaceJobs, reader: ReaderView, window: QWidget) -> None:
        super().__init__(window)
        self.workspace, self.reader, self.window = workspace, reader, window
        self.store: AnnotationStore = workspace.core.annotations
        self.panel = UnattachedPanel(self.store, window)
        self.panel.setObjectName("unattachedPanel")
        self.signals = StoreSignals(self.store, self)  # an attach or its undo changes the list
        self.signals.annotationsChanged.connect(self._store_changed)
        self.panel.table.installEventFilter(ListKeys(self))
        self.panel.to_selection.clicked.connect(self.attach_to_selection)
        self.panel.to_quote.clicked.connect(self.attach_by_quote)
        self.panel.discard.clicked.connect(self.discard)
        self.panel.refresh()

    # -- commands -------------------------------------------------------------------------------
    def import_annotations(self) -> None:
        """Ask for an annotation file and import it."""
        path, _ = QFileDialog.getOpenFileName(self.window, "Import annotations", "", FILES)
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        """Import a file in the background (matching quotes across the library can take long)."""
        self.message.emit(f"Importing annotations from {path.name}…")
        library = self.workspace.library
        self.workspace.run_job(
            self.workspace.serial,  # the worker that owns library reads and writes
            "annotations",
            lambda _p, _a: import_file(self.store, library, path),
            self._imported,
        )

    def attach_to_selection(self) -> None:
        """Attach the current entry to the text selected in the open document."""
        span = self.reader.selection_span()
        if span is None:
            self.message.emit("Select the passage in the reader first (Shift+arrows).")
            return
        self._attach(span)

    def attach_by_quote(self) -> None:
        """Attach the current entry where its own quote is in the open document."""
        self._attach(None)

    def discard(self) -> None:
        """Take the current entry off the list (it stays stored; the command line restores it)."""
        entry = self.panel.current()
        if entry is None:
            self.message.emit("No unattached annotation to discard.")
            return
        if self._try(lambda: unattached.discard(self.store, entry.id)):
            self.panel.refresh()
            self.message.emit(f"Discarded {shown_text(entry, 40)} ({entry.id[:8]}).")

    def show_list(self) -> None:
        """Focus the list (the Notes tab must be in front: the window's Notes part does that)."""
        self.panel.refresh()
        if self.panel.isVisible():
            self.panel.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.message.emit("No unattached annotations.")

    def close(self) -> None:
        """Stop following the store (before it is closed)."""
        self.signals.annotationsChanged.disconnect(self._store_changed)

    # -- internals ------------------------------------------------------------------------------
    def _store_changed(self, _ids: list[str]) -> None:
        self.panel.refresh()

    def _attach(self, span: tuple[int, int] | None) -> None:
        entry, doc = self.panel.current(), self.reader.document
        if entry is None or doc is None:
            self.message.emit("Open a document and pick an unattached annotation first.")
            return
        made = self._try(lambda: attach(self.store, entry.id, doc, span))
        if made is not None:
            quoted = " ".join(made.exact.split())
            self.message.emit(f"Attached to “{quoted[:60]}” in {doc.title or doc.id}.")

    def _try(self, change: Any) -> Any:
        try:
            return change()
        except StoreError as error:
            self.message.emit(str(error))
            return None

    def _imported(self, report: ImportReport) -> None:
        self.panel.refresh()
        line = report.summary()
        listed = ", listed in Notes" if report.unattached else ""
        self.message.emit(f"{line[:1].upper()}{line[1:]}{listed}.")
        self.imported.emit(report)
