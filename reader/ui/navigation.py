"""Where the reader is and how it moves: opening documents, stepping through search matches
(across documents at the ends), quotes and variants, and back/forward history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from reader.ui.history import History, Place
from reader.ui.views.library_panel import LibraryPanel
from reader.ui.views.reader_view import ReaderView
from reader.ui.views.search_panel import ResultsPanel
from reader.ui.workspace import WorkspaceJobs


class Navigator(QObject):
    """Moves the reader; emits `documentOpened(id)` and `message(text)` for the status bar."""

    documentOpened = Signal(str)
    message = Signal(str)

    def __init__(
        self,
        workspace: WorkspaceJobs,
        reader: ReaderView,
        library: LibraryPanel,
        results: ResultsPanel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.reader, self.library, self.results = (
            workspace,
            reader,
            library,
            results,
        )
        self.history = History()

    @property
    def doc_id(self) -> str | None:
        return self.reader.document.id if self.reader.document else None

    def here(self) -> Place | None:
        doc_id = self.doc_id
        return Place(doc_id, self.reader.cursor_offset()) if doc_id else None

    # -- opening -----------------------------------------------------------------------------------
    def open(
        self, doc_id: str, offset: int | None = None, match: int = 0, record: bool = True
    ) -> bool:
        """Open a document: at `offset`, else at search match `match` (-1: the last) if any."""
        document = self.workspace.by_id.get(doc_id)
        if document is None:
            self.message.emit("That document is no longer in the library.")
            return False
        if record:
            self.history.visit(Place(doc_id, offset or 0), self.here())
        analysis = self.workspace.analysis
        self.reader.show_document(document, analysis.quotes_of(doc_id) if analysis else [])
        self._apply_matches(match if offset is None else None)
        if offset is not None:
            self.reader.goto(offset)
        self.library.select(doc_id)
        self.results.select(doc_id)
        self.documentOpened.emit(doc_id)
        return True

    def refresh_matches(self) -> None:
        """After a new search: highlight its matches in the open document."""
        self._apply_matches(0)

    def _apply_matches(self, current: int | None) -> None:
        hit = self._hit(self.doc_id)
        spans = list(hit.spans) if hit is not None else []
        if current is None:  # opened at an offset: highlight, but do not move there
            position = self.reader.cursor_offset()
            self.reader.set_matches(spans, 0)
            self.reader.goto(position)
        else:
            self.reader.set_matches(spans, current)

    def _hit(self, doc_id: str | None) -> Any:
        return next((h for h in self.results.hits if h.doc == doc_id), None)

    # -- search matches ---------------------------------------------------------------------------
    def step_match(self, delta: int) -> None:
        """Next/previous match; past the last match of a document, on to the next hit."""
        hits = self.results.hits
        if not hits:
            self.message.emit("No search matches.")
            return
        if self.reader.step(delta):
            return
        ids = [h.doc for h in hits]
        position = ids.index(self.doc_id) if self.doc_id in ids else (-1 if delta > 0 else len(ids))
        target = position + delta
        if not 0 <= target < len(ids):
            self.message.emit("Last match." if delta > 0 else "First match.")
            return
        self.open(ids[target], match=0 if delta > 0 else -1)

    # -- quotes -----------------------------------------------------------------------------------
    def step_quote(self, delta: int) -> None:
        if self.reader.step_quote(delta) is None:
            self.message.emit(
                "No more quotes in this document." if self.reader.quotes else "No quotes here."
            )

    def open_quote(self, quote_id: str) -> None:
        """Open the document of a quote with the cursor at its start."""
        analysis = self.workspace.analysis
        if analysis is None:
            return
        quote = analysis.quote(quote_id)
        self.open(quote.doc, offset=quote.start)

    def next_variant(self) -> None:
        """Jump to the next occurrence (by date) of the quote under the cursor."""
        analysis = self.workspace.analysis
        quote = self.reader.current_quote()
        if analysis is None or quote is None:
            self.message.emit("Put the cursor in a quote first (] moves to the next one).")
            return
        group = analysis.group_of(quote.id)
        if group is None or len(group.quotes) < 2:
            self.message.emit("This quote appears in no other article.")
            return
        ordered = sorted(group.quotes, key=self._when)
        self.open_quote(ordered[(ordered.index(quote.id) + 1) % len(ordered)])

    def _when(self, quote_id: str) -> tuple[str, str]:
        quote = self.workspace.analysis.quote(quote_id)  # type: ignore[union-attr]
        document = self.workspace.by_id.get(quote.doc)
        return ((document.published_iso or "9999") if document else "9999", quote_id)

    # -- history ----------------------------------------------------------------------------------
    def back(self) -> None:
        place = self.history.back(self.here())
        if place is None:
            self.message.emit("Nothing to go back to.")
        else:
            self.open(place.doc_id, offset=place.offset, record=False)

    def forward(self) -> None:
        place = self.history.forward(self.here())
        if place is None:
            self.message.emit("Nothing to go forward to.")
        else:
            self.open(place.doc_id, offset=place.offset, record=False)
