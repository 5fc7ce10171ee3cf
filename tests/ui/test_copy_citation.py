"""Copy citation: the open document's citation on the clipboard, as text and as CSL-JSON."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from reader.export.csl import csl_item
from reader.export.formatted import formatted_citation
from reader.ui.actions import ActionId
from reader.ui.notes import CSL_MIME

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_copy_citation_from_the_keyboard_and_the_palette(qtbot, window):
    doc = window.reader.document
    assert doc is not None
    start = doc.paragraphs()[1][0]
    made = window.notes.panel.add(doc, start, start + 20, note="a line to cite")
    window.notes.panel.table.selectRow(0)
    assert [a.id for a in window.notes.panel.selected()] == [made.id]
    window.reader.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL_SHIFT)
    data = QGuiApplication.clipboard().mimeData()
    assert data.text() == formatted_citation(csl_item(doc)) and doc.title in data.text()
    assert f"({doc.published.year})" in data.text()  # Harvard: author or title, then (year)
    (item,) = json.loads(bytes(data.data(CSL_MIME)).decode("utf-8"))
    assert item["id"] == doc.id and item["title"] == doc.title
    assert item["note"].startswith("“" + " ".join(made.exact.split()))
    assert "a line to cite" in item["note"]
    assert window.statusBar().currentMessage().startswith("Citation copied")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = window.dialogs.get("palette")
    qtbot.keyClicks(palette.field, "copy cit")
    assert palette.current_action() is window.action(ActionId.COPY_CITATION)
    palette.close()
    QGuiApplication.clipboard().clear()  # Qt crashes at exit if it still owns our mime data
