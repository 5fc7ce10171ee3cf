"""Export, then import into a fresh library: the same annotations on the same text."""

import pytest

from reader.annotations import AnnotationStore, write_jsonld
from reader.annotations.hypothesis import write_hypothesis
from reader.annotations.importing import import_file
from tests.annotations.library import by_name, make_library


def annotate(library, store):
    ferry, budget = by_name(library, "ferry.txt"), by_name(library, "budget.txt")
    for doc, text, note, tags in (
        (ferry, "the old ferry terminal", "first of two", ["ferry"]),
        (ferry, "deeply disappointed", "residents", ["people", "mood"]),
        (budget, "forty million euros", "", ["money"]),
        (budget, "the town hall", "the critics' place", []),
    ):
        start = doc.body.index(text)
        store.add(doc, start, start + len(text), note=note, tags=tags, colour="green")


def anchored(library, store):
    """Each annotation as what a reader sees: document file, text, note, tags."""
    docs = {d.id: d for d in library.documents()}
    return sorted(
        (
            docs[a.doc].path.rsplit("/", 1)[-1],
            docs[a.doc].body[a.start : a.end],
            a.exact,
            a.note,
            a.tags,
        )
        for a in store.list()
    )


@pytest.mark.parametrize("kind", ["w3c", "hypothesis"])
@pytest.mark.parametrize("urls", [True, False], ids=["with URLs", "files only"])
def test_export_then_import_into_a_fresh_library(tmp_path, kind, urls):
    library, _ = make_library(tmp_path / "one", seed_urls=urls)
    out = tmp_path / "out.json"
    with AnnotationStore(library.annotations_path) as store:
        annotate(library, store)
        expected = anchored(library, store)
        if kind == "w3c":
            write_jsonld(store.list(), out)
        else:
            write_hypothesis(store.list(), library.documents(), out)
    fresh, _ = make_library(tmp_path / "two", seed_urls=urls)
    with AnnotationStore(fresh.annotations_path) as store:
        report = import_file(store, fresh, out)
        assert (report.added, report.unattached, report.errors) == (4, [], [])
        assert anchored(fresh, store) == expected
        assert import_file(store, fresh, out).unchanged == 4
