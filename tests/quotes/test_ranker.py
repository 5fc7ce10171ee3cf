"""The speaker ranker: candidates and features on sentences written for them, training on a small
set written here, the shipped model, and where the model (not the rules) decides."""

from __future__ import annotations

import json
from pathlib import Path

from reader.documents.model import Document
from reader.quotes.attribution import attribute, by_rules
from reader.quotes.extraction import extract_quotes
from reader.quotes.model import Quote
from reader.quotes.ranker import Ranker, load_ranker, shipped_ranker
from reader.quotes.ranker_training import names_key, read_examples, train
from reader.quotes.speaker_candidates import Choice, candidates


def choices(*paragraphs: str) -> list[Choice]:
    doc = Document(id="a", path="a.txt", body="\n\n".join(paragraphs))
    return candidates(by_rules(doc, extract_quotes(doc)))


def features_of(choice: Choice, name: str) -> dict[str, float]:
    [found] = [c.features for c in choice.options if c.name == name]
    return found


def test_candidates_of_a_pronoun_quote_and_their_features() -> None:
    found = choices(
        "Ms. Olga Brandt met Piet Harms on Tuesday.",
        "\u201cWe are done with Harms and his people,\u201d she said.",
    )
    [choice] = found
    assert choice.cue == "pronoun"
    assert {c.name for c in choice.options} >= {"Olga Brandt", "Piet Harms"}
    brandt, harms = features_of(choice, "Olga Brandt"), features_of(choice, "Piet Harms")
    assert brandt["subject_rank1_cue_pronoun"] == 1.0 and "subject_rank1" not in harms
    assert brandt["gender_agrees"] == 1.0  # "Ms." stated with the name
    assert harms["named_in_quote"] == 1.0 and "named_in_quote" not in brandt
    assert harms["before_rank1"] == 1.0 and brandt["before_rank2"] == 1.0
    assert brandt["first_mentioned"] == 1.0 and brandt["before_earlier_paragraph"] == 1.0
    assert brandt["before_distance"] > harms["before_distance"] > 0


def test_a_named_quote_has_a_name_cue_and_the_next_quote_continues_it() -> None:
    found = choices(
        "Ines Brun and Jonas Pettersson toured the depot.",
        "\u201cThe depot stays open for good,\u201d Brun told reporters.",
        "\u201cAnd the timetable will not change either.\u201d",
    )
    named, follower = found
    assert named.cue == "name" and features_of(named, "Ines Brun")["cue_names_it"] == 1.0
    assert features_of(named, "Ines Brun")["rule_explicit"] == 1.0
    assert follower.cue == "none"
    brun = features_of(follower, "Ines Brun")
    assert brun["prev_paragraph"] == brun["last_said"] == brun["opens_paragraph"] == 1.0
    assert "prev_paragraph" not in features_of(follower, "Jonas Pettersson")


SPEAKERS = [("Olga", "Brandt", "she"), ("Piet", "Harms", "he"), ("Anna", "Kovac", "she"),
            ("Tom", "Ruud", "he"), ("Lena", "Moss", "she"), ("Ivo", "Stark", "he"),
            ("Mara", "Quist", "she"), ("Karl", "Dorn", "he")]  # fmt: skip


def write_training_set(folder: Path) -> Path:
    """Articles where the subject of the sentence before a "he/she said" quote said it and the
    person it met did not (quoting someone else in turn), in the PolNeAR gold format."""
    docs, rows = [], []
    for n, (first, last, pronoun) in enumerate(SPEAKERS):
        other = SPEAKERS[(n + 3) % len(SPEAKERS)]
        texts = [f"Meeting number {n}",  # the headline
                 f"{first} {last} met {other[0]} {other[1]} in the city on day {n}.",
                 f"\u201cWe talked for an hour about the plan number {n},\u201d {pronoun} said.",
                 f"{other[0]} {other[1]} later visited {first} {last} at home.",
                 f"\u201cIt was a long evening, and they told me \u2018do come back again"
                 f" soon\u2019,\u201d {other[2]} said."]  # fmt: skip  # a quotation held in one
        body = "\n\n".join(texts)
        name = f"d{n}.txt"
        (folder / name).write_text(body, encoding="utf-8")
        docs.append({"doc": name, "published": "2016-01-01"})
        for quote, speaker in ((texts[2], last), (texts[4], other[1])):
            start = body.index(quote) + 1
            end = start + quote.index("\u201d") - 1
            rows.append({"doc": name, "segments": [[start, end]], "speaker_key": speaker})
    gold = folder / "gold.json"
    gold.write_text(json.dumps({"documents": docs, "quotes": rows}), encoding="utf-8")
    return gold


def test_training_on_a_small_set_ranks_the_speaker_first(tmp_path: Path) -> None:
    examples = read_examples(write_training_set(tmp_path), tmp_path)
    assert len(examples) == 2 * len(SPEAKERS)
    assert all(any(e.labels) for e in examples)
    model, report = train(examples)
    assert report["quotes"] == len(examples) and 0.0 <= model.threshold <= 1.0
    first, second = choices(
        "Nina Holt met Ugo Berg in the hall on Friday.",
        "\u201cWe talked for an hour about the budget,\u201d she said.",
        "Ugo Berg later visited Nina Holt at her office.",
        "\u201cIt was a long evening and a good one,\u201d he said.",
    )
    for choice, speaker in ((first, "Nina Holt"), (second, "Ugo Berg")):
        scores = {c.name: model.probability(c) for c in choice.options}
        assert scores.pop(speaker) > max(scores.values())  # learned: a blank model ties
    saved = tmp_path / "model.json"
    saved.write_text(json.dumps(model.to_json()), encoding="utf-8")
    assert load_ranker(saved) == model


def test_the_scorers_rule_for_a_right_name() -> None:
    assert names_key("Donald J. Trump", "Trump") and names_key("Hillary Clinton's", "Clinton")
    assert names_key("the White House", "Obama|White House")
    assert not names_key("Trumpet", "Trump") and not names_key(None, "Trump")
    assert not names_key("a b c d e Trump", "Trump")  # more than five words


def test_the_shipped_model_loads_and_resolves_a_pronoun_to_the_subject() -> None:
    model = shipped_ranker()
    assert model is not None and 0.0 < model.threshold < 1.0
    assert {"rule", "subject_rank1_cue_pronoun", "gender_clashes"} <= set(model.weights)
    [choice] = choices(
        "Mayor Ines Brun opened the session with councillor Jonas Pettersson.",
        "\u201cThe depot stays open for good,\u201d she said.",
    )
    name, score = model.best(choice.options)
    assert name == "Ines Brun" and score >= model.threshold


def analysed(ranker: Ranker, *paragraphs: str) -> list[Quote]:
    doc = Document(id="a", path="a.txt", body="\n\n".join(paragraphs))
    quotes = extract_quotes(doc)
    attribute(doc, quotes, ranker)
    return quotes


def test_an_unsure_model_leaves_pronoun_quotes_unknown_but_not_named_ones() -> None:
    never_sure = Ranker({}, 0.0, 0.99)  # every candidate at probability 0.5
    named, pronoun, phrase = analysed(
        never_sure,
        "Ines Brun met Jonas Pettersson.",
        "\u201cThe depot stays open for good,\u201d Brun said.",
        "\u201cAnd the timetable will not change,\u201d she said, calling it \u201cfair\u201d.",
    )
    assert named.speaker == "Ines Brun"  # the words name her: the rules decide
    assert (pronoun.speaker, pronoun.attribution) == (None, "said-after-unsure")
    assert pronoun.speaker_guess is not None
    assert phrase.speaker == "Ines Brun"  # a scare quote: the rules decide


def test_two_candidates_the_model_finds_equally_likely_leave_the_speaker_a_guess() -> None:
    undecided = Ranker({}, 0.0, 0.4)  # every candidate at probability 0.5, over the threshold
    [quote] = analysed(
        undecided,
        "Ines Brun met Jonas Pettersson in the depot.",
        "\u201cThe timetable will not change at all,\u201d she said.",
    )
    assert (quote.speaker, quote.attribution) == (None, "said-after-unsure")
    assert quote.speaker_guess in ("Ines Brun", "Jonas Pettersson")


def test_she_never_names_a_man_the_model_prefers() -> None:
    contrary = Ranker({"gender_clashes": 10.0}, -5.0, 0.5)
    [quote] = analysed(
        contrary,
        "Ms. Ines Brun met Mr. Jonas Pettersson in the depot.",
        "\u201cThe timetable will not change at all,\u201d she said.",
    )
    assert (quote.speaker, quote.speaker_guess) == (None, "Jonas Pettersson")


def test_a_model_against_the_rules_choice_names_another_candidate() -> None:
    contrary = Ranker({"rule": -5.0, "before_rank1": 1.0}, 0.0, 0.5)
    [quote] = analysed(
        contrary,
        "Ines Brun met Jonas Pettersson in the depot.",
        "\u201cThe timetable will not change at all,\u201d she said.",
    )
    assert (quote.speaker, quote.attribution) == ("Jonas Pettersson", "ranked-candidates")


def test_a_quotation_continuing_one_the_model_changed_follows_it() -> None:
    second_subject = Ranker({"subject_rank2_cue_pronoun": 10.0}, -5.0, 0.5)
    first, rest = analysed(
        second_subject,
        "Ms. Ada Brandt spoke first at the hall on Monday. Ms. Ruth Okafor answered her later.",
        "\u201cWe will not close the depot this year,\u201d she said. \u201cThe drivers can stay "
        "where they are.\u201d",
    )
    assert (first.speaker, first.attribution) == ("Ada Brandt", "ranked-candidates")
    assert (rest.speaker, rest.attribution) == ("Ada Brandt", "continues")


def test_a_contrary_model_leaves_a_document_s_sentence_to_the_rules() -> None:
    contrary = Ranker({"rule": -5.0, "before_rank1": 1.0}, 0.0, 0.5)
    claim, rest = analysed(
        contrary,
        "Parents sued Harwood Mills in March.",
        "The complaint claims Harwood \u201cknew of the fault for a year\u201d and \u201cchose "
        "to say nothing to the families who bought it.\u201d",
    )
    assert claim.speaker == rest.speaker == "unnamed parents"  # the suing parents, never Harwood


def test_transcript_turns_are_left_to_the_rules() -> None:
    turns = analysed(
        Ranker({}, 0.0, 0.99),  # never sure: a quote it decided would be unknown
        "Transcript of the morning show.",
        "OSEI: Good morning. The harbour vote is today and nobody knows how it will go.",
        "LINDQVIST: Thanks, Kwame. I was at the harbour office at dawn and it was packed.",
        "OSEI: And the mayor, Hanna Lindqvist says, has not decided?",
    )
    assert [q.speaker for q in turns] == ["Osei", "Hanna Lindqvist", "Osei"]
