"""The command palette (Ctrl+K) and the shortcuts sheet (F1), both read the action registry.

`ActionsModel` lists the window's actions (text, shortcut); `FuzzyFilter` keeps the ones whose
text matches the typed pattern as a subsequence, best first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from reader.ui.actions import VIEW_KEYS, shortcut_text
from reader.ui.models import ROOT, HeaderedTableModel, Index
from reader.ui.present import fuzzy_score
from reader.ui.views.common import add_list_keys

ACTION_ROLE = Qt.ItemDataRole.UserRole + 10


class ActionsModel(HeaderedTableModel):
    """Actions as rows: command text and shortcut; `extra` adds (keys, text) rows without action."""

    HEADERS = ("Command", "Shortcut")

    def __init__(
        self,
        actions: Sequence[QAction],
        extra: Sequence[tuple[str, str]] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._actions = list(actions)
        self._extra = list(extra)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._actions) + len(self._extra)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        row = index.row()
        action = self._actions[row] if row < len(self._actions) else None
        if action is not None and not isValid(action):
            return None  # the window that owned it is being torn down
        if role == ACTION_ROLE:
            return action
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if action is None:
            keys, text = self._extra[row - len(self._actions)]
            return text if index.column() == 0 else keys
        return action.text().replace("&", "") if index.column() == 0 else shortcut_text(action)


class FuzzyFilter(QSortFilterProxyModel):
    """Keeps rows whose command text fuzzily matches the pattern; best matches first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pattern = ""

    def set_pattern(self, pattern: str) -> None:
        self._pattern = pattern.strip()
        self.invalidate()
        self.sort(0 if self._pattern else -1)

    def _score(self, row: int, parent: Index) -> int | None:
        text = self.sourceModel().index(row, 0, parent).data() or ""
        return fuzzy_score(self._pattern, text)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return self._score(source_row, source_parent) is not None

    def lessThan(self, left: Index, right: Index) -> bool:
        a = self._score(left.row(), left.parent()) or 0
        b = self._score(right.row(), right.parent()) or 0
        return a > b if a != b else left.row() < right.row()


def _table(parent: QWidget, model: Any, name: str) -> QTableView:
    table = QTableView(parent)
    table.setAccessibleName(name)
    table.setModel(model)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setShowGrid(False)
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    return table


class CommandPalette(QDialog):
    """Type to filter every action; Enter runs the selected one, Esc closes."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Command palette")
        self.setObjectName("palette")
        self.model = ActionsModel([a for a in actions if a.isEnabled()], parent=self)
        self.proxy = FuzzyFilter(self)
        self.proxy.setSourceModel(self.model)
        self.field = QLineEdit(self, placeholderText="Type a command…")
        self.field.setAccessibleName("Command")
        self.table = _table(self, self.proxy, "Commands")
        self.table.activated.connect(lambda _index: self.run_current())
        self.field.textChanged.connect(self._filter)
        self.field.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.table)
        self.resize(520, 380)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.proxy.set_pattern(text)
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def current_action(self) -> QAction | None:
        index = self.table.currentIndex()
        return index.siblingAtColumn(0).data(ACTION_ROLE) if index.isValid() else None

    def run_current(self) -> None:
        """Close the palette and trigger the selected action."""
        action = self.current_action()
        self.accept()
        if action is not None:
            action.trigger()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.run_current()
                return True
            if key_event.key() in (
                Qt.Key.Key_Up,
                Qt.Key.Key_Down,
                Qt.Key.Key_PageUp,
                Qt.Key.Key_PageDown,
            ):
                QApplication.sendEvent(self.table, QKeyEvent(key_event))
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.field.clear()
        self.field.setFocus()


class ShortcutsSheet(QDialog):
    """Every shortcut: the registry's actions plus the keys the views handle themselves."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setObjectName("shortcuts")
        self.model = ActionsModel(actions, VIEW_KEYS, self)
        self.table = _table(self, self.model, "Keyboard shortcuts")
        add_list_keys(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.resize(520, 560)


class Dialogs:
    """Opens dialogs by name, keeping one instance of each (non-modal)."""

    def __init__(self) -> None:
        self._open: dict[str, QDialog] = {}

    def open(self, name: str, factory: Any) -> QDialog:
        dialog = self._open.get(name)
        if dialog is None:
            dialog = factory()
            self._open[name] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def get(self, name: str) -> QDialog | None:
        return self._open.get(name)
