"""The unattached list: imported annotations that match no library document, kept as read.

Each entry keeps the `Incoming` record (as JSON) and the reason it could not be placed, in the
store's `unattached` table, under the id the annotation will have once attached. An entry whose id
is an annotation is attached and is not listed; undoing the attach lists it again. An entry
discarded by hand is kept, marked, out of the list: importing the same file again leaves it
there, and `restore` lists it again. Every change is one SQLite transaction.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from reader.annotations.incoming import Incoming
from reader.annotations.model import now_iso
from reader.annotations.store import AnnotationStore
from reader.errors import StoreError

_LISTED = """SELECT * FROM unattached WHERE discarded = ''
    AND id NOT IN (SELECT id FROM annotations)"""


@dataclass(slots=True, frozen=True)
class Unattached:
    """An imported annotation that no document took, and why."""

    id: str
    reason: str
    item: Incoming
    imported: str = ""


def keep(store: AnnotationStore, entries: list[Unattached]) -> list[Unattached]:
    """Add or refresh entries (attached and discarded ones are left alone); return those changed."""
    changed = []
    with store.transaction() as db:
        for entry in entries:
            data = json.dumps(entry.item.to_json(), sort_keys=True, ensure_ascii=False)
            if db.execute("SELECT 1 FROM annotations WHERE id = :id", {"id": entry.id}).fetchone():
                continue
            row = db.execute("SELECT * FROM unattached WHERE id = :id", {"id": entry.id}).fetchone()
            kept = row is not None and (row["reason"], row["entry"]) == (entry.reason, data)
            if kept or (row is not None and row["discarded"]):
                continue
            db.execute(
                """INSERT INTO unattached (id, reason, entry, imported)
                VALUES (:id, :reason, :entry, :imported)
                ON CONFLICT(id) DO UPDATE SET reason = :reason, entry = :entry""",
                {"id": entry.id, "reason": entry.reason, "entry": data, "imported": now_iso()},
            )
            changed.append(entry)
    return changed


def forget(store: AnnotationStore, ids: list[str]) -> None:
    """Drop the entries of these ids (an import placed them)."""
    with store.transaction() as db:
        db.executemany("DELETE FROM unattached WHERE id = :id", [{"id": i} for i in ids])


def discard(store: AnnotationStore, reference: str) -> Unattached:
    """Take a listed entry (id or unique prefix) off the list; it stays stored, marked."""
    entry = get(store, reference)
    with store.transaction() as db:
        db.execute(
            "UPDATE unattached SET discarded = :now WHERE id = :id",
            {"now": now_iso(), "id": entry.id},
        )
    return entry


def restore(store: AnnotationStore, entry_id: str) -> None:
    """List a discarded entry again."""
    with store.transaction() as db:
        db.execute("UPDATE unattached SET discarded = '' WHERE id = :id", {"id": entry_id})


def discarded(store: AnnotationStore) -> list[Unattached]:
    """The entries discarded by hand, oldest import first."""
    with store.transaction() as db:
        rows = db.execute(
            "SELECT * FROM unattached WHERE discarded != '' ORDER BY imported, id"
        ).fetchall()
    return [_entry(row) for row in rows]


def listed(store: AnnotationStore) -> list[Unattached]:
    """Every entry not attached yet, oldest import first."""
    with store.transaction() as db:
        rows = db.execute(f"{_LISTED} ORDER BY imported, id").fetchall()
    return [_entry(row) for row in rows]


def get(store: AnnotationStore, reference: str) -> Unattached:
    """The listed entry with this id or unique id prefix; StoreError otherwise."""
    matches = [u for u in listed(store) if u.id == reference or u.id.startswith(reference)]
    exact = [u for u in matches if u.id == reference]
    if len(exact or matches) != 1:
        problem = "no" if not matches else f"{len(matches)}"
        raise StoreError(f"{problem} unattached annotations with id {reference}")
    return (exact or matches)[0]


def _entry(row: sqlite3.Row) -> Unattached:
    return Unattached(
        id=row["id"],
        reason=row["reason"],
        item=Incoming.from_json(json.loads(row["entry"])),
        imported=row["imported"],
    )
