"""The gold scorer on small hand-built gold and output dicts."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.quotes.scoring import gold_prefix, normalise, score

GOLD: dict[str, Any] = {
    "occurrences": [
        {"id": "a01:0", "doc": "a01", "anchor": "the bridge will reopen in May",
         "speaker": "Ortiz", "clusters": ["bridge"]},
        {"id": "a01:1", "doc": "a01", "anchor": "we have no money for repairs",
         "speaker": "Ortiz|Lamb", "clusters": ["money"]},
        {"id": "a02:0", "doc": "a02", "anchor": "the bridge will open again in May",
         "speaker": "Ortiz", "clusters": ["bridge"]},
        {"id": "a02:1", "doc": "a02", "anchor": "We are watching the river levels",
         "speaker": "Lamb", "clusters": ["river"]},
        {"id": "a03:0", "doc": "a03", "anchor": "reopen in May. We have no money",
         "speaker": "Ortiz", "clusters": ["bridge", "money"]},
        {"id": "a03:1", "doc": "a03", "anchor": "record rainfall",
         "speaker": "", "clusters": ["rain"], "hard": True},
    ],
    "neutral_pairs": [["a02:1", "a03:1"]],
}  # fmt: skip


def quote(qid: str, doc: str, text: str, speaker: str | None) -> dict[str, Any]:
    return {"id": qid, "doc": doc, "start": 0, "end": len(text), "text": text,
            "speaker": speaker, "role": "", "kind": "quote", "uncertain": False}  # fmt: skip


def perfect_output() -> dict[str, Any]:
    """What a flawless analysis of the three articles of GOLD would print."""
    return {
        "documents": [
            {"id": "d1", "path": "/lib/a01_town-hall.txt", "title": "", "source": "", "published": None},
            {"id": "d2", "path": "/lib/a02_radio.html", "title": "", "source": "", "published": None},
            {"id": "d3", "path": "/lib/a03_blog.txt", "title": "", "source": "", "published": None},
        ],
        "quotes": [
            quote("d1:0", "d1", "\u201cThe bridge will reopen in May,\u201d", "Maria Ortiz"),
            quote("d1:1", "d1", "\u201cWe have no money for repairs.\u201d", "Maria Ortiz"),
            quote("d2:0", "d2", "\u2018The bridge will open again in May.\u2019", "Ortiz"),
            quote("d2:1", "d2", '"We are watching the river levels closely."', "Tom Lamb"),
            quote("d3:0", "d3", '"The bridge will reopen in May. We have no money."', "Ortiz"),
            quote("d3:1", "d3", "\u201crecord rainfall\u201d", None),
        ],
        "links": [
            {"a": "d1:0", "b": "d2:0", "score": 0.9, "kind": "variant"},
            {"a": "d1:0", "b": "d3:0", "score": 0.8, "kind": "partial"},
            {"a": "d1:1", "b": "d3:0", "score": 0.7, "kind": "partial"},
            {"a": "d2:0", "b": "d3:0", "score": 0.7, "kind": "partial"},
        ],
    }  # fmt: skip


def test_a_perfect_output_scores_one_everywhere() -> None:
    scores = score(GOLD, perfect_output())
    assert scores.summary() == {
        "extraction_recall": 1.0, "extraction_recall_hard": 1.0, "speaker_accuracy": 1.0,
        "speaker_accuracy_hard": 1.0, "link_precision": 1.0, "link_recall": 1.0,
        "link_recall_easy": 1.0, "quotes": 6, "links": 4,
    }  # fmt: skip
    assert scores.missed == [] and scores.false_links == [] and scores.wrong_speakers == []


def test_a_missing_quote_lowers_recall_and_the_links_it_carried() -> None:
    output = perfect_output()
    output["quotes"] = [q for q in output["quotes"] if q["id"] != "d2:0"]
    scores = score(GOLD, output)  # links naming d2:0 no longer count: its quote is gone
    assert scores.missed == ["a02:0"]
    assert scores.extraction_recall == pytest.approx(4 / 5)
    assert scores.speaker_accuracy == pytest.approx(4 / 5)
    assert scores.link_recall == pytest.approx(2 / 4)  # bridge a01-a03 and money a01-a03 remain
    assert scores.link_precision == 1.0


def test_a_false_link_lowers_precision_and_is_listed() -> None:
    output = perfect_output()
    output["links"].append({"a": "d1:1", "b": "d2:1", "score": 0.5, "kind": "variant"})
    scores = score(GOLD, output)
    assert scores.link_precision == pytest.approx(4 / 5)
    assert scores.false_links == [("\u201cWe have no money for repairs.\u201d",
                                   '"We are watching the river levels closely."')]  # fmt: skip
    assert scores.link_recall == 1.0


def test_links_of_neutral_pairs_are_not_scored() -> None:
    output = perfect_output()
    output["links"].append({"a": "d2:1", "b": "d3:1", "score": 0.4, "kind": "variant"})
    scores = score(GOLD, output)
    assert scores.link_precision == 1.0 and scores.links == 5


def test_a_link_to_an_unlabelled_quote_is_false() -> None:
    output = perfect_output()
    output["quotes"].append(quote("d2:2", "d2", '"Menu Home News"', None))
    output["links"].append({"a": "d1:0", "b": "d2:2", "score": 0.3, "kind": "variant"})
    assert score(GOLD, output).link_precision == pytest.approx(4 / 5)


def test_links_inside_one_document_are_ignored() -> None:
    output = perfect_output()
    output["links"].append({"a": "d1:0", "b": "d1:1", "score": 0.3, "kind": "variant"})
    assert score(GOLD, output).links == 4


def test_a_quote_split_in_two_still_links_when_either_part_is_linked() -> None:
    output = perfect_output()
    output["quotes"][4:5] = [
        quote("d3:0", "d3", '"The bridge will reopen in May.', "Ortiz"),
        quote("d3:2", "d3", 'We have no money."', "Ortiz"),
    ]
    scores = score(GOLD, output)  # the anchor spans both parts: the occurrence is not found
    assert scores.missed == ["a03:0"]
    assert scores.link_recall == pytest.approx(1 / 4)


@pytest.mark.parametrize(
    ("said", "right"),
    [
        ("Tom Lamb", True),  # "Ortiz|Lamb": either is right
        ("Maria Ortiz", True),
        ("Lambert", False),
        (None, False),
        ("Maria Ortiz, Tom Lamb and Ana Ruiz of the council", False),  # a list, not a speaker
    ],
)
def test_speaker_alternatives(said: str | None, right: bool) -> None:
    output = perfect_output()
    output["quotes"][1]["speaker"] = said
    assert (score(GOLD, output).speaker_accuracy == 1.0) is right


def test_an_empty_gold_speaker_wants_no_speaker() -> None:
    output = perfect_output()
    output["quotes"][5]["speaker"] = "Tom Lamb"
    scores = score(GOLD, output)
    assert scores.speaker_accuracy_hard == 0.0 and scores.speaker_accuracy == 1.0
    output["quotes"][5]["speaker"] = "unknown"
    assert score(GOLD, output).speaker_accuracy_hard == 1.0


def test_hard_occurrences_are_scored_apart() -> None:
    output = perfect_output()
    del output["quotes"][5]
    scores = score(GOLD, output)
    assert scores.extraction_recall == 1.0 and scores.extraction_recall_hard == 0.0


def test_an_empty_output_scores_zero_and_misses_everything() -> None:
    scores = score(GOLD, {"documents": [], "quotes": [], "links": []})
    assert scores.extraction_recall == 0.0 and scores.link_recall == 0.0
    assert scores.link_precision == 1.0  # no link made, none wrong
    assert len(scores.missed) == len(GOLD["occurrences"])


def test_the_gold_is_not_modified() -> None:
    before = copy.deepcopy(GOLD)
    score(GOLD, perfect_output())
    assert before == GOLD


def test_normalise_and_prefix() -> None:
    assert normalise("  \u201cDon\u2019t\u00a0\u2013 go\u201d ") == '"don\'t - go"'
    assert gold_prefix("/x/seeds/000_5e6bac093bbd0041.txt") == "000"
    assert gold_prefix("a04_kpa9-boil-notice-stays.html") == "a04"
