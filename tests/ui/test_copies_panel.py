"""The Copies view in the window on the seeds: list, passages side by side, keys, library column."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reader.ui.actions import ActionId


def _seed(window, prefix: str) -> str:
    return next(d.id for d in window.workspace.documents if Path(d.path).name.startswith(prefix))


def test_copies_of_the_laundered_seed_side_by_side(qtbot, window):
    qtbot.waitUntil(lambda: window.copies.analysis is not None, timeout=30000)
    laundered, cnn = _seed(window, "000"), _seed(window, "002")
    window.navigator.open(laundered)
    window.action(ActionId.SHOW_COPIES).trigger()
    panel = window.copies.panel
    assert window.right.currentWidget() is panel
    assert panel.table.hasFocus()
    rows = [
        panel.model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)
        for r in range(panel.model.rowCount())
    ]
    assert cnn in rows
    assert panel.summary.text().startswith("A copy of “" + window.workspace.by_id[cnn].title)
    panel.table.setCurrentIndex(panel.model.index(rows.index(cnn), 0))
    assert panel.model.index(rows.index(cnn), 4).data() == "that one"
    assert panel.passage_model.rowCount() >= 1
    here, there = panel.here.toHtml(), panel.there.toHtml()
    assert "background" in here and "background" in there  # differing words are marked
    assert panel.here.toPlainText().split()[0] in window.workspace.by_id[laundered].body
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.reader.document.id == cnn)


def test_library_table_shows_copy_of(qtbot, window):
    qtbot.waitUntil(lambda: window.copies.analysis is not None, timeout=30000)
    model = window.library.model
    row = model.row_of(_seed(window, "000"))
    cnn = window.workspace.by_id[_seed(window, "002")]
    assert model.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Copy of"
    assert model.index(row, 5).data() == cnn.title
    assert model.index(model.row_of(cnn.id), 5).data() == ""
