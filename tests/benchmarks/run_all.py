"""Run every benchmark script in this folder (`make bench`); each writes results/NAME.json.

Usage: run_all.py [NAME ...] — e.g. `run_all.py search` runs bench_search.py only.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if names:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in names]
    failed = []
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parents[1])
        print(
            f"== {script.stem}: exit {result.returncode} in {time.perf_counter() - started:.0f} s"
        )
        if result.returncode:
            failed.append(script.stem)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
