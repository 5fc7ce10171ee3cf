"""Drive the window from the keyboard only and check what it shows."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def search_from_keyboard(qtbot, window, query: str):
    """Ctrl+F, type the query, wait for the answer to that query."""
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is window.search.field
    qtbot.keyClicks(window.search.field, query)
    qtbot.waitUntil(
        lambda: (
            window.results.last_result is not None and window.results.last_result.query == query
        ),
        timeout=10000,
    )
    return window.results.last_result


def matched_words(window) -> list[str]:
    body = window.reader.document.body
    return [body[s:e].lower() for s, e in window.reader.highlighted()]


def test_search_open_first_hit_and_step_with_f3(qtbot, window):
    result = search_from_keyboard(qtbot, window, "Lavrov")
    assert result.total >= 2 and result.hits
    assert window.left.currentWidget() is window.results
    assert window.results.model.rowCount() == len(result.hits)

    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    first = result.hits[0]
    assert window.reader.document.id == first.doc
    assert window.reader.highlighted() == sorted(first.spans)
    assert set(matched_words(window)) == {"lavrov"}
    total = len(first.spans)
    assert window.reader.counter_text() == f"1 of {total}"
    assert window.reader.current == 0

    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.reader.counter_text() == f"2 of {total}"
    cursor_at = window.reader.cursor_offset()
    assert cursor_at == sorted(first.spans)[1][0]


def test_f3_past_the_last_match_opens_the_next_hit_and_shift_f3_comes_back(qtbot, window):
    result = search_from_keyboard(qtbot, window, "Lavrov")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    first, second = result.hits[0], result.hits[1]
    for _ in range(len(first.spans)):
        qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.reader.document.id == second.doc
    assert window.reader.counter_text() == f"1 of {len(second.spans)}"

    qtbot.keyClick(window, Qt.Key.Key_F3, SHIFT)
    assert window.reader.document.id == first.doc
    n = len(first.spans)
    assert window.reader.counter_text() == f"{n} of {n}"


def test_enter_and_shift_enter_in_the_reader_step_matches(qtbot, window):
    search_from_keyboard(qtbot, window, "NATO")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.reader.counter_text().startswith("1 of ")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.reader.text.hasFocus()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Return)
    assert window.reader.counter_text().startswith("2 of ")
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Return, SHIFT)
    assert window.reader.counter_text().startswith("1 of ")


def test_phrase_search_highlights_whole_phrases(qtbot, window):
    search_from_keyboard(qtbot, window, '"main issue"')
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    words = matched_words(window)
    assert words
    assert all(re.fullmatch(r"main\s+issues?", w) for w in words)


def test_back_and_forward_through_opened_documents(qtbot, window):
    result = search_from_keyboard(qtbot, window, "Lavrov")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    first = window.reader.document.id
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # into the results list
    assert window.results.list.hasFocus()
    qtbot.keyClick(window.results.list, Qt.Key.Key_J)
    qtbot.keyClick(window.results.list, Qt.Key.Key_Return)
    second = window.reader.document.id
    assert second == result.hits[1].doc != first

    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    assert window.reader.document.id == first
    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)
    assert window.reader.document.id == second


def test_library_table_opens_with_enter_and_filters_by_outlet(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    table = window.library.table
    assert table.hasFocus()
    assert table.model().rowCount() == len(window.workspace.documents) == 5
    qtbot.keyClick(table, Qt.Key.Key_K)
    qtbot.keyClick(table, Qt.Key.Key_J)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.reader.document is not None
    assert window.reader.document.id == window.library.selected_id()

    outlet = window.library.model.outlets()[0]
    window.library.outlet.setCurrentText(outlet)
    expected = sum(d.source == outlet for d in window.workspace.documents)
    assert table.model().rowCount() == expected


def test_zoom_keys_change_the_text_size(qtbot, window):
    size = window.reader.text.document().defaultFont().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
    assert window.reader.zoom == 1
    assert window.reader.text.document().defaultFont().pointSizeF() == size + 1
    qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    assert window.reader.zoom == -1
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    assert window.reader.zoom == 0
    assert window.reader.text.document().defaultFont().pointSizeF() == size


def test_palette_runs_an_action_by_fuzzy_name(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    palette = window.dialogs.get("palette")
    assert palette is not None and palette.isVisible()
    qtbot.keyClicks(palette.field, "zoomin")
    first = palette.proxy.index(0, 0)
    assert first.data() == "Zoom in"
    assert "Ctrl" in palette.proxy.index(0, 1).data()
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert window.reader.zoom == 1


def test_shortcuts_sheet_lists_every_action_with_its_keys(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = window.dialogs.get("shortcuts")
    assert sheet is not None and sheet.isVisible()
    rows = {
        sheet.model.index(r, 0).data(): sheet.model.index(r, 1).data()
        for r in range(sheet.model.rowCount())
    }
    assert rows["Search"].startswith("Ctrl+F")
    assert "F3" in rows["Next match"]
    assert rows["Next variant of this quote"] == "Ctrl+]"
    assert "Next item in a list" in rows


def test_escape_leaves_the_search_field(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Slash)
    assert window.search.field.hasFocus()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert not window.search.field.hasFocus()
    assert window.reader.text.hasFocus()


def test_toggle_removed_boilerplate_keeps_highlights_on_the_same_words(qtbot, window):
    search_from_keyboard(qtbot, window, "Lavrov")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    shown = window.reader.text.toPlainText()
    document = window.reader.document
    assert document.removed
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    with_removed = window.reader.text.toPlainText()
    assert len(with_removed) > len(shown)
    assert document.removed[0].text in with_removed
    for selection in window.reader.text.extraSelections():
        assert selection.cursor.selectedText().lower() == "lavrov"
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    assert window.reader.text.toPlainText() == shown


def test_did_you_mean_offers_a_correction_and_runs_it(qtbot, window):
    result = search_from_keyboard(qtbot, window, "Lavorv")
    assert result.total == 0 and result.suggestion
    assert window.results.suggestion.isVisible()
    assert result.suggestion in window.results.suggestion.text()
    window.results.suggestion.linkActivated.emit("#")
    assert window.search.text() == result.suggestion
    qtbot.waitUntil(lambda: window.results.last_result.query == result.suggestion)
    assert window.results.last_result.total > 0


def test_sort_by_date_from_the_keyboard_reorders_results(qtbot, window):
    search_from_keyboard(qtbot, window, "NATO")
    with qtbot.waitSignal(window.workspace.searchFinished, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_D, CTRL | SHIFT)
    assert window.search.current_sort() == "date"
    dates = [h.published[:10] for h in window.results.last_result.hits if h.published]
    assert dates == sorted(dates, reverse=True)
    assert window.settings.sort == "date"


def test_cancel_stops_background_work(qtbot, library, make_settings):
    from reader.ui.main_window import MainWindow

    window = MainWindow(library, make_settings())
    qtbot.addWidget(window)
    window.start()
    qtbot.keyClick(window, Qt.Key.Key_Period, CTRL)
    qtbot.waitUntil(lambda: not window.workspace.busy(), timeout=30000)
    assert not window.status.cancel_button.isVisible()
    window.close()
