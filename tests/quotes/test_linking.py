"""Variant links between quotes of different documents, on quotes written for each case."""

from __future__ import annotations

import itertools
import logging

import pytest

from reader.quotes.alignment import align
from reader.quotes.candidates import Prepared, prepare
from reader.quotes.linking import link_quotes, pair_safe
from reader.quotes.model import Link, LinkKind, Quote, QuoteKind

FILLER = {
    # unrelated quotes so that word statistics look like a small library, not a single pair
    "f1": ["Inflation in the eurozone slowed for a third month as energy prices eased."],
    "f2": ["Our hospitals need more nurses before the winter outbreak season begins."],
    "f3": ["The railway strike cost the freight companies millions of euros in lost revenue."],
}


def corpus(docs: dict[str, list[str]], speakers: dict[str, str] | None = None) -> list[Quote]:
    """Quotes "doc:n" for each document's texts (speakers keyed by quote id)."""
    quotes = []
    for doc, texts in {**docs, **FILLER}.items():
        for number, text in enumerate(texts):
            quote_id = f"{doc}:{number}"
            kind = QuoteKind.PHRASE if len(text.split()) <= 4 else QuoteKind.QUOTE
            speaker = (speakers or {}).get(quote_id)
            quotes.append(Quote(quote_id, doc, 0, len(text), text, kind, speaker=speaker))
    return quotes


def pairs(links: list[Link]) -> dict[tuple[str, str], LinkKind]:
    return {(link.a, link.b): link.kind for link in links}


TRANSLATION_A = (
    "We present non-verbal pledges to our partners about the security guarantees in Europe, "
    "and we expect a written answer."
)
TRANSLATION_B = (
    "We make nonverbal promises to our partners on security guarantees in Europe and we await "
    "an answer in writing."
)
SENTENCE_1 = "The blockade of the northern corridor must end before the harvest is lost."
SENTENCE_2 = "Without the grain convoys, millions of families in the region will go hungry."


def test_identical_quotes_differing_in_case_and_punctuation_are_exact() -> None:
    links = link_quotes(
        corpus(
            {
                "a": ["The ceasefire talks in Geneva have collapsed, and nobody is surprised."],
                "b": ["the ceasefire talks in Geneva have collapsed and nobody is surprised"],
            }
        )
    )
    assert pairs(links) == {("a:0", "b:0"): LinkKind.EXACT}
    assert links[0].score == 1.0
    shown = align(
        "The ceasefire talks in Geneva have collapsed, and nobody is surprised.",
        "the ceasefire talks in Geneva have collapsed and nobody is surprised",
    )
    assert all(w.op == "same" for w in shown)


def test_two_translations_of_one_statement_are_variants() -> None:
    links = link_quotes(corpus({"a": [TRANSLATION_A], "b": [TRANSLATION_B]}))
    assert pairs(links) == {("a:0", "b:0"): LinkKind.VARIANT}
    link = links[0]
    assert 0 < link.score < 1
    shown = align(TRANSLATION_A, TRANSLATION_B)
    changed = {(w.a, w.b) for w in shown if w.op == "changed"}
    assert ("present", "make") in changed
    assert any(w.op == "same" and w.a == "non-verbal" for w in shown)


def test_a_merged_quote_links_to_both_sentences_quoted_separately() -> None:
    links = link_quotes(
        corpus({"a": [f"{SENTENCE_1} {SENTENCE_2}"], "b": [SENTENCE_2, SENTENCE_1]})
    )
    assert pairs(links) == {("a:0", "b:0"): LinkKind.PARTIAL, ("a:0", "b:1"): LinkKind.PARTIAL}


def test_split_halves_link_to_each_other_across_documents() -> None:
    links = link_quotes(corpus({"a": [SENTENCE_1, SENTENCE_2], "b": [SENTENCE_1, SENTENCE_2]}))
    assert pairs(links) == {("a:0", "b:0"): LinkKind.EXACT, ("a:1", "b:1"): LinkKind.EXACT}


def test_a_trimmed_fragment_is_a_partial_link() -> None:
    long = (
        "We will not accept any agreement that leaves the dockworkers without a contract, "
        "whatever the port authority says on Monday."
    )
    links = link_quotes(
        corpus({"a": [long], "b": ["any agreement that leaves the dockworkers without a contract"]})
    )
    assert pairs(links) == {("a:0", "b:0"): LinkKind.PARTIAL}
    fragment = "any agreement that leaves the dockworkers without a contract"
    assert any(w.op == "removed" for w in align(long, fragment))


def test_quotes_sharing_only_stock_words_are_not_linked() -> None:
    links = link_quotes(
        corpus(
            {
                "a": ["There will be no change.", "We will do everything we can, believe me."],
                "b": ["there will be no war", "We will do whatever we must, believe me."],
            }
        )
    )
    assert links == []


def test_no_links_inside_one_document() -> None:
    links = link_quotes(corpus({"a": [TRANSLATION_A, TRANSLATION_A, TRANSLATION_B]}))
    assert links == []


def test_each_link_is_listed_once_with_a_before_b() -> None:
    quotes = corpus({"c": [TRANSLATION_A], "a": [TRANSLATION_A], "b": [TRANSLATION_B]})
    links = link_quotes(quotes)
    assert sorted(pairs(links)) == [("a:0", "b:0"), ("a:0", "c:0"), ("b:0", "c:0")]
    assert all(link.a < link.b for link in links)


def test_different_known_speakers_block_a_link_and_the_same_speaker_raises_it() -> None:
    texts = {"a": [TRANSLATION_A], "b": [TRANSLATION_B]}
    apart = link_quotes(corpus(texts, {"a:0": "Sergei Lavrov", "b:0": "Antony Blinken"}))
    assert apart == []
    unknown = link_quotes(corpus(texts, {"a:0": "Sergei Lavrov"}))
    same = link_quotes(corpus(texts, {"a:0": "Sergei Lavrov", "b:0": "Sergei Lavrov"}))
    assert len(unknown) == len(same) == 1
    assert same[0].score > unknown[0].score


def test_phrases_link_only_when_near_exact() -> None:
    links = link_quotes(
        corpus(
            {
                "a": ["deeply flawed ceasefire", "ceasefire observers"],
                "b": ["deeply flawed ceasefire", "The ceasefire observers left Geneva on Monday."],
            }
        )
    )
    assert pairs(links) == {("a:0", "b:0"): LinkKind.EXACT}


def test_a_different_topic_word_in_stock_wording_is_not_a_variant() -> None:
    subjects = ["pipeline", "tariffs", "referendum", "ceasefire", "embassy"]
    links = link_quotes(
        corpus(
            {
                f"d{n}": [f"There will be no change in our position on the {subject}."]
                for n, subject in enumerate(subjects)
            }
        )
    )
    assert links == []


def test_namesakes_with_different_first_names_need_near_identical_wording() -> None:
    texts = {"a": [TRANSLATION_A], "b": [TRANSLATION_B]}
    speakers = {"a:0": "Victor Bauer", "b:0": "Daniel Bauer", "c:0": "Daniel Bauer"}
    assert link_quotes(corpus(texts, speakers)) == []
    # once one of them said a's very words (an attribution slip), all three are one utterance
    texts["c"] = [TRANSLATION_A]
    assert pairs(link_quotes(corpus(texts, speakers))) == {
        ("a:0", "b:0"): LinkKind.VARIANT,
        ("a:0", "c:0"): LinkKind.EXACT,
        ("b:0", "c:0"): LinkKind.VARIANT,
    }


def test_one_speaker_links_a_loose_translation_in_another_word_order() -> None:
    texts = {
        "a": ["Families and small firms are paying the price for a policy a year behind reality."],
        "b": ["For a policy one year behind reality, households and small businesses are paying."],
    }
    assert link_quotes(corpus(texts)) == []
    same = {"a:0": "Jonas Eklund", "b:0": "Jonas Eklund"}
    assert pairs(link_quotes(corpus(texts, same))) == {("a:0", "b:0"): LinkKind.VARIANT}
    other = {"a:0": "Jonas Eklund", "b:0": "Lena Moravec"}
    assert link_quotes(corpus(texts, other)) == []


def test_one_speaker_repeating_a_short_sentence_links_but_a_stock_phrase_does_not() -> None:
    texts = {
        "a": ["There is no change. There will be no change."],
        "b": ["There will be no change"],
    }
    assert link_quotes(corpus(texts)) == []
    same = {"a:0": "Antony Blinken", "b:0": "Antony Blinken"}
    assert pairs(link_quotes(corpus(texts, same))) == {("a:0", "b:0"): LinkKind.PARTIAL}
    war = {"a": ["There will be no change."], "b": ["there will be no war"]}
    assert link_quotes(corpus(war, {"a:0": "Antony Blinken", "b:0": "Antony Blinken"})) == []


def test_numbers_and_per_cent_are_spelt_either_way() -> None:
    texts = {
        "a": ["Rates stay where they are until inflation is firmly back at two percent."],
        "b": ["Rates stay where they are until inflation is firmly back at 2 per cent."],
    }
    links = link_quotes(corpus(texts))
    assert pairs(links) == {("a:0", "b:0"): LinkKind.VARIANT}
    assert links[0].score > 0.9


def test_a_phrase_quoted_inside_a_longer_quote_of_the_same_speaker_is_partial() -> None:
    texts = {
        "a": ["The government blames the bank, the bank blames the world, and nobody acts."],
        "b": ["blames the bank", "blames the weather"],
    }
    same = {"a:0": "Sofia Reyes", "b:0": "Sofia Reyes", "b:1": "Sofia Reyes"}
    assert pairs(link_quotes(corpus(texts, same))) == {("a:0", "b:0"): LinkKind.PARTIAL}
    other = {"a:0": "Sofia Reyes", "b:0": "Jonas Eklund", "b:1": "Jonas Eklund"}
    assert link_quotes(corpus(texts, other)) == []


def test_specific_shared_wording_makes_a_swapped_word_a_translation_choice() -> None:
    long_a = (
        "The main problem is our clear position on the inadmissibility of further expansion "
        "to the east and the deployment of strike weapons near our borders."
    )
    long_b = long_a.replace("strike", "offensive")
    links = link_quotes(corpus({"a": [long_a], "b": [long_b]}))
    assert pairs(links) == {("a:0", "b:0"): LinkKind.VARIANT}


def test_a_fragment_found_only_by_its_speakers_words_is_linked() -> None:
    # the fragment shares one rare word pair with the full quote; the speaker's words pair them
    full = "Frankly, we will not accept any tanker that puts the safety of our people in Brussels."
    texts = {"a": [full], "b": ["tanker that puts the safety of our people in Brussels"]}
    same = {"a:0": "Omar Lund", "b:0": "Omar Lund"}
    assert pairs(link_quotes(corpus(texts, same))) == {("a:0", "b:0"): LinkKind.PARTIAL}


LOOSE_A = "Shipyards and small suppliers are carrying the cost of a plan drawn up a decade ago."
LOOSE_B = (
    "For a plan written ten years ago, small suppliers and the shipyards are carrying the costs."
)
DELAY = "The ministry has not answered a single letter since March."


def test_a_retranslation_choosing_news_synonyms_is_a_variant() -> None:
    texts = {
        "a": ["The offer to the dock unions is generous and it is final."],
        "b": ["The proposal to the dock unions is generous and it is definitive."],
    }
    links = link_quotes(corpus(texts))
    assert pairs(links) == {("a:0", "b:0"): LinkKind.VARIANT}
    changed = {(w.a, w.b) for w in align(texts["a"][0], texts["b"][0]) if w.op == "changed"}
    assert changed == {("offer", "proposal"), ("final", "definitive")}


def test_transliterations_of_one_name_are_one_speaker() -> None:
    texts = {"a": [LOOSE_A], "b": [LOOSE_B]}
    assert link_quotes(corpus(texts)) == []
    spelt = {"a:0": "Grigori Tschernow", "b:0": "Grigory Chernov"}
    assert pairs(link_quotes(corpus(texts, spelt))) == {("a:0", "b:0"): LinkKind.VARIANT}
    other = {"a:0": "Grigori Tschernow", "b:0": "Lena Moravec"}
    assert link_quotes(corpus(texts, other)) == []


def test_a_copy_of_a_linked_quote_gets_the_same_partners() -> None:
    # a-b link only as one speaker's loose translation; c copies b with no speaker named
    texts = {"a": [LOOSE_A], "b": [LOOSE_B], "c": [LOOSE_B]}
    speakers = {"a:0": "Grigory Chernov", "b:0": "Grigory Chernov"}
    assert pairs(link_quotes(corpus(texts, speakers))) == {
        ("a:0", "b:0"): LinkKind.VARIANT,
        ("a:0", "c:0"): LinkKind.VARIANT,
        ("b:0", "c:0"): LinkKind.EXACT,
    }


def test_a_merged_quote_links_to_every_variant_of_its_sentences_and_chains_nothing() -> None:
    texts = {"m": [f"{LOOSE_A} {DELAY}"], "x": [LOOSE_A], "y": [DELAY], "z": [LOOSE_B]}
    speakers = {"x:0": "Grigory Chernov", "z:0": "Grigory Chernov"}
    assert pairs(link_quotes(corpus(texts, speakers))) == {
        ("m:0", "x:0"): LinkKind.PARTIAL,
        ("m:0", "y:0"): LinkKind.PARTIAL,
        ("m:0", "z:0"): LinkKind.PARTIAL,  # through x, its variant
        ("x:0", "z:0"): LinkKind.VARIANT,
    }


def test_a_phrase_links_to_a_quote_of_the_same_story_whoever_it_is_credited_to() -> None:
    shared = "Nobody in this town trusts the tender any longer, and I understand why."
    texts = {
        "a": [
            "The council keeps moving the goalposts every time we reach a deal on the depot.",
            shared,
        ],
        "b": [shared, "moving the goalposts"],
        "c": ["moving the goalposts"],
    }
    speakers = {"a:0": "Nora Quist", "a:1": "Nora Quist", "b:0": "Nora Quist"}
    speakers |= {"b:1": "Morning Show", "c:0": "Morning Show"}
    assert pairs(link_quotes(corpus(texts, speakers))) == {
        ("a:0", "b:1"): LinkKind.PARTIAL,  # a and b share a quote: one story
        ("a:1", "b:0"): LinkKind.EXACT,
        ("b:1", "c:0"): LinkKind.EXACT,  # twin phrases; c's story is unknown, so not a:0
    }


def test_a_phrase_inside_a_quote_may_differ_in_one_function_word_only() -> None:
    quotes = corpus(
        {
            "a": ["It is the ministers who move the goalposts, not the unions."],
            "b": ["ministers are moving the goalposts", "ministers are moving the deadline"],
        },
        {"a:0": "Nora Quist", "b:0": "Nora Quist", "b:1": "Nora Quist"},
    )
    for quote in quotes:
        if quote.doc == "b":
            quote.kind = QuoteKind.PHRASE
    assert pairs(link_quotes(quotes)) == {("a:0", "b:0"): LinkKind.PARTIAL}


def test_one_speaker_quoted_in_full_inside_a_longer_quote_is_partial() -> None:
    texts = {
        "a": ["We will not give in, whatever the board decides on Friday."],
        "b": ["We will not give in."],
    }
    same = {"a:0": "Nora Quist", "b:0": "Nora Quist"}
    assert pairs(link_quotes(corpus(texts, same))) == {("a:0", "b:0"): LinkKind.PARTIAL}
    assert link_quotes(corpus(texts, {"a:0": "Nora Quist", "b:0": "Jonas Eklund"})) == []
    assert link_quotes(corpus(texts)) == []


def test_a_wordier_translation_by_one_speaker_is_a_variant_not_a_fragment() -> None:
    texts = {
        "a": ["I will not let pensioners be treated as loose change in this budget."],
        "b": ["I will not allow the pensioners to be treated as small coins in this budget."],
    }
    same = {"a:0": "Nora Quist", "b:0": "Nora Quist"}
    assert pairs(link_quotes(corpus(texts, same))) == {("a:0", "b:0"): LinkKind.VARIANT}
    assert link_quotes(corpus(texts, {"a:0": "Nora Quist", "b:0": "Jonas Eklund"})) == []


def laid_out(docs: dict[str, list[str]], speakers: dict[str, str]) -> list[Quote]:
    """Quotes with real offsets: each document's quotes one after another, `gap` apart."""
    quotes = corpus(docs, speakers)
    offset: dict[str, int] = {}
    for quote in quotes:
        quote.start = offset.get(quote.doc, 0)
        quote.end = quote.start + len(quote.text)
        offset[quote.doc] = quote.end + len(", she said, ")
    return quotes


SHARED = "The depot on Harrow Street stays open until the new tender has been decided by the city."
REWORDED_A = "Our cooperative will always stand behind the orchard growers of the Tarnvale valley."
REWORDED_B = "The Tarnvale orchard growers will forever have our cooperative standing behind them."


def test_one_speaker_re_translated_without_shared_word_runs_is_a_variant() -> None:
    texts = {"a": [REWORDED_A], "b": [REWORDED_B]}
    same = {"a:0": "Nora Quist", "b:0": "Nora Quist"}
    assert pairs(link_quotes(corpus(texts, same))) == {("a:0", "b:0"): LinkKind.VARIANT}
    assert link_quotes(corpus(texts, {"a:0": "Nora Quist", "b:0": "Jonas Eklund"})) == []


def test_a_re_translation_that_denies_or_changes_a_number_is_not_a_variant() -> None:
    denied = "The Tarnvale orchard growers will never have our cooperative standing behind them."
    same = {"a:0": "Nora Quist", "b:0": "Nora Quist"}
    assert link_quotes(corpus({"a": [REWORDED_A], "b": [denied]}, same)) == []
    cut_a = "Our cooperative will buy 400 tonnes from the Tarnvale orchard growers this autumn."
    cut_b = "This autumn the Tarnvale orchard growers will sell 600 tonnes to our cooperative."
    assert link_quotes(corpus({"a": [cut_a], "b": [cut_b]}, same)) == []


def test_quotes_of_one_story_link_as_translations_when_a_speaker_is_unknown() -> None:
    texts = {"a": [SHARED, REWORDED_A], "b": [SHARED, REWORDED_B]}
    speakers = {"a:0": "Nora Quist", "a:1": "Nora Quist", "b:0": "Nora Quist"}
    assert pairs(link_quotes(corpus(texts, speakers))) == {
        ("a:0", "b:0"): LinkKind.EXACT,
        ("a:1", "b:1"): LinkKind.VARIANT,  # b:1 has no speaker, but a and b are one story
    }
    alone = {"a": [REWORDED_A], "b": [REWORDED_B]}
    assert link_quotes(corpus(alone, {"a:0": "Nora Quist"})) == []  # no story: not enough


def test_one_story_does_not_link_stock_phrases_of_different_speakers() -> None:
    texts = {
        "a": [SHARED, "We respect the decision of the city."],
        "b": [SHARED, "We respect the decision of the city council."],
    }
    speakers = {"a:0": "Nora Quist", "b:0": "Nora Quist"}
    speakers |= {"a:1": "Piet Jansen", "b:1": "Anna Kovacs"}
    assert pairs(link_quotes(corpus(texts, speakers))) == {("a:0", "b:0"): LinkKind.EXACT}


def test_each_half_of_a_split_quote_links_to_the_whole_in_another_document() -> None:
    texts = {
        "a": ["We respect the ruling of the Harrow court", "but we do not accept the fine at all."],
        "b": ["We respect the judgment of the Harrow court, but we will not accept this fine."],
    }
    speakers = {"a:0": "Nora Quist", "a:1": "Nora Quist", "b:0": "Nora Quist"}
    assert pairs(link_quotes(laid_out(texts, speakers))) == {
        ("a:0", "b:0"): LinkKind.PARTIAL,
        ("a:1", "b:0"): LinkKind.PARTIAL,
    }
    # two quotes that are whole sentences each are two statements, not one split
    apart = {"a": ["We respect the ruling of the Harrow court.", texts["a"][1].capitalize()]}
    assert ("a:1", "b:0") not in pairs(link_quotes(laid_out(apart | {"b": texts["b"]}, speakers)))


def test_a_split_half_without_content_words_links_nothing_and_breaks_nothing() -> None:
    texts = {
        "a": [
            "We respect the ruling of the Harrow court and we accept the fine",
            "and that is all there is to it.",
        ],
        "b": ["We respect the ruling of the Harrow court and we accept the fine, and that is all."],
    }
    speakers = {"a:0": "Nora Quist", "a:1": "Nora Quist", "b:0": "Nora Quist"}
    assert pairs(link_quotes(laid_out(texts, speakers))) == {("a:0", "b:0"): LinkKind.PARTIAL}


def test_a_half_that_only_echoes_the_other_half_links_nothing() -> None:
    texts = {  # two fragments side by side in one frame, not one quote split by "she said"
        "a": [
            "the timetable has never been our first priority",
            "safety has always been our first priority",
        ],
        "b": ["We accept the findings. Safety has always been our first priority, and we failed."],
    }
    speakers = {"a:0": "Sigrun Holm", "a:1": "Sigrun Holm", "b:0": "Sigrun Holm"}
    assert pairs(link_quotes(laid_out(texts, speakers))) == {("a:1", "b:0"): LinkKind.PARTIAL}


def test_a_pair_whose_comparison_fails_is_dropped_with_the_reason_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    table: dict[tuple[str, str], int] = {}
    x, y = (prepare(q, table) for q in corpus({"a": [SENTENCE_1], "b": [SENTENCE_2]})[:2])

    def ratio(first: Prepared, second: Prepared) -> float:
        return len(first.whole.content & second.whole.content) / len(second.parts)

    with caplog.at_level(logging.WARNING, logger="reader.quotes.linking"):
        assert pair_safe(ratio)(x, y) is None
    assert "a:0 and b:0 not compared (ZeroDivisionError" in caplog.text


def library(docs: dict[str, list[str]]) -> dict[str, list[str]]:
    """`docs` among 64 unrelated quotes, so that word statistics look like a real library."""
    places = ("orchard", "granite", "lantern", "meadow", "copper", "harbour", "violin", "glacier")
    topics = ("budget", "tunnel", "school", "clinic", "bridge", "museum", "stadium", "library")
    pairs_ = itertools.product(places, topics)
    filler = {
        f"x{i}": [f"The {p} report on the {t} came out this week."]
        for i, (p, t) in enumerate(pairs_)
    }
    return docs | filler


def test_a_short_quote_of_one_content_word_links_inside_the_same_speakers_longer_one() -> None:
    docs = library(
        {"a": ["I'm not going to sign"], "b": ["I'm not going to sign that damn bill on tolls."]}
    )
    same = {"a:0": "Ola Brun", "b:0": "Ola Brun"}
    assert pairs(link_quotes(corpus(docs, same))) == {("a:0", "b:0"): LinkKind.PARTIAL}
    assert pairs(link_quotes(corpus(docs, {"a:0": "Ola Brun"}))) == {}  # anyone may say it


def test_a_four_word_phrase_of_one_content_word_is_part_of_the_same_speakers_quote() -> None:
    docs = library(
        {
            "a": ["I have asked the board to pause and look again at the evidence."],
            "b": ["pause and look again", "look again"],
        }
    )
    same = {"a:0": "Ivo Sarn", "b:0": "Ivo Sarn", "b:1": "Ivo Sarn"}
    assert pairs(link_quotes(corpus(docs, same))) == {("a:0", "b:0"): LinkKind.PARTIAL}
    assert pairs(link_quotes(corpus(docs, {"a:0": "Ivo Sarn"}))) == {}  # anyone may say it


def test_each_piece_of_a_quote_joined_by_an_elision_is_compared_on_its_own() -> None:
    docs = library(
        {
            "a": ["This is a serious defect and we are treating it as one"],
            "b": ["This is a serious defect ... the lab data never supported a limit of three"],
        }
    )
    same = {"a:0": "Ines Tolvar", "b:0": "Ines Tolvar"}
    assert pairs(link_quotes(corpus(docs, same))) == {("a:0", "b:0"): LinkKind.PARTIAL}


def test_transcriptions_differing_in_contractions_dashes_and_censoring_are_variants() -> None:
    texts = [
        (
            "We will see big changes in the harbour district, bigger than anyone expects.",
            "We're going to see big changes in the harbour district\u2014bigger than anyone expects.",
        ),
        (
            "I would like the council to reopen the ferry terminal before the summer season.",
            "I'd like the council to reopen the ferry terminal before the summer season.",
        ),
        (
            "I'm not going to sign that damn bill about the ferry tolls and the new fees.",
            "I'm not going to sign that d**n bill about the ferry tolls and the new fees.",
        ),
    ]
    for a, b in texts:
        assert pairs(link_quotes(corpus(library({"a": [a], "b": [b]})))) == {
            ("a:0", "b:0"): LinkKind.VARIANT
        }


def test_one_speakers_statements_in_the_same_frame_are_not_variants() -> None:
    """'We will protect X' and 'we will protect Y' share their opening and a word or two, and
    each says as much that the other does not: two statements, not one reworded."""
    same = {"a:0": "Ola Brun", "b:0": "Ola Brun"}
    for a, b in [
        (
            "We will protect crossings for the most isolated villages",
            "We will protect front-line crossings, full stop.",
        ),
        (
            "We will fund buses for the most remote hamlets",
            "We will fund rural buses, end of story.",
        ),
    ]:
        assert pairs(link_quotes(corpus(library({"a": [a], "b": [b]}), same))) == {}
    trimmed = library(
        {
            "a": ["We will protect bus routes for the most isolated villages"],
            "b": ["We will protect bus routes for isolated villages."],
        }
    )
    assert pairs(link_quotes(corpus(trimmed, same))) == {("a:0", "b:0"): LinkKind.PARTIAL}


def test_a_short_quote_is_part_of_a_longer_one_only_with_a_run_of_its_words() -> None:
    """'Norway will always be Norway' scattered through 'She [Norway] is proud. She will always
    be prouder...' is not a part of it; 'the tunnel toll must go' inside a longer quote is."""
    whole = (
        "She [Norway] is proud. She will always be prouder, I promise you, than the cowards "
        "who want to frighten her today."
    )
    docs = library({"a": ["Norway will always be Norway"], "b": [whole]})
    assert pairs(link_quotes(corpus(docs))) == {}
    docs = library(
        {
            "a": ["the tunnel toll on Norway must go"],
            "b": ["I have said it before: the tunnel toll on Norway must go, and it must go soon."],
        }
    )
    assert pairs(link_quotes(corpus(docs))) == {("a:0", "b:0"): LinkKind.PARTIAL}


def test_a_two_word_phrase_is_part_of_no_longer_quote_a_three_word_one_is() -> None:
    """'open door' inside a statement is a stock phrase anyone uses; 'an insult to every
    docker' inside it is the statement, trimmed."""
    same = {"a:0": "Ola Brun", "b:0": "Ola Brun"}
    whole = "An open door means nothing if there is nothing behind it, and this offer is empty."
    stock = library({"a": ["open door"], "b": [whole]})
    assert pairs(link_quotes(corpus(stock, same))) == {}
    trimmed = library({"a": ["this offer is empty"], "b": [whole]})
    assert pairs(link_quotes(corpus(trimmed, same))) == {("a:0", "b:0"): LinkKind.PARTIAL}
