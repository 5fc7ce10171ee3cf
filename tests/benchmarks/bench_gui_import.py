"""The window while a big folder imports: the longest the GUI thread went without turning.

A real window (under Xvfb when it is installed, else offscreen) opens on an empty library and
imports N generated articles (copy, read, quotes, index, all in the background). A 5 ms timer on
the GUI thread records the gaps between its ticks; a gap is the time the thread was busy (a
stall). Reports the worst gap, the 99th percentile, how many gaps passed 100 ms, their total and
how much of it the GUI thread spent on the CPU (the rest it waited: for the CPU or the GIL), the
wall time to a searchable library (and when each job ended), and the full (generation 2)
garbage collections during the import: how many, the longest and their total (any thread's: a
collection holds the GIL, so the GUI thread waits through it); then how many objects ended
frozen and how many of them were garbage (`reader.ui.collector`). Writes
results/gui_import.json.

Usage: bench_gui_import.py [--articles 10000]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

TICK_MS = 5
SAMPLE_AFTER_MS = 50
STALL_MS = 100
OUTSIDE = "(no project frame: Qt event processing or waiting)"


def watch_stalls(last: list[float], stop: threading.Event) -> tuple[Counter[str], Counter[str]]:
    """Samples the threads' stacks whenever the GUI timer is more than SAMPLE_AFTER_MS late.

    Returns two counters: the GUI thread's innermost project frames seen during stalls (where
    its time goes; OUTSIDE for samples taken in Qt's own event processing or a wait), and the
    other threads' innermost frame and innermost project frame (what ran while the GUI thread
    waited: a call that keeps the GIL shows there)."""
    gui = threading.main_thread().ident
    sites: Counter[str] = Counter()
    workers: Counter[str] = Counter()

    def where(frame: FrameType, depth: int) -> str:
        stack = traceback.extract_stack(frame)
        own = [f for f in stack if "/reader/" in f.filename]
        return " < ".join(
            f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in own[-1 : -depth - 1 : -1]
        )

    def sample(sampler: int | None) -> None:
        frames = sys._current_frames()
        if gui in frames:
            sites[where(frames[gui], 3) or OUTSIDE] += 1
        for ident, frame in frames.items():
            if ident not in (gui, sampler):
                inner = (
                    f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno} {frame.f_code.co_name}"
                )
                workers[f"{inner} < {where(frame, 1) or '?'}"] += 1
        frames.clear()  # it holds this frame: no cycle keeps the threads' locals alive

    def run() -> None:
        while not stop.wait(0.01):
            if (time.perf_counter() - last[0]) * 1000 >= SAMPLE_AFTER_MS:
                sample(threading.get_ident())

    threading.Thread(target=run, daemon=True).start()
    return sites, workers


def watch_full_collections() -> tuple[list[float], Callable[[], None]]:
    """Times every full garbage collection (ms) until the returned function is called."""
    times: list[float] = []
    began = [0.0]

    def callback(phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            began[0] = time.perf_counter()
        else:
            times.append((time.perf_counter() - began[0]) * 1000)

    gc.callbacks.append(callback)
    return times, lambda: gc.callbacks.remove(callback)


def start_display() -> tuple[str, subprocess.Popen | None]:
    """A fresh Xvfb display (platform "xcb"), or the offscreen platform without Xvfb."""
    binary = shutil.which("Xvfb")
    if binary is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return "offscreen", None
    number = next(n for n in range(150, 400) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(
        [binary, f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            break
        time.sleep(0.1)
    os.environ.update(DISPLAY=f":{number}", QT_QPA_PLATFORM="xcb")
    return "xcb (Xvfb)", server


def measure(articles: int, scratch: Path) -> dict[str, object]:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.library import Library
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

    folder = write_corpus(scratch / "corpus", articles)
    app = QApplication.instance() or QApplication([])
    settings = Settings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(Library(scratch / "library", seed=False), settings)
    window.show()
    window.start()
    while window.workspace.busy() or not window.workspace.index_ready:
        app.processEvents()
    gaps: list[float] = []
    last = [time.perf_counter(), time.thread_time()]
    stalls = [0.0, 0.0]  # wall and GUI-thread CPU time of the gaps over STALL_MS

    def tick() -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gap = (now - last[0]) * 1000
        gaps.append(gap)
        if gap > STALL_MS:
            stalls[0] += gap
            stalls[1] += (cpu - last[1]) * 1000
        last[0], last[1] = now, cpu

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(TICK_MS)
    stop = threading.Event()
    sites, workers = watch_stalls(last, stop)
    full_collections, unwatch = watch_full_collections()
    started = time.perf_counter()
    ended: dict[str, float] = {}  # job -> seconds from the start of the import to its end
    window.workspace.jobEnded.connect(
        lambda job: ended.__setitem__(job, round(time.perf_counter() - started, 1))
    )
    window.workspace.index_ready = False
    window.import_paths([str(folder)])
    while window.workspace.busy() or not window.workspace.index_ready:
        app.processEvents()
        time.sleep(0.001)
    wall = time.perf_counter() - started
    timer.stop()
    stop.set()
    unwatch()
    searchable = window.workspace.core.search("ceasefire").total
    window.close()
    frozen = gc.get_freeze_count()
    gc.collect()  # garbage that was never frozen (closing the window made some)
    gc.unfreeze()
    garbage = gc.collect()  # garbage that freezing kept
    gaps.sort()
    return {
        "articles": articles,
        "documents": len(window.workspace.documents),
        "searchable_hits": searchable,
        "wall_s": round(wall, 1),
        "worst_stall_ms": round(gaps[-1], 1),
        "p99_gap_ms": round(gaps[int(len(gaps) * 0.99)], 1),
        "gaps_over_100ms": sum(gap > STALL_MS for gap in gaps),
        "stalls_total_ms": round(stalls[0]),
        "stalls_gui_cpu_ms": round(stalls[1]),
        "ticks": len(gaps),
        "jobs_ended_s": ended,
        "full_gcs": len(full_collections),
        "full_gc_worst_ms": round(max(full_collections, default=0.0), 1),
        "full_gc_total_ms": round(sum(full_collections)),
        "frozen_objects": frozen,
        "frozen_garbage": garbage,
        "stall_sites": dict(sites.most_common(8)),
        "worker_sites": dict(workers.most_common(8)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    platform_name, server = start_display()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-gui-import-") as scratch:
            figures = measure(args.articles, Path(scratch))
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
    figures |= {
        "platform": platform_name,
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "tick_ms": TICK_MS,
    }
    out = HERE / "results" / "gui_import.json"
    out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
