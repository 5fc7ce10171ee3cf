"""Starting the window: `run(library, paths)` is what `source-reader` calls with no command.

Only one window may have a library open (`Library.claim`); a second one is refused with a
message box and exit code 1. Files given on the command line, or sent by the system
("Open With" on macOS: `QEvent.Type.FileOpen`), are imported and shown.

`SOURCE_READER_SCREENSHOT=FILE.png` makes the app save a picture of its window once the
library has loaded and been analysed (for screenshots and the Xvfb test); it keeps running.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.errors import ReaderError
from reader.library import Library
from reader.resources import resource_path
from reader.ui.errors import ErrorReporter
from reader.ui.main_window import MainWindow
from reader.ui.settings import APPLICATION, ORGANISATION, Settings

SCREENSHOT_VARIABLE = "SOURCE_READER_SCREENSHOT"
DESKTOP_FILE = "io.github.sourcereader.SourceReader"  # packaging/DESKTOP_FILE.desktop


def application() -> QApplication:
    """The running QApplication, created with the app's names and icon if needed."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    QApplication.setDesktopFileName(DESKTOP_FILE)
    icon = resource_path("icons/source-reader.svg")
    if icon is not None:
        app.setWindowIcon(QIcon(str(icon)))
    return app


def claim_problem(library: Library) -> str:
    """Claim `library` for this window; the one-line reason it cannot be, or ""."""
    try:
        library.claim()
    except ReaderError as error:
        return str(error)
    return ""


def open_window(
    library: Library, paths: list[str], settings: Settings | None = None, output: str = ""
) -> MainWindow:
    """Show the window, start loading, and import and show `paths` (the first of them); with
    `output`, show that scale job's output instead of the library."""
    window = MainWindow(library, settings)
    window.show()
    if output:
        window.open_output(output)
    else:
        window.start()
    if paths:
        window.import_paths(paths, open_first=True)
    return window


class FileOpener(QObject):
    """Imports and shows the files the system asks the app to open (macOS "Open With")."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            opened: QFileOpenEvent = event  # type: ignore[assignment]
            if opened.file():
                self.window.import_paths([opened.file()], open_first=True)
                return True
        return super().eventFilter(watched, event)


def refuse(message: str) -> int:
    """Tell the user why the window cannot open (stderr and a message box); exit code 1."""
    print(f"source-reader: {message}", file=sys.stderr)
    QMessageBox.critical(None, APPLICATION, message)
    return 1


def run(library: Library, paths: list[str], output: str = "") -> int:
    """Open the window on `library` (importing and showing `paths`), or on a scale job's
    `output`; return the exit code."""
    app = application()
    problem = claim_problem(library)
    if problem:
        return refuse(problem)
    reporter = ErrorReporter(library.logs_dir)
    reporter.install()
    try:
        window = open_window(library, paths, output=output)
    except ReaderError as error:  # e.g. the annotation store cannot be opened
        reporter.uninstall()
        return refuse(str(error))
    opener = FileOpener(window)
    app.installEventFilter(opener)
    reporter.reported.connect(lambda line: window.status.show_error(line, reporter.details()))
    target = os.environ.get(SCREENSHOT_VARIABLE)
    if target:
        _screenshot_when_ready(window, Path(target))
    _close_on_terminate(window)
    try:
        return app.exec()
    finally:
        app.removeEventFilter(opener)
        reporter.uninstall()


def _close_on_terminate(window: MainWindow) -> None:
    """SIGTERM/SIGINT close the window normally (settings saved, work cancelled).

    Python runs signal handlers only when it holds control, so a timer hands it control
    regularly while Qt's event loop runs.
    """
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_args: window.close())
    timer = QTimer(window, interval=250)
    timer.timeout.connect(lambda: None)
    timer.start()


def _screenshot_when_ready(window: MainWindow, target: Path) -> None:
    """Grab the window to `target` once background work is done (or after 20 s at most)."""
    done = False

    def grab() -> None:
        nonlocal done
        if not done:
            done = True
            partial = target.with_name(f".{target.name}.part.png")
            if window.grab().save(str(partial)):
                os.replace(partial, target)  # readers never see a half-written file

    def check() -> None:
        if not window.workspace.busy() and window.workspace.documents:
            QTimer.singleShot(300, grab)
        else:
            QTimer.singleShot(200, check)

    QTimer.singleShot(500, check)
    QTimer.singleShot(20000, grab)
