"""Capitalised words that never speak, on speaker strings and sentences written for them."""

from __future__ import annotations

import pytest

from reader.quotes.model import UNNAMED
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
        ("Britain Liu Xiaoming", "Liu Xiaoming"),  # "China's ambassador to Britain Liu Xiaoming"
        ("Ukraine Kurt Volker", "Kurt Volker"),
        ("Dana Pirelli", "Dana Pirelli"),
        ("Great Recession", None),  # an event: "In the depths of the Great Recession, Ryan"
        ("Patriot Act", None),
        ("Iowa Caucuses", None),
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
    assert by_text(quotes, "Mine broke").speaker == UNNAMED + "post"  # not "One"
    assert by_text(quotes, "We were never asked").speaker == UNNAMED + "nurse"  # not the ward


def test_group_words_and_the_end_of_a_body_s_name_never_speak() -> None:
    quotes = analysed(
        "Just last week, Ora Lind, editor at large of The Ledger, a newspaper catering to "
        "American Jews, wrote, \u201cWe should think of the old fight, not the new one.\u201d",
        "\u201cA staged device is likely beyond them,\u201d Ivo Marsh of the Hollin Center for "
        "Nonproliferation Studies wrote in December.",
        "But, he noted, \u201cit is a mistake to rule it out.\u201d",
    )
    assert by_text(quotes, "We should think").speaker == "Ora Lind"
    assert by_text(quotes, "it is a mistake").speaker == "Ivo Marsh"


def test_a_name_is_never_given_with_the_word_that_opened_its_sentence_or_a_country() -> None:
    quotes = analysed(
        "Unlike Ana Ruiz, who stayed home, most council members marched on Sunday.",
        "\u201cI will not march for a budget I voted against,\u201d Ruiz said on Monday.",
        "China\u2019s ambassador to Britain Liu Xiaoming rejected the charge.",
        "\u201cThese claims have no basis in fact,\u201d Liu said.",
    )
    assert by_text(quotes, "I will not march").speaker == "Ana Ruiz"
    assert by_text(quotes, "These claims").speaker == "Liu Xiaoming"
