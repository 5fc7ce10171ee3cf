"""The status bar: the library's size, background jobs with progress and Cancel, and errors.

Errors and documents left out of a stage show one line with a "Details" button; the details
name every document and its reason, never a traceback (that goes to the log).
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from reader.ui.palette import Dialogs
from reader.ui.views.details import DetailsDialog
from reader.ui.workspace import WorkspaceJobs
from reader.workspace import Problem

JOB_NAMES = {
    "load": "Reading documents",
    "quotes": "Finding quotes",
    "index": "Indexing",
    "import": "Importing",
    "reanchor": "Placing annotations",
}
STAGE_NAMES = {
    "read": "could not be read",
    "quotes": "not analysed for quotes",
    "index": "not searchable",
    "export": "left out of the export",
}


PROGRESS_MS = 100  # how often the status bar shows a job's progress


class JobStatus(QObject):
    """Owns the status bar's permanent widgets and what they say."""

    def __init__(
        self, bar: QStatusBar, workspace: WorkspaceJobs, dialogs: Dialogs, window: QWidget
    ) -> None:
        super().__init__(window)
        self.bar, self.workspace, self.dialogs, self.window = bar, workspace, dialogs, window
        self.size_label = QLabel(window)
        self.job_label = QLabel(window)
        self.progress = QProgressBar(window, textVisible=False)
        self.progress.setMaximumWidth(160)
        self.progress.setRange(0, 1000)
        self.cancel_button = QPushButton("Cancel", window)
        self.cancel_button.setAccessibleName("Cancel background work")
        self.cancel_button.clicked.connect(self.cancel_work)
        self.details_button = QPushButton("Details", window)
        self.details_button.clicked.connect(self.show_last_details)
        for widget in (self.job_label, self.progress, self.cancel_button, self.details_button):
            widget.hide()
        for widget in (self.details_button, self.job_label, self.progress, self.cancel_button):
            bar.addPermanentWidget(widget)
        bar.addPermanentWidget(self.size_label)
        self._details = ""
        self._started: dict[str, float] = {}  # job → when its progress was first reported
        self._pending: dict[str, tuple[float, str]] = {}  # job → latest (fraction, message)
        self._shower = QTimer(self, singleShot=True, interval=PROGRESS_MS)
        self._shower.timeout.connect(self._show_progress)
        workspace.progress.connect(self._job_progress)
        workspace.jobEnded.connect(self._job_ended)
        workspace.failed.connect(self.show_error)
        workspace.importFinished.connect(self._import_finished)
        workspace.problemsFound.connect(self._problems_found)
        workspace.documentsLoaded.connect(self._count)

    def say(self, text: str, msecs: int = 6000) -> None:
        self.bar.showMessage(text, msecs)

    def show_error(self, line: str, details: str = "") -> None:
        """One line in the status bar; "Details" shows more without a traceback."""
        self.bar.showMessage(line, 15000)
        self._details = details or line
        self.details_button.show()

    def show_details(self, title: str, text: str) -> None:
        dialog = self.dialogs.open("details", lambda: DetailsDialog(self.window))
        dialog.set_text(title, text)  # type: ignore[attr-defined]

    # -- actions -----------------------------------------------------------------------------------
    def cancel_work(self) -> None:
        self.workspace.cancel()
        self.say("Cancelled.", 4000)

    def show_last_details(self) -> None:
        self.show_details("Details", self._details or "No problems so far.")

    # -- workspace events --------------------------------------------------------------------------
    def _count(self) -> None:
        ws = self.workspace
        unreadable = len(ws.problems("read"))
        failed = f", {unreadable} unreadable" if unreadable else ""
        self.size_label.setText(f"{len(ws.documents)} documents{failed}")

    def _job_progress(self, job: str, fraction: float, message: str) -> None:
        """Keep the job's latest progress; the status bar shows it at most every PROGRESS_MS
        (a big import reports thousands of steps, each a relayout of the bar)."""
        self._started.setdefault(job, time.monotonic())
        self._pending[job] = (fraction, message)
        if not self._shower.isActive():
            self._shower.start()

    def _show_progress(self) -> None:
        for job, (fraction, message) in self._pending.items():
            name = JOB_NAMES.get(job, job)
            left = remaining(time.monotonic() - self._started[job], fraction)
            text = f"{name}: {message}" if message else name
            self.job_label.setText(f"{text} ({left})" if left else text)
            self.progress.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        if self._pending:
            for widget in (self.job_label, self.progress, self.cancel_button):
                widget.show()
        self._pending.clear()

    def _job_ended(self, job: str) -> None:
        self._started.pop(job, None)
        self._pending.pop(job, None)
        if not self.workspace.busy():
            for widget in (self.job_label, self.progress, self.cancel_button):
                widget.hide()

    def _problems_found(self, stage: str, problems: list[Problem]) -> None:
        what = STAGE_NAMES.get(stage, stage)
        count = f"{len(problems)} document{'s' * (len(problems) != 1)}"
        lines = "\n".join(f"{p.path or p.doc}: {p.reason}" for p in problems)
        self.show_error(f"{count} {what}; the rest are fine", f"Documents {what}:\n{lines}")

    def _import_finished(self, report: Any) -> None:
        summary = (
            f"Imported: {len(report.added)} new, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged"
        )
        if report.errors:
            lines = "\n".join(str(e) for e in report.errors)
            self.show_error(
                f"{summary}; {len(report.errors)} failed", f"Files not imported:\n{lines}"
            )
        else:
            self.say(summary, 8000)


def remaining(elapsed: float, fraction: float) -> str:
    """A rough time left ("about 2 min left"), once there is enough to go on ("" before)."""
    if elapsed < 2.0 or not 0.02 <= fraction < 1.0:
        return ""
    seconds = elapsed * (1.0 - fraction) / fraction
    if seconds < 60:
        return f"about {max(5, round(seconds / 5) * 5)} s left"
    return f"about {round(seconds / 60)} min left"
