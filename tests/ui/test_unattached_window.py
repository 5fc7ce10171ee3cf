"""The unattached list in the Notes tab: import other tools' files, attach by hand, discard.

The files are written here in the other tools' documented shapes (a W3C AnnotationCollection from
another producer, Hypothesis API rows); their annotations point at pages that are not in the
library, so they land on the list, and are attached from the keyboard to the open document.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from PySide6.QtCore import Qt

from reader.annotations import AnnotationStore, unattached
from reader.ui.actions import ActionId
from tests.ui.test_notes_window import select_word_with_shift_arrows

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
MISSING = "https://elsewhere.example.org/2022/01/28/story"


def w3c_file(path: Path, exact: str) -> Path:
    """A collection from another producer: urn:uuid ids, a URL source no document has."""
    item = {
        "id": "urn:uuid:0b7f9c1e-5a55-4c2e-9d57-2f7f1f0a9c01",
        "type": "Annotation",
        "motivation": "commenting",
        "created": "2024-03-05T09:12:00Z",
        "body": {"type": "TextualBody", "value": "Seen first elsewhere", "format": "text/plain"},
        "target": {"source": MISSING, "selector": {"type": "TextQuoteSelector", "exact": exact}},
    }
    collection = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "total": 1,
        "first": {"type": "AnnotationPage", "items": [item]},
    }
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path


def hypothesis_file(path: Path) -> Path:
    """Two Hypothesis rows on a page the library lacks: one quoting it, one a page note."""
    row = {
        "user": "acct:reporter@hypothes.is",
        "uri": MISSING,
        "created": "2024-04-02T18:20:11.402170+00:00",
        "updated": "2024-04-02T18:20:11.402170+00:00",
    }
    rows = [
        row
        | {
            "id": "Hq1",
            "text": "Compare with our copy",
            "tags": ["compare"],
            "target": [
                {
                    "source": MISSING,
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": "words the library has nowhere"}
                    ],
                }
            ],
        },
        row | {"id": "Hq2", "text": "A page note", "tags": [], "target": [{"source": MISSING}]},
    ]
    path.write_text(json.dumps({"total": 2, "rows": rows}), encoding="utf-8")
    return path


def import_and_wait(qtbot, window, path: Path) -> None:
    window.notes.unattached.import_from(path)
    qtbot.waitUntil(lambda: not window.workspace.busy(), timeout=30000)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Imported"))


def rows(window) -> dict[str, str]:
    """The unattached list as shown: entry id -> the Why column."""
    model = window.notes.unattached.panel.model
    return {model.rows[r].id: model.index(r, 1).data() for r in range(model.rowCount())}


def select_row(window, entry_id: str) -> None:
    panel = window.notes.unattached.panel
    row = [e.id for e in panel.model.rows].index(entry_id)
    panel.table.setCurrentIndex(panel.model.index(row, 0))


def test_import_attach_from_the_keyboard_and_reimport_changes_nothing(
    qtbot, window, library, tmp_path
):
    doc = window.reader.document
    paragraph = doc.body[doc.paragraphs()[1][0] :]
    exact = " ".join(re.findall(r"\S+", paragraph)[:6])
    assert doc.body.count(exact) == 1
    w3c = w3c_file(tmp_path / "other-tool.jsonld", exact)
    hyp = hypothesis_file(tmp_path / "hypothesis.json")
    panel = window.notes.unattached.panel
    assert not panel.isVisible()  # nothing unattached: the list is out of the way

    import_and_wait(qtbot, window, w3c)
    import_and_wait(qtbot, window, hyp)
    notes_tab = window.notes.tab
    assert window.right.currentWidget() is notes_tab and panel.isVisible()
    assert panel.table.hasFocus()
    reasons = rows(window)
    w3c_id = "0b7f9c1e-5a55-4c2e-9d57-2f7f1f0a9c01"
    assert reasons == {
        w3c_id: f"no library document has the URL {MISSING}",
        "Hq1": f"no library document has the URL {MISSING}",
        "Hq2": "a page note: it selects no text",
    }
    assert panel.title.text().startswith("Unattached (3)")

    select_row(window, w3c_id)
    assert exact in panel.detail.text() and "Seen first elsewhere" in panel.detail.text()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # attach where its quote is, in the open doc
    assert set(rows(window)) == {"Hq1", "Hq2"}
    assert window.statusBar().currentMessage().startswith(f"Attached to “{exact[:40]}")
    window.reader.setFocus()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Z, CTRL)  # undo lists it again
    assert set(rows(window)) == {w3c_id, "Hq1", "Hq2"}
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Z, CTRL_SHIFT)
    assert set(rows(window)) == {"Hq1", "Hq2"}

    select_row(window, "Hq1")
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # its quote is not in this document
    assert "choose the passage" in window.statusBar().currentMessage()
    start, end = select_word_with_shift_arrows(qtbot, window)
    qtbot.keyClick(window.reader.text, Qt.Key.Key_A, CTRL_SHIFT)  # attach to the selection
    assert set(rows(window)) == {"Hq2"}
    painted = {(s, e) for s, e, _ in window.reader.painted()}
    assert (start, end) in painted

    with AnnotationStore(library.annotations_path) as store:  # the SQLite file, read afresh
        saved = {a.id: a for a in store.list()}
        assert set(saved) == {w3c_id, "Hq1"}
        first, second = saved[w3c_id], saved["Hq1"]
        assert first.doc == doc.id and doc.body[first.start : first.end] == exact
        assert (first.note, first.created) == ("Seen first elsewhere", "2024-03-05T09:12:00Z")
        assert second.doc == doc.id and (second.start, second.end) == (start, end)
        assert (second.note, second.tags) == ("Compare with our copy", ("compare",))
        before = (store.list(), unattached.listed(store))

    for path in (w3c, hyp):
        import_and_wait(qtbot, window, path)
        said = window.statusBar().currentMessage()
        assert "(0 new, 0 replaced, 1 unchanged, 0 rejected)" in said and "(0 new)" in said
    with AnnotationStore(library.annotations_path) as store:
        assert (store.list(), unattached.listed(store)) == before

    window.notes.unattached.panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)  # discard the page note
    assert rows(window) == {} and not panel.isVisible()
    import_and_wait(qtbot, window, hyp)
    assert rows(window) == {}
    with AnnotationStore(library.annotations_path) as store:
        assert [u.id for u in unattached.discarded(store)] == ["Hq2"]


def test_the_unattached_commands_are_in_the_palette_and_a_bad_file_is_one_line(
    qtbot, window, tmp_path
):
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    palette = window.dialogs.get("palette")
    for typed, action in (
        ("attach to the sel", ActionId.ATTACH_TO_SELECTION),
        ("where its quote", ActionId.ATTACH_BY_QUOTE),
        ("discard unatt", ActionId.DISCARD_UNATTACHED),
        ("import annot", ActionId.IMPORT_ANNOTATIONS),
        ("show unatt", ActionId.SHOW_UNATTACHED),
    ):
        palette.field.clear()
        qtbot.keyClicks(palette.field, typed)
        assert palette.current_action() is window.action(action)
    palette.close()
    window.action(ActionId.DISCARD_UNATTACHED).trigger()
    assert window.statusBar().currentMessage() == "No unattached annotation to discard."
    bad = tmp_path / "notes.json"
    bad.write_text('{"title": "not annotations"}', encoding="utf-8")
    window.notes.unattached.import_from(bad)
    qtbot.waitUntil(lambda: not window.workspace.busy(), timeout=30000)
    qtbot.waitUntil(lambda: "neither W3C" in window.statusBar().currentMessage())
    assert "\n" not in window.statusBar().currentMessage()
