"""The SQLite annotation store: CRUD, filters, migrations, WAL, transactions, kills, undo."""

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.annotations import AnnotationStore
from reader.annotations.store import SCHEMA_VERSION
from reader.errors import StoreError

ROOT = Path(__file__).resolve().parents[2]


def span(doc, text):
    start = doc.body.index(text)
    return start, start + len(text)


def test_add_get_update_delete(tmp_path, article):
    doc = article()
    with AnnotationStore(tmp_path / "a.sqlite") as store:
        start, end = span(doc, "deeply disappointed")
        made = store.add(doc, start, end, note="reaction", tags=["harbour", " ferry ", "ferry"])
        assert made.exact == "deeply disappointed"
        assert made.prefix.endswith("they were “") and made.suffix.startswith("” by")
        assert made.tags == ("ferry", "harbour")
        assert store.get(made.id) == made
        changed = store.update(made.id, note="residents' reaction", colour="pink", tags=["x"])
        assert store.get(made.id) == changed
        assert (changed.note, changed.colour, changed.tags) == (
            "residents' reaction",
            "pink",
            ("x",),
        )
        store.delete(made.id)
        assert store.count() == 0
        with pytest.raises(StoreError):
            store.get(made.id)


def test_bad_ranges_and_fields_are_store_errors(tmp_path, article):
    doc = article()
    with AnnotationStore(tmp_path / "a.sqlite") as store:
        with pytest.raises(StoreError):
            store.add(doc, 5, 5)
        with pytest.raises(StoreError):
            store.add(doc, 0, len(doc.body) + 1)
        made = store.add(doc, 0, 8)
        with pytest.raises(StoreError, match="exact"):
            store.update(made.id, exact="other")


def test_list_filters(tmp_path, article):
    one, two = article(), article(name="other.txt")
    with AnnotationStore(tmp_path / "a.sqlite") as store:
        a = store.add(one, *span(one, "city council"), tags=["council"], colour="green")
        b = store.add(one, *span(one, "Tom Reed"), note="the councillor", tags=["people"])
        c = store.add(two, *span(two, "Олег Петров"), tags=["people"])
        assert [x.id for x in store.list(doc_id=one.id)] == [a.id, b.id]
        assert {x.id for x in store.list(tag="people")} == {b.id, c.id}
        assert [x.id for x in store.list(colour="green")] == [a.id]
        assert [x.id for x in store.list(text="COUNCILLOR")] == [b.id]
        assert [x.id for x in store.list(text="олег")] == [c.id]
        assert store.tags() == ["council", "people"]


def test_wal_mode_and_schema_version(tmp_path):
    with AnnotationStore(tmp_path / "a.sqlite") as store:
        assert store.journal_mode == "wal"
        assert store.schema_version == SCHEMA_VERSION == 4


def test_migrates_a_version_1_file_keeping_its_data(tmp_path):
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE annotations (id TEXT PRIMARY KEY, doc TEXT NOT NULL, start INTEGER NOT NULL,
            "end" INTEGER NOT NULL, exact TEXT NOT NULL, prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
            colour TEXT NOT NULL DEFAULT 'yellow', created TEXT NOT NULL, modified TEXT NOT NULL);
        CREATE TABLE tags (annotation TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            tag TEXT NOT NULL, PRIMARY KEY (annotation, tag));
        INSERT INTO annotations VALUES ('abc', 'doc1', 4, 9, 'hello', '', '', 'n', 'blue',
            '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00');
        INSERT INTO tags VALUES ('abc', 'greeting');
        PRAGMA user_version = 1;
        """
    )
    db.close()
    with AnnotationStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 4
        old = store.get("abc")
        assert (old.exact, old.colour, old.tags, old.source, old.orphaned) == (
            "hello",
            "blue",
            ("greeting",),
            "",
            False,
        )


def test_refuses_a_file_from_a_newer_version(tmp_path):
    path = tmp_path / "new.sqlite"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(StoreError, match="newer version"):
        AnnotationStore(path)


def test_not_a_database_is_one_store_error(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        AnnotationStore(path)


def test_transaction_rolls_back_on_error(tmp_path, article):
    doc = article()
    with AnnotationStore(tmp_path / "a.sqlite") as store:
        kept = store.add(doc, 0, 8)
        with pytest.raises(RuntimeError), store.transaction() as db:
            db.execute("DELETE FROM annotations WHERE id = :id", {"id": kept.id})
            raise RuntimeError("boom")
        assert store.get(kept.id) == kept
        with pytest.raises(StoreError), store.transaction() as db:
            db.execute("DELETE FROM annotations")
            db.execute("INSERT INTO nowhere VALUES (1)")
        assert store.count() == 1


def test_annotation_survives_sigkill_right_after_add(tmp_path, article):
    doc = article()
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from reader.annotations import AnnotationStore
        from reader.documents.loading import load_document
        doc = load_document(Path({doc.path!r}))
        store = AnnotationStore(Path({str(tmp_path / "k.sqlite")!r}))
        made = store.add(doc, 4, 16, note="killed")
        print(made.id, flush=True)
        sys.stdin.read()
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    made_id = child.stdout.readline().strip()
    child.kill()
    child.wait(timeout=30)
    assert child.returncode == -9
    with AnnotationStore(tmp_path / "k.sqlite") as store:
        assert store.get(made_id).note == "killed"


def test_undo_redo_of_add_update_delete(tmp_path, article):
    doc = article()
    heard = []
    with AnnotationStore(tmp_path / "a.sqlite") as store:
        store.subscribe(heard.append)
        assert not store.can_undo and not store.undo()
        made = store.add(doc, 0, 8, note="first")
        store.update(made.id, note="second")
        store.delete(made.id)
        assert store.undo() and store.get(made.id).note == "second"
        assert store.undo() and store.get(made.id).note == "first"
        assert store.undo() and store.count() == 0
        assert not store.can_undo and store.can_redo
        assert store.redo() and store.get(made.id).note == "first"
        assert store.redo() and store.get(made.id).note == "second"
        store.update(made.id, tags=["new"])  # a new edit clears the redo history
        assert not store.can_redo
        assert all(ids == [made.id] for ids in heard) and len(heard) == 9


def test_reanchor_moves_and_orphans(tmp_path, article):
    from tests.annotations.conftest import ARTICLE

    doc = article()
    with AnnotationStore(tmp_path / "a.sqlite") as store:
        moved = store.add(doc, *span(doc, "deeply disappointed"))
        lost = store.add(doc, *span(doc, "a ferry captain for thirty years"))
        edited = ARTICLE.replace("The city council voted", "After a long debate, the council voted")
        edited = edited.replace("a ferry captain for thirty years, ", "")
        doc = article(edited)
        report = store.reanchor(doc)
        assert report.moved == [moved.id] and report.orphaned == [lost.id]
        now = store.get(moved.id)
        assert doc.body[now.start : now.end] == "deeply disappointed"
        assert store.get(lost.id).orphaned
        assert [a.id for a in store.list(orphaned=True)] == [lost.id]
        assert store.anchor(store.get(lost.id), doc) is None
