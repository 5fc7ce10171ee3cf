"""The one-pass body analysis gives exactly the postings of the Whoosh analyzer it replaces."""

import pytest

from reader.search import schema

TEXTS = [
    "The minister said the main issue was security. Officials analysed the proposal.",
    "“We will not rush,” Sergei Lavrov said on 27.01.2022 at 9.25 — U.S. officials* agreed.",
    "Naïve café owners in Zürich, Łódź and İstanbul; שלום עולם; مرحبا; 東京 2022 😀 ok_ok",
    "Referendum",
    "the the the of the",
    "",
    "!!! 😀🎉 …",
]


def whoosh_postings(field, text):
    return sorted(field.index(text))


@pytest.mark.parametrize("text", TEXTS)
def test_body_postings_match_the_whoosh_analyzer(text):
    fields = schema.build_schema()
    body = schema.analyse_body(text)
    assert sorted(body.postings) == whoosh_postings(fields[schema.BODY], text)


def test_a_prepared_field_indexes_text_and_ready_made_postings_alike():
    field = schema.build_schema()[schema.BODY]
    text = TEXTS[0]
    assert sorted(field.index(schema.analyse_body(text))) == whoosh_postings(field, text)
