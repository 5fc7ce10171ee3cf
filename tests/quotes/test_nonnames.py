"""Capitalised words that never speak, on speaker strings and sentences written for them."""

from __future__ import annotations

import pytest

from reader.quotes.nonnames import speaker_or_none
from tests.quotes.test_attribution import analysed, by_text


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("Oregon", None),
        ("Facebook", None),
        ("EDT", None),
        ("Republican", None),
        ("Because Twitter", None),
        ("Had Dana Pirelli", "Dana Pirelli"),
        ("Nevada Democrat", "Nevada Democrat"),  # someone described, not a place
        ("Steve Israel", "Steve Israel"),  # a surname that is also a country
        ("Italian", None),  # a language: "said it in Italian"
        ("UK", None),
        ("One", None),  # "One driver at the depot told reporters"
        ("One Anna Berg", "Anna Berg"),
        ("Italy Smith", "Italy Smith"),
        ("Dana Pirelli", "Dana Pirelli"),
        (None, None),
    ],
)
def test_places_platforms_zones_and_lone_group_words_never_speak(
    given: str | None, kept: str | None
) -> None:
    assert speaker_or_none(given) == kept


def test_a_quotation_is_not_given_to_a_platform() -> None:
    quotes = analysed(
        "The senator kept quiet all day.",
        "\u201cWe are done waiting for the county to act,\u201d Facebook said in a banner.",
    )
    quote = by_text(quotes, "We are done")
    assert quote.speaker is None
    assert quote.attribution.endswith("-unsure")


def test_a_language_an_indefinite_number_word_and_a_place_never_speak() -> None:
    quotes = analysed(
        "Tomas Varga is gone. The man said it himself, in Portuguese and then in English: "
        "\u2018I cannot stay where I am not trusted.\u2019 Nobody believed him.",
        "One post on a large parenting forum, dated 3 May, reads: \u201cMine broke on the first "
        "day and nobody called back.\u201d",
        "One nurse at the Hallam ward, who asked that her name not be used, told the Gazette: "
        "\u201cWe were never asked about any of this.\u201d",
    )
    assert by_text(quotes, "I cannot stay").speaker in (None, "Tomas Varga")
    assert by_text(quotes, "Mine broke").speaker is None
    assert by_text(quotes, "We were never asked").speaker is None
