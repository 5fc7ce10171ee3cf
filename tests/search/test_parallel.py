"""A large update built by worker processes gives the same index as one built in one process."""

import dataclasses

import pytest

from reader.search import SearchIndex, parallel
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
