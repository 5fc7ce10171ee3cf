"""The exceptions the core raises.

Every error a user can meet derives from `ReaderError` and carries a one-line message meant for
people; the command line prints it, the window shows it in the status bar. Errors from Whoosh,
sqlite3 and the file system are wrapped at the boundary of the module that calls them.

    ReaderError
    ├── DocumentError        a file could not be read as a document (missing, binary, too large…)
    ├── LibraryError         the library folder or its data cannot be used
    ├── IndexBusyError       another process holds the search index writer
    ├── StoreError           the annotation store cannot be read or written
    └── ExportError          an export could not be built or written
"""

from __future__ import annotations


class ReaderError(Exception):
    """Base of every error the core raises on purpose; `str(error)` is a one-line message."""


class DocumentError(ReaderError):
    """A file could not be read as a document."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class LibraryError(ReaderError):
    """The library folder or its data cannot be used."""


class IndexBusyError(ReaderError):
    """Another process holds the search index writer for too long."""


class StoreError(ReaderError):
    """The annotation store cannot be read or written."""


class ExportError(ReaderError):
    """An export could not be built or written."""
