"""Fixtures: the sample articles loaded from tmp_path, and annotations on them."""

import pytest

from reader.documents.loading import load_document
from tests.export.samples import ARTICLES, annotate


@pytest.fixture
def documents(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    docs = []
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        docs.append(load_document(folder / name))
    return docs


@pytest.fixture
def annotations(documents):
    gazette, courier, wire = documents
    return [
        annotate(
            gazette, "deeply disappointed", note="Residents’ reaction — strong", tags=["reaction"]
        ),
        annotate(
            gazette,
            "We cannot keep pouring money into a building",
            note="Key quote",
            tags=["quote"],
            colour="green",
        ),
        annotate(courier, "The vote was seven to two.", tags=["vote"]),
        annotate(wire, "sold to developers next year", note="Check with the council"),
    ]
