"""Correcting the quote engine from the window: a speaker, a variant link split or joined.

The current quote is the one under the reader's cursor (or shown in the quote panel). Each
correction is stored by the core and the quotes are analysed again in the background, so every
view (reader, quote panel, speakers, exports) follows it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from reader.quotes.model import Quote
from reader.ui.models import ID_ROLE
from reader.ui.views.quote_panel import QuotePanel
from reader.ui.workspace import WorkspaceJobs


class Corrector(QObject):
    """The correction actions; `message(text)` reports what was done or why not."""

    message = Signal(str)

    def __init__(
        self,
        workspace: WorkspaceJobs,
        quote_panel: QuotePanel,
        current_quote: Callable[[], Quote | None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.workspace, self.quote_panel, self.window = workspace, quote_panel, window
        self.current_quote = current_quote
        self.marked = ""  # a quote marked to be linked to another

    def correct_speaker(self) -> None:
        """Ask who spoke the current quote (a known speaker, a new name, or empty: unknown)."""
        quote = self._quote()
        analysis = self.workspace.analysis
        if quote is None or analysis is None:
            return
        names = sorted(analysis.speakers())
        current = quote.speaker or quote.speaker_guess or ""
        items = [current] + [n for n in names if n != current]
        name, ok = QInputDialog.getItem(
            self.window, "Correct the speaker", "Who said it (empty: unknown)?", items, 0, True
        )
        if ok:
            self._run("speaker", quote.id, name.strip(), f"Speaker set to {name or 'unknown'}.")

    def split_variant(self) -> None:
        """Say that the variant selected in the quote panel is not a variant of its quote."""
        index = self.quote_panel.list.currentIndex()
        other = index.data(ID_ROLE) if index.isValid() else None
        if not self.quote_panel.quote_id or not other:
            self.message.emit("Select a variant in the quote panel first (Ctrl+3).")
            return
        self._run("unlink", self.quote_panel.quote_id, other, "Link split.")

    def mark_for_link(self) -> None:
        quote = self._quote()
        if quote is not None:
            self.marked = quote.id
            self.message.emit("Quote marked: go to its variant and choose “Link to marked quote”.")

    def link_to_marked(self) -> None:
        quote = self._quote()
        if quote is None:
            return
        if not self.marked or self.marked == quote.id:
            self.message.emit("Mark a quote first (“Mark quote for linking”).")
            return
        self._run("link", self.marked, quote.id, "Quotes linked as variants.")
        self.marked = ""

    def undo(self) -> None:
        self.workspace.undo_correction(redo=False)

    def redo(self) -> None:
        self.workspace.undo_correction(redo=True)

    def _quote(self) -> Quote | None:
        quote = self.current_quote()
        if quote is None:
            self.message.emit("Put the cursor in a quote first (] moves to the next one).")
        return quote

    def _run(self, kind: str, quote_id: str, other: str, done: str) -> None:
        self.workspace.correct(kind, quote_id, other)
        self.message.emit(done)
