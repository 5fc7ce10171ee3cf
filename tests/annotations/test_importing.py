"""Importing other tools' annotation files onto a real library, and attaching what did not match."""

import json

import pytest

from reader.annotations import AnnotationStore, unattached
from reader.annotations.importing import attach, import_file, url_key
from reader.errors import StoreError
from tests.annotations.library import BUDGET_URL, by_name, data_file, make_library


@pytest.fixture
def setup(tmp_path):
    library, src = make_library(tmp_path)
    store = AnnotationStore(library.annotations_path)
    yield library, src, store
    store.close()


def placed_text(library, annotation):
    doc = next(d for d in library.documents() if d.id == annotation.doc)
    return doc.body[annotation.start : annotation.end]


def test_collection_from_another_producer_with_file_uris(setup, tmp_path):
    library, src, store = setup
    path = data_file(
        "w3c_other_producer.json", tmp_path / "in.json", FERRY_URI=(src / "ferry.txt").as_uri()
    )
    report = import_file(store, library, path)
    assert (report.format, report.added, report.errors, report.unattached) == (
        "W3C Web Annotation",
        2,
        [],
        [],
    )
    ferry = by_name(library, "ferry.txt")
    got = {a.id: a for a in store.list()}
    first = got["6a2f41a0-1b7c-4e44-9a21-0c1f0d3b5e01"]
    assert first.doc == ferry.id and first.note == "The vote itself"
    assert placed_text(library, first) == "voted on Wednesday to close the old ferry terminal"
    assert first.created == "2024-03-05T09:12:00Z"
    second = got["6a2f41a0-1b7c-4e44-9a21-0c1f0d3b5e02"]
    assert placed_text(library, second) == "deeply disappointed" and second.colour == "yellow"


def fill_selectors(library, src, tmp_path):
    budget = by_name(library, "budget.txt")
    start = budget.body.index("spending plans")
    return data_file(
        "w3c_selectors.json",
        tmp_path / "selectors.json",
        FERRY_URI=(src / "ferry.txt").as_uri(),
        BUDGET_PATH=budget.path,
        BUDGET_START=start,
        BUDGET_END=start + len("spending plans"),
    )


def test_every_way_of_naming_a_document_and_its_text(setup, tmp_path):
    library, src, store = setup
    report = import_file(store, library, fill_selectors(library, src, tmp_path))
    assert report.errors == [] and report.added == 4
    ferry, budget = by_name(library, "ferry.txt"), by_name(library, "budget.txt")
    placed = {a.note: (a.doc, placed_text(library, a), a.tags) for a in store.list()}
    assert placed == {
        "by URL, without an id": (budget.id, "forty million euros", ("budget",)),
        "no source: the quote is only in the ferry story": (ferry.id, "a century of service", ()),
        "positions only": (budget.id, "spending plans", ()),
        "a range between two quotes": (
            ferry.id,
            "We cannot keep pouring money into a building that is falling apart",
            (),
        ),
    }
    reasons = {u.item.note: u.reason for u in report.unattached}
    assert reasons.keys() == {
        "no source: this quote is in two stories",
        "a range in the page's markup",
        "a page the library does not hold",
    }
    assert "2 library documents" in reasons["no source: this quote is in two stories"]
    assert "markup" in reasons["a range in the page's markup"]
    assert "https://elsewhere.example.com/story" in reasons["a page the library does not hold"]
    assert {u.id for u in unattached.listed(store)} == {u.id for u in report.unattached}


def test_importing_the_same_files_again_changes_nothing(setup, tmp_path):
    library, src, store = setup
    files = [
        fill_selectors(library, src, tmp_path),
        data_file("hypothesis_search.json", tmp_path / "h.json"),
        data_file(
            "w3c_other_producer.json", tmp_path / "o.json", FERRY_URI=(src / "ferry.txt").as_uri()
        ),
    ]
    for path in files:
        import_file(store, library, path)
    before = (store.list(), unattached.listed(store), store.count())
    for path in files:
        again = import_file(store, library, path)
        assert (again.added, again.replaced, again.newly_unattached) == (0, 0, 0)
        assert again.unchanged > 0
    assert (store.list(), unattached.listed(store), store.count()) == before
    assert store.undo()  # the last step on the history is still the first import of o.json
    assert not any(a.id.startswith("6a2f41a0") for a in store.list())


def test_hypothesis_rows_as_a_search_result_and_as_a_list(setup, tmp_path):
    library, _src, store = setup
    path = data_file("hypothesis_search.json", tmp_path / "h.json")
    report = import_file(store, library, path)
    assert report.format == "Hypothesis" and report.added == 1 and report.errors == []
    (made,) = store.list()
    assert made.id == "Zq7cXh0nEe-7fQ2bW9m1dA" and made.doc == by_name(library, "budget.txt").id
    assert placed_text(library, made) == "forty million euros"
    assert (made.note, made.tags) == ("The headline number", ("budget", "money"))
    assert made.modified == "2024-04-02T18:24:55.117482+00:00"
    reasons = sorted(u.reason for u in report.unattached)
    assert len(reasons) == 2 and "page note" in reasons[0] and "unknown.example.org" in reasons[1]
    rows = json.loads(path.read_text(encoding="utf-8"))["rows"]
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps(rows), encoding="utf-8")
    fresh = AnnotationStore(tmp_path / "fresh.sqlite")
    again = import_file(fresh, library, listed)
    assert again.format == "Hypothesis" and [a.id for a in fresh.list()] == [made.id]
    fresh.close()


def test_an_unattached_annotation_is_attached_by_hand_and_undo_lists_it_again(setup, tmp_path):
    library, src, store = setup
    import_file(store, library, fill_selectors(library, src, tmp_path))
    loose = next(u for u in unattached.listed(store) if u.item.note.startswith("no source"))
    budget = by_name(library, "budget.txt")
    made = attach(store, loose.id[:8], budget)
    assert made.id == loose.id and placed_text(library, made) == "the town hall"
    assert made.doc == budget.id and loose.id not in {u.id for u in unattached.listed(store)}
    again = import_file(store, library, fill_selectors(library, src, tmp_path))
    assert loose.id not in {u.id for u in again.unattached} and again.added == 0
    assert store.find(loose.id) == made
    assert store.undo()
    assert loose.id in {u.id for u in unattached.listed(store)}
    page = next(u for u in unattached.listed(store) if "markup" in u.reason)
    with pytest.raises(StoreError, match="choose the passage"):
        attach(store, page.id, budget)
    start = budget.body.index("finance committee")
    placed = attach(store, page.id, budget, (start, start + len("finance committee")))
    assert placed_text(library, placed) == "finance committee"
    with pytest.raises(StoreError, match="no unattached"):
        attach(store, "nosuchid", budget)


def test_a_discarded_entry_stays_off_the_list_through_imports_until_restored(setup, tmp_path):
    library, src, store = setup
    path = fill_selectors(library, src, tmp_path)
    import_file(store, library, path)
    before = unattached.listed(store)
    gone = unattached.discard(store, before[0].id[:8])
    assert gone == before[0] and gone not in unattached.listed(store)
    again = import_file(store, library, path)
    assert (again.newly_unattached, again.discarded) == (0, 1)
    assert gone.id not in {u.id for u in again.unattached}
    assert [u.id for u in unattached.discarded(store)] == [gone.id]
    reopened = AnnotationStore(library.annotations_path)
    assert [u.id for u in unattached.listed(reopened)] == [u.id for u in before[1:]]
    reopened.close()
    unattached.restore(store, gone.id)
    assert [u.id for u in unattached.listed(store)] == [u.id for u in before]
    with pytest.raises(StoreError, match="no unattached"):
        unattached.discard(store, "nosuchid")


def test_urls_compare_without_scheme_www_fragment_slash_or_tracking():
    assert url_key("http://www.budget.example.net/2024/spending/?utm_source=x#top") == url_key(
        BUDGET_URL
    )
    assert url_key(BUDGET_URL + "?page=2") != url_key(BUDGET_URL)
    assert url_key("https://budget.example.net/2024/other") != url_key(BUDGET_URL)


@pytest.mark.parametrize(
    "content", ['{"type": "Something"}', '[{"title": "no uri"}]', "[]", '"text"']
)
def test_a_file_in_no_known_format_is_one_store_error(setup, tmp_path, content):
    library, _src, store = setup
    path = tmp_path / "in.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError, match="neither"):
        import_file(store, library, path)
