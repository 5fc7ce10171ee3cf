"""Render the README screenshots of the main views: `python -m reader.ui.screenshots [OUT_DIR]`.

Uses a throw-away library of the bundled samples and settings in a temporary folder, so the
user's own library and settings are never touched. Works offscreen (no display needed).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEvent, QSettings, QThread

from reader.library import Library
from reader.ui.app import application
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "resources" / "screenshots"
SIZE = (1280, 800)


def _wait(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = QDeadlineTimer(int(seconds * 1000))
    while not condition() and not deadline.hasExpired():
        QCoreApplication.processEvents()
        QThread.msleep(10)


def _window(root: Path, theme: str) -> MainWindow:
    settings = Settings(QSettings(str(root / f"{theme}.ini"), QSettings.Format.IniFormat))
    settings.theme = theme
    window = MainWindow(Library(root / "lib"), settings)
    window.resize(*SIZE)
    window.show()
    window.start()
    _wait(lambda: window.workspace.index_ready and not window.workspace.busy())
    return window


def _search(window: MainWindow, query: str) -> None:
    window.search.set_text(query)
    _wait(
        lambda: window.results.last_result is not None and window.results.last_result.query == query
    )


def _busiest_quote(window: MainWindow) -> str | None:
    analysis = window.workspace.analysis
    if analysis is None or not analysis.groups:
        return None
    group = max(analysis.groups, key=lambda g: len({analysis.quote(q).doc for q in g.quotes}))
    return group.quotes[0]


def _scene(window: MainWindow, query: str, steps: int) -> None:
    """Search, open the first hit, step through matches, and show the busiest quote's variants."""
    _search(window, query)
    window.search_flow.enter(1)
    for _ in range(steps):
        window.navigator.step_match(1)
    analysis, document = window.workspace.analysis, window.reader.document
    if analysis is not None and document is not None:
        linked = [q for q in analysis.quotes_of(document.id) if analysis.group_of(q.id)]
        if linked:
            window.show_quote(linked[0].id)
    QCoreApplication.processEvents()


def _annotate(window: MainWindow) -> None:
    """Annotate the open document's current quote and a passage, and show the Notes panel."""
    document = window.reader.document
    if document is None:
        return
    window.notes.annotate_quote()
    start = document.paragraphs()[min(1, len(document.paragraphs()) - 1)][0]
    end = document.body.find(" ", start + 60)
    window.notes.panel.add(
        document,
        start,
        end if end > start else start + 1,
        note="Check this against the ministry's own transcript.",
        tags=["check", "timeline"],
        colour="green",
    )
    window.notes.toggle_panel()
    window.notes.panel.table.selectRow(0)
    window.reader.goto(start)
    QCoreApplication.processEvents()


def _unattached(window: MainWindow, root: Path) -> None:
    """Import Hypothesis rows made on a page the library lacks: they fill the unattached list."""
    page = "https://news.example.org/2022/01/28/lavrov-press-conference"
    rows = [
        {"uri": page, "text": "Same words as our Reuters copy?", "tags": ["compare"],
         "target": [{"source": page, "selector": [
             {"type": "TextQuoteSelector", "exact": "the main issue is the guarantees"}]}]},
        {"uri": page, "text": "Whole page: check the date line", "tags": [],
         "target": [{"source": page}]},
    ]  # fmt: skip
    path = root / "hypothesis.json"
    path.write_text(json.dumps({"total": len(rows), "rows": rows}), encoding="utf-8")
    window.notes.unattached.import_from(path)
    _wait(lambda: not window.workspace.busy())
    QCoreApplication.processEvents()


def _copies(window: MainWindow) -> None:
    """Open the document that is a copy of another, the most reused one, and show its copies."""
    _wait(lambda: window.copies.analysis is not None)
    analysis = window.copies.analysis
    if analysis is None:
        return
    copies = [d.id for d in analysis.documents if analysis.original_of(d.id)]
    if copies:
        window.navigator.open(max(copies, key=lambda i: analysis.pairs_of(i)[0].share_of(i)))
        window.copies.show()
    QCoreApplication.processEvents()


def render(out: Path) -> list[Path]:
    """Write main-light.png, main-dark.png, search.png, quotes.png, notes.png and copies.png."""
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    written = []
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        for theme, name in (("light", "main-light"), ("dark", "main-dark")):
            window = _window(root, theme)
            _scene(window, "Lavrov", 0)
            if theme == "dark":  # the library table, in the other theme
                window.panels.show_library()
            written.append(_save(window, out / f"{name}.png"))
            _dispose(window)
        window = _window(root, "light")
        _scene(window, '"main issue" OR Peskov', 1)
        window.panels.show_results()
        written.append(_save(window, out / "search.png"))
        quote_id = _busiest_quote(window)
        if quote_id:
            window.navigator.open_quote(quote_id)
            window.panels.show_quote_panel()
        written.append(_save(window, out / "quotes.png"))
        _annotate(window)
        _unattached(window, root)
        written.append(_save(window, out / "notes.png"))
        _copies(window)
        written.append(_save(window, out / "copies.png"))
        _dispose(window)
    app.processEvents()
    return written


def _dispose(window: MainWindow) -> None:
    """Close and delete a window now (not at interpreter exit, where PySide may crash)."""
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _save(window: MainWindow, path: Path) -> Path:
    QCoreApplication.processEvents()
    window.grab().save(str(path))
    return path


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for written_path in render(Path(argv[0]) if argv else DEFAULT_OUT):
        print(written_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
