"""The log file in the library's `logs/` folder: what went wrong, with tracebacks, for bug reports.

The window and the command line both write there; users see one line and where the details are.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

log = logging.getLogger("reader")

LOG_NAME = "source-reader.log"


class OneLineFormatter(logging.Formatter):
    """A record as one line, never with its traceback (that goes to the log file only)."""

    def format(self, record: logging.LogRecord) -> str:
        return "source-reader: " + " ".join(record.getMessage().split())


class QuietFileHandler(RotatingFileHandler):
    """A rotating log file that, when it cannot be written (a full disk), says so once, in a line.

    Python's handlers print a traceback to stderr for every record they fail to write.
    """

    def handleError(self, record: logging.LogRecord) -> None:
        if getattr(self, "_told", False):
            return
        self._told = True
        error = sys.exc_info()[1]
        reason = getattr(error, "strerror", None) or error
        sys.stderr.write(f"source-reader: cannot write the log {self.baseFilename}: {reason}\n")


def _without_traceback(record: logging.LogRecord) -> bool:
    """Records with a traceback are for the log file; the user is told in a line of their own."""
    return record.exc_info is None


def _own(record: logging.LogRecord) -> bool:
    """A record of the app's own loggers (a library's, such as the page reader's "discarding
    data: None", means nothing to a user: it goes to the log file only)."""
    return record.name == log.name or record.name.startswith(log.name + ".")


def _for_the_file(record: logging.LogRecord) -> bool:
    """The app's records from INFO up; the libraries' warnings and errors."""
    return _own(record) or record.levelno >= logging.WARNING


class _Stderr(logging.StreamHandler):
    """Writes to `sys.stderr` as it is when a record comes, not as it was when made (a caller
    running the command line in-process may swap or close its stream meanwhile)."""

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def setup_console(level: int = logging.WARNING) -> None:
    """Warnings and errors to stderr as one line each (the command line's console); the app's
    INFO records, which go to the log file, stay out of it."""
    handler = _Stderr()
    handler.setLevel(level)
    handler.setFormatter(OneLineFormatter())
    handler.addFilter(_without_traceback)
    handler.addFilter(_own)
    logging.basicConfig(level=level, handlers=[handler], force=True)


def setup_logging(logs_dir: Path) -> Path:
    """Send the app's log records (INFO and up) and the libraries' warnings to a rotating file
    in `logs_dir`."""
    path = logs_dir / LOG_NAME
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        try:
            logs_dir.mkdir(parents=True, exist_ok=True)
            handler = QuietFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        except OSError as error:
            log.warning("cannot write the log file %s: %s", path, error)
            return path
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(_for_the_file)
        root.addHandler(handler)
        log.setLevel(logging.INFO)
    return path
