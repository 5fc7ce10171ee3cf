"""Quotes in the reader and the quote panel, driven from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.quotes.model import Quote
from reader.ui.actions import ActionId
from reader.ui.models import ID_ROLE
from reader.ui.views.quote_panel import UNNAMED_SOURCES as UNNAMED
from reader.ui.views.quote_panel import speaker_reason, speaker_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def spread_group(analysis):
    """The variant group carrying one utterance across the most articles."""
    return max(analysis.groups, key=lambda g: len({analysis.quote(q).doc for q in g.quotes}))


def open_from_library(qtbot, window, doc_id: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    table = window.library.table
    for _ in range(table.model().rowCount() + 1):
        if window.library.selected_id() == doc_id:
            break
        qtbot.keyClick(table, Qt.Key.Key_J)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.reader.document.id == doc_id


def move_to_quote(qtbot, window, quote_id: str) -> None:
    for _ in range(len(window.reader.quotes) + 1):
        current = window.reader.current_quote()
        if current is not None and current.id == quote_id:
            return
        qtbot.keyClick(window, Qt.Key.Key_BracketRight)
    raise AssertionError(f"] never reached {quote_id}")


def test_quotes_are_marked_and_bracket_keys_move_between_them(qtbot, window):
    analysis = window.workspace.analysis
    doc_id = max(window.workspace.by_id, key=lambda d: len(analysis.quotes_of(d)))
    open_from_library(qtbot, window, doc_id)
    quotes = analysis.quotes_of(doc_id)
    assert [q.id for q in window.reader.quotes] == [
        q.id for q in sorted(quotes, key=lambda q: q.start)
    ]
    qtbot.keyClick(window, Qt.Key.Key_BracketRight)
    first = window.reader.current_quote()
    assert first is not None and first.id == window.reader.quotes[0].id
    qtbot.keyClick(window, Qt.Key.Key_BracketRight)
    assert window.reader.current_quote().id == window.reader.quotes[1].id
    qtbot.keyClick(window, Qt.Key.Key_BracketLeft)
    assert window.reader.current_quote().id == first.id
    tip = window.reader.tooltip_for(window.reader.text.textCursor().position())
    assert tip and (first.speaker or "unknown" in tip or "probably" in tip)
    if first.speaker:
        assert tip.startswith(first.speaker)


def test_quote_panel_lists_variants_and_opens_one_then_back(qtbot, window):
    analysis = window.workspace.analysis
    group = spread_group(analysis)
    quote = analysis.quote(group.quotes[0])
    open_from_library(qtbot, window, quote.doc)
    move_to_quote(qtbot, window, quote.id)

    panel = window.quote_panel
    assert panel.quote_id == quote.id
    assert panel.speaker.text() == speaker_text(quote)
    assert set(panel.variant_ids()) == set(group.quotes) - {quote.id}
    labels = {row.id: row.label for row in panel.model.rows()}
    if group.earliest and group.earliest != quote.id:
        assert labels[group.earliest].startswith("[earliest]")
    assert sum(label.startswith("[earliest]") for label in labels.values()) <= 1

    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    assert panel.list.hasFocus()
    target = next(r for r in panel.model.rows() if analysis.quote(r.id).doc != quote.doc)
    while panel.list.currentIndex().data(ID_ROLE) != target.id:
        qtbot.keyClick(panel.list, Qt.Key.Key_J)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    variant = analysis.quote(target.id)
    assert window.reader.document.id == variant.doc
    assert window.reader.current_quote().id == variant.id

    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    assert window.reader.document.id == quote.doc
    assert window.reader.current_quote().id == quote.id


def test_ctrl_bracket_jumps_to_the_next_variant_by_date(qtbot, window):
    analysis = window.workspace.analysis
    group = spread_group(analysis)
    quote = analysis.quote(group.quotes[0])
    open_from_library(qtbot, window, quote.doc)
    move_to_quote(qtbot, window, quote.id)
    visited = []
    for _ in range(len(group.quotes)):
        qtbot.keyClick(window, Qt.Key.Key_BracketRight, CTRL)
        visited.append(window.reader.current_quote().id)
    assert set(visited) == set(group.quotes)
    assert visited[-1] == quote.id  # round the group and back


def test_speakers_view_lists_speakers_and_opens_a_quote(qtbot, window):
    analysis = window.workspace.analysis
    speakers = analysis.speakers()
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.speakers
    assert view.table.hasFocus()
    unnamed = analysis.unnamed_sources()
    assert unnamed  # the seeds quote "a senior Ukrainian official", among others
    assert view.speakers.rowCount() == len(speakers) + 1  # and a row for the unnamed sources
    row = next(r for r in range(view.speakers.rowCount()) if view.speakers.speaker(r) == UNNAMED)
    view.table.setCurrentIndex(view.speakers.index(row, 0))
    assert [r.id for r in view.model.rows()] == [q.id for q in unnamed]
    assert all(q.speaker in r.html for q, r in zip(unnamed, view.model.rows(), strict=True))
    view.table.setCurrentIndex(view.speakers.index(0 if row else 1, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Down if row != 1 else Qt.Key.Key_Up)
    name = view.speakers.speaker(view.table.currentIndex().row())
    assert name != UNNAMED
    assert [r.id for r in view.model.rows()] == [q.id for q in speakers[name]]
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Down)
    chosen = view.list.currentIndex().data(ID_ROLE)
    assert chosen in {q.id for q in speakers[name]}
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    opened = window.reader.current_quote()
    assert opened is not None and opened.id == chosen
    assert window.reader.document.id == analysis.quote(chosen).doc


def _answer_dialog(text: str) -> None:
    from PySide6.QtWidgets import QApplication, QInputDialog

    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue(text)
    dialog.accept()


def test_a_speaker_corrected_from_the_keyboard_shows_everywhere_and_undo_restores_it(qtbot, window):
    from PySide6.QtCore import QTimer

    group = spread_group(window.workspace.analysis)
    quote = window.workspace.analysis.quote(group.quotes[0])
    before = quote.speaker
    open_from_library(qtbot, window, quote.doc)
    move_to_quote(qtbot, window, quote.id)
    QTimer.singleShot(300, lambda: _answer_dialog("Anna Berg"))
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(
        lambda: window.workspace.analysis.quote(quote.id).speaker == "Anna Berg", timeout=30000
    )
    qtbot.waitUntil(lambda: not window.workspace.busy(), timeout=30000)
    window.show_quote(quote.id)
    assert window.quote_panel.speaker.text() == "Anna Berg · corrected by hand"
    assert "Set by hand" in window.quote_panel.speaker.toolTip()
    assert "Anna Berg" in window.workspace.analysis.speakers()
    window.action(ActionId.UNDO_CORRECTION).trigger()
    qtbot.waitUntil(
        lambda: window.workspace.analysis.quote(quote.id).speaker == before, timeout=30000
    )


def test_a_variant_split_from_the_quote_panel_leaves_the_group(qtbot, window):
    analysis = window.workspace.analysis
    group = spread_group(analysis)
    quote_id = group.quotes[0]
    window.show_quote(quote_id)
    direct = {k.a if k.b == quote_id else k.b for k in analysis.links_of(quote_id)}
    row, other = next((n, q) for n, q in enumerate(window.quote_panel.variant_ids()) if q in direct)
    window.quote_panel.list.setCurrentIndex(window.quote_panel.model.index(row))
    window.action(ActionId.SPLIT_VARIANT).trigger()

    def split() -> bool:
        links = window.workspace.analysis.links_of(quote_id)
        return not any(other in (k.a, k.b) for k in links)

    qtbot.waitUntil(split, timeout=30000)
    assert window.workspace.analysis.quote(other).corrected


def test_with_the_cursor_in_no_quote_the_panel_lists_the_articles_quotes(qtbot, window):
    analysis = window.workspace.analysis
    group = spread_group(analysis)
    quote = analysis.quote(group.quotes[0])
    open_from_library(qtbot, window, quote.doc)
    panel = window.quote_panel
    quotes = analysis.quotes_of(quote.doc)
    assert panel.quote_id == ""
    assert [row.id for row in panel.model.rows()] == [q.id for q in quotes]
    assert panel.variant_ids() == []

    def elsewhere(q):
        group = analysis.group_of(q.id)
        return len({analysis.quote(o).doc for o in group.quotes} - {q.doc}) if group else 0

    row = next(r for r in panel.model.rows() if r.id == quote.id)
    assert row.label.startswith(f"{speaker_text(quote)}, in {elsewhere(quote)} other article")
    shared = sum(1 for q in quotes if elsewhere(q))
    assert panel.quote.text().startswith(f"{len(quotes)} quotes, {shared} found in other articles")

    move_to_quote(qtbot, window, quote.id)
    assert panel.quote_id == quote.id
    window.reader.goto(0)  # the headline: in no quote
    assert window.reader.current_quote() is None
    assert panel.quote_id == "" and panel.model.rowCount() == len(quotes)

    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    while panel.list.currentIndex().data(ID_ROLE) != quote.id:
        qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.reader.current_quote().id == quote.id
    assert panel.quote_id == quote.id and set(panel.variant_ids()) == set(group.quotes) - {quote.id}


def test_opening_another_article_drops_the_last_articles_quote_from_the_panel(qtbot, window):
    analysis = window.workspace.analysis
    quote = analysis.quote(spread_group(analysis).quotes[0])
    open_from_library(qtbot, window, quote.doc)
    move_to_quote(qtbot, window, quote.id)
    other = next(d for d in window.workspace.by_id if d != quote.doc and analysis.quotes_of(d))
    open_from_library(qtbot, window, other)
    assert window.quote_panel.quote_id == ""
    assert [r.id for r in window.quote_panel.model.rows()] == [
        q.id for q in analysis.quotes_of(other)
    ]


def test_an_unnamed_source_shows_as_described_and_hover_says_it_is_unnamed() -> None:
    quote = Quote("a:0", "a", 0, 9, "x", speaker="unnamed senior official", role="senior official")
    assert speaker_text(quote) == "unnamed senior official"  # the role is not said twice
    assert "does not name who said it" in speaker_reason(quote)
