"""Unhandled errors: log the traceback to a file in the library, show the user one line.

`ErrorReporter.install()` replaces `sys.excepthook` and `threading.excepthook`; the window
connects `reported` to its status bar. The traceback stays in `logs/source-reader.log`.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal

from reader.logfile import setup_logging

log = logging.getLogger("reader.ui")


class ErrorReporter(QObject):
    """Catches what nobody else handled; emits `reported(one line)` for the status bar."""

    reported = Signal(str)

    def __init__(self, logs_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = setup_logging(logs_dir)
        self.last: str = ""  # the last one-line message with its time, for "Details"
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(
            args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
        )

    def uninstall(self) -> None:
        sys.excepthook = self._previous
        threading.excepthook = threading.__excepthook__

    def handle(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        """Log the full traceback; tell the user what failed in one line."""
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, tb)
            return
        log.error("unhandled error\n%s", "".join(traceback.format_exception(kind, error, tb)))
        line = f"Something went wrong: {kind.__name__}: {error}".splitlines()[0][:200]
        self.last = f"{datetime.now():%H:%M:%S} {line}"
        self.reported.emit(line)

    def details(self) -> str:
        """What the "Details" button shows: the message and where the full report is."""
        if not self.last:
            return "No error so far."
        return f"{self.last}\n\nThe full report is in {self.log_path}"
