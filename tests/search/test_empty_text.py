"""Documents whose fields analyse to no words at all must not break indexing or searching."""

import pytest

from reader.search import SearchIndex
from tests.search.conftest import FakeAnalysis, make_doc, quotes_for

# Each body gives the text analyzer nothing, or almost nothing, to index.
WORDLESS = {
    "empty": "",
    "punctuation": "!!! ... ,,, — … ;:",
    "emoji": "😀🎉🙈 👍🏽",
    "stopwords": "the of and to a in",
    "one word": "Referendum",
    "right to left": "שלום עולם مرحبا بالعالم",
    "empty quote": "<html><p>He said, “We will not go.”</p></html>",
    "only a quote mark": "“”",
}


@pytest.mark.parametrize("kind", sorted(WORDLESS))
def test_a_wordless_document_is_indexed_and_search_keeps_working(tmp_path, kind):
    body = WORDLESS[kind]
    odd = make_doc("odd", body, title=body, source=body, author=body)
    normal = make_doc("normal", "The harbour strike ended on Monday.", title="Strike")
    quotes = FakeAnalysis({"odd": quotes_for(odd, [(body, body)])} if body else {})
    index = SearchIndex(tmp_path / "ix")
    report = index.update([odd, normal], quotes=quotes)
    assert sorted(report.added) == ["normal", "odd"]
    assert [h.doc for h in index.search("harbour").hits] == ["normal"]
    assert [h.doc for h in index.search('"harbour strike"').hits] == ["normal"]
    for word in body.split()[:3]:
        assert index.search(word).error is None


@pytest.mark.parametrize(
    ("body", "query", "found"),
    [
        ("Referendum", "referendum", ["odd"]),
        ("Referendum", '"referendum"', ["odd"]),
        ("the of and to a in", '"of and"', ["odd"]),
        ("שלום עולם", "עולם", ["odd"]),
        ("<html><p>He said, “We will not go.”</p></html>", '"will not go"', ["odd"]),
        ("😀🎉🙈", "harbour", []),
    ],
)
def test_the_few_words_of_a_wordless_document_are_found(tmp_path, body, query, found):
    index = SearchIndex(tmp_path / "ix")
    index.update([make_doc("odd", body)])
    result = index.search(query)
    assert result.error is None
    assert [h.doc for h in result.hits] == found
    for hit in result.hits:
        assert all(body[a:b] for a, b in hit.spans)
