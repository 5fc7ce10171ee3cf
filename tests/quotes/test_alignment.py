"""Word-level alignment and the normalisation it rests on."""

from __future__ import annotations

from reader.quotes.alignment import align, sentences, stem, words


def ops(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(w.op, w.a, w.b) for w in align(a, b)]


def test_identical_texts_align_word_for_word() -> None:
    assert ops("We will win.", "we WILL win") == [
        ("same", "We", "we"),
        ("same", "will", "WILL"),
        ("same", "win", "win"),
    ]


def test_changed_added_and_removed_words_keep_their_original_forms() -> None:
    result = ops(
        "We present non-verbal pledges to partners.", "We make nonverbal promises to our partners"
    )
    assert result == [
        ("same", "We", "We"),
        ("changed", "present", "make"),
        ("same", "non-verbal", "nonverbal"),
        ("changed", "pledges", "promises"),
        ("same", "to", "to"),
        ("added", "", "our"),
        ("same", "partners", "partners"),
    ]
    assert ops("the talks failed badly", "the talks failed") == [
        ("same", "the", "the"),
        ("same", "talks", "talks"),
        ("same", "failed", "failed"),
        ("removed", "badly", ""),
    ]


def test_an_inflected_word_is_aligned_but_marked_changed() -> None:
    assert ops("new sanctions", "new sanction") == [
        ("same", "new", "new"),
        ("changed", "sanctions", "sanction"),
    ]


def test_empty_texts_align_to_nothing_or_to_additions() -> None:
    assert align("", "") == []
    assert ops("", "Hello there") == [("added", "", "Hello"), ("added", "", "there")]


def test_words_are_normalised_and_stemmed() -> None:
    found = words("Russia’s non-verbal PLEDGES, don't")
    assert found.original == ("Russia’s", "non-verbal", "PLEDGES", "don't")
    assert found.norms == ("russia", "nonverbal", "pledges", "dont")
    assert stem("pledges") == stem("pledged") == stem("pledging") == stem("pledge")
    assert "dont" not in found.content
    assert {"russia", "nonverbal", stem("pledges")} == found.content


def test_sentences_split_at_a_capital_after_a_full_stop() -> None:
    text = "We will not stop. They must go! And then e.g. maybe not."
    assert sentences(text) == ["We will not stop.", "They must go!", "And then e.g. maybe not."]


def test_an_elision_splits_a_quote_into_its_pieces() -> None:
    text = "A serious defect ... the data did not support it […] and we knew. Then … nothing."
    assert sentences(text) == [
        "A serious defect",
        "the data did not support it",
        "and we knew.",
        "Then",
        "nothing.",
    ]
    assert sentences("It ends… here.") == ["It ends… here."]  # a trailing-off, no gap


def test_news_synonyms_share_a_stem_but_align_as_changed() -> None:
    assert stem("proposal") == stem("offers") and stem("definitive") == stem("final")
    assert stem("findings") == stem("conclusions") and stem("reworked") == stem("redesigned")
    assert stem("war") != stem("change") and stem("offer") != stem("final")
    assert ops("the final offer", "the definitive proposal") == [
        ("same", "the", "the"),
        ("changed", "final", "definitive"),
        ("changed", "offer", "proposal"),
    ]
    assert stem("move") == stem("moving") == stem("moved")
