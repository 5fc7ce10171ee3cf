"""Quote extraction on articles written for these tests, and on the five seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.documents.loading import load_document
from reader.documents.model import Document
from reader.quotes.extraction import extract_quotes
from reader.quotes.model import QuoteKind

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def make(*paragraphs: str, doc_id: str = "t") -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", body="\n\n".join(paragraphs))


def texts(doc: Document) -> list[str]:
    return [q.text for q in extract_quotes(doc)]


WIRE = make(
    "MOSCOW (Wire) - Talks ended without agreement on Friday.",
    "\u201cWe will not rush to conclusions,\u201d Minister Anna Petrova told reporters. "
    "\u201cThe papers are with the president.\u201d",
    "Officials called the offer \u201cfar apart\u201d from what was needed.",
    'Another outlet wrote: "There is no change," and moved on.',
)


def test_curly_and_straight_quotes_give_spans_that_slice_the_body() -> None:
    quotes = extract_quotes(WIRE)
    assert [q.text for q in quotes] == [
        "We will not rush to conclusions",
        "The papers are with the president.",
        "far apart",
        "There is no change",
    ]
    for n, q in enumerate(quotes):
        assert q.id == f"t:{n}" and q.doc == "t"
        assert WIRE.body[q.start : q.end] == q.text
        assert not q.uncertain


def test_short_scare_quote_inside_a_sentence_is_a_phrase() -> None:
    kinds = {q.text: q.kind for q in extract_quotes(WIRE)}
    assert kinds["far apart"] is QuoteKind.PHRASE
    assert kinds["We will not rush to conclusions"] is QuoteKind.QUOTE
    assert kinds["There is no change"] is QuoteKind.QUOTE  # after "wrote:", not a scare quote
    short = make(
        "\u201cNever,\u201d he said.", "She called it \u201cthe end of an era\u201d today."
    )
    assert [q.kind for q in extract_quotes(short)] == [QuoteKind.QUOTE, QuoteKind.PHRASE]


def test_british_single_quotes_and_apostrophes() -> None:
    doc = make(
        "\u2018We don\u2019t want a war with Russia\u2019s neighbours,\u2019 the minister said.",
        "\u2018The students\u2019 union is closed until the \u201990s ends,\u2019 she added.",
        "It was the students\u2019 choice and nobody\u2019s fault, said the dean.",
    )
    assert texts(doc) == [
        "We don\u2019t want a war with Russia\u2019s neighbours",
        "The students\u2019 union is closed until the \u201990s ends",
    ]


def test_straight_single_quotes_keep_contractions() -> None:
    doc = make("'We won't go back to the '90s,' she said. It's the voters' call.")
    assert texts(doc) == ["We won't go back to the '90s"]


def test_guillemets_low_high_and_reversed_marks() -> None:
    doc = make(
        "Le ministre a d\u00e9clar\u00e9 : \u00ab Nous ne c\u00e9derons pas \u00bb, selon l\u2019AFP.",
        "Der Sprecher sagte: \u00bbWir warten ab\u00ab und ging.",
        "\u201eWir werden nicht nachgeben\u201c, sagte Scholz.",
        "\u201eNie ust\u0105pimy\u201d \u2013 powiedzia\u0142 minister.",
        "Il a parl\u00e9 d\u2019un \u2039 simple malentendu \u203a hier.",
    )
    assert texts(doc) == [
        "Nous ne c\u00e9derons pas",
        "Wir warten ab",
        "Wir werden nicht nachgeben",
        "Nie ust\u0105pimy",
        "simple malentendu",
    ]


def test_quote_running_over_paragraphs_is_one_quote() -> None:
    doc = make(
        "\u201cThe first point is security. We said so in writing.",
        "\u201cThe second point is trade,\u201d the envoy said.",
        "Nothing else was agreed.",
    )
    [quote] = extract_quotes(doc)
    assert quote.text.startswith("The first point") and quote.text.endswith("is trade")
    assert "\n\n\u201cThe second" in quote.text
    assert doc.body[quote.start : quote.end] == quote.text and not quote.uncertain


def test_unclosed_quote_ends_with_its_paragraph_and_is_uncertain() -> None:
    doc = make("He said \u201cwe will never agree to this plan.", "Talks resume on Monday.")
    [quote] = extract_quotes(doc)
    assert quote.text == "we will never agree to this plan." and quote.uncertain


def test_orphan_closing_mark_is_recovered_to_its_sentence() -> None:
    doc = make("The talks went on all night. We will not give up our claim.\u201d Talks resume.")
    [quote] = extract_quotes(doc)
    assert quote.text == "We will not give up our claim." and quote.uncertain


def test_orphan_after_a_quote_recovers_the_continuation() -> None:
    doc = make(
        "\u201cThe president has read the answers,\u201d the aide told reporters on Monday. "
        "All papers are with him. We will not rush.\u201d",
    )
    quotes = extract_quotes(doc)
    assert [q.text for q in quotes] == [
        "The president has read the answers",
        "All papers are with him. We will not rush.",
    ]
    assert [q.uncertain for q in quotes] == [False, True]


def test_stray_closing_mark_after_an_attribution_is_dropped() -> None:
    doc = make("\u201cWe present written pledges,\u201d Ivanov explained.\u201d Then he left.")
    assert texts(doc) == ["We present written pledges"]


def test_a_nested_quote_stays_inside_the_outer_quote_and_is_a_quotation_of_its_own() -> None:
    doc = make(
        "\u201cHe told me \u2018never again\u2019 and walked out,\u201d she said.",
        "'She called it \"a farce\" on air,' he said.",
        "\u201cIt's the players' fault, isn't it?\u201d she said.",  # apostrophes quote nothing
    )
    assert texts(doc) == [
        "He told me \u2018never again\u2019 and walked out",
        "never again",
        'She called it "a farce" on air',
        "a farce",
        "It's the players' fault, isn't it?",
    ]


def test_a_straight_mark_and_a_curly_one_pair_up_unless_one_closes_a_nested_quote() -> None:
    doc = make(
        '"Two people have the experience to do that,\u201d said Rick Wilson, a strategist. '
        '"That is Bush and Rubio."',
        '\u201cIt is a long process," said Paul Lindsay. "Some will struggle.\u201d',
        '"He called it \u201cfake\u201d on air," she said.',
        '\u201cShe called it "a farce" on air,\u201d he said.',
    )
    assert texts(doc) == [
        "Two people have the experience to do that",
        "That is Bush and Rubio.",
        "It is a long process",
        "Some will struggle.",
        "He called it \u201cfake\u201d on air",
        "fake",
        'She called it "a farce" on air',
        "a farce",
    ]


def test_repeated_opening_mark_closes_a_quote_that_lost_its_closer() -> None:
    doc = make("\u201cWe are ready to talk. \u201cBut not under threat,\u201d he said.")
    quotes = extract_quotes(doc)
    assert [q.text for q in quotes] == ["We are ready to talk.", "But not under threat"]
    assert quotes[0].uncertain and not quotes[1].uncertain


@pytest.mark.parametrize(
    "body",
    [
        "",
        "\u201d\u201d\u201d\u201c\u201c",
        "\"\"\"''' \u00ab\u00bb\u2039\u203a\u201e",
        "\x00\x01\u201c\x02\n\n\x03\u201d\x1f",
        "a\u201d" * 5000,
        "\u201c" + "word " * 200_000,
        ("x" * 1_000_000) + "\u201d",
    ],
)
def test_never_raises_on_hostile_input(body: str) -> None:
    doc = Document(id="h", path="h.txt", body=body)
    for q in extract_quotes(doc):
        assert body[q.start : q.end] == q.text and q.text


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            [*"ab .,:\n'\"", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"]
        ),
        max_size=300,
    )
)
def test_spans_always_slice_the_body(body: str) -> None:
    doc = Document(id="p", path="p.txt", body=body)
    quotes = extract_quotes(doc)
    outer_end = 0  # quotations follow each other, or one lies inside the one before
    for n, q in enumerate(quotes):
        assert q.id == f"p:{n}" and body[q.start : q.end] == q.text and q.end > q.start
        if q.start < outer_end:
            assert q.end <= outer_end
        outer_end = max(outer_end, q.end)


def _inside_removed(doc: Document, offset: int) -> bool:
    raw = doc.raw_offset(offset)
    return any(r.raw_start <= raw < r.raw_end for r in doc.removed)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_articles(path: Path) -> None:
    doc = load_document(path)
    quotes = extract_quotes(doc)
    words = len(doc.body.split())
    assert 2 <= len(quotes) <= words // 15
    for q in quotes:
        assert doc.body[q.start : q.end] == q.text
        assert not _inside_removed(doc, q.start) and not _inside_removed(doc, q.end - 1)
    long_quotes = [q for q in quotes if q.kind is QuoteKind.QUOTE]
    assert long_quotes and all(len(q.text.split()) >= 3 for q in long_quotes)
    # every quotation mark that opens a quote in the body is accounted for
    opening = doc.body.count("\u201c")
    assert len(quotes) >= opening // 2


def test_embedded_post_is_one_quote_with_marks_left_inside() -> None:
    doc = make(
        "The minister posted on social media,",
        "Talks are over and the \u201croad map\u201d is dead. https://t.co/AbC123",
        "\u2014 Anna Petrova (@annapetrova) March 3, 2022",
        "She later deleted the post.",
    )
    [quote] = extract_quotes(doc)
    assert quote.text == "Talks are over and the \u201croad map\u201d is dead."
    assert quote.kind is QuoteKind.QUOTE and not quote.uncertain


def test_a_comment_section_header_is_no_quotation() -> None:
    doc = make(
        "The council voted the budget through.",
        '3 thoughts on "Council votes budget through"',
        "One response to \u201cFerry fares rise again\u201d",
        "\u201cA fine result,\u201d a reader wrote.",
    )
    assert texts(doc) == ["A fine result"]


def test_a_short_full_sentence_is_a_quote_and_a_few_embedded_words_a_phrase() -> None:
    doc = make(
        "The agency said \u201cWe never discuss rumours.\u201d",
        "A spokesman said \u201cNot on our watch\u201d and left.",
        "Critics called the plan \u201cfar too timid\u201d in the debate.",
        "The depot is \u201cNot Fit For Use\u201d according to its sign.",
    )
    kinds = [q.kind for q in extract_quotes(doc)]
    assert kinds == [QuoteKind.QUOTE, QuoteKind.QUOTE, QuoteKind.PHRASE, QuoteKind.PHRASE]


def test_single_guillemets_as_breadcrumb_separators_are_no_marks() -> None:
    found = texts(
        make(
            "NEWS \u203a POLITICS \u203a ELECTIONS",
            "Home \u2039 Sport \u2039 Football",
            "Mayor Tova Lind called the count \u2039 fair and final \u203a on Sunday.",
            "\u201cWe counted every ballot twice,\u201d Lind said.",
        )
    )
    assert found == ["fair and final", "We counted every ballot twice"]
