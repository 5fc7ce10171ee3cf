"""A large update built by worker processes gives the same index as one built in one process."""

import dataclasses
import sys

import pytest
from whoosh.index import EmptyIndexError

from reader.search import SearchIndex, parallel
from reader.search.indexing import INDEX_NAME
from tests.search.conftest import NEWS, make_doc

QUERIES = [
    "harbour",
    "strike minister",
    '"the minister said"',
    "title:ferry",
    "expan*",
    "date:2022-01-28",
    "harbour -ferry",
]
WORDS = ["harbour", "strike", "ferry", "minister", "expansion", "talks", "inflation"]


def corpus(n=40):
    docs = list(NEWS)
    for i in range(n):
        words = " ".join(WORDS[(i * k) % len(WORDS)] for k in range(1, 6))
        body = f"The minister said {words} on day {i}. Talks on the {WORDS[i % 7]} resume."
        docs.append(make_doc(f"g{i:03}", body, title=f"{WORDS[i % 5]} news {i}"))
    return docs


def answers(index):
    found = {}
    for query in QUERIES:
        result = index.search(query, limit=50)
        hits = sorted((h.doc, tuple(h.spans), tuple(h.snippets)) for h in result.hits)
        found[query] = (result.total, hits)
    return found


@pytest.fixture
def in_workers(monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 10)


def test_workers_build_the_same_index_as_one_process(tmp_path, monkeypatch):
    docs = corpus()
    alone = SearchIndex(tmp_path / "alone")
    alone.update(docs)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 10)
    shared = SearchIndex(tmp_path / "shared")
    report = shared.update(docs)
    assert sorted(report.added) == sorted(d.id for d in docs)
    assert answers(shared) == answers(alone)
    assert answers(shared)["harbour"][0] > 0


def test_an_index_built_by_workers_takes_small_updates(tmp_path, in_workers):
    docs = corpus()
    index = SearchIndex(tmp_path / "ix")
    index.update(docs)
    changed = dataclasses.replace(docs[5], body="A ferry timetable only.", content_hash="new")
    kept = [*docs[:5], changed, *docs[6:-1]]
    report = index.update(kept)
    assert (report.updated, report.removed) == ([changed.id], [docs[-1].id])
    assert changed.id in {h.doc for h in index.search("timetable").hits}
    assert docs[-1].id not in {h.doc for h in index.search("minister", limit=100).hits}
    assert index.search("minister").total == sum("minister" in d.body for d in kept)


def test_workers_replace_changed_documents_and_report_the_skipped(tmp_path, in_workers):
    docs = corpus()
    index = SearchIndex(tmp_path / "ix")
    index.update(docs)
    rewritten = [
        dataclasses.replace(d, body=d.body + " Correction.", content_hash=d.id + "2") for d in docs
    ]
    broken = make_doc("broken", "harbour \ud800")
    report = index.update([*rewritten, broken])
    assert sorted(report.updated) == sorted(d.id for d in docs)
    assert report.skipped and report.skipped[0][0] == "broken"
    assert index.search("correction").total == len(docs)
    assert index.search("harbour").total == answers(index)["harbour"][0]


def test_a_large_update_leaves_the_documents_text_as_it_was(tmp_path, in_workers):
    # Pickling a str keeps a UTF-8 copy inside it: the library's text would take twice its memory.
    docs = [dataclasses.replace(d, body=d.body + " Café “ouvert”.") for d in corpus()]
    sizes = [sys.getsizeof(d.body) for d in docs]
    index = SearchIndex(tmp_path / "ix")
    index.update(docs)
    assert [sys.getsizeof(d.body) for d in docs] == sizes
    assert index.search("café").total == len(docs)


def test_shares_are_written_in_the_index_folder_and_removed_when_an_update_fails(tmp_path):
    folder = tmp_path / "ix"
    index = SearchIndex(folder)
    index.update(NEWS[:1])
    stale = folder / f"{INDEX_NAME}{parallel.SCRATCH}killed"
    stale.mkdir()
    (stale / "share0").write_bytes(b"left by a killed update")
    seen = []

    def done(finished):
        seen.extend(p.name for p in folder.iterdir() if parallel.SCRATCH in p.name)
        return False

    changes = [(d, [], str(n)) for n, d in enumerate(corpus())]
    parallel.build_segments(str(folder), INDEX_NAME, changes, 2, done)
    assert seen and stale.name not in seen
    with pytest.raises(EmptyIndexError):  # the workers find no index of that name
        parallel.build_segments(str(folder), "NOT" + INDEX_NAME, changes, 2, done)
    assert not [p for p in folder.iterdir() if parallel.SCRATCH in p.name]
