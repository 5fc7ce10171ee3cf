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
