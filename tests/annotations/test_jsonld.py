"""W3C Web Annotation JSON-LD: round trip through a file, and bad entries reported one by one."""

import json

import pytest

from reader.annotations import AnnotationStore, from_jsonld, read_jsonld, to_jsonld, write_jsonld
from reader.errors import StoreError


def test_round_trip_keeps_every_field(tmp_path, article):
    doc = article()
    store = AnnotationStore(tmp_path / "a.sqlite")
    start = doc.body.index("Олег Петров")
    store.add(
        doc, start, start + 11, note="captain — “quoted”", tags=["people", "ferry"], colour="blue"
    )
    start = doc.body.index("city council")
    store.add(doc, start, start + 12)
    written = store.list()
    write_jsonld(written, tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection" and data["total"] == 2
    item = data["first"]["items"][0]
    assert {s["type"] for s in item["target"]["selector"]} == {
        "TextQuoteSelector",
        "TextPositionSelector",
    }
    result = read_jsonld(tmp_path / "out.json")
    assert result.errors == []
    assert sorted(result.annotations, key=lambda a: a.id) == sorted(written, key=lambda a: a.id)
    other = AnnotationStore(tmp_path / "b.sqlite")
    assert other.put_many(result.annotations) == (2, 0)
    assert other.put_many(result.annotations) == (0, 2)
    assert sorted(other.list(), key=lambda a: a.id) == sorted(written, key=lambda a: a.id)


def test_bad_entries_are_reported_and_good_ones_kept(tmp_path, article):
    doc = article()
    store = AnnotationStore(tmp_path / "a.sqlite")
    store.add(doc, 0, 10)
    good = to_jsonld(store.list())["first"]["items"][0]
    no_selector = json.loads(json.dumps(good))
    no_selector["target"]["selector"] = []
    bad_position = json.loads(json.dumps(good))
    bad_position["target"]["selector"][1]["end"] = "ten"
    bad_colour = json.loads(json.dumps(good))
    bad_colour["target"]["styleClass"] = "chartreuse"
    bad_source = json.loads(json.dumps(good))
    bad_source["target"]["source"] = "http://example.com/page"
    collection = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": {
            "type": "AnnotationPage",
            "items": [no_selector, good, "junk", bad_position, bad_colour, bad_source],
        },
    }
    result = from_jsonld(collection)
    assert [a.id for a in result.annotations] == [store.list()[0].id]
    assert len(result.errors) == 5
    assert result.errors[0].startswith("entry 1: ") and "TextQuoteSelector" in result.errors[0]
    assert result.errors[1].startswith("entry 3: ")
    assert "TextPositionSelector" in result.errors[2]
    assert "colour" in result.errors[3] and "source" in result.errors[4]


@pytest.mark.parametrize("content", ["[not json", '{"type": "Something"}', '"text"'])
def test_unreadable_files_are_one_store_error(tmp_path, content):
    path = tmp_path / "in.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError):
        read_jsonld(path)


def test_store_export_and_import_methods(tmp_path, article):
    doc = article()
    store = AnnotationStore(tmp_path / "a.sqlite")
    store.add(doc, 0, 10, tags=["keep"])
    store.add(doc, 20, 30, tags=["other"])
    assert store.export_jsonld(tmp_path / "keep.json", tag="keep") == 1
    other = AnnotationStore(tmp_path / "b.sqlite")
    assert other.import_jsonld(tmp_path / "keep.json") == (1, 0, [])
    assert other.list() == store.list(tag="keep")
    assert other.undo() and other.count() == 0
