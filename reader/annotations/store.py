"""The annotation store: one SQLite file in the library (`annotations.sqlite`).

The schema is versioned with `PRAGMA user_version` and upgraded step by step on open (`MIGRATIONS`).
The database runs in WAL mode with full sync, and every change happens inside `transaction()`, so
an annotation whose `add()` returned survives a crash or a kill. Edits made through the store
(add, update, delete, import) go on an undo history that the window drives with `undo()`/`redo()`;
listeners registered with `subscribe()` hear the ids changed by every write.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.annotations.anchoring import anchor, make_selector
from reader.annotations.jsonld import read_jsonld, write_jsonld
from reader.annotations.model import (
    COLOURS,
    Annotation,
    new_annotation,
    normalise_tags,
    now_iso,
)
from reader.documents.model import Document
from reader.errors import StoreError

__all__ = [  # the record lives in model.py; older code imports it from here
    "COLOURS",
    "Annotation",
    "AnnotationStore",
    "ReanchorReport",
    "new_annotation",
    "normalise_tags",
    "now_iso",
]

HISTORY_LIMIT = 200
EDITABLE = frozenset({"note", "tags", "colour"})

MIGRATIONS: list[list[str]] = [
    [  # 0 -> 1
        """CREATE TABLE annotations (
            id TEXT PRIMARY KEY, doc TEXT NOT NULL, start INTEGER NOT NULL,
            "end" INTEGER NOT NULL, exact TEXT NOT NULL, prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
            colour TEXT NOT NULL DEFAULT 'yellow', created TEXT NOT NULL,
            modified TEXT NOT NULL)""",
        """CREATE TABLE tags (
            annotation TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            tag TEXT NOT NULL, PRIMARY KEY (annotation, tag))""",
    ],
    [  # 1 -> 2: remember the document's path/URL, mark orphans, index the filters
        "ALTER TABLE annotations ADD COLUMN source TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE annotations ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX annotations_doc ON annotations(doc)",
        "CREATE INDEX tags_tag ON tags(tag)",
    ],
    [  # 2 -> 3: imported annotations that match no document, kept as read (unattached.py)
        """CREATE TABLE unattached (
            id TEXT PRIMARY KEY, reason TEXT NOT NULL, entry TEXT NOT NULL,
            imported TEXT NOT NULL)""",
    ],
    [  # 3 -> 4: an entry discarded by hand stays out of the list (and of later imports)
        "ALTER TABLE unattached ADD COLUMN discarded TEXT NOT NULL DEFAULT ''",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)

_SELECT = """SELECT a.*, (SELECT json_group_array(tag) FROM
    (SELECT tag FROM tags WHERE annotation = a.id ORDER BY tag)) AS tag_list
    FROM annotations AS a"""


Changes = list[tuple[Annotation | None, Annotation | None]]  # (before, after); None: absent


@dataclass(slots=True)
class ReanchorReport:
    """What `reanchor` did for one document: annotations moved, and those now orphaned."""

    moved: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)


class AnnotationStore:
    """Annotations in one SQLite file; safe to share between threads of one process."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._undo: list[Changes] = []
        self._redo: list[Changes] = []
        self._listeners: list[Callable[[list[str]], None]] = []
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.row_factory = sqlite3.Row
            self._db.create_function("fold", 1, _fold, deterministic=True)
            for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
                self._db.execute(f"PRAGMA {pragma}")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._migrate()
        except (sqlite3.Error, OSError) as error:
            raise StoreError(f"cannot open annotation store {self.path}: {error}") from None

    # -- plumbing -------------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block in one write transaction: committed on success, rolled back on error."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise StoreError(f"annotation store busy or unwritable: {error}") from None
            try:
                yield self._db
            except sqlite3.Error as error:
                self._db.execute("ROLLBACK")
                raise StoreError(f"cannot save annotations: {error}") from None
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                self._db.execute("ROLLBACK")
                raise StoreError(f"cannot save annotations: {error}") from None

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer version (schema {version})")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self.transaction() as db:
                for statement in MIGRATIONS[target - 1]:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {int(target)}")

    @property
    def schema_version(self) -> int:
        """The schema version of the open file."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @property
    def journal_mode(self) -> str:
        """SQLite's journal mode for this file ("wal")."""
        return str(self._db.execute("PRAGMA journal_mode").fetchone()[0])

    def close(self) -> None:
        """Close the database file."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def subscribe(self, listener: Callable[[list[str]], None]) -> None:
        """Call `listener(ids)` after every write with the ids of the annotations it changed."""
        self._listeners.append(listener)

    def _notify(self, ids: list[str]) -> None:
        for listener in list(self._listeners):
            listener(ids)

    # -- reading --------------------------------------------------------------------------------
    def get(self, annotation_id: str) -> Annotation:
        """The annotation with this id; StoreError when there is none."""
        with self._lock:
            row = self._db.execute(f"{_SELECT} WHERE a.id = :id", {"id": annotation_id}).fetchone()
        if row is None:
            raise StoreError(f"no annotation with id {annotation_id}")
        return _from_row(row)

    def list(
        self,
        doc_id: str | None = None,
        tag: str | None = None,
        colour: str | None = None,
        text: str | None = None,
        orphaned: bool | None = None,
    ) -> list[Annotation]:
        """Annotations matching every filter given, by document then position.

        `text` matches the annotated text or the note, ignoring case.
        """
        clauses: list[str] = []
        params: dict[str, object] = {}
        if doc_id is not None:
            clauses.append("a.doc = :doc")
            params["doc"] = doc_id
        if tag is not None:
            clauses.append("EXISTS (SELECT 1 FROM tags WHERE annotation = a.id AND tag = :tag)")
            params["tag"] = tag
        if colour is not None:
            clauses.append("a.colour = :colour")
            params["colour"] = colour
        if text:
            clauses.append("(instr(fold(a.exact), :text) > 0 OR instr(fold(a.note), :text) > 0)")
            params["text"] = text.casefold()
        if orphaned is not None:
            clauses.append("a.orphaned = :orphaned")
            params["orphaned"] = int(orphaned)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._lock:
            rows = self._db.execute(f"{_SELECT}{where} ORDER BY a.doc, a.start, a.id", params)
            return [_from_row(row) for row in rows]

    def tags(self) -> builtins.list[str]:
        """Every tag in use, sorted."""
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT DISTINCT tag FROM tags ORDER BY tag")]

    def count(self) -> int:
        """How many annotations are stored."""
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM annotations").fetchone()[0])

    # -- editing (undoable) -----------------------------------------------------------------------
    def add(
        self,
        doc: Document,
        start: int,
        end: int,
        note: str = "",
        tags: Iterable[str] = (),
        colour: str = "yellow",
    ) -> Annotation:
        """Annotate `doc.body[start:end]`; StoreError for an empty or out-of-range selection."""
        try:
            annotation = new_annotation(doc, start, end, note, tags, colour)
        except ValueError as error:
            raise StoreError(f"cannot annotate {doc.id}: {error}") from None
        self._apply(lambda: [(None, annotation)])
        return annotation

    def update(self, annotation_id: str, **fields: object) -> Annotation:
        """Change the note, tags or colour of an annotation (one transaction reads and writes)."""
        unknown = set(fields) - EDITABLE
        if unknown:
            raise StoreError(f"cannot edit {', '.join(sorted(unknown))} of an annotation")
        if "tags" in fields:
            fields["tags"] = normalise_tags(fields["tags"])  # type: ignore[arg-type]

        def edit() -> Changes:
            before = self.get(annotation_id)
            return [(before, dataclasses.replace(before, **fields, modified=now_iso()))]  # type: ignore[arg-type]

        after = self._apply(edit)[0][1]
        assert after is not None
        return after

    def delete(self, annotation_id: str) -> None:
        """Remove an annotation (undo brings it back)."""
        self._apply(lambda: [(self.get(annotation_id), None)])

    def put_many(self, annotations: Iterable[Annotation]) -> tuple[int, int]:
        """Store annotations as given (import): return (added, replaced); one undo step."""
        chosen = builtins.list(annotations)

        def replace() -> Changes:
            return [(self.find(a.id), a) for a in chosen]

        changes = self._apply(replace)
        added = sum(1 for before, _ in changes if before is None)
        return added, len(changes) - added

    def find(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, or None."""
        try:
            return self.get(annotation_id)
        except StoreError:
            return None

    def _apply(self, make: Callable[[], Changes]) -> Changes:
        """Compute changes from the rows as they are and write them in one transaction; undoable.

        Reading inside the write transaction means no other writer (thread or process) can change
        a row between the read and the write, so an edit never overwrites one made meanwhile.
        """
        with self.transaction() as db:
            changes = make()
            ids = _save_changes(db, changes)
        if changes:
            self._undo = [*self._undo, changes][-HISTORY_LIMIT:]
            self._redo.clear()
            self._notify(ids)
        return changes

    def _write(self, changes: Changes) -> None:
        """Make each `before` state into its `after` state (None: absent) in one transaction."""
        with self.transaction() as db:
            ids = _save_changes(db, changes)
        self._notify(ids)

    # -- undo -----------------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone edit to redo."""
        return bool(self._redo)

    def undo(self) -> bool:
        """Revert the last edit; False when there is nothing to undo."""
        if not self._undo:
            return False
        changes = self._undo.pop()
        inverse = [(after, before) for before, after in reversed(changes)]
        self._write(inverse)
        self._redo.append(changes)
        return True

    def redo(self) -> bool:
        """Apply the last undone edit again; False when there is nothing to redo."""
        if not self._redo:
            return False
        changes = self._redo.pop()
        self._write(changes)
        self._undo.append(changes)
        return True

    # -- W3C JSON-LD ----------------------------------------------------------------------------
    def export_jsonld(self, path: Path, **filters: Any) -> int:
        """Write the annotations matching `filters` (as `list`) to a JSON-LD file; the count."""
        chosen = self.list(**filters)
        write_jsonld(chosen, path)
        return len(chosen)

    def import_jsonld(self, path: Path) -> tuple[int, int, builtins.list[str]]:
        """Read a JSON-LD file: (added, replaced, one message per rejected entry)."""
        result = read_jsonld(path)
        added, replaced = self.put_many(result.annotations)
        return added, replaced, result.errors

    # -- anchoring ------------------------------------------------------------------------------
    @staticmethod
    def anchor(annotation: Annotation, doc: Document) -> tuple[int, int] | None:
        """Where the annotation lies in `doc.body` now, or None when it cannot be placed."""
        found = anchor(annotation.selector, doc.body)
        return None if found is None else (found.start, found.end)

    def reanchor(self, doc: Document) -> ReanchorReport:
        """Find every annotation of `doc` again in its current text; save moves and orphans.

        Anchoring runs outside any transaction (it can be slow); each result is then written as a
        compare-and-set of the anchor columns alone, so a note, tag or colour edited meanwhile
        is kept, and an annotation moved or deleted meanwhile is left as the other writer left it.
        """
        moves: list[tuple[Annotation, Annotation]] = []
        for annotation in self.list(doc_id=doc.id):
            found = anchor(annotation.selector, doc.body)
            if found is None:
                moves.append((annotation, dataclasses.replace(annotation, orphaned=True)))
                continue
            selector = make_selector(doc.body, found.start, found.end)
            placed = dataclasses.replace(
                annotation,
                start=found.start,
                end=found.end,
                exact=selector.exact,
                prefix=selector.prefix,
                suffix=selector.suffix,
                orphaned=False,
            )
            moves.append((annotation, placed))
        return self._move(moves)

    def _move(self, moves: builtins.list[tuple[Annotation, Annotation]]) -> ReanchorReport:
        """Write the new anchors of annotations whose anchor is still the one read."""
        report, ids = ReanchorReport(), []
        with self.transaction() as db:
            for before, after in moves:
                if _anchor_of(before) != _anchor_of(after):
                    old = {f"old_{k}": v for k, v in _anchor_of(before).items()}
                    values = _anchor_of(after) | old
                    if db.execute(_MOVE, values).rowcount == 0:
                        continue  # moved, re-anchored or deleted by another writer meanwhile
                    ids.append(after.id)
                if after.orphaned:
                    report.orphaned.append(after.id)
                elif before.orphaned or (before.start, before.end) != (after.start, after.end):
                    report.moved.append(after.id)
        if ids:
            self._notify(ids)
        return report


_ANCHOR = ("start", "end", "exact", "prefix", "suffix", "orphaned")
_MOVE = """UPDATE annotations SET start = :start, "end" = :end, exact = :exact, prefix = :prefix,
    suffix = :suffix, orphaned = :orphaned
    WHERE id = :id AND start = :old_start AND "end" = :old_end AND exact = :old_exact
    AND prefix = :old_prefix AND suffix = :old_suffix AND orphaned = :old_orphaned"""


def _anchor_of(a: Annotation) -> dict[str, object]:
    """The columns that place an annotation in its document (with its id)."""
    values: dict[str, object] = {k: getattr(a, k) for k in _ANCHOR}
    values["orphaned"] = int(a.orphaned)
    return {"id": a.id, **values}


def _save_changes(db: sqlite3.Connection, changes: Changes) -> builtins.list[str]:
    """Write each `after` state (deleting where it is None); the ids written."""
    ids: builtins.list[str] = []
    for before, after in changes:
        if after is not None:
            _save(db, after)
            ids.append(after.id)
        elif before is not None:
            db.execute("DELETE FROM annotations WHERE id = :id", {"id": before.id})
            ids.append(before.id)
    return ids


def _fold(text: str | None) -> str:
    """Case folding for any script (SQLite's lower() only knows ASCII)."""
    return (text or "").casefold()


def _save(db: sqlite3.Connection, a: Annotation) -> None:
    values = dataclasses.asdict(a)
    values["orphaned"] = int(a.orphaned)
    del values["tags"]
    db.execute(
        """INSERT INTO annotations (id, doc, start, "end", exact, prefix, suffix, note, colour,
            source, orphaned, created, modified)
        VALUES (:id, :doc, :start, :end, :exact, :prefix, :suffix, :note, :colour, :source,
            :orphaned, :created, :modified)
        ON CONFLICT(id) DO UPDATE SET doc = :doc, start = :start, "end" = :end, exact = :exact,
            prefix = :prefix, suffix = :suffix, note = :note, colour = :colour, source = :source,
            orphaned = :orphaned, created = :created, modified = :modified""",
        values,
    )
    db.execute("DELETE FROM tags WHERE annotation = :id", {"id": a.id})
    db.executemany(
        "INSERT INTO tags (annotation, tag) VALUES (:id, :tag)",
        [{"id": a.id, "tag": tag} for tag in a.tags],
    )


def _from_row(row: sqlite3.Row) -> Annotation:
    return Annotation(
        id=row["id"],
        doc=row["doc"],
        start=row["start"],
        end=row["end"],
        exact=row["exact"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        note=row["note"],
        tags=tuple(json.loads(row["tag_list"] or "[]")),
        colour=row["colour"],
        source=row["source"],
        orphaned=bool(row["orphaned"]),
        created=row["created"],
        modified=row["modified"],
    )
