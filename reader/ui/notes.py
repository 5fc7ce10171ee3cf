"""Annotations in the window: the store on the library, the Notes panel, painting and export.

`Notes` works on the workspace's `AnnotationStore` and owns the Notes tab on the right (the
`AnnotationsPanel`, and under it the unattached list of `UnattachedNotes`) and the export dialog;
the window's annotation actions name its methods (or its `unattached` part's). The store
may report changes from a worker thread (re-anchoring), so `changed` is a signal delivered to
the GUI thread, where the reader repaints the open document's annotations.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from reader.annotations import AnnotationStore, ReanchorReport
from reader.annotations.importing import ImportReport
from reader.documents.model import Document
from reader.export.csl import csl_item
from reader.export.formatted import formatted_citation
from reader.quotes.model import Quote
from reader.ui.annotations_panel import SWATCHES, AnnotationsPanel
from reader.ui.export_dialog import ExportDialog
from reader.ui.palette import Dialogs
from reader.ui.theme import Colours
from reader.ui.unattached import UnattachedNotes
from reader.ui.views.quote_panel import QuotePanel
from reader.ui.views.reader_view import ReaderView
from reader.ui.workspace import WorkspaceJobs

LAYER = "annotations"
CSL_MIME = "application/vnd.citationstyles.csl+json"  # the registered CSL-JSON media type
QUOTE_TAG = "quote"


def swatch(colour: str, colours: Colours) -> str:
    """The background an annotation colour paints in the reader (dimmed in the dark scheme)."""
    light = QColor(SWATCHES.get(colour, SWATCHES["yellow"]))
    if colours.scheme != "dark":
        return light.name()
    dark = QColor(colours.background)
    mix = 0.32  # keeps the light text readable on the tinted background
    return QColor(
        round(dark.red() + (light.red() - dark.red()) * mix),
        round(dark.green() + (light.green() - dark.green()) * mix),
        round(dark.blue() + (light.blue() - dark.blue()) * mix),
    ).name()


def reanchor_all(
    store: AnnotationStore, documents: list[Document], abort: threading.Event
) -> list[ReanchorReport]:
    """Place every annotation of `documents` in their current text (stops early on `abort`)."""
    reports = []
    for document in documents:
        if abort.is_set():
            break
        reports.append(store.reanchor(document))
    return reports


class Notes(QObject):
    """Annotating, the Notes panel, undo/redo and export, for one window."""

    changed = Signal(list)  # ids of annotations written (from any thread)
    message = Signal(str)  # one line for the status bar
    panelShown = Signal(bool)

    def __init__(
        self,
        workspace: WorkspaceJobs,
        reader: ReaderView,
        quote_panel: QuotePanel,
        tabs: QTabWidget,
        dialogs: Dialogs,
        colours: Callable[[], Colours],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.workspace, self.reader, self.quote_panel, self.tabs = (
            workspace,
            reader,
            quote_panel,
            tabs,
        )
        self.dialogs, self.colours, self.window = dialogs, colours, window
        self.store: AnnotationStore = workspace.core.annotations
        self.panel = AnnotationsPanel(self.store, window)
        self.panel.setObjectName("notesPanel")
        self.unattached = UnattachedNotes(workspace, reader, window)
        self.unattached.imported.connect(self._imported)
        self.tab = QSplitter(Qt.Orientation.Vertical, window)
        self.tab.setObjectName("notesTab")
        self.tab.addWidget(self.panel)
        self.tab.addWidget(self.unattached.panel)
        self.tab.setStretchFactor(0, 3)
        self.tab.setStretchFactor(1, 2)
        self.store.subscribe(self.changed.emit)
        self.changed.connect(self._changed)
        self._closed = False

    # -- following the window -------------------------------------------------------------------
    def documents_loaded(self) -> None:
        """Titles for the panel; re-anchor the annotated documents in the background."""
        documents = self.workspace.documents
        self.panel.set_documents(documents)
        annotated = {a.doc for a in self.store.list()}
        targets = [d for d in documents if d.id in annotated]
        if targets:
            self.workspace.run_job(
                self.workspace.pool,
                "reanchor",
                lambda _p, abort: reanchor_all(self.store, targets, abort),
                self._reanchored,
            )

    def _reanchored(self, reports: list[ReanchorReport]) -> None:
        orphaned = sum(len(r.orphaned) for r in reports)
        if orphaned:
            self.message.emit(
                f"{orphaned} annotation(s) no longer fit their changed documents; "
                "they are kept in Notes, marked ⚠."
            )

    def document_opened(self, doc_id: str) -> None:
        self.panel.set_current_document(doc_id)
        self.paint()

    def paint(self) -> None:
        """Mark the open document's annotations in the reader, in their colours."""
        reader = self.reader
        if reader.document is None or self._closed:
            return
        colours = self.colours()
        spans = [
            (a.start, a.end, swatch(a.colour, colours))
            for a in self.store.list(doc_id=reader.document.id)
            if not a.orphaned
        ]
        reader.set_layer(LAYER, spans)

    def _changed(self, _ids: list[str]) -> None:
        self.paint()

    # -- commands -------------------------------------------------------------------------------
    def annotate_selection(self) -> None:
        """Annotate the reader's selection, asking for note, tags and colour."""
        reader = self.reader
        span = reader.selection_span()
        if reader.document is None or span is None:
            self.message.emit("Select text in the reader first (Shift+arrows), then press Ctrl+M.")
            return
        self.panel.annotate(reader.document, *span)
        self.window.activateWindow()  # back from the dialog, ready for the next keystroke
        reader.setFocus(Qt.FocusReason.OtherFocusReason)

    def annotate_quote(self) -> None:
        """Annotate the current quote at once (tagged "quote"); no dialog."""
        quote = self.current_quote()
        document = self.workspace.by_id.get(quote.doc) if quote is not None else None
        if quote is None or document is None:
            self.message.emit("Put the cursor in a quote first (] moves to the next one).")
            return
        spans = {(a.start, a.end) for a in self.store.list(doc_id=quote.doc)}
        if (quote.start, quote.end) in spans:
            self.message.emit("This quote is already annotated.")
            return
        self.panel.add(document, quote.start, quote.end, tags=[QUOTE_TAG])

    def current_quote(self) -> Quote | None:
        """The quote panel's quote when it has focus, else the quote under the reader's cursor."""
        panel = self.quote_panel
        analysis = self.workspace.analysis
        focus = self.window.focusWidget()
        in_panel = focus is not None and panel.isAncestorOf(focus)
        quote = None if in_panel else self.reader.current_quote()
        if quote is None and panel.selected_quote_id() and analysis is not None:
            quote = analysis.quote(panel.selected_quote_id())
        return quote

    def copy_citation(self) -> None:
        """Copy the open document's citation, formatted (Harvard) and as CSL-JSON.

        Annotations of this document selected in the Notes panel go in as the excerpts.
        """
        doc = self.reader.document
        if doc is None:
            self.message.emit("Open a document first, then copy its citation.")
            return
        excerpts = [a for a in self.panel.selected() if a.doc == doc.id]
        item = csl_item(doc, excerpts)
        data = QMimeData()
        data.setText(formatted_citation(item))
        csl = json.dumps([item], ensure_ascii=False)
        data.setData(CSL_MIME, QByteArray(csl.encode("utf-8")))
        QGuiApplication.clipboard().setMimeData(data)
        self.message.emit(f"Citation copied: {data.text()}")

    def undo(self) -> None:
        self.panel.undo()

    def redo(self) -> None:
        self.panel.redo()

    def export(self) -> ExportDialog:
        """Open the export dialog on all, the selected, or the filtered annotations."""
        choices = {
            "All annotations": self.store.list(),
            "Selected annotations": self.panel.selected(),
            "Annotations matching the filter": self.panel.visible(),
        }
        ws = self.workspace
        reopened = self.dialogs.get("export") is not None
        dialog: Any = self.dialogs.open(
            "export",
            lambda: self._export_dialog(choices),
        )
        if reopened:
            dialog.documents, dialog.analysis = list(ws.documents), ws.analysis
            dialog.set_choices(choices)
        return dialog

    def _export_dialog(self, choices: dict[str, Any]) -> ExportDialog:
        ws = self.workspace
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder_path = Path(folder) if folder else Path.home()
        dialog = ExportDialog(
            ws.pool, list(ws.documents), choices, ws.analysis, folder_path, self.window
        )
        dialog.exported.connect(lambda paths: self.message.emit("Exported: " + ", ".join(paths)))
        return dialog

    def show_unattached(self) -> None:
        """Bring the Notes tab to the front with the unattached list focused."""
        self.panelShown.emit(self.show_panel(True))
        self.unattached.show_list()

    def _imported(self, report: ImportReport) -> None:
        if report.unattached:
            self.show_unattached()

    def show_panel(self, show: bool) -> bool:
        """Show the Notes tab and focus it, or hide it; returns whether it is shown."""
        tabs, reader = self.tabs, self.reader
        index = tabs.indexOf(self.tab)
        tabs.setTabVisible(index, show)
        if show:
            tabs.setCurrentIndex(index)
            self.panel.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            reader.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return show

    def toggle_panel(self) -> None:
        """Bring the Notes tab to the front, or hide it when it is in front already."""
        self.panelShown.emit(self.show_panel(not self.panel_in_front()))

    def panel_in_front(self) -> bool:
        tabs = self.tabs
        return tabs.isTabVisible(tabs.indexOf(self.tab)) and tabs.currentWidget() is self.tab

    def close(self) -> None:
        """Stop listening and close the store (after the window's background work stopped)."""
        if self._closed:
            return
        self._closed = True
        self.changed.disconnect(self._changed)
        self.panel.detach()  # the workspace closes the store
        self.unattached.close()
