"""The item models, checked with Qt's QAbstractItemModelTester on real documents."""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QAbstractItemModelTester

from reader.ui.models import (
    DATE_ROLE,
    ID_ROLE,
    OUTLET_ROLE,
    LibraryFilter,
    LibraryModel,
    Row,
    RowsModel,
    SpeakersModel,
)
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


class CountingFilter(LibraryFilter):
    """A library filter that counts the rows it is asked about."""

    asked = 0

    def filterAcceptsRow(self, source_row, source_parent):
        self.asked += 1
        return super().filterAcceptsRow(source_row, source_parent)


def _record(model: LibraryModel) -> dict[str, list]:
    seen: dict[str, list] = {"reset": [], "inserted": [], "removed": [], "changed": []}
    model.modelReset.connect(lambda: seen["reset"].append(True))
    model.rowsInserted.connect(lambda _p, first, last: seen["inserted"].append((first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: seen["removed"].append((first, last)))
    model.dataChanged.connect(
        lambda top, bottom, _roles: seen["changed"].append(
            (top.row(), bottom.row(), top.column(), bottom.column())
        )
    )
    return seen


def test_reloaded_documents_arrive_as_inserts_in_order_and_the_selection_stays(qapp, library):
    from dataclasses import replace

    from PySide6.QtCore import QItemSelectionModel

    documents = library.documents()
    model = LibraryModel()
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, FATAL)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    seen = _record(model)
    model.set_documents(documents[:3])
    assert seen["inserted"] == [(0, 2)] and not seen["reset"]  # an empty library: one batch
    selection = QItemSelectionModel(proxy)
    chosen = documents[1].id
    selection.setCurrentIndex(
        proxy.mapFromSource(model.index(model.row_of(chosen), 0)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )
    seen["inserted"].clear()
    model.set_documents(documents)
    titles = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert titles == sorted((d.title or d.path for d in documents), key=str.casefold)
    assert sum(last - first + 1 for first, last in seen["inserted"]) == 2
    assert not seen["reset"] and not seen["removed"] and not seen["changed"]
    assert selection.currentIndex().data(ID_ROLE) == chosen
    model.set_documents([d for d in documents if d.id != documents[0].id])
    assert seen["removed"] == [(titles.index(documents[0].title), titles.index(documents[0].title))]
    assert selection.currentIndex().data(ID_ROLE) == chosen
    renamed = replace(documents[2], author="A. N. Other")  # shown, but not what rows sort by
    seen["removed"].clear()
    seen["inserted"].clear()
    model.set_documents([renamed if d.id == renamed.id else d for d in documents[1:]])
    row = model.row_of(renamed.id)
    assert seen["changed"] == [(row, row, 0, 5)] and model.index(row, 2).data() == "A. N. Other"
    assert not seen["removed"] and not seen["inserted"]
    assert selection.currentIndex().data(ID_ROLE) == chosen and not seen["reset"]


class RoleCountingModel(LibraryModel):
    """A library model that counts what it is asked, by role."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: Counter[int] = Counter()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        self.asked[role] += 1
        return super().data(index, role)


def test_rows_pass_an_unset_filter_without_asking_the_model_and_a_set_one_asks(qapp, library):
    documents = library.documents()
    model = RoleCountingModel()
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    model.set_documents(documents)
    assert proxy.rowCount() == len(documents)
    assert model.asked[OUTLET_ROLE] == model.asked[DATE_ROLE] == 0
    outlet = documents[0].source
    proxy.set_outlet(outlet)
    assert model.asked[OUTLET_ROLE] == len(documents)
    assert proxy.rowCount() == sum(d.source == outlet for d in documents)


def test_copies_and_quote_counts_redraw_only_the_rows_they_change_and_refilter_none(qapp, library):
    documents = library.documents()
    model = LibraryModel()
    proxy = CountingFilter()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, FATAL)
    model.set_documents(documents)
    seen = _record(model)
    copy, original = documents[3], documents[0]
    proxy.asked = 0
    model.set_copy_of({copy.id: original.id})
    row = model.row_of(copy.id)
    assert seen["changed"] == [(row, row, 5, 5)] and proxy.asked == 0
    assert model.index(row, 5).data() == original.title
    model.set_copy_of({copy.id: original.id})  # the same answer again: nothing to redraw
    assert len(seen["changed"]) == 1
    model.set_quote_counts({d.id: 2 for d in documents})
    seen["changed"].clear()
    proxy.asked = 0
    model.set_quote_counts({d.id: 3 if d.id == copy.id else 2 for d in documents})
    assert seen["changed"] == [(row, row, 4, 4)] and proxy.asked == 0
    assert model.index(row, 4).data() == "3" and proxy.rowCount() == len(documents)


def test_a_narrow_library_panel_shows_title_outlet_date_and_quotes_whole(qtbot):
    from reader.ui.views.library_panel import LibraryPanel

    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 500)
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.table.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert shown == [0, 1, 3, 4]  # author and copy of are one right-click away
    assert header.sectionPosition(4) + header.sectionSize(4) <= panel.table.viewport().width()
    assert header.sectionSize(0) >= 100  # the title keeps the room left


def test_a_narrower_library_panel_narrows_the_outlet_before_the_title_and_gives_it_back(qtbot):
    from reader.ui.views.library_panel import LibraryPanel

    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 500)
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.table.horizontalHeader()
    header.resizeSection(1, 130)  # the user widens the outlet column
    assert header.sectionSize(1) == 130
    for width in (330, 300):
        panel.resize(width, 500)
        qtbot.waitUntil(lambda w=width: panel.table.viewport().width() < w)
        viewport = panel.table.viewport().width()
        assert header.sectionPosition(4) + header.sectionSize(4) <= viewport  # quotes in sight
        assert header.sectionSize(0) >= 100  # the title keeps room
        assert header.sectionSize(1) < 84  # the outlet gave it (its text elides, tooltip whole)
    panel.resize(600, 500)
    qtbot.waitUntil(lambda: header.sectionSize(1) == 130)  # the user's width comes back
