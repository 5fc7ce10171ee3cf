"""The item models, checked with Qt's QAbstractItemModelTester on real documents."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QAbstractItemModelTester

from reader.ui.models import ID_ROLE, LibraryFilter, LibraryModel, Row, RowsModel, SpeakersModel
from reader.ui.palette import ActionsModel, FuzzyFilter

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def test_library_model_and_filter_pass_the_model_tester(qapp, library):
    documents = library.documents()
    model = LibraryModel()
    QAbstractItemModelTester(model, FATAL)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, FATAL)
    model.set_documents(documents)
    model.set_quote_counts({documents[0].id: 3})
    assert model.rowCount() == proxy.rowCount() == len(documents)
    assert model.index(model.row_of(documents[0].id), 4).data() == "3"
    assert model.index(model.row_of(documents[1].id), 4).data() == ""
    assert {model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())} == {
        d.id for d in documents
    }


def test_library_filter_by_outlet_and_date_range(qapp, library):
    documents = library.documents()
    model = LibraryModel()
    model.set_documents(documents)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, FATAL)
    outlet = documents[0].source
    proxy.set_outlet(outlet)
    assert proxy.rowCount() == sum(d.source == outlet for d in documents)
    proxy.set_outlet("")
    dated = sorted(d.published.date() for d in documents if d.published)
    proxy.set_date_range(dated[1], dated[-1])
    expected = sum(1 for d in documents if d.published and dated[1] <= d.published.date())
    assert proxy.rowCount() == expected
    proxy.set_date_range(date(1990, 1, 1), date(1990, 12, 31))
    assert proxy.rowCount() == 0
    proxy.set_date_range(None, None)
    assert proxy.rowCount() == len(documents)


def test_library_sorts_by_date_newest_first(qapp, library):
    documents = library.documents()
    model = LibraryModel()
    model.set_documents(documents)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    proxy.sort(3, Qt.SortOrder.DescendingOrder)
    shown = [proxy.index(r, 3).data() for r in range(proxy.rowCount())]
    dated = [d for d in shown if d != "–"]
    assert dated == sorted(dated, reverse=True)
    assert shown == dated + ["–"] * (len(shown) - len(dated))  # undated last


def test_rows_and_speakers_models_pass_the_model_tester(qapp):
    rows = RowsModel()
    QAbstractItemModelTester(rows, FATAL)
    rows.set_rows([Row("a", "first", "<b>first</b>"), Row("b", "second", "second", "tip")])
    assert rows.index(1).data(ID_ROLE) == "b"
    assert rows.index(1).data(Qt.ItemDataRole.ToolTipRole) == "tip"
    speakers = SpeakersModel()
    QAbstractItemModelTester(speakers, FATAL)
    speakers.set_speakers({"Ann Lee": 2, "Bo Chan": 5, "Al Ford": 2})
    assert [speakers.speaker(r) for r in range(3)] == ["Bo Chan", "Al Ford", "Ann Lee"]
    assert speakers.index(0, 1).data() == "5"


def test_palette_filter_ranks_fuzzy_matches(qapp):
    owner = QObject()  # actions, models and testers go away together
    actions = [QAction(text, owner) for text in ("Zoom in", "Zoom out", "Next match", "Next quote")]
    actions[2].setShortcut("F3")
    model = ActionsModel(actions, [("j", "Next item in a list")], owner)
    QAbstractItemModelTester(model, FATAL)
    proxy = FuzzyFilter(owner)
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, FATAL)
    proxy.set_pattern("nm")
    assert proxy.index(0, 0).data() == "Next match"
    assert proxy.index(0, 1).data() == "F3"
    proxy.set_pattern("zo")
    assert {proxy.index(r, 0).data() for r in range(proxy.rowCount())} == {"Zoom in", "Zoom out"}
    proxy.set_pattern("qqq")
    assert proxy.rowCount() == 0
    proxy.set_pattern("")
    assert proxy.rowCount() == 5
    assert isinstance(proxy, QSortFilterProxyModel)


def test_sorting_keeps_the_selection_on_its_document_and_new_rows_in_order(qapp, library):
    from PySide6.QtCore import QItemSelectionModel

    documents = library.documents()
    model = LibraryModel()
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, FATAL)
    model.set_documents(documents)
    selection = QItemSelectionModel(proxy)
    chosen = documents[2].id
    selection.setCurrentIndex(
        proxy.mapFromSource(model.index(model.row_of(chosen), 0)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    titles = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert titles == sorted(titles, key=str.casefold)
    assert selection.currentIndex().data(ID_ROLE) == chosen
    model.set_documents(list(reversed(documents)))  # new rows arrive in the current order
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == titles
    counts = {d.id: n for n, d in enumerate(documents)}
    proxy.sort(4, Qt.SortOrder.DescendingOrder)
    model.set_quote_counts(counts)
    shown = [int(proxy.index(r, 4).data()) for r in range(proxy.rowCount())]
    assert shown == sorted(counts.values(), reverse=True)
