"""Property tests: quote extraction, attribution, alignment and queries on arbitrary input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.documents.model import Document
from reader.quotes.alignment import align, words
from reader.quotes.attribution import attribute
from reader.quotes.extraction import extract_quotes
from reader.search import SearchIndex

MARKS = "\"'“”‘’«»‹›„‚"
WORDS = ["said", "Lavrov", "he", "she", "told", "reporters", "the", "minister", "added", "We"]
fragments = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
    st.sampled_from(list(MARKS)),
    st.sampled_from(WORDS),
    st.sampled_from([" ", ", ", ". ", ":\n", "\n\n", "\u200f", "\u0301", "\x00"]),
)
bodies = st.lists(fragments, max_size=60).map("".join)
quick = settings(max_examples=200, deadline=None)


def _document(body: str) -> Document:
    return Document(id="d0", path="d0.txt", body=body)


@quick
@given(body=bodies)
def test_quotes_and_speakers_of_any_text_hold_their_offsets(body):
    document = _document(body)
    quotes = extract_quotes(document)
    attribute(document, quotes)
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(body)
        assert quote.text == body[quote.start : quote.end]
    again = extract_quotes(document)
    attribute(document, again)
    assert [(q.start, q.end, q.speaker, q.kind) for q in quotes] == [
        (q.start, q.end, q.speaker, q.kind) for q in again
    ]


@quick
@given(a=bodies, b=bodies)
def test_an_alignment_keeps_every_word_of_both_sides_in_order(a, b):
    alignment = align(a, b)
    assert {w.op for w in alignment} <= {"same", "changed", "added", "removed"}
    assert [w.a for w in alignment if w.op != "added"] == list(words(a).original)
    assert [w.b for w in alignment if w.op != "removed"] == list(words(b).original)


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("index")
    bodies_ = ["Talks resume in Geneva on Monday.", "The minister said “no deal” twice."]
    documents = [Document(id=f"d{i}", path=f"d{i}.txt", body=b) for i, b in enumerate(bodies_)]
    search_index = SearchIndex(folder)
    search_index.update(documents)
    yield search_index, {d.id: d.body for d in documents}
    search_index.close()


query_parts = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ['"', "(", ")", "OR", "NOT", "-", "*", "title:", "date:", "after:", "..", "speaker:", ":"]
    ),
    st.sampled_from(["talks", "minister", "deal", "2022-01-28", "in:quotes", "geneva"]),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=st.lists(query_parts, max_size=8))
def test_any_query_is_answered_without_raising(index, parts):
    search_index, texts = index
    result = search_index.search(" ".join(parts))
    assert result.error or result.total >= len(result.hits)
    for hit in result.hits:
        for start, end in hit.spans:
            assert 0 <= start < end <= len(texts[hit.doc])
