"""The Qt-free presentation helpers: safe snippets, layout offsets, fuzzy scores, history."""

from __future__ import annotations

from reader.quotes.model import AlignedWord
from reader.ui.history import History, Place
from reader.ui.present import (
    compose,
    fuzzy_score,
    snippet_html,
    snippet_parts,
    variant_words,
)


def test_snippets_keep_marks_and_turn_any_other_markup_into_text():
    snippet = 'a <mark>war</mark> of &lt;b&gt;words&lt;/b&gt; <img src="http://x/y.png"> end'
    parts = snippet_parts(snippet)
    assert parts[1] == ("war", True)
    assert "".join(t for t, _ in parts) == "a war of <b>words</b>  end"
    rebuilt = snippet_html(snippet, "background:yellow")
    assert "<img" not in rebuilt and "&lt;b&gt;" in rebuilt
    assert '<span style="background:yellow">war</span>' in rebuilt


def test_layout_without_removed_lines_is_the_body():
    body = "One two.\n\nThree four."
    layout = compose(body, [(0, 8), (10, 21)], [], lambda i: i)
    assert layout.text == body
    assert layout.view(10) == 10 and layout.clean(12) == 12


def test_layout_puts_removed_lines_back_in_raw_order_and_maps_offsets():
    raw = "MENU\nFirst para.\nRelated: x\nSecond para.\nFooter"
    body = "First para.\n\nSecond para."
    paragraphs = [(0, 11), (13, 25)]
    raw_offsets = {0: raw.index("First"), 13: raw.index("Second")}
    removed = [(0, "MENU"), (raw.index("Related"), "Related: x"), (raw.index("Footer"), "Footer")]
    layout = compose(body, paragraphs, removed, lambda i: raw_offsets[i])
    assert layout.text == "MENU\n\nFirst para.\n\nRelated: x\n\nSecond para.\n\nFooter"
    start = body.index("Second")
    view = layout.view(start)
    assert layout.text[view : view + 6] == "Second"
    assert layout.clean(view) == start
    assert layout.clean(layout.text.index("Related")) is None
    assert [layout.text[a:b] for a, b in layout.qt_removed()] == ["MENU", "Related: x", "Footer"]


def test_layout_counts_positions_in_utf16_like_qt():
    body = "Fire 🔥 here. Later word."
    layout = compose(body, [(0, len(body))], [], lambda i: i)
    later = body.index("Later")
    assert layout.view(later) == later + 1  # the emoji is two UTF-16 units
    assert layout.clean(later + 1) == later


def test_fuzzy_score_prefers_word_starts_and_runs():
    assert fuzzy_score("nm", "Next match") > fuzzy_score("nm", "Zoom in (numeric)")
    assert fuzzy_score("xyz", "Next match") is None
    assert fuzzy_score("", "anything") == 0


def test_variant_words_mark_what_differs_on_either_side():
    alignment = [
        AlignedWord("same", "the", "the"),
        AlignedWord("changed", "main", "key"),
        AlignedWord("removed", "big", ""),
        AlignedWord("added", "", "real"),
        AlignedWord("same", "issue", "issue"),
    ]
    assert variant_words(alignment, "b") == [
        ("the", False),
        ("key", True),
        ("real", True),
        ("issue", False),
    ]
    assert variant_words(alignment, "a") == [
        ("the", False),
        ("main", True),
        ("big", True),
        ("issue", False),
    ]


def test_history_goes_back_and_forward_and_drops_forward_on_visit():
    history = History()
    history.visit(Place("a"))
    history.visit(Place("b"), current=Place("a", 40))
    assert history.back(Place("b", 7)) == Place("a", 40)
    assert history.forward() == Place("b", 7)
    assert history.forward() is None
    history.back()
    history.visit(Place("c"))
    assert not history.can_go_forward()
    assert history.back() == Place("a", 40)
    assert history.back() is None
