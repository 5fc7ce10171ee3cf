"""Startup benchmark: from launching a process to a usable window, on the seeds library.

"Usable" means the window is shown with the library listed, the first document open in the
reader and a first search answered. The library (documents, quote cache and search index) is
built once beforehand, as after a first run. Each run is a fresh process on the offscreen
platform; the figure is the median over the runs. Writes results/startup.json.

Usage: bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

CHILD = r"""
import sys, time
started = time.perf_counter()
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QSettings, QThread
import reader.cli  # what `source-reader` imports before the window
from reader.library import Library
from reader.ui.app import application
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings

imported = time.perf_counter() - started
root = Path(sys.argv[1])
app = application()
window = MainWindow(Library(root / "lib"), Settings(QSettings(str(root / "s.ini"), QSettings.Format.IniFormat)))
window.show()
window.start()
marks = {"imported": imported, "window_shown": time.perf_counter() - started}
while window.reader.document is None:
    QCoreApplication.processEvents(); QThread.msleep(1)
marks["document_shown"] = time.perf_counter() - started
window.search.set_text("Lavrov")
while window.results.last_result is None:
    QCoreApplication.processEvents(); QThread.msleep(1)
marks["first_search"] = time.perf_counter() - started
print("READY", *(marks[k] for k in ("imported", "window_shown", "document_shown", "first_search")), flush=True)
window.close()
"""


def prepare(root: Path) -> None:
    """Build the library, quote cache and index once (as a first start would)."""
    subprocess.run(
        [sys.executable, "-c", CHILD, str(root)],
        cwd=ROOT,
        env=_env(),
        check=True,
        capture_output=True,
    )


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def one_run(root: Path) -> dict[str, float]:
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(root)],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("READY"):
            usable = time.perf_counter() - started
            imported, window, shown, searched = map(float, line.split()[1:])
            child.wait(30)
            return {
                "usable_s": usable,
                "in_process_imports_s": imported,
                "in_process_window_shown_s": window,
                "in_process_document_shown_s": shown,
                "in_process_first_search_s": searched,
            }
    child.wait(30)
    raise RuntimeError(
        f"the window never became usable:\n{child.stderr.read() if child.stderr else ''}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        prepare(root)
        runs = [one_run(root) for _ in range(args.runs)]
    summary = {key: round(statistics.median(r[key] for r in runs), 3) for key in runs[0]}
    result = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load": list(os.getloadavg()),
        },
        "library": "seeds (5 articles), index and quote cache already built",
        "runs": args.runs,
        "median": summary,
        "all_usable_s": [round(r["usable_s"], 3) for r in runs],
        "target_usable_s": 1.5,
    }
    out = HERE / "results" / "startup.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(
        f"startup to a usable window: median {summary['usable_s']:.2f} s over {args.runs} runs "
        f"(document shown at {summary['in_process_document_shown_s']:.2f} s in-process, "
        f"first search {summary['in_process_first_search_s']:.2f} s); target 1.5 s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
