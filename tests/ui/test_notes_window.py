"""Annotations and export through the real window, driven from the keyboard."""

from __future__ import annotations

import re
from collections.abc import Callable

from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from reader.ui.actions import ActionId
from reader.ui.annotations_panel import AnnotateDialog
from reader.ui.export_dialog import ExportDialog
from reader.ui.notes import swatch

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def when_modal(kind: type, act: Callable[[QWidget], None]) -> QTimer:
    """Run `act(dialog)` as soon as a modal dialog of `kind` is up (it blocks the caller).

    A dialog `act` leaves open is rejected, so a failing test never hangs.
    """
    timer = QTimer(interval=20)

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            timer.stop()
            try:
                act(dialog)
            finally:
                if dialog.isVisible():
                    dialog.reject()

    timer.timeout.connect(check)
    timer.start()
    return timer


def fill_note(qtbot, note: str, tags: str) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, AnnotateDialog)
        qtbot.keyClicks(dialog.note, note)
        qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
        assert dialog.tags.hasFocus()
        qtbot.keyClicks(dialog.tags, tags)
        qtbot.keyClick(dialog.tags, Qt.Key.Key_Return)

    return act


def select_word_with_shift_arrows(qtbot, window) -> tuple[int, int]:
    """Put the cursor on the first word of the second paragraph, select it with Shift+Right."""
    reader = window.reader
    body = reader.document.body
    paragraph = reader.document.paragraphs()[1][0]
    word = re.compile(r"\w+").search(body, paragraph)
    assert word is not None
    reader.goto(word.start())
    reader.setFocus()
    for _ in range(len(word.group())):
        qtbot.keyClick(reader.text, Qt.Key.Key_Right, SHIFT)
    return word.start(), word.end()


def annotate_from_keyboard(
    qtbot, window, note: str, tags: str, act: Callable[[QWidget], None] | None = None
) -> tuple[int, int]:
    span = select_word_with_shift_arrows(qtbot, window)
    assert window.reader.selection_span() == span
    timer = when_modal(AnnotateDialog, act or fill_note(qtbot, note, tags))
    qtbot.keyClick(window.reader.text, Qt.Key.Key_M, CTRL)
    timer.stop()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # back from the dialog
    assert window.reader.text.hasFocus()
    return span


def annotation_colours(window) -> set[tuple[int, int, str]]:
    colour = swatch("yellow", window.colours)
    return {s for s in window.reader.painted() if s[2] == colour}


def test_annotate_undo_redo_and_find_it_after_a_restart(qtbot, open_window):
    window = open_window()
    doc = window.reader.document
    start, end = annotate_from_keyboard(qtbot, window, "worth checking", "check, people")
    panel = window.notes.panel
    [made] = panel.visible()
    assert (made.doc, made.start, made.end, made.exact) == (doc.id, start, end, doc.body[start:end])
    assert (made.note, made.tags, made.colour) == ("worth checking", ("check", "people"), "yellow")
    assert annotation_colours(window) == {(start, end, swatch("yellow", window.colours))}
    assert window.statusBar().currentMessage() == "Annotation saved."

    window.search.field.setFocus()
    qtbot.keyClicks(window.search.field, "xy")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Z, CTRL)  # the field's own undo
    assert window.search.text() == "" and len(panel.visible()) == 1

    window.reader.setFocus()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Z, CTRL)
    assert panel.visible() == [] and annotation_colours(window) == set()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [a.id for a in panel.visible()] == [made.id]
    assert annotation_colours(window)
    window.close()

    again = open_window()
    assert again.reader.document.id == doc.id
    assert [(a.id, a.note) for a in again.notes.panel.visible()] == [(made.id, "worth checking")]
    assert annotation_colours(again) == {(start, end, swatch("yellow", again.colours))}


def test_activating_an_annotation_opens_its_document_at_it(qtbot, window):
    first = window.reader.document
    start, end = annotate_from_keyboard(qtbot, window, "n", "")
    other = next(d for d in window.workspace.documents if d.id != first.id)
    window.navigator.open(other.id)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    panel = window.notes.panel
    assert window.right.currentWidget() is window.notes.tab and panel.table.hasFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.reader.document.id == first.id
    assert window.reader.selection_span() == (start, end)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)  # the panel was in front: the toggle hides it
    assert not window.right.isTabVisible(window.right.indexOf(window.notes.tab))
    assert not window.action(ActionId.SHOW_NOTES).isChecked()


def test_annotate_the_current_quote_in_one_keystroke(qtbot, window):
    window.reader.setFocus()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_BracketRight)
    quote = window.reader.current_quote()
    assert quote is not None
    qtbot.keyClick(window.reader.text, Qt.Key.Key_M, CTRL | SHIFT)
    [made] = window.notes.panel.visible()
    assert (made.doc, made.start, made.end, made.tags) == (
        quote.doc,
        quote.start,
        quote.end,
        ("quote",),
    )
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # from the quote panel: the same quote
    assert window.quote_panel.quote_id == quote.id
    qtbot.keyClick(window.quote_panel.list, Qt.Key.Key_M, CTRL | SHIFT)
    assert len(window.notes.panel.visible()) == 1
    assert window.statusBar().currentMessage() == "This quote is already annotated."


def test_annotating_without_a_selection_says_how(qtbot, window):
    window.reader.setFocus()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_M, CTRL)
    assert "Select text in the reader" in window.statusBar().currentMessage()
    assert window.notes.panel.visible() == []


def test_ctrl_e_exports_the_selected_annotation_to_pdf(qtbot, window, tmp_path):
    doc = window.reader.document
    note = "Проверить — “this”"  # QTest cannot type it: set it, then save with Enter

    def act(dialog: QWidget) -> None:
        dialog.note.setPlainText(note)  # type: ignore[attr-defined]
        qtbot.keyClick(dialog.tags, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    annotate_from_keyboard(qtbot, window, note, "", act)
    panel = window.notes.panel
    panel.table.selectRow(0)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    dialog = window.dialogs.get("export")
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    assert [dialog.scope.itemText(i) for i in range(dialog.scope.count())] == [
        "All annotations (1)",
        "Selected annotations (1)",
        "Annotations matching the filter (1)",
    ]
    dialog.scope.setCurrentIndex(1)
    target = tmp_path / "out" / "notes.pdf"
    target.parent.mkdir()
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60000) as done:
        dialog.export_button.click()
    assert done.args == [[str(target)]]
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(target).pages))
    assert note in text
    assert doc.title in text and doc.source in text
    assert window.statusBar().currentMessage() == f"Exported: {target}"
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)  # reopened: the same dialog, fresh choices
    assert window.dialogs.get("export") is dialog and dialog.scope.count() == 3


def test_note_commands_have_their_keys_and_are_in_the_palette(qtbot, window):
    keys = {
        spec: [s.toString() for s in window.action(spec).shortcuts()]
        for spec in (ActionId.ANNOTATE, ActionId.ANNOTATE_QUOTE, ActionId.EXPORT)
    }
    assert keys == {
        ActionId.ANNOTATE: ["Ctrl+M"],
        ActionId.ANNOTATE_QUOTE: ["Ctrl+Shift+M"],
        ActionId.EXPORT: ["Ctrl+E"],
    }
    assert "Ctrl+Z" in [s.toString() for s in window.action(ActionId.UNDO_ANNOTATION).shortcuts()]
    redo = [s.toString() for s in window.action(ActionId.REDO_ANNOTATION).shortcuts()]
    assert "Ctrl+Shift+Z" in redo
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    palette = window.dialogs.get("palette")
    qtbot.keyClicks(palette.field, "annotate sel")
    assert palette.current_action() is window.action(ActionId.ANNOTATE)
    palette.close()
