"""Word positions coded as gaps, and words found again from the marks a body keeps."""

import random

import numpy as np
import pytest

from reader.search import schema, words

BODY = (
    "“We will not rush,” Sergei Lavrov said on 27.01.2022 at 9.25 — U.S. officials* agreed. "
    "Naïve café owners in Zürich, Łódź and İstanbul; שלום עולם; مرحبا; 東京 2022 😀 ok_ok. "
) * 40


@pytest.mark.parametrize(
    "positions",
    [[], [0], [3, 4, 5, 900], [0, 65_535], [7, 65_543, 70_000], list(range(0, 300_000, 70_001))],
)
def test_positions_come_back_as_they_were_coded(positions):
    value = words.encode(positions)
    assert words.decode(value) == positions
    assert words.count(value) == len(positions)


def test_small_gaps_take_two_bytes_and_a_large_gap_widens_the_value():
    assert len(words.encode([1, 2, 65_536])) == 6
    assert len(words.encode([1, 2, 65_538])) == 1 + 3 * 4


def test_many_values_decode_together_as_each_alone():
    rng = random.Random(3)
    values = [
        words.encode(sorted(rng.sample(range(span), rng.randint(0, 5))))
        for span in [10, 100, 100_000, 40, 7]
    ]
    positions, counts = words.decode_many(values)
    assert counts.tolist() == [words.count(v) for v in values]
    assert positions.tolist() == [p for v in values for p in words.decode(v)]


def test_every_word_is_found_from_the_marks_where_the_text_has_it():
    analysed = schema.analyse_body(BODY)
    spans = [m.span() for m in words.WORD.finditer(BODY)]
    found = words.locate(BODY, analysed.marks, range(len(spans) + 3))
    assert found == dict(enumerate(spans))


def test_a_term_is_located_at_each_of_its_occurrences():
    analysed = schema.analyse_body(BODY)
    postings = {term.decode(): value for term, _, _, value in analysed.postings}
    where = words.locate(BODY, analysed.marks, words.decode(postings["lavrov"]))
    assert [BODY[a:b] for a, b in where.values()] == ["Lavrov"] * 40


def test_a_body_of_more_than_65536_words_keeps_its_far_positions():
    text = "rare " + "filler " * 70_000 + "rare end"
    analysed = schema.analyse_body(text)
    field = schema.build_schema()[schema.BODY]
    assert sorted(analysed.postings) == sorted(field.index(text))
    rare = dict((t, v) for t, _, _, v in analysed.postings)[b"rare"]
    assert words.decode(rare) == [0, 70_001]
    assert np.array_equal(words.decode_many([rare])[0], [0, 70_001])
