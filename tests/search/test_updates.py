"""Keeping the index in line with the documents: incremental updates, damage, versions, locks."""

import dataclasses
import gc
import sys
import threading
import tracemalloc
import weakref

import pytest
from whoosh import index as whoosh_index

from reader.documents import model
from reader.errors import IndexBusyError
from reader.search import SearchIndex, schema
from reader.search.indexing import INDEX_NAME, MANIFEST
from tests.search.conftest import make_doc


def corpus(n=12):
    return [
        make_doc(f"doc{i:02}", f"Article {i} about topic{i % 3} and harbour strike.")
        for i in range(n)
    ]


def index_files(folder):
    return sorted(p for p in folder.iterdir() if p.name != MANIFEST and "LOCK" not in p.name)


def test_first_update_adds_everything_then_nothing_changes(tmp_path):
    index = SearchIndex(tmp_path / "ix")
    docs = corpus()
    first = index.update(docs)
    assert sorted(first.added) == [d.id for d in docs]
    assert (first.updated, first.removed, first.rebuilt, first.message) == ([], [], False, "")
    again = index.update(docs)
    assert (again.added, again.updated, again.removed, again.rebuilt) == ([], [], [], False)
    assert index.search("harbour").total == len(docs)


def test_added_changed_and_removed_documents_only(tmp_path):
    index = SearchIndex(tmp_path / "ix")
    docs = corpus()
    index.update(docs)
    changed = dataclasses.replace(docs[3], body="Article 3 is now about a ferry crossing.")
    retitled = dataclasses.replace(docs[4], title="Ferry news")
    new = make_doc("doc99", "A brand new ferry timetable.")
    report = index.update([*docs[:3], changed, retitled, *docs[5:-1], new])
    assert report.added == ["doc99"]
    assert sorted(report.updated) == ["doc03", "doc04"]
    assert report.removed == [docs[-1].id]
    assert {h.doc for h in index.search("ferry").hits} == {"doc03", "doc04", "doc99"}
    assert index.search("harbour").total == len(docs) - 2
    assert docs[-1].id not in {h.doc for h in index.search("harbour", limit=50).hits}


def test_a_second_index_object_sees_updates_from_the_first(tmp_path):
    writer, reader = SearchIndex(tmp_path / "ix"), SearchIndex(tmp_path / "ix")
    writer.update(corpus())
    assert reader.search("harbour").total == 12
    writer.update(corpus(5))
    assert reader.search("harbour").total == 5


@pytest.mark.parametrize("damage", ["truncate", "delete_segment", "delete_toc", "delete_manifest"])
def test_damaged_index_is_rebuilt_with_a_message(tmp_path, damage):
    folder = tmp_path / "ix"
    docs = corpus()
    SearchIndex(folder).update(docs)
    files = index_files(folder)
    segment = max((p for p in files if not p.name.endswith(".toc")), key=lambda p: p.stat().st_size)
    if damage == "truncate":
        segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 2])
    elif damage == "delete_segment":
        segment.unlink()
    elif damage == "delete_toc":
        next(p for p in files if p.name.endswith(".toc")).unlink()
    else:
        (folder / MANIFEST).unlink()
    index = SearchIndex(folder)
    before = index.search("harbour")
    assert before.hits == []
    if damage != "delete_toc":  # without a table of contents there is simply no index yet
        assert "damaged" in before.error
    report = index.update(docs)
    assert report.rebuilt is True or damage == "delete_toc"
    assert sorted(report.added) == [d.id for d in docs]
    if report.rebuilt:
        assert report.message.startswith("The search index was rebuilt because")
    after = index.search("harbour")
    assert (after.total, after.error) == (len(docs), None)


def test_a_killed_writers_temporary_folder_does_not_stop_a_rebuild(tmp_path):
    folder = tmp_path / "ix"
    docs = corpus()
    SearchIndex(folder).update(docs)
    leftover = folder / "MAIN.tmp"  # what a writer killed mid-update leaves
    leftover.mkdir()
    (leftover / "run.tmp").write_bytes(b"half")
    (folder / MANIFEST).unlink()
    report = SearchIndex(folder).update(docs)
    assert report.rebuilt is True and sorted(report.added) == [d.id for d in docs]
    assert not leftover.exists()
    assert SearchIndex(folder).search("harbour").total == len(docs)


def test_damage_found_while_searching_is_repaired_by_the_next_update(tmp_path):
    folder = tmp_path / "ix"
    docs = corpus()
    index = SearchIndex(folder)
    index.update(docs)
    assert index.search("harbour").total == 12
    index.close()
    for path in index_files(folder):
        if not path.name.endswith(".toc"):
            path.write_bytes(b"\0" * 10)
    result = index.search("harbour")
    assert result.hits == [] and "damaged" in result.error
    report = index.update(docs)
    assert report.rebuilt and len(report.added) == 12
    assert index.search("harbour").total == 12


def test_a_version_change_rebuilds(tmp_path, monkeypatch):
    folder = tmp_path / "ix"
    docs = corpus()
    SearchIndex(folder).update(docs)
    monkeypatch.setattr(schema, "INDEX_VERSION", schema.INDEX_VERSION + "-next")
    index = SearchIndex(folder)
    report = index.update(docs)
    assert report.rebuilt
    assert "format changed" in report.message
    assert len(report.added) == 12
    assert index.update(docs).added == []


def test_a_writer_held_elsewhere_gives_a_busy_error(tmp_path):
    folder = tmp_path / "ix"
    docs = corpus()
    SearchIndex(folder).update(docs)
    other = whoosh_index.open_dir(str(folder), INDEX_NAME).writer()
    try:
        index = SearchIndex(folder, lock_timeout=0.2)
        with pytest.raises(IndexBusyError, match="busy"):
            index.update([*docs, make_doc("late", "late harbour news")])
        assert index.search("harbour").total == 12
    finally:
        other.cancel()
    assert SearchIndex(folder).update([*docs, make_doc("late", "late harbour")]).added == ["late"]


def test_progress_is_reported_and_abort_keeps_what_was_done(tmp_path):
    index = SearchIndex(tmp_path / "ix")
    docs = corpus(30)
    abort = threading.Event()
    seen = []

    def progress(fraction, message):
        seen.append((fraction, message))
        if fraction >= 0.3:
            abort.set()

    report = index.update(docs, progress=progress, abort=abort)
    assert 0 < len(report.added) < 30
    assert report.message.startswith(f"Indexing stopped after {len(report.added)} of 30")
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)
    assert "Indexing 1 of 30 documents" in seen[0][1]
    rest = index.update(docs, progress=lambda f, m: seen.append((f, m)))
    assert len(rest.added) == 30 - len(report.added)
    assert seen[-1] == (1.0, "Search index up to date")
    assert index.search("harbour").total == 30


def test_quotes_are_indexed_only_when_given(tmp_path, news, analysis):
    index = SearchIndex(tmp_path / "ix")
    index.update(news)
    assert index.search("speaker:lavrov").total == 0
    report = index.update(news, quotes=analysis)
    assert sorted(report.updated) == ["d1", "d3"]
    assert {h.doc for h in index.search("speaker:lavrov").hits} == {"d1"}


def test_a_document_that_cannot_be_indexed_is_skipped_and_reported(tmp_path):
    index = SearchIndex(tmp_path / "ix")
    docs = corpus(4)
    bad_body = make_doc("bad-body", "harbour strike \ud800 broken text")  # a lone surrogate
    bad_id = make_doc("caf\udce9.txt", "harbour strike")  # an undecodable file name's id
    report = index.update([docs[0], bad_body, *docs[1:], bad_id])
    assert sorted(report.added) == [d.id for d in docs]
    assert [doc_id for doc_id, _ in report.skipped] == ["bad-body", bad_id.id]
    assert all(
        "\n" not in reason and "UnicodeEncodeError" in reason for _, reason in report.skipped
    )
    assert sorted(h.doc for h in index.search("harbour").hits) == [d.id for d in docs]
    again = index.update([*docs, bad_body, bad_id])  # tried again, skipped again
    assert (again.added, [doc_id for doc_id, _ in again.skipped]) == ([], ["bad-body", bad_id.id])


def test_a_change_that_cannot_be_indexed_keeps_the_old_version(tmp_path):
    index = SearchIndex(tmp_path / "ix")
    docs = corpus(3)
    index.update(docs)
    broken = dataclasses.replace(docs[1], body="ferry \ud800", content_hash="changed")
    report = index.update([docs[0], broken, docs[2]])
    assert (report.updated, [doc_id for doc_id, _ in report.skipped]) == ([], [docs[1].id])
    assert docs[1].id in {h.doc for h in index.search("harbour").hits}
    fixed = dataclasses.replace(docs[1], body="ferry timetable", content_hash="fixed")
    assert index.update([docs[0], fixed, docs[2]]).updated == [docs[1].id]
    assert [h.doc for h in index.search("ferry").hits] == [docs[1].id]


def test_documents_changed_in_place_or_moved_are_seen_by_the_next_update(tmp_path):
    index = SearchIndex(tmp_path / "ix")
    docs = corpus()
    index.update(docs)
    docs[5].body += " A ferry crossing."  # the same object, edited
    assert index.update(docs).updated == [docs[5].id]
    docs[7].title = "Ferry news"
    assert index.update(docs).updated == [docs[7].id]
    assert {h.doc for h in index.search("ferry").hits} == {docs[5].id, docs[7].id}
    docs[2] = make_doc("doc50", "A ferry timetable.")  # another document in the same place
    report = index.update(docs)
    assert (report.added, report.updated, report.removed) == (["doc50"], [], ["doc02"])
    assert index.update(docs).updated == []


def test_a_change_by_another_index_object_is_undone_by_the_next_full_update(tmp_path):
    first, second = SearchIndex(tmp_path / "ix"), SearchIndex(tmp_path / "ix")
    docs = corpus()
    first.update(docs)
    first.update(docs)
    edited = dataclasses.replace(docs[3], body="Article 3 is now about a ferry crossing.")
    assert second.update([*docs[:3], edited, *docs[4:]]).updated == [docs[3].id]
    assert first.update(docs).updated == [docs[3].id]
    assert first.search("ferry").total == 0


def test_the_index_does_not_keep_a_replaced_library_alive(tmp_path):
    index = SearchIndex(tmp_path / "ix")
    docs = corpus()
    index.update(docs)
    first = weakref.ref(docs[0])
    docs = corpus()  # the library read again: equal documents, other objects
    assert index.update(docs).updated == []
    gc.collect()
    assert first() is None
    docs[4].body += " A ferry crossing."
    assert index.update(docs).updated == [docs[4].id]


class Body(str):
    """A body text that can be referred to weakly, to see whether anything keeps it alive."""


def test_the_text_of_a_library_read_again_is_not_kept(tmp_path):
    index = SearchIndex(tmp_path / "ix")

    def library():
        return [make_doc(f"doc{i:02}", Body(f"Article {i} about the harbour.")) for i in range(5)]

    docs = library()
    index.update(docs)
    old = [weakref.ref(d.body) for d in docs]
    docs = library()  # equal texts, other objects
    assert index.update(docs).updated == []
    gc.collect()
    assert [ref() for ref in old] == [None] * 5
    assert index.search("harbour").total == 5


def test_an_update_leaves_the_documents_text_as_it_was(tmp_path):
    # Pickling a str (as the stored fields are) keeps a UTF-8 copy inside it, for as long as it lives.
    docs = [dataclasses.replace(d, body=d.body + " Café “ouvert”.") for d in corpus()]
    sizes = [sys.getsizeof(d.body) for d in docs]
    index = SearchIndex(tmp_path / "ix")
    index.update(docs)
    assert [sys.getsizeof(d.body) for d in docs] == sizes
    assert {h.doc for h in index.search("ouvert", limit=100).hits} == {d.id for d in docs}


def test_an_update_keeps_no_decoded_copy_of_a_compactly_held_body(tmp_path):
    # a body beyond ASCII is held as UTF-8 and decoded when read: a copy kept per document
    # (say, in what the index remembers to tell a change) would undo that
    docs = [
        make_doc(f"doc{i:02}", f"Article {i}: “harbour” strike. " + "Café ouvert. " * 2000)
        for i in range(20)
    ]
    index = SearchIndex(tmp_path / "ix")
    tracemalloc.start()
    try:
        index.update(docs)
        gc.collect()
        kept = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, model.__file__)])
    finally:
        tracemalloc.stop()
    held = sum(stat.size for stat in kept.statistics("filename"))
    assert held < 2 * sys.getsizeof(docs[0].body)  # the one body decoded last, no more
    docs[3].body += " A ferry crossing."
    assert index.update(docs).updated == [docs[3].id]
