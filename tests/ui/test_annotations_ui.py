"""The annotations panel and the export dialog, on a real store and real seed documents."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from reader.annotations import AnnotationStore
from reader.ui.annotations_panel import AnnotateDialog, AnnotationsPanel
from reader.ui.export_dialog import ExportDialog
from reader.ui.tasks import TaskRunner


@pytest.fixture
def documents(library):
    return library.documents()


@pytest.fixture
def panel(qtbot, library, documents):
    store = AnnotationStore(library.annotations_path)
    widget = AnnotationsPanel(store)
    qtbot.addWidget(widget)
    widget.set_documents(documents)
    yield widget
    store.close()


def span(doc, text):
    start = doc.body.index(text)
    return start, start + len(text)


def test_add_filter_and_jump(qtbot, panel, documents):
    doc = documents[0]
    panel.add(doc, *span(doc, "Lavrov"), note="minister", tags=["people"], colour="green")
    panel.add(doc, *span(doc, "NATO"), note="alliance", tags=["nato"])
    assert panel.model.rowCount() == 2
    assert panel.tag.findText("people") >= 0 and panel.tag.findText("nato") >= 0
    panel.text.setText("minis")
    assert [a.exact for a in panel.visible()] == ["Lavrov"]
    panel.text.clear()
    panel.colour.setCurrentText("yellow")
    assert [a.exact for a in panel.visible()] == ["NATO"]
    panel.colour.setCurrentText("Any")
    panel.tag.setCurrentText("people")
    assert [a.exact for a in panel.visible()] == ["Lavrov"]
    index = panel.model.index(0, 0)
    with qtbot.waitSignal(panel.annotationActivated) as jumped:
        panel.table.activated.emit(index)
    assert jumped.args == [doc.id, *span(doc, "Lavrov")]
    assert panel.model.data(index, Qt.ItemDataRole.DisplayRole) == "Lavrov"


def test_the_current_row_shows_the_whole_annotation_as_plain_text(qtbot, panel, documents):
    doc = documents[0]
    long_text = doc.paragraphs()[1]
    panel.add(doc, *long_text, note="<b>check</b> the date", tags=["timeline"])
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    shown = panel.detail.text()
    assert " ".join(doc.body[slice(*long_text)].split()) in shown  # not cut short like the row
    assert "<b>check</b> the date" in shown and "timeline" in shown and doc.title in shown
    assert panel.detail.textFormat() == Qt.TextFormat.PlainText


def test_this_document_filter(panel, documents):
    one, two = documents[0], documents[1]
    panel.add(one, *span(one, "NATO"))
    panel.add(two, *span(two, "NATO"))
    panel.set_current_document(two.id)
    panel.this_document.setChecked(True)
    assert [a.doc for a in panel.visible()] == [two.id]


def test_delete_undo_redo_refresh_the_table(panel, documents):
    doc = documents[0]
    panel.add(doc, *span(doc, "Lavrov"))
    panel.table.selectRow(0)
    panel.delete_selected()
    assert panel.model.rowCount() == 0
    panel.undo()
    assert panel.model.rowCount() == 1
    panel.redo()
    assert panel.model.rowCount() == 0
    messages = []
    panel.message.connect(messages.append)
    panel.redo()
    assert messages == ["Nothing to redo."]


def test_bad_selection_is_a_message_not_an_error(panel, documents):
    messages = []
    panel.message.connect(messages.append)
    assert panel.annotate(documents[0], 5, 5) is None
    assert messages and "Select some text" in messages[0]


def test_annotations_survive_a_restart(qtbot, library, documents):
    doc = documents[0]
    first = AnnotationStore(library.annotations_path)
    AnnotationsPanel(first).add(doc, *span(doc, "Lavrov"), note="kept")
    first.close()
    second = AnnotationStore(library.annotations_path)
    again = AnnotationsPanel(second)
    qtbot.addWidget(again)
    assert [a.note for a in again.visible()] == ["kept"]
    second.close()


def test_annotate_dialog_values(qtbot, documents):
    dialog = AnnotateDialog(None, "some text")
    qtbot.addWidget(dialog)
    dialog.note.setPlainText("  a note ")
    dialog.tags.setText("one, two ,, ")
    dialog.colour.setCurrentText("pink")
    assert dialog.values() == {"note": "a note", "tags": ["one", "two"], "colour": "pink"}


def test_export_dialog_writes_pdf_and_markdown(qtbot, tmp_path, panel, documents):
    doc = documents[0]
    panel.add(doc, *span(doc, "Lavrov"), note="Кремль — “quoted”")
    dialog = ExportDialog(
        TaskRunner(synchronous=True),
        documents,
        {"All annotations": panel.visible()},
        folder=tmp_path,
    )
    qtbot.addWidget(dialog)
    dialog.formats["markdown"].setChecked(True)
    dialog.page_size.setCurrentText("Letter")
    with qtbot.waitSignal(dialog.exported) as done:
        dialog.export_button.click()
    pdf, md = tmp_path / "excerpts.pdf", tmp_path / "excerpts.md"
    assert done.args == [[str(pdf), str(md)]]
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert "Кремль — “quoted”" in text and doc.title in text
    assert round(float(PdfReader(pdf).pages[0].mediabox.height)) == 792
    assert "Кремль" in md.read_text(encoding="utf-8")
    assert dialog.status.text().startswith("Wrote")


def test_export_dialog_explains_what_is_missing(qtbot, tmp_path, documents):
    dialog = ExportDialog(
        TaskRunner(synchronous=True), documents, {"Selected annotations": []}, folder=tmp_path
    )
    qtbot.addWidget(dialog)
    dialog.export_button.click()
    assert "Nothing to export" in dialog.status.text()
    assert list(tmp_path.glob("excerpts*")) == []
    dialog.set_choices({"All annotations": [], "Matching the filter": []})
    assert [dialog.scope.itemText(i) for i in range(2)] == [
        "All annotations (0)",
        "Matching the filter (0)",
    ]


def test_editing_a_note_repaints_its_row_only_and_keeps_the_selection(qtbot, panel, documents):
    doc = documents[0]
    first = panel.add(doc, *span(doc, "Lavrov"), note="minister")
    panel.add(doc, *span(doc, "NATO"), note="alliance")
    panel.table.setCurrentIndex(panel.model.index(1, 0))
    resets, repainted = [], []
    panel.model.modelReset.connect(lambda: resets.append(True))
    panel.model.dataChanged.connect(lambda top, bottom: repainted.append((top.row(), bottom.row())))
    panel.store.update(first.id, note="foreign minister")
    row = next(r for r in range(2) if panel.model.annotation(r).id == first.id)
    assert resets == [] and repainted == [(row, row)]
    assert panel.model.annotation(row).note == "foreign minister"
    assert panel.table.currentIndex().row() == 1
    panel.add(doc, *span(doc, "Peskov"))  # a new row: the table is rebuilt
    assert resets and panel.model.rowCount() == 3
