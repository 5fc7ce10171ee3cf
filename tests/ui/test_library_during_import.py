"""The window while an import fills the library: rows arrive as inserts, the selection stays, and
the first document opens only once the import and the work it started have ended."""

from __future__ import annotations

from pathlib import Path

from reader.library import Library
from reader.ui.main_window import MainWindow

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
