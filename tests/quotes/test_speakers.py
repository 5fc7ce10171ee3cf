"""One canonical name per person across the library."""

from __future__ import annotations

from reader.documents.model import Document
from reader.quotes.attribution import attribute
from reader.quotes.extraction import extract_quotes
from reader.quotes.model import Quote
from reader.quotes.speakers import (
    canonical_names,
    parse_speaker,
    same_first_name,
    same_surname,
    surname_key,
)


def quote(n: int, speaker: str | None, role: str = "", guess: str | None = None) -> Quote:
    return Quote(
        id=f"d{n}:0",
        doc=f"d{n}",
        start=0,
        end=4,
        text="text",
        speaker=speaker,
        role=role,
        speaker_guess=guess,
    )


def test_spellings_titles_and_bare_surnames_become_one_speaker() -> None:
    quotes = [
        quote(0, "Sergei Lavrov"),
        quote(1, "Sergey Lavrov"),
        quote(2, "Sergey Lavrov"),
        quote(3, "Lavrov"),
        quote(4, "Russian Foreign Minister Sergey Lavrov"),
        quote(5, "Mr. Lavrov"),
        quote(6, None, guess="Lavrov"),
    ]
    canonical_names(quotes)
    assert {q.speaker for q in quotes[:6]} == {"Sergey Lavrov"}
    assert quotes[4].role == "Russian Foreign Minister"
    assert quotes[6].speaker is None and quotes[6].speaker_guess == "Sergey Lavrov"


def test_a_surname_with_its_particle_is_a_bare_surname() -> None:
    quotes = [quote(0, "Honora van Deventer"), quote(1, "van Deventer"), quote(2, "Lia de Boer")]
    quotes += [quote(3, "Piet de Boer"), quote(4, "de Boer")]
    canonical_names(quotes)
    assert [q.speaker for q in quotes] == [
        "Honora van Deventer",
        "Honora van Deventer",
        "Lia de Boer",
        "Piet de Boer",
        "de Boer",  # two people named de Boer
    ]


def test_most_frequent_full_form_wins() -> None:
    quotes = [quote(0, "Volodymyr Zelensky"), quote(1, "Vladimir Zelensky")]
    quotes += [quote(2, "Volodymyr Zelenskyy"), quote(3, "Vladimir Zelensky")]
    canonical_names(quotes)
    assert [q.speaker for q in quotes] == ["Vladimir Zelensky"] * 4  # Zelenskyy: a doubled letter


def test_people_sharing_a_surname_stay_apart() -> None:
    quotes = [
        quote(0, "Joe Biden"),
        quote(1, "Hunter Biden"),
        quote(2, "Biden"),
        quote(3, "John Smith"),
        quote(4, "Joan Smith"),
    ]
    canonical_names(quotes)
    assert [q.speaker for q in quotes] == [
        "Joe Biden",
        "Hunter Biden",
        "Biden",  # two people named Biden: a bare surname is left as it is
        "John Smith",
        "Joan Smith",
    ]


def test_bare_surname_with_a_role_picks_the_person_given_that_role() -> None:
    quotes = [
        quote(0, "Helena Brandt", role="Mayor"),
        quote(1, "Marcus Brandt", role="chief executive"),
        quote(2, "Brandt", role="Mayor"),
        quote(3, "Brandt", role="the company's chief executive"),
    ]
    canonical_names(quotes)
    assert [q.speaker for q in quotes] == [
        "Helena Brandt",
        "Marcus Brandt",
        "Helena Brandt",
        "Marcus Brandt",
    ]


def test_organisations_keep_their_names() -> None:
    quotes = [quote(0, "White House"), quote(1, "NATO"), quote(2, "Kremlin")]
    canonical_names(quotes)
    assert [q.speaker for q in quotes] == ["White House", "NATO", "Kremlin"]


def test_first_names_and_speaker_strings() -> None:
    assert same_first_name("Sergei", "Sergey")
    assert same_first_name("Oleksandr", "Aleksandr")
    assert same_first_name("J.", "Jens")
    assert not same_first_name("Joe", "Jill")
    assert not same_first_name("Michael", "Michelle")
    assert parse_speaker("Kremlin spokesman Dmitry Peskov") == (
        "Dmitry Peskov",
        "Kremlin spokesman",
    )
    assert parse_speaker("Mr. Lavrov") == ("Lavrov", "")
    assert parse_speaker("Kestrel Fire and Rescue") == ("Kestrel Fire and Rescue", "")
    assert parse_speaker("Harbour and Dock Workers' Union") == (
        "Harbour and Dock Workers' Union",
        "",
    )


def test_library_of_articles_in_different_spellings() -> None:
    articles = [
        "Russian Foreign Minister Sergei Lavrov spoke in Moscow.\n\n"
        "\u201cThere is no positive reaction,\u201d Lavrov said.",
        "\u201cWe make nonverbal promises,\u201d Sergey Lavrov told reporters.",
        "\u201cThe door is open,\u201d said Foreign Minister Sergey Lavrov.",
        "Lavrov spoke again. \u201cWe will not rush,\u201d Lavrov added.",
    ]
    quotes: list[Quote] = []
    for n, body in enumerate(articles):
        doc = Document(id=f"d{n}", path=f"d{n}.txt", body=body)
        found = extract_quotes(doc)
        attribute(doc, found)
        quotes += found
    canonical_names(quotes)
    assert [q.speaker for q in quotes] == ["Sergey Lavrov"] * 4
    assert quotes[0].role == "Russian Foreign Minister"


def test_transliterated_names_are_one_person_and_different_surnames_stay_apart() -> None:
    names = ["Jewgenija Martschenko", "Evgenia Marchenko", "Yevgenia Marchenko"]
    names += ["Alexandre Voronine", "Aleksandr Voronin", "Alexander Woronin"]
    names += ["Evgenia Martens", "Alexandra Voronova", "Pavel Ivanov", "Pavel Ivanova"]
    quotes = [quote(n, name) for n, name in enumerate(names)]
    quotes.append(quote(len(names), "Woronin"))
    canonical_names(quotes)
    speakers = [q.speaker for q in quotes]
    assert len(set(speakers[:3])) == 1 and len(set(speakers[3:6])) == 1
    assert speakers[6:10] == names[6:10]
    assert speakers[10] == speakers[3]
    assert same_surname(surname_key("Schmidt"), surname_key("Schmitt"))
    assert not same_surname(surname_key("Heller"), surname_key("Keller"))
    assert same_first_name("Jelena", "Yelena") and not same_first_name("Jane", "Anne")
