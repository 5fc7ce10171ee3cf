"""A window under X imports a generated folder while a 5 ms timer ticks; prints what it saw.

Run by `test_xvfb.py` as `import_probe.py SCRATCH ARTICLES` with DISPLAY set. Prints one JSON
object: the platform, documents and rows in the library, ticks while the import (and the work
it started) ran, the longest gap between ticks (ms, for the record: not asserted), how many
times the library filter ran, and how many objects ended frozen.
"""

from __future__ import annotations

import gc
import itertools
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from reader.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.models import LibraryFilter
from reader.ui.settings import Settings
from tests.benchmarks.corpus import write_corpus


def main(scratch: Path, articles: int) -> dict[str, object]:
    app = QApplication([])
    settings = Settings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(Library(scratch / "library", seed=False), settings)
    window.show()
    window.start()
    while window.workspace.busy():
        app.processEvents()
    folder = write_corpus(scratch / "corpus", articles, words=200)
    filtered = [0]
    accepts = LibraryFilter.filterAcceptsRow

    def counting(self: LibraryFilter, row: int, parent: object) -> bool:
        filtered[0] += 1
        return accepts(self, row, parent)  # type: ignore[arg-type]

    LibraryFilter.filterAcceptsRow = counting  # type: ignore[method-assign]
    ticks: list[float] = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    window.import_paths([str(folder)])
    timer.start()
    while window.workspace.importing():
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    seen = {
        "platform": app.platformName(),
        "documents": len(window.workspace.documents),
        "rows": window.library.proxy.rowCount(),
        "ticks": len(ticks),
        "worst_gap_ms": round(max(gaps, default=0.0) * 1000, 1),
        "filtered": filtered[0],
        "frozen": gc.get_freeze_count(),
    }
    window.close()
    return seen


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), int(sys.argv[2]))))
