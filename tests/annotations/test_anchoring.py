"""Finding a W3C selector again after the text changed: position, quote, fuzzy, orphan."""

import pytest

from reader.annotations import anchor, make_selector

TEXT = (
    "The mayor said the bridge would reopen in May. Critics said the bridge would reopen "
    "late, if at all. The engineers said the bridge would reopen once the tests were done."
)


def selector_of(text, exact, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(exact, start + 1)
    return make_selector(text, start, start + len(exact))


def test_unchanged_text_anchors_at_position():
    sel = selector_of(TEXT, "the bridge would reopen", nth=1)
    found = anchor(sel, TEXT)
    assert (found.start, found.end, found.method) == (sel.start, sel.end, "position")


def test_selector_rejects_empty_or_outside_ranges():
    with pytest.raises(ValueError):
        make_selector(TEXT, 3, 3)
    with pytest.raises(ValueError):
        make_selector(TEXT, 0, len(TEXT) + 1)


@pytest.mark.parametrize("nth", [0, 1, 2])
def test_repeated_phrase_found_by_its_context_after_an_insertion(nth):
    sel = selector_of(TEXT, "the bridge would reopen", nth)
    edited = "Updated on Friday. " + TEXT
    found = anchor(sel, edited)
    assert found.method == "quote"
    assert found.start == sel.start + len("Updated on Friday. ")
    assert edited[found.start : found.end] == sel.exact


def test_context_decides_even_when_another_copy_is_nearer():
    sel = selector_of(TEXT, "the bridge would reopen", nth=2)
    inserted = "A long aside about traffic. " * 8
    edited = TEXT.replace("The engineers said", inserted + "The engineers said")
    found = anchor(sel, edited)
    nearer = edited.index("the bridge would reopen", edited.index("Critics"))
    assert abs(nearer - sel.start) < abs(found.start - sel.start)
    assert edited[: found.start].endswith("The engineers said ")


def test_reworded_passage_is_found_fuzzily():
    sel = selector_of(TEXT, "Critics said the bridge would reopen late, if at all.")
    edited = TEXT.replace(
        "Critics said the bridge would reopen late", "Critics said that the bridge would open late"
    )
    found = anchor(sel, edited)
    assert found.method == "fuzzy" and found.score >= 0.8
    assert "Critics said that the bridge would open late" in edited[found.start : found.end]
    assert not edited[found.start - 1].isalnum() and not edited[found.end : found.end + 1].isalnum()


def test_removed_passage_is_orphaned():
    sel = selector_of(TEXT, "Critics said the bridge would reopen late, if at all.")
    edited = TEXT.replace("Critics said the bridge would reopen late, if at all. ", "")
    assert anchor(sel, edited) is None


def test_short_text_is_not_matched_fuzzily():
    sel = selector_of(TEXT, "May")
    assert anchor(sel, TEXT.replace("May", "June")) is None
