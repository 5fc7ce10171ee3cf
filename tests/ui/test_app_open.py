"""Starting the app: files given to it are shown, a library is claimed once, anchors are kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.library import Library
from reader.ui.app import FileOpener, claim_problem, open_window, run

ARTICLE = """{title}

By Ann Example
March 3, 2015

The harbour board met on {day} to discuss the new ferry timetable for the island routes.

"We will publish the timetable next week," said Maria Lopez, who chairs the board.

Residents asked for earlier crossings in winter and for a stop at the northern pier.
"""


def write_article(folder: Path, name: str, title: str, day: str = "Monday") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(ARTICLE.format(title=title, day=day), encoding="utf-8")
    return path


def shown_window(qtbot, library, make_settings, paths: list[str]):
    window = open_window(library, paths, make_settings())
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def test_a_file_given_on_the_command_line_is_imported_and_shown(
    qtbot, library, make_settings, tmp_path
):
    path = write_article(tmp_path / "incoming", "zz-ferry.txt", "Ferry timetable to change")
    window = shown_window(qtbot, library, make_settings, [str(path)])
    wait_until_shown(qtbot, window, "Ferry timetable to change")
    found = library.find(str(path))
    assert found is not None and window.reader.document.id == found.id
    assert window.library.first_id() != found.id  # not merely the first document of the list
    assert window.settings.last_document == found.id

    other = write_article(tmp_path / "elsewhere", "zz-pier.txt", "Northern pier reopens")
    app = QApplication.instance()
    opener = FileOpener(window)
    app.installEventFilter(opener)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(other)))  # macOS "Open With"
        qtbot.waitUntil(
            lambda: window.reader.document.title == "Northern pier reopens", timeout=30000
        )
    finally:
        app.removeEventFilter(opener)
    qtbot.waitUntil(lambda: not window.workspace.busy(), timeout=60000)
    window.close()


def test_a_file_already_in_the_library_is_shown_too(qtbot, library, make_settings, tmp_path):
    path = write_article(tmp_path / "incoming", "zz-ferry.txt", "Ferry timetable to change")
    library.import_paths([path])
    window = shown_window(qtbot, library, make_settings, [str(path)])
    wait_until_shown(qtbot, window, "Ferry timetable to change")
    window.close()


def wait_until_shown(qtbot, window, title: str) -> None:
    """Wait until the reader shows the document titled `title` and background work is done."""
    qtbot.waitUntil(
        lambda: window.reader.document is not None and window.reader.document.title == title,
        timeout=30000,
    )
    qtbot.waitUntil(lambda: not window.workspace.busy(), timeout=60000)


def close_message_boxes(seen: list[str]) -> QTimer:
    """Answer any message box that comes up (it would block the test), noting its text."""
    timer = QTimer(interval=20)

    def check() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.reject()

    timer.timeout.connect(check)
    timer.start()
    return timer


def test_a_second_window_on_the_same_library_is_refused(qapp, tmp_path, capsys):
    first = Library(tmp_path / "lib")
    assert claim_problem(first) == ""
    second = Library(tmp_path / "lib")
    problem = claim_problem(second)
    assert "already open in another Source Reader window" in problem
    assert "\n" not in problem

    seen: list[str] = []
    timer = close_message_boxes(seen)
    try:
        assert run(Library(tmp_path / "lib"), []) == 1
    finally:
        timer.stop()
    assert seen == [problem]
    assert problem in capsys.readouterr().err
    assert claim_problem(Library(tmp_path / "other")) == ""


def test_changed_documents_keep_their_annotations_and_orphans_are_listed(
    qtbot, tmp_path, make_settings
):
    library = Library(tmp_path / "lib", seed=False)
    path = write_article(tmp_path / "incoming", "ferry.txt", "Ferry timetable to change")
    library.import_paths([path])
    [doc] = library.documents()
    window = shown_window(qtbot, library, make_settings, [])
    qtbot.waitUntil(
        lambda: window.workspace.index_ready and not window.workspace.busy(), timeout=60000
    )
    store = window.notes.store
    kept = doc.body.index("northern pier")
    lost = doc.body.index("Monday")
    kept_id = store.add(doc, kept, kept + len("northern pier"), note="pier").id
    lost_id = store.add(doc, lost, lost + len("Monday"), note="day").id
    window.close()

    copy = Path(doc.path)
    edited = ARTICLE.format(title="Ferry timetable to change", day="Friday")
    copy.write_text("Updated: the board corrected the date.\n\n" + edited, encoding="utf-8")
    again = shown_window(qtbot, library, make_settings, [])
    qtbot.waitUntil(
        lambda: again.workspace.index_ready and not again.workspace.busy(), timeout=60000
    )
    notes = {a.id: a for a in again.notes.panel.visible()}
    new_doc = again.workspace.by_id[doc.id]
    moved = notes[kept_id]
    assert new_doc.body[moved.start : moved.end] == "northern pier" and not moved.orphaned
    assert notes[lost_id].orphaned
    row = [a.id for a in again.notes.panel.visible()].index(lost_id)
    assert again.notes.panel.model.index(row, 0).data().startswith("⚠ ")
    assert "no longer fit" in again.statusBar().currentMessage()
    again.close()
