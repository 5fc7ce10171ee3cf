"""People's corrections to the quote engine: a quote's speaker, and variant links split or joined.

Corrections live in `corrections.sqlite` in the library (WAL, synchronous=FULL, every change in
one transaction, undo and redo), so they survive a crash and every re-analysis. Each names its
quote by id *and* text: when a document changes so that the quote is no longer the same, the
correction no longer applies (it is kept, and applies again if the text comes back).

    store = CorrectionStore(library.root / "corrections.sqlite")
    store.set_speaker(quote, "Anna Berg"); store.unlink(a, b); store.link(a, c)
    analysis = apply_corrections(analysis, store.list())
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import StoreError
from reader.quotes.groups import build_groups
from reader.quotes.model import Link, LinkKind, Quote

if TYPE_CHECKING:
    from reader.quotes import QuoteAnalysis

SCHEMA = """
CREATE TABLE IF NOT EXISTS corrections (
    scope TEXT NOT NULL,        -- "speaker" or "link"
    quote TEXT NOT NULL,        -- quote id (for a link, the smaller of the two)
    other TEXT NOT NULL,        -- the other quote id of a link, "" for a speaker
    kind TEXT NOT NULL,         -- "speaker", "link" or "unlink"
    text TEXT NOT NULL,
    other_text TEXT NOT NULL,
    value TEXT NOT NULL,        -- the speaker's name ("" for unknown)
    PRIMARY KEY (scope, quote, other)
)
"""
SCHEMA_VERSION = 1
_COLUMNS = ("scope", "quote", "other", "kind", "text", "other_text", "value")


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction: a speaker set, or a link between two quotes made or split."""

    scope: str
    quote: str
    other: str
    kind: str
    text: str
    other_text: str
    value: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.scope, self.quote, self.other)


Change = tuple[tuple[str, str, str], Correction | None, Correction | None]  # key, before, after


class CorrectionStore:
    """Corrections in one SQLite file; safe to share between the threads of one process."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            for pragma in ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=5000"):
                self._db.execute(f"PRAGMA {pragma}")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path} was written by a newer version (schema {version})")
            with self._transaction() as db:
                db.execute(SCHEMA)
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except (sqlite3.Error, OSError) as error:
            raise StoreError(f"cannot open the corrections {self.path}: {error}") from None

    # -- changes ----------------------------------------------------------------------------------
    def set_speaker(self, quote: Quote, speaker: str) -> None:
        """Say who spoke `quote` ("" for unknown)."""
        self._change(Correction("speaker", quote.id, "", "speaker", quote.text, "", speaker))

    def link(self, a: Quote, b: Quote) -> None:
        """Say that `a` and `b` are variants of one utterance."""
        self._change(_pair("link", a, b))

    def unlink(self, a: Quote, b: Quote) -> None:
        """Say that `a` and `b` are not variants of one another."""
        self._change(_pair("unlink", a, b))

    def undo(self) -> bool:
        """Take back the last change; False when there is none."""
        with self._lock:
            if not self._undo:
                return False
            key, before, after = self._undo.pop()
            self._write(key, before)
            self._redo.append((key, before, after))
            return True

    def redo(self) -> bool:
        """Make the last undone change again; False when there is none."""
        with self._lock:
            if not self._redo:
                return False
            key, before, after = self._redo.pop()
            self._write(key, after)
            self._undo.append((key, before, after))
            return True

    def list(self) -> list[Correction]:
        with self._lock:
            rows = self._db.execute(f"SELECT {', '.join(_COLUMNS)} FROM corrections").fetchall()
        return [Correction(*row) for row in rows]

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- plumbing ---------------------------------------------------------------------------------
    def _change(self, correction: Correction) -> None:
        with self._lock:
            before = next((c for c in self.list() if c.key == correction.key), None)
            self._write(correction.key, correction)
            self._undo.append((correction.key, before, correction))
            self._redo.clear()

    def _write(self, key: tuple[str, str, str], row: Correction | None) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM corrections WHERE scope=? AND quote=? AND other=?", key)
            if row is not None:
                db.execute(
                    f"INSERT INTO corrections VALUES ({', '.join('?' * len(_COLUMNS))})",
                    tuple(getattr(row, name) for name in _COLUMNS),
                )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise StoreError(f"cannot save the correction: {error}") from None
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise


def _pair(kind: str, a: Quote, b: Quote) -> Correction:
    first, second = sorted((a, b), key=lambda q: q.id)
    return Correction("link", first.id, second.id, kind, first.text, second.text, "")


def apply_corrections(analysis: QuoteAnalysis, corrections: Sequence[Correction]) -> None:
    """Apply the corrections whose quotes are still there, in place; groups are rebuilt.

    A corrected quote is marked `corrected` (and so is each quote of a link made or split).
    """
    by_id = {q.id: q for q in analysis.quotes}

    def present(quote_id: str, text: str) -> Quote | None:
        quote = by_id.get(quote_id)
        return quote if quote is not None and quote.text == text else None

    links = {(link.a, link.b): link for link in analysis.links}
    for c in corrections:
        quote = present(c.quote, c.text)
        other = present(c.other, c.other_text) if c.scope == "link" else None
        if quote is None or (c.scope == "link" and other is None):
            continue
        if c.kind == "speaker":
            quote.speaker, quote.speaker_guess = c.value or None, None
            quote.attribution, quote.corrected = "corrected", True
            continue
        assert other is not None
        pair = (quote.id, other.id)
        if c.kind == "unlink":
            links.pop(pair, None)
        elif pair not in links:
            links[pair] = Link(*pair, 1.0, LinkKind.VARIANT)
        quote.corrected = other.corrected = True
    analysis.links[:] = sorted(links.values(), key=lambda link: (link.a, link.b))
    analysis.groups[:] = build_groups(analysis.quotes, analysis.links, analysis.documents)
    analysis.reindex()
