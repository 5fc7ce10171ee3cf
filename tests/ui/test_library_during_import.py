"""The window while an import fills the library: rows arrive as inserts, the selection stays, the
first document opens only once the import and the work it started have ended, and what lands
late (quote counts) or piles up (garbage) costs the GUI thread no pass over every row or object."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt

from reader.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.models import LibraryFilter, LibraryModel
from reader.ui.views.library_panel import ALL_OUTLETS
from tests.benchmarks.corpus import write_corpus

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _wait_idle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.workspace.busy(), timeout=60000)


def test_the_first_document_opens_once_the_import_has_ended(qtbot, tmp_path, make_settings):
    window = MainWindow(Library(tmp_path / "empty", seed=False), make_settings())
    qtbot.addWidget(window)
    window.show()
    window.start()
    _wait_idle(qtbot, window)
    assert window.reader.document is None and window.library.model.rowCount() == 0
    open_while_loading: list[object] = []
    window.workspace.documentsLoaded.connect(
        lambda: open_while_loading.append(window.reader.document)  # after the window's own slot
    )
    opened: list[str] = []
    window.navigator.documentOpened.connect(opened.append)
    window.import_paths([str(SEEDS)])
    _wait_idle(qtbot, window)
    assert open_while_loading == [None]  # the library filled without opening anything
    assert window.library.model.rowCount() == len(list(SEEDS.glob("*.txt")))
    first = window.library.first_id()
    assert opened == [first] and window.reader.document.id == first
    assert window.library.selected_id() == first
    window.close()


def test_an_import_adds_rows_without_a_reset_and_keeps_the_open_document(qtbot, window, tmp_path):
    chosen = window.workspace.documents[3].id
    window.navigator.open(chosen)
    model = window.library.model
    resets: list[bool] = []
    inserted: list[int] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append(last - first + 1))
    folder = tmp_path / "new"
    folder.mkdir()
    for number in range(3):
        (folder / f"n{number}.txt").write_text(
            f"Ferry story {number}\n\nMarch {number + 1}, 2021\n\nThe ferry sailed again.\n",
            encoding="utf-8",
        )
    window.import_paths([str(folder)])
    _wait_idle(qtbot, window)
    assert model.rowCount() == len(window.workspace.documents) == 8
    assert not resets and sum(inserted) == 3
    assert window.reader.document.id == chosen and window.library.selected_id() == chosen
    shown = [model.document(r).published for r in range(model.rowCount())]
    dated = [when for when in shown if when is not None]
    assert dated == sorted(dated, reverse=True)  # still newest first


def _empty_window(qtbot, tmp_path, make_settings, articles: int) -> tuple[MainWindow, Path]:
    """A window on an empty library, loaded, and a generated folder of `articles` to import."""
    window = MainWindow(Library(tmp_path / "empty", seed=False), make_settings())
    qtbot.addWidget(window)
    window.show()
    window.start()
    _wait_idle(qtbot, window)
    return window, write_corpus(tmp_path / "corpus", articles, words=200)


def test_quote_counts_landing_filter_no_row_again_and_measure_only_rows_on_screen(
    qtbot, tmp_path, make_settings, monkeypatch
):
    filtered: list[int] = []
    asked: set[int] = set()
    accepts, data = LibraryFilter.filterAcceptsRow, LibraryModel.data

    def counting_accepts(self, row, parent):
        filtered.append(row)
        return accepts(self, row, parent)

    def counting_data(self, index, role=Qt.ItemDataRole.DisplayRole):
        asked.add(index.row())
        return data(self, index, role)

    # before any window: PySide looks an override up once
    monkeypatch.setattr(LibraryFilter, "filterAcceptsRow", counting_accepts)
    monkeypatch.setattr(LibraryModel, "data", counting_data)
    window, folder = _empty_window(qtbot, tmp_path, make_settings, 150)
    window.import_paths([str(folder)])
    _wait_idle(qtbot, window)
    model = window.library.model
    assert model.rowCount() == 150 and window.library.proxy.rowCount() == 150
    assert sorted(filtered) == list(range(150))  # each row filtered once, as it was inserted
    filtered.clear()
    asked.clear()
    counts = {model.document(row).id: 1000 + row for row in range(150)}
    model.set_quote_counts(counts)
    qtbot.wait(100)  # the view draws the change
    assert filtered == []
    assert asked and len(asked) < 150  # the rows on screen, not every row
    assert [model.index(row, 4).data() for row in range(150)] == [
        str(1000 + row) for row in range(150)
    ]
    window.close()


def test_a_row_whose_outlet_changes_is_filtered_again(qtbot, window):
    library = window.library
    outlet = library.model.outlets()[0]
    library.outlet.setCurrentText(outlet)
    shown = library.proxy.rowCount()
    assert 0 < shown < library.model.rowCount()
    moved = next(d for d in window.workspace.documents if d.source == outlet)
    renamed = [
        replace(d, source="Elsewhere") if d is moved else d for d in window.workspace.documents
    ]
    library.model.set_documents(renamed)
    assert library.proxy.rowCount() == shown - 1
    library.outlet.setCurrentText(ALL_OUTLETS)
    assert library.proxy.rowCount() == library.model.rowCount()


def test_no_full_collection_while_an_import_runs_and_what_it_loaded_is_frozen(
    qtbot, tmp_path, make_settings
):
    window, folder = _empty_window(qtbot, tmp_path, make_settings, 60)
    gc.unfreeze()
    usual = gc.get_threshold()
    thresholds: list[int] = []
    full: list[str] = []

    def collected(phase: str, info: dict[str, int]) -> None:
        if info["generation"] == 2 and phase == "start":
            full.append(phase)

    window.workspace.progress.connect(lambda *_: thresholds.append(gc.get_threshold()[2]))
    gc.callbacks.append(collected)
    try:
        window.import_paths([str(folder)])
        _wait_idle(qtbot, window)
    finally:
        gc.callbacks.remove(collected)
    assert len(window.workspace.documents) == 60
    assert thresholds and all(held > 1000 * usual[2] for held in thresholds)
    assert full == []
    assert gc.get_threshold() == usual
    assert gc.get_freeze_count() > 0
    window.close()
