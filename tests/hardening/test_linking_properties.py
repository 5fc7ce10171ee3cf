"""Quote pairs and groups of odd shapes through candidates, alignment, translation and linking.

Function-word-only halves, one-word quotes, repeated words, numbers, brackets, elisions and
censored words: the linker must never fail, every link must join two quotes of different
documents, and a quote carried word for word by another article must be linked to it.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.documents.model import Document
from reader.quotes import analyse
from reader.quotes.alignment import align, words
from reader.quotes.linking import link_quotes
from reader.quotes.model import Quote

FUNCTION = ["the", "of", "and", "to", "a", "in", "it", "is", "we", "not", "that", "will"]
CONTENT = ["sanctions", "pipeline", "minister", "ceasefire", "border", "troops", "budget"]
ODD = ["f***ing", "d**n", "f—ing", "[...]", "…", "(sic)", "[the]", "100", "3.5%", "2022", "—"]
vocabulary = st.sampled_from(FUNCTION + CONTENT + ODD)
texts = st.one_of(
    st.lists(st.sampled_from(FUNCTION), min_size=1, max_size=8),  # function words only
    st.lists(vocabulary, min_size=1, max_size=1),  # one word
    st.lists(vocabulary, min_size=2, max_size=25),
    st.lists(st.sampled_from(CONTENT), min_size=1, max_size=3).map(lambda w: w * 4),  # repeats
).map(" ".join)


def _quote(doc: str, number: int, text: str, speaker: str | None) -> Quote:
    return Quote(f"{doc}:{number}", doc, 0, len(text), text, speaker=speaker)


groups = st.lists(
    st.tuples(texts, st.sampled_from([None, "Anna Berg", "John Roe"])), min_size=1, max_size=12
)


@given(group=groups)
def test_the_linker_never_fails_and_links_only_across_documents(group):
    quotes = [_quote(f"d{n % 4}", n, text, speaker) for n, (text, speaker) in enumerate(group)]
    ids = {q.id: q for q in quotes}
    for link in link_quotes(quotes):
        assert link.a in ids and link.b in ids and link.a < link.b
        assert ids[link.a].doc != ids[link.b].doc
        assert 0.0 <= link.score <= 1.0


@given(text=texts, other=texts)
def test_a_quote_repeated_word_for_word_elsewhere_is_linked(text, other):
    content = [w for w in text.split() if w in CONTENT]
    quotes = [_quote("a", 0, text, None), _quote("b", 1, text, None), _quote("c", 2, other, None)]
    linked = {(link.a, link.b) for link in link_quotes(quotes)}
    if len(set(content)) >= 3:  # enough distinct content (two rare word pairs) to be a candidate
        assert ("a:0", "b:1") in linked


@given(a=texts, b=texts)
def test_alignment_keeps_every_word_of_both_sides_in_order(a, b):
    aligned = align(a, b)
    assert [w.a for w in aligned if w.a] == list(words(a).original)
    assert [w.b for w in aligned if w.b] == list(words(b).original)


@given(halves=st.tuples(texts, texts), speaker=st.sampled_from(["Anna Berg", "John Roe"]))
def test_split_quotes_with_empty_halves_are_analysed_like_any_other(halves, speaker):
    first, second = halves
    body = f"“{first},” {speaker} said. “{second}.”\n\n“{first} {second}.”"
    merged = f"“{first} {second},” {speaker} said."
    documents = [
        Document(id="d1", path="d1.txt", body=body),
        Document(id="d2", path="d2.txt", body=merged),
    ]
    analysis = analyse(documents)
    assert analysis.problems == []
    for quote in analysis.quotes:
        assert documents[0 if quote.doc == "d1" else 1].body[quote.start : quote.end] == quote.text
