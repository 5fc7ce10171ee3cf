"""Small pieces shared by the panels: vi-style list keys and a rich-text item delegate."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from reader.ui.models import HTML_ROLE

Index = QModelIndex | QPersistentModelIndex
W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    """`widget` with an object name (for style sheets, tests and accessibility tools)."""
    widget.setObjectName(name)
    return widget


class ListKeys(QObject):
    """Event filter: j/k move like Down/Up in an item view."""

    MAP: ClassVar[dict[Qt.Key, Qt.Key]] = {
        Qt.Key.Key_J: Qt.Key.Key_Down,
        Qt.Key.Key_K: Qt.Key.Key_Up,
    }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QAbstractItemView):
            key_event: QKeyEvent = event  # type: ignore[assignment]
            target = self.MAP.get(Qt.Key(key_event.key()))
            if target is not None and key_event.modifiers() == Qt.KeyboardModifier.NoModifier:
                QApplication.sendEvent(
                    watched, QKeyEvent(QEvent.Type.KeyPress, target, Qt.KeyboardModifier.NoModifier)
                )
                return True
        return super().eventFilter(watched, event)


def add_list_keys(view: QAbstractItemView) -> None:
    """Give a list or table j/k navigation."""
    keys = ListKeys(view)
    view.installEventFilter(keys)


class RichTextDelegate(QStyledItemDelegate):
    """Draws an item's `HTML_ROLE` (already escaped, see `reader.ui.present`) as rich text."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)  # type: ignore[attr-defined]
        document.setDocumentMargin(6)
        document.setHtml(index.data(HTML_ROLE) or "")
        document.setTextWidth(max(80, option.rect.width()))  # type: ignore[attr-defined]
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget else QApplication.style()
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = option.palette  # type: ignore[attr-defined]
        selected = option.state & QStyle.StateFlag.State_Selected  # type: ignore[attr-defined]
        role = palette.ColorRole.HighlightedText if selected else palette.ColorRole.Text
        context.palette.setColor(palette.ColorRole.Text, palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())  # type: ignore[attr-defined]
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.initStyleOption(option, index)
        width = option.widget.viewport().width() if option.widget else 300  # type: ignore[attr-defined]
        option.rect.setWidth(width)  # type: ignore[attr-defined]
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))
