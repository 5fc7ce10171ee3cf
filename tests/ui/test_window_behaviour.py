"""Settings, theme, untrusted text, imports by drag-and-drop, and unhandled errors."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QPalette
from PySide6.QtWidgets import QApplication

import reader.quotes as quotes_package
from reader.documents.model import Document
from reader.logfile import LOG_NAME
from reader.ui import theme
from reader.ui.errors import ErrorReporter
from reader.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def test_settings_persist_across_a_new_window(qtbot, open_window):
    first = open_window()
    qtbot.keyClick(first, Qt.Key.Key_Equal, CTRL)
    qtbot.keyClick(first, Qt.Key.Key_Equal, CTRL)
    first.search.set_text("Peskov")
    qtbot.waitUntil(lambda: first.results.last_result is not None)
    qtbot.keyClick(first.search.field, Qt.Key.Key_Return)
    opened = first.reader.document.id
    first.resize(760, 520)
    first.splitter.setSizes([150, 300, 180])
    sizes = first.splitter.sizes()
    first.close()

    second = open_window()
    assert second.reader.zoom == 2
    assert second.search.text() == "Peskov"
    assert second.reader.document is not None and second.reader.document.id == opened
    assert (second.width(), second.height()) == (760, 520)
    assert second.splitter.sizes() == sizes
    qtbot.waitUntil(lambda: second.results.last_result is not None)
    assert second.results.last_result.query == "Peskov"


def test_a_narrower_window_shrinks_every_pane_in_proportion(qtbot, window):
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: sum(window.splitter.sizes()) > 1200)
    before = window.splitter.sizes()
    window.resize(900, 800)
    qtbot.waitUntil(lambda: sum(window.splitter.sizes()) < 900)
    after = window.splitter.sizes()
    for old, new in zip(before, after, strict=True):
        assert abs(new / sum(after) - old / sum(before)) < 0.03, (before, after)
    assert after[1] >= 0.4 * sum(after)  # the reading pane keeps its share of a narrow window


def test_theme_setting_overrides_the_system_and_colours_stay_readable(qtbot, window):
    window.settings.theme = "dark"
    window.apply_theme()
    palette = QApplication.instance().palette()
    assert palette.color(QPalette.ColorRole.Base) == QColor(theme.DARK.background)
    assert window.reader.colours is theme.DARK
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.settings.theme == "system"
    assert window.colours is theme.resolve("system")
    window.settings.theme = "light"
    window.apply_theme()
    assert QApplication.instance().palette().color(QPalette.ColorRole.Base) == QColor(
        theme.LIGHT.background
    )


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_highlight_colours_meet_wcag_contrast_in_both_schemes():
    for c in (theme.LIGHT, theme.DARK):
        assert _contrast(c.text, c.background) >= 7
        assert _contrast(c.match_text, c.match) >= 4.5
        assert _contrast(c.current_text, c.current) >= 4.5
        assert _contrast(c.changed_text, c.changed) >= 4.5
        assert _contrast(c.text, c.quote) >= 4.5
        assert _contrast(c.muted, c.background) >= 3


def test_document_text_is_shown_as_text_never_as_html(qtbot, window):
    hostile = Document(
        id="hostile",
        path="/tmp/hostile.html",
        title="<b>Bold</b> title",
        body='Click <a href="http://evil.example/">here</a>.\n\n<img src="http://evil.example/x.png"> <script>x()</script>',
    )
    window.reader.show_document(hostile)
    assert window.reader.text.toPlainText() == hostile.body
    assert window.reader.title.text() == "<b>Bold</b> title"
    assert window.reader.title.textFormat() == Qt.TextFormat.PlainText
    html = window.reader.text.toHtml()
    assert "<img" not in html and "&lt;img" in html
    assert window.reader.text.loadResource(2, QUrl("http://evil.example/x.png")) is None


def _drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)


def test_dropping_files_imports_them_and_lists_failures(qtbot, window, tmp_path):
    good = tmp_path / "drop" / "harbour.txt"
    good.parent.mkdir()
    good.write_text(
        "Ferry terminal to close\n\nBy Ann Example\nMarch 3, 2022\n\n"
        "The council voted to close the old ferry terminal, ending a century of service.\n\n"
        "“We cannot keep pouring money into it,” said councillor Tom Reed.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "drop" / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with qtbot.waitSignal(window.workspace.importFinished, timeout=20000) as imported:
        _drop(window, [good, empty])
    report = imported.args[0]
    assert len(report.added) == 1 and len(report.errors) == 1
    qtbot.waitUntil(lambda: len(window.workspace.documents) == 6, timeout=20000)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 6)
    assert "1 failed" in window.statusBar().currentMessage()
    qtbot.keyClick(window.status.details_button, Qt.Key.Key_Space)
    details = window.dialogs.get("details")
    assert details is not None and "empty.txt" in details.text.toPlainText()
    qtbot.waitUntil(lambda: not window.workspace.busy(), timeout=30000)
    window.search.set_text("ferry")
    qtbot.waitUntil(
        lambda: (
            window.results.last_result is not None and window.results.last_result.query == "ferry"
        )
    )
    assert any("harbour" in hit.path for hit in window.results.last_result.hits)


def test_unhandled_errors_are_logged_and_shown_in_one_line(qtbot, window, tmp_path):
    reporter = ErrorReporter(tmp_path / "logs")
    reporter.reported.connect(lambda line: window.status.show_error(line, reporter.details()))
    try:
        raise RuntimeError("disk on fire\nsecond line")
    except RuntimeError:
        reporter.handle(*sys.exc_info())
    message = window.statusBar().currentMessage()
    assert message == "Something went wrong: RuntimeError: disk on fire"
    assert "Traceback" not in reporter.details()
    assert str(tmp_path / "logs" / LOG_NAME) in reporter.details()
    log_text = (tmp_path / "logs" / LOG_NAME).read_text(encoding="utf-8")
    assert "Traceback" in log_text and "disk on fire" in log_text
    assert window.status.details_button.isVisible()


def test_reader_selection_and_layers_use_body_offsets_even_with_boilerplate_shown(qtbot, window):
    document = window.reader.document
    assert document is not None and document.removed
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)  # removed lines shown: view offsets shift
    word = document.body.split()[5]
    start = document.body.index(word)
    window.reader.goto(start, select=True, length=len(word))
    assert window.reader.selection_span() == (start, start + len(word))
    window.reader.set_layer("notes", [(start, start + len(word), "#ffd966")])
    drawn = [s.cursor.selectedText() for s in window.reader.text.extraSelections()]
    assert drawn == [word]
    window.reader.set_layer("notes", [])
    assert window.reader.text.extraSelections() == []


def test_a_document_left_out_of_a_stage_is_named_in_the_status_bar(
    qtbot, library, make_settings, monkeypatch
):
    real = quotes_package._quotes_of
    victim = next(d for d in library.documents() if "Peskov" in d.body)

    def failing_on_one(document):
        if document.id == victim.id:
            raise RuntimeError("a fault injected into one document")
        return real(document)

    monkeypatch.setattr(quotes_package, "_quotes_of", failing_on_one)
    window = MainWindow(library, make_settings())
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.workspace.index_ready, timeout=60000)
    assert "1 document not analysed for quotes" in window.statusBar().currentMessage()
    qtbot.keyClick(window.status.details_button, Qt.Key.Key_Space)
    details = window.dialogs.get("details").text.toPlainText()
    assert victim.path in details and "RuntimeError" in details and "Traceback" not in details
    assert window.workspace.analysis is not None and window.workspace.analysis.quotes
    window.search.set_text("Lavrov")
    qtbot.waitUntil(lambda: window.results.last_result is not None, timeout=20000)
    assert window.results.last_result.total > 0
    window.close()


def test_long_work_shows_progress_and_an_estimate_of_the_time_left():
    from reader.ui.job_status import remaining

    assert remaining(1.0, 0.5) == ""  # too early to tell
    assert remaining(10.0, 0.5) == "about 10 s left"
    assert remaining(30.0, 0.1) == "about 4 min left"
    assert remaining(10.0, 1.0) == ""


def test_importing_a_folder_reports_files_done_out_of_all(qtbot, window, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(120):
        (folder / f"n{number:03}.txt").write_text(f"Ferry story {number}\n\nThe ferry sailed.\n")
    messages: list[str] = []
    window.workspace.progress.connect(lambda job, _f, m: messages.append(f"{job}: {m}"))
    with qtbot.waitSignal(window.workspace.importFinished, timeout=30000):
        window.import_paths([str(folder)])
    assert "import: 0 of 120 files" in messages and "import: 100 of 120 files" in messages
    qtbot.waitUntil(lambda: len(window.workspace.documents) == 125, timeout=30000)


def test_each_job_is_named_as_it_starts_and_reading_reports_files_read_out_of_all(
    qtbot, window, tmp_path
):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(120):
        (folder / f"n{number:03}.txt").write_text(f"Ferry story {number}\n\nThe ferry sailed.\n")
    reports: list[tuple[str, str]] = []
    window.workspace.progress.connect(lambda job, _f, m: reports.append((job, m)))
    window.import_paths([str(folder)])
    qtbot.waitUntil(
        lambda: window.workspace.index_ready and not window.workspace.busy(), timeout=60000
    )
    assert len(window.workspace.documents) == 125
    started = [job for job, message in reports if message == ""]
    assert started == ["import", "load", "quotes", "index"]
    assert ("load", "100 of 125 files") in reports
    assert reports.index(("load", "")) < reports.index(("load", "100 of 125 files"))


def test_cancel_during_an_import_keeps_the_files_copied_and_reads_them(qtbot, window, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(1000):
        (folder / f"n{number:04}.txt").write_text(f"Ferry story {number}\n\nThe ferry sailed.\n")
    status, ws = window.status, window.workspace

    def cancel_early(job: str, _fraction: float, message: str) -> None:
        if job == "import" and message.startswith("50 of"):
            status.cancel_button.click()

    ws.progress.connect(cancel_early)
    finished: list[object] = []
    ws.importFinished.connect(finished.append)
    window.import_paths([str(folder)])
    qtbot.waitUntil(lambda: ws.index_ready and not ws.busy(), timeout=60000)
    copied = len(list(window.workspace.library.documents_dir.rglob("n*.txt")))
    assert 50 <= copied < 1000 and not finished, copied  # stopped early, its report dropped
    assert len(ws.documents) == window.library.model.rowCount() == 5 + copied
    assert not status.cancel_button.isVisible()
    window.search.set_text("ferry")
    qtbot.waitUntil(lambda: window.results.last_result is not None, timeout=20000)
    assert window.results.last_result.total >= copied  # what was copied is searchable


def test_a_flood_of_progress_reports_is_shown_as_the_latest_one(qtbot, window):
    status = window.status
    for done in range(1, 2001):
        window.workspace.progress.emit("import", done / 4000, f"{done} of 4000 files")
    assert not status.job_label.text().startswith("Importing: 2000 of")  # not yet drawn
    qtbot.waitUntil(
        lambda: status.job_label.text().startswith("Importing: 2000 of 4000 files"), timeout=2000
    )
    assert status.progress.value() == 500 and status.cancel_button.isVisible()
