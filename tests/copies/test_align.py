"""The alignment rules on sentences written for them: abbreviations, attributions, rewording."""

from __future__ import annotations

from reader.copies.align import frequencies, match_units, passages, weights
from reader.copies.units import units_of

ORIGINAL = (
    "The harbour authority closed the northern pier on Friday after divers found cracks in "
    "three of its concrete pillars. Ferries to the islands will sail from the southern quay "
    "until the repairs are finished, which engineers expect to take about six weeks. Fishing "
    "boats may still unload their catch at the pier before dawn, under the watch of a "
    "harbour warden. The authority promised to publish the divers' full report next month."
)
# A machine translation there and back: words swapped for near synonyms, clauses moved, the
# second sentence cut in two, the third and fourth joined into one.
ROUNDTRIP = (
    "After divers discovered cracks in three of its concrete pillars, the harbour authority "
    "shut the northern pier on Friday. Ferries for the islands will leave from the southern "
    "quay. This lasts until the repairs are completed, which engineers anticipate will need "
    "around six weeks. Fishing vessels may still unload their catches at the pier before "
    "sunrise under supervision of a harbour guard, and the authority pledged to release the "
    "complete report of the divers next month."
)
UNRELATED = (
    "The city council approved a new cycle lane along the river embankment on Tuesday. "
    "Residents of the old town had asked for safer routes to the schools for years. "
    "Work on the lane will begin in the spring and should be finished before the summer."
)


def _texts(a: str, b: str) -> list[list[str]]:
    units = [units_of(a, []), units_of(b, []), units_of(UNRELATED, [])]
    weight = weights(*frequencies(units))
    matches = match_units(units[0], units[1], weight)
    return [
        [a[units[0][i].start : units[0][i].end], b[units[1][j].start : units[1][j].end]]
        for i, j in matches
    ]


def test_a_round_trip_translation_matches_sentence_by_sentence():
    matched = _texts(ORIGINAL, ROUNDTRIP)
    originals = {a for a, _ in matched}
    assert len(originals) == 4  # every sentence of the original found
    # the cut sentence matches both halves, the joined one both originals
    assert len({b for _, b in matched}) == 4
    assert any(b.startswith("Ferries") for a, b in matched if a.startswith("Ferries"))
    assert any(b.startswith("This lasts") for a, b in matched if a.startswith("Ferries"))


def test_matches_of_a_copy_in_order_make_one_passage():
    a, b = units_of(ORIGINAL, []), units_of(ROUNDTRIP, [])
    weight = weights(*frequencies([a, b, units_of(UNRELATED, [])]))
    found = passages(a, b, match_units(a, b, weight))
    assert [(p.a, p.b) for p in found] == [((0, len(ORIGINAL)), (0, len(ROUNDTRIP)))]


def test_unrelated_sentences_do_not_match():
    assert _texts(ORIGINAL, UNRELATED) == []


def test_an_abbreviation_does_not_end_a_sentence():
    body = "The U.S. and NATO sent written answers to Moscow. Russia will study the documents before the Geneva summit."
    units = units_of(body, [])
    assert [body[u.start : u.end] for u in units] == [
        "The U.S. and NATO sent written answers to Moscow.",
        "Russia will study the documents before the Geneva summit.",
    ]


def test_the_attribution_of_a_quotation_is_left_out_but_a_sentence_around_one_is_kept():
    short = "“We will not rush,” Russian Foreign Minister Sergei Lavrov told reporters in Moscow."
    assert units_of(short, [(1, short.index("”"))]) == []
    long = (
        "Blinken said on Wednesday that the written response, handed over in Geneva after two "
        "rounds of talks, “sets out a serious diplomatic path.”"
    )
    quote = (long.index("“") + 1, long.index("”"))
    assert len(units_of(long, [quote])) == 1
