"""Startup time to a shown window: the PyInstaller bundle against `.venv/bin/source-reader`.

Each run starts the program on a warm library (created by one untimed run first) under one
shared Xvfb and times launch → first viewable top-level window of the app (polled with xwininfo, so
figures include up to ~10 ms of polling). Writes results/bundle_startup.json: median, min and max
of RUNS runs for each program, and the bundle's size. Skips (exit 0) without Xvfb/xwininfo or
without a built bundle (`make package`).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = Path(__file__).resolve().parent / "results"
BUNDLE = ROOT / "dist" / "source-reader"
PROGRAMS = {"bundle": BUNDLE / "source-reader", "venv": ROOT / ".venv" / "bin" / "source-reader"}
RUNS = int(os.environ.get("RUNS", "5"))
TIMEOUT = 60.0


def start_xvfb(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """A fresh Xvfb server and its DISPLAY value."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
        cwd=folder,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


def window_shown(display: str) -> bool:
    """True once a top-level window of instance "source-reader" is viewable."""
    env = {**os.environ, "DISPLAY": display}
    tree = subprocess.run(
        ["xwininfo", "-root", "-children"], env=env, capture_output=True, text=True
    ).stdout
    for line in tree.splitlines():
        if '("source-reader"' in line:
            window = line.split()[0]
            info = subprocess.run(
                ["xwininfo", "-id", window], env=env, capture_output=True, text=True
            ).stdout
            if "IsViewable" in info:
                return True
    return False


def time_to_window(program: Path, library: Path, display: str) -> float:
    """Seconds from launch to a shown window (the program is then closed)."""
    env = {k: v for k, v in os.environ.items() if k not in {"WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    env["DISPLAY"] = display
    started = time.perf_counter()
    app = subprocess.Popen(
        [str(program), "--library", str(library)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        while not window_shown(display):
            if app.poll() is not None:
                error = app.stderr.read().decode()[-500:] if app.stderr else ""
                raise RuntimeError(f"{program} exited: {error}")
            if time.perf_counter() - started > TIMEOUT:
                raise RuntimeError(f"{program}: no window after {TIMEOUT:.0f} s")
            time.sleep(0.01)
        return time.perf_counter() - started
    finally:
        app.terminate()
        app.wait(10)


def summary(runs: list[float]) -> dict[str, float | list[float]]:
    return {
        "median_s": round(statistics.median(runs), 3),
        "min_s": round(min(runs), 3),
        "max_s": round(max(runs), 3),
        "runs_s": [round(r, 3) for r in runs],
    }


def main() -> int:
    missing = [tool for tool in ("Xvfb", "xwininfo") if shutil.which(tool) is None]
    if missing or not PROGRAMS["bundle"].exists():
        reason = f"{', '.join(missing)} not found" if missing else "no bundle: run make package"
        print(f"bundle_startup: skipped ({reason})")
        return 0
    figures: dict[str, dict[str, float | list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        server, display = start_xvfb(folder)
        try:
            for name, program in PROGRAMS.items():
                library = folder / f"library-{name}"
                time_to_window(program, library, display)  # untimed: creates the library
                runs = [time_to_window(program, library, display) for _ in range(RUNS)]
                figures[name] = summary(runs)
        finally:
            server.terminate()
            server.wait(10)
    size = sum(f.stat().st_size for f in BUNDLE.rglob("*") if f.is_file() and not f.is_symlink())
    result = {"runs": RUNS, "bundle_bytes": size, "bundle_mib": round(size / 2**20, 1), **figures}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bundle_startup.json").write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"bundle_startup: bundle {result['bundle_mib']} MiB; time to window, median of {RUNS}: "
        f"bundle {figures['bundle']['median_s']} s, venv {figures['venv']['median_s']} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
