"""Small corpora built in tmp_path for the search tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from reader.documents.model import Document
from reader.quotes.model import Quote
from reader.search import SearchIndex


def make_doc(
    doc_id: str,
    body: str,
    title: str = "",
    source: str = "",
    author: str = "",
    published: datetime | None = None,
) -> Document:
    """A document as the loader would give it."""
    return Document(
        id=doc_id,
        path=f"/news/{doc_id}.txt",
        title=title,
        source=source,
        author=author,
        published=published,
        body=body,
        content_hash=doc_id + str(hash(body)),
    )


@dataclass
class FakeAnalysis:
    """Stands in for reader.quotes.QuoteAnalysis: only quotes_of() is used by the index."""

    by_doc: dict[str, list[Quote]]

    def quotes_of(self, doc_id: str) -> list[Quote]:
        return self.by_doc.get(doc_id, [])


def quotes_for(doc: Document, spans: list[tuple[str, str | None]]) -> list[Quote]:
    """Quote objects for the given (text, speaker) pairs found in the document's body."""
    found = []
    for n, (text, speaker) in enumerate(spans):
        start = doc.body.index(text)
        found.append(
            Quote(f"{doc.id}:{n}", doc.id, start, start + len(text), text, speaker=speaker)
        )
    return found


NEWS = [
    make_doc(
        "d1",
        "The minister said the main issue was security. Officials analysed the proposal "
        "for weeks. “We will not rush,” Sergei Lavrov said.",
        title="Lavrov says main issue ignored",
        source="Daily Planet",
        author="Lois Lane",
        published=datetime(2022, 1, 27, 9, 25),
    ),
    make_doc(
        "d2",
        "The issue is the main one, a spokesman said, and talks will resume. Analysts expect "
        "expansion of the alliance to dominate.",
        title="Talks to resume",
        source="CNN",
        author="Jake Tapper",
        published=datetime(2022, 1, 28),
    ),
    make_doc(
        "d3",
        "Markets fell sharply. “The main issue is inflation,” Janet Yellen said. Traders "
        "analyse every word of the central bank.",
        title="Markets fall on inflation fears",
        source="Daily Planet",
        author="Clark Kent",
        published=datetime(2022, 1, 29, 18, 0),
    ),
    make_doc(
        "d4",
        "An undated note about <b>bold</b> claims & other things: expanding markets.",
        title="Undated note",
        source="Blog",
    ),
]


@pytest.fixture
def news() -> list[Document]:
    return list(NEWS)


@pytest.fixture
def analysis(news: list[Document]) -> FakeAnalysis:
    by_id = {d.id: d for d in news}
    return FakeAnalysis(
        {
            "d1": quotes_for(by_id["d1"], [("We will not rush,", "Sergei Lavrov")]),
            "d3": quotes_for(by_id["d3"], [("The main issue is inflation,", "Janet Yellen")]),
        }
    )


@pytest.fixture
def index(tmp_path: Path, news: list[Document], analysis: FakeAnalysis) -> SearchIndex:
    search_index = SearchIndex(tmp_path / "index")
    search_index.update(news, quotes=analysis)
    yield search_index
    search_index.close()
