"""A per-document cache of extracted and attributed quotes.

One pickle per document in the cache folder, keyed by the document's id, its clean text and the
version of the code that extracts and attributes quotes (a hash of those modules' sources), so a
changed document or changed code is re-extracted and everything else is read back. Files are
written atomically; an unreadable or stale file is simply recomputed.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import pickle
from collections.abc import Iterable
from pathlib import Path

from reader.documents.model import Document
from reader.fsutil import atomic_writer
from reader.quotes.model import Quote
from reader.quotes.ranker import MODEL_FILE
from reader.resources import resource_path
from reader.versioning import version_key

log = logging.getLogger(__name__)

# Modules of this package that do not change what is extracted from one document.
_NOT_EXTRACTION = {
    "__init__.py",
    "alignment.py",
    "cache.py",
    "groups.py",
    "linking.py",
    "ranker_training.py",
}
SUFFIX = ".quotes.pickle"


def code_version() -> str:
    """Changes with the app's version, with the code that reads, extracts or attributes, and
    with the speaker ranker's weights."""
    model = resource_path(MODEL_FILE)
    weights = hashlib.sha1(model.read_bytes()).hexdigest() if model else ""
    return version_key("documents", "quotes", exclude=_NOT_EXTRACTION, extra=weights)


class QuoteCache:
    """Extraction results per document, in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.version = code_version()

    def key(self, document: Document) -> str:
        """What the cached answer for `document` depends on."""
        digest = hashlib.sha1(f"{self.version}\0{document.id}\0".encode())
        digest.update(document.body.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, document: Document) -> list[Quote] | None:
        """The cached quotes of `document`, or None when absent or stale."""
        try:
            with open(self._path(document.id), "rb") as handle:
                key, quotes = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
            return None
        if key != self.key(document):
            return None
        return list(quotes)

    def put(self, document: Document, quotes: list[Quote]) -> None:
        """Remember the quotes of `document` (a failure to write is logged, not raised)."""
        try:
            with atomic_writer(self._path(document.id)) as handle:
                pickle.dump((self.key(document), quotes), handle, pickle.HIGHEST_PROTOCOL)
        except OSError as error:
            log.warning("could not cache the quotes of %s: %s", document.path, error)

    def prune(self, keep: Iterable[str]) -> int:
        """Delete the entries of documents not in `keep` (ids); return how many went."""
        wanted = {f"{doc_id}{SUFFIX}" for doc_id in keep}
        removed = 0
        for path in self.folder.glob(f"*{SUFFIX}"):
            if path.name not in wanted:
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
        return removed

    def _path(self, doc_id: str) -> Path:
        return self.folder / f"{doc_id}{SUFFIX}"
