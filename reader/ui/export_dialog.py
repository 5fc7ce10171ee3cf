"""The export dialog (Ctrl+E): which annotations, which formats, where; runs in the background.

The window passes the choices it can offer ("All annotations", "Selected annotations",
"Annotations matching the filter" → lists of annotations) and the documents; the dialog builds the
report and writes the PDF/Markdown/HTML files on a `TaskRunner`, with progress and Cancel. Files
are written to a temporary name and renamed, so a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.annotations import Annotation
from reader.documents.model import Document
from reader.export import build_report, write_html, write_markdown, write_pdf
from reader.export.pdf import PAGE_SIZES
from reader.export.report import ORDERS
from reader.ui.tasks import Task, TaskRunner

FORMATS = {"pdf": ".pdf", "markdown": ".md", "html": ".html"}


def run_export(
    documents: Sequence[Document],
    annotations: Sequence[Annotation],
    options: dict[str, Any],
    progress: Callable[[float, str], None],
    abort: threading.Event,
) -> list[Path]:
    """Build the report and write every chosen format; return the paths written."""
    report = build_report(
        documents,
        annotations=annotations,
        analysis=options.get("analysis"),
        order=options["order"],
        title=options["title"] or "Annotated excerpts",
        scope=options["scope"],
    )
    base = Path(options["path"]).with_suffix("")
    written = []
    for kind in options["formats"]:
        target = base.with_suffix(FORMATS[kind])
        if kind == "pdf":
            write_pdf(report, target, options["page_size"], progress=progress, abort=abort)
        else:
            (write_markdown if kind == "markdown" else write_html)(report, target)
        written.append(target)
    return written


def _problem(options: dict[str, Any], chosen: list[Annotation]) -> str:
    """Why the export cannot start, or ""."""
    if not chosen:
        return "Nothing to export: no annotations in this choice."
    if not options["formats"]:
        return "Choose at least one format."
    if not options["path"]:
        return "Choose a file to export to."
    return ""


class ExportDialog(QDialog):
    """Choose what to export and where; the export runs on `runner`."""

    exported = Signal(list)  # the paths written

    def __init__(
        self,
        runner: TaskRunner,
        documents: Sequence[Document],
        choices: dict[str, list[Annotation]],
        analysis: Any = None,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export excerpts")
        self.runner, self.documents, self.choices, self.analysis = (
            runner,
            documents,
            choices,
            analysis,
        )
        self.task: Task | None = None
        self._build(folder or Path.home())

    def _build(self, folder: Path) -> None:
        self.scope = QComboBox(self)
        self.scope.setAccessibleName("What to export")
        self.set_choices(self.choices)
        self.title = QLineEdit("Annotated excerpts", self)
        self.formats = {
            kind: QCheckBox(kind.upper() if kind != "markdown" else "Markdown", self)
            for kind in FORMATS
        }
        self.formats["pdf"].setChecked(True)
        self.order = QComboBox(self)
        self.order.addItems([f"by {o}" for o in ORDERS])
        self.page_size = QComboBox(self)
        self.page_size.addItems([s.upper() if s == "a4" else s.title() for s in PAGE_SIZES])
        self.path = QLineEdit(str(folder / "excerpts.pdf"), self)
        self.path.setAccessibleName("Export to file")
        browse = QPushButton("Browse…", self)
        browse.clicked.connect(self._browse)
        self.progress = QProgressBar(self, textVisible=False)
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.export_button = QPushButton("Export", self, default=True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("Close", self)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self._lay_out(browse)

    def set_choices(self, choices: dict[str, list[Annotation]]) -> None:
        """Offer these annotation sets (e.g. again when the dialog is reopened)."""
        self.choices = choices
        self.scope.clear()
        for name, chosen in choices.items():
            self.scope.addItem(f"{name} ({len(chosen)})", name)

    def _lay_out(self, browse: QPushButton) -> None:
        formats = QHBoxLayout()
        for box in self.formats.values():
            formats.addWidget(box)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow("Export", self.scope)
        form.addRow("Title", self.title)
        form.addRow("Formats", formats)
        form.addRow("Order", self.order)
        form.addRow("Page size", self.page_size)
        form.addRow("File", where)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text(), "PDF (*.pdf)")
        if path:
            self.path.setText(path)

    def options(self) -> dict[str, Any]:
        """The choices made in the dialog."""
        name = self.scope.currentData()
        return {
            "choice": name,
            "scope": name.lower() if name else "",
            "title": self.title.text().strip(),
            "formats": [k for k, box in self.formats.items() if box.isChecked()],
            "order": ORDERS[self.order.currentIndex()],
            "page_size": list(PAGE_SIZES)[self.page_size.currentIndex()],
            "path": self.path.text().strip(),
            "analysis": self.analysis,
        }

    def start(self) -> None:
        """Start the export in the background (one at a time)."""
        options = self.options()
        chosen = self.choices.get(options["choice"], [])
        problem = _problem(options, chosen)
        if problem:
            self.status.setText(problem)
            return
        self.export_button.setEnabled(False)
        self.cancel_button.setText("Cancel")
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText("Exporting…")
        self.task = self.runner.submit(
            lambda progress, abort: run_export(self.documents, chosen, options, progress, abort),
            name="export",
            on_done=self._done,
            on_error=lambda error: self.status.setText(f"Export failed: {error}"),
            on_progress=lambda f, m: self.progress.setValue(int(f * 1000)),
            on_finished=self._finished,
        )

    def _done(self, paths: list[Path]) -> None:
        self.status.setText("Wrote " + ", ".join(str(p) for p in paths))
        self.exported.emit([str(p) for p in paths])

    def _finished(self) -> None:
        if self.task is not None and self.task.abort.is_set():
            self.status.setText("Export cancelled; no file was written.")
        self.task = None
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.cancel_button.setText("Close")

    def _cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.close()
