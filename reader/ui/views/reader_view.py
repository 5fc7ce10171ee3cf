"""The reading pane: a document's clean text as plain text, with its quotes and search matches.

Document text is untrusted, so it is inserted with `QTextCursor.insertText` (never parsed as
HTML) and `loadResource` refuses everything: no remote or local resource is ever fetched.
Quotes are marked with a character format (speaker on hover), search matches with extra
selections; `Layout` maps body offsets to positions in the shown text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QLabel, QTextBrowser, QTextEdit, QToolTip, QVBoxLayout, QWidget

from reader.documents.model import Document
from reader.quotes.model import Quote
from reader.ui.present import Layout, byline, compose
from reader.ui.theme import LIGHT, Colours
from reader.ui.views.common import named

BASE_POINT_SIZE = 12
MEASURE_CHARS = 72  # readable line length, in average characters
MAX_HIGHLIGHTS = 2000  # beyond this, only the current match is highlighted (huge documents)
ZOOM_RANGE = (-6, 12)


class TextView(QTextBrowser):
    """The text itself. Emits `stepRequested(+1/-1)` for Enter / Shift+Enter."""

    stepRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setAccessibleName("Document text")
        self.tooltip_at: Any = None  # callable(position) -> str | None, set by ReaderView

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Refuse every resource: document text never loads images, styles or URLs."""
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.stepRequested.emit(-1 if shift else 1)
            return
        if event.modifiers() == Qt.KeyboardModifier.NoModifier and key in (
            Qt.Key.Key_J,
            Qt.Key.Key_K,
        ):
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + (1 if key == Qt.Key.Key_J else -1) * bar.singleStep() * 3)
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.tooltip_at is not None:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            position = self.cursorForPosition(help_event.pos()).position()
            text = self.tooltip_at(position)
            if text:
                QToolTip.showText(help_event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_measure()

    def fit_measure(self) -> None:
        """Centre the text in a column about `MEASURE_CHARS` wide."""
        width = self.fontMetrics().averageCharWidth() * MEASURE_CHARS
        zoomed = self.document().defaultFont()
        width = int(width * zoomed.pointSizeF() / max(1.0, self.font().pointSizeF()))
        margin = max(16, (self.viewport().width() - width) // 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if int(frame.leftMargin()) != margin:
            frame.setLeftMargin(margin)
            frame.setRightMargin(margin)
            frame.setTopMargin(12)
            frame.setBottomMargin(24)
            root.setFrameFormat(frame)


class ReaderView(QWidget):
    """Header (title, outlet · author · date), a find bar ("n of N") and the text."""

    quoteEntered = Signal(str)  # id of the quote under the cursor ("" when none)
    matchChanged = Signal(int, int)  # current match (1-based, 0 = none), number of matches
    stepRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.title = named(QLabel(self), "readerTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.meta = named(QLabel(self), "readerMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.counter = named(QLabel(self), "matchCounter")
        self.counter.setAccessibleName("Match counter")
        self.text = TextView(self)
        self.text.tooltip_at = self.tooltip_for
        self.text.stepRequested.connect(self.stepRequested)
        self.text.cursorPositionChanged.connect(self._cursor_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for widget in (self.title, self.meta, self.counter):
            widget.setContentsMargins(16, 0, 16, 0)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(widget)
        layout.addWidget(self.text, 1)
        self.setFocusProxy(self.text)
        self.document: Document | None = None
        self.quotes: list[Quote] = []
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.show_removed = False
        self.zoom = 0
        self.colours: Colours = LIGHT
        self._layout = Layout("", [(0, 0, 0)], "")
        self._layers: dict[str, list[tuple[int, int, str]]] = {}
        self._quote_id = ""
        self._style_header()
        self.counter.hide()

    # -- showing -----------------------------------------------------------------------------------
    def show_document(self, document: Document | None, quotes: list[Quote] | None = None) -> None:
        """Show a document (None clears the pane); matches are cleared."""
        self.document = document
        self.quotes = sorted(quotes or [], key=lambda q: q.start)
        self.matches, self.current, self._quote_id = [], -1, ""
        self._layers = {}
        self._render()
        self.matchChanged.emit(0, 0)
        self._update_counter()

    def set_quotes(self, quotes: list[Quote]) -> None:
        """Mark these quotes (after quote analysis finished) without moving the view."""
        self.quotes = sorted(quotes, key=lambda q: q.start)
        position = self.text.textCursor().position()
        self._render()
        self._restore(position)

    def set_show_removed(self, show: bool) -> None:
        if show != self.show_removed:
            self.show_removed = show
            clean = self._layout.clean(self.text.textCursor().position())
            self._render()
            self.goto(clean or 0, select=False)

    def set_colours(self, colours: Colours) -> None:
        self.colours = colours
        self._style_header()
        position = self.text.textCursor().position()
        self._render()
        self._restore(position)

    def zoom_by(self, steps: int) -> None:
        """Zoom in (positive) or out by `steps`."""
        self.set_zoom(self.zoom + steps)

    def set_zoom(self, steps: int) -> None:
        """Text size in steps of one point from the default (clamped to `ZOOM_RANGE`)."""
        self.zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], steps))
        self._apply_font()

    # -- search matches ---------------------------------------------------------------------------
    def set_matches(self, spans: list[tuple[int, int]], current: int = 0) -> None:
        """Highlight every span (body offsets) and scroll to match `current` (-1: the last)."""
        size = len(self.document.body) if self.document else 0
        self.matches = sorted((s, e) for s, e in spans if 0 <= s < e <= size)
        if not self.matches:
            self.current = -1
        else:
            self.current = current % len(self.matches)
        self._paint_matches()
        if self.current >= 0:
            self.goto(self.matches[self.current][0], select=False)
        self._update_counter()

    def step(self, delta: int) -> bool:
        """Move to the next (+1) or previous (-1) match; False when there is none that way."""
        target = self.current + delta
        if not self.matches or not 0 <= target < len(self.matches):
            return False
        self.current = target
        self._paint_matches()
        self.goto(self.matches[target][0], select=False)
        self._update_counter()
        return True

    def set_layer(self, name: str, spans: list[tuple[int, int, str]]) -> None:
        """Mark body spans with background colours under the search matches (e.g. annotations).

        Each named layer replaces its previous spans; an empty list removes the layer.
        """
        if spans:
            self._layers[name] = list(spans)
        else:
            self._layers.pop(name, None)
        self._paint_matches()

    def selection_span(self) -> tuple[int, int] | None:
        """The selection as body offsets (None when nothing, or only boilerplate, is selected)."""
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._layout.clean(cursor.selectionStart())
        end = self._layout.clean(cursor.selectionEnd())
        if start is None or end is None or end <= start:
            return None
        return start, end

    def highlighted(self) -> list[tuple[int, int]]:
        """The body spans currently drawn as matches (for tests and accessibility)."""
        return (
            list(self.matches)
            if len(self.matches) <= MAX_HIGHLIGHTS
            else [self.matches[self.current]]
        )

    def painted(self) -> list[tuple[int, int, str]]:
        """Every span drawn over the text (layers and matches): body offsets and background."""
        spans = []
        for selection in self.text.extraSelections():
            cursor = selection.cursor  # type: ignore[attr-defined]
            start = self._layout.clean(cursor.selectionStart())
            end = self._layout.clean(cursor.selectionEnd())
            colour = selection.format.background().color().name()  # type: ignore[attr-defined]
            if start is not None and end is not None:
                spans.append((start, end, colour))
        return spans

    # -- quotes -----------------------------------------------------------------------------------
    def quote_at(self, clean: int | None) -> Quote | None:
        if clean is None:
            return None
        return next((q for q in self.quotes if q.start <= clean < q.end), None)

    def current_quote(self) -> Quote | None:
        return self.quote_at(self._layout.clean(self.text.textCursor().position()))

    def step_quote(self, delta: int) -> Quote | None:
        """Put the cursor on the next (+1) or previous (-1) quote; None when there is none."""
        if not self.quotes:
            return None
        here = self._layout.clean(self.text.textCursor().position()) or 0
        inside = self.quote_at(here)
        if delta > 0:
            after = [q for q in self.quotes if q.start > here and q is not inside]
            target = after[0] if after else None
        else:
            limit = inside.start if inside else here
            before = [q for q in self.quotes if q.start < limit]
            target = before[-1] if before else None
        if target is not None:
            self.goto(target.start, select=False)
        return target

    def goto(self, clean: int, select: bool = False, length: int = 0) -> None:
        """Put the cursor at body offset `clean` and scroll it into the middle of the view."""
        cursor = self.text.textCursor()
        cursor.setPosition(self._layout.view(clean))
        if select and length:
            cursor.setPosition(self._layout.view(clean + length), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        rect = self.text.cursorRect(cursor)
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.text.viewport().height() // 3)

    def cursor_offset(self) -> int:
        return self._layout.clean(self.text.textCursor().position()) or 0

    # -- internals --------------------------------------------------------------------------------
    def _render(self) -> None:
        doc = self.document
        self.title.setText(doc.title or doc.path if doc else "No document open")
        self.meta.setText(
            " — ".join([byline(doc.source, doc.author, doc.published), *doc.warnings]).strip(" —")
            if doc
            else "Pick one in the library (Ctrl+1, then Enter) or search (Ctrl+F)."
        )
        self.meta.setVisible(bool(self.meta.text()))
        removed = []
        if doc and self.show_removed:
            removed = [(r.raw_start, r.text) for r in doc.removed]
        self._layout = (
            compose(doc.body, doc.paragraphs(), removed, doc.raw_offset)
            if doc
            else Layout("", [(0, 0, 0)], "")
        )
        text_document = QTextDocument(self.text)
        text_document.setUndoRedoEnabled(False)
        text_document.setPlainText(self._layout.text)
        self.text.setDocument(text_document)
        self._apply_font()
        self._mark_removed(text_document)
        self._mark_quotes(text_document)
        self._paint_matches()

    def _mark_removed(self, text_document: QTextDocument) -> None:
        muted = QTextCharFormat()
        muted.setForeground(QColor(self.colours.muted))
        muted.setFontItalic(True)
        for start, end in self._layout.qt_removed():
            cursor = QTextCursor(text_document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(muted)

    def _mark_quotes(self, text_document: QTextDocument) -> None:
        marked = QTextCharFormat()
        marked.setBackground(QColor(self.colours.quote))
        marked.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        marked.setUnderlineColor(QColor(self.colours.quote_rule))
        for quote in self.quotes:
            start, end = self._layout.view_span(quote.start, quote.end)
            cursor = QTextCursor(text_document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(marked)

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        a, b = self._layout.view_span(start, end)
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor  # type: ignore[attr-defined]
        selection.format = fmt  # type: ignore[attr-defined]
        return selection

    def _paint_matches(self) -> None:
        size = len(self.document.body) if self.document else 0
        selections = []
        for spans in self._layers.values():
            for start, end, colour in spans:
                if 0 <= start < end <= size:
                    fmt = QTextCharFormat()
                    fmt.setBackground(QColor(colour))
                    selections.append(self._selection(start, end, fmt))
        many = len(self.matches) > MAX_HIGHLIGHTS
        for i, (start, end) in enumerate(self.matches):
            is_current = i == self.current
            if many and not is_current:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(self.colours.current if is_current else self.colours.match))
            fmt.setForeground(
                QColor(self.colours.current_text if is_current else self.colours.match_text)
            )
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selections.append(self._selection(start, end, fmt))
        self.text.setExtraSelections(selections)

    def _update_counter(self) -> None:
        total = len(self.matches)
        self.counter.setVisible(total > 0)
        self.counter.setText(f"{self.current + 1} of {total}" if total else "")
        self.matchChanged.emit(self.current + 1 if total else 0, total)

    def counter_text(self) -> str:
        return self.counter.text()

    def _apply_font(self) -> None:
        font = QFont(["Georgia", "Noto Serif", "DejaVu Serif", "serif"])
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(BASE_POINT_SIZE + self.zoom)
        self.text.document().setDefaultFont(font)
        self.text.fit_measure()

    def _style_header(self) -> None:
        c = self.colours
        self.title.setStyleSheet(f"font-size: 17pt; font-weight: 600; color: {c.text};")
        self.meta.setStyleSheet(f"color: {c.muted};")
        self.counter.setStyleSheet(f"color: {c.accent}; font-weight: 600;")

    def _restore(self, position: int) -> None:
        cursor = self.text.textCursor()
        cursor.setPosition(min(position, len(self._layout.text)))
        self.text.setTextCursor(cursor)

    def _cursor_moved(self) -> None:
        quote = self.current_quote()
        quote_id = quote.id if quote else ""
        if quote_id != self._quote_id:
            self._quote_id = quote_id
            self.quoteEntered.emit(quote_id)

    def tooltip_for(self, position: int) -> str | None:
        quote = self.quote_at(self._layout.clean(position))
        if quote is None:
            return None
        who = quote.speaker or (f"probably {quote.speaker_guess}" if quote.speaker_guess else "")
        who = who or "speaker unknown"
        return f"{who} — {quote.role}" if quote.role and quote.role not in who else who
