"""Worker processes for CPU-bound work written in Python (one core per process).

Workers are fresh "spawn" processes, never forks of a program that may run Qt threads.
"""

from __future__ import annotations

import os
import sys

MAX_WORKERS = 4


def worker_count(jobs: int, minimum: int) -> int:
    """How many worker processes `jobs` items of work use: none below `minimum` items or on one
    core, and none in a frozen (PyInstaller) program, where a spawned worker would start the
    program itself unless its entry point calls multiprocessing.freeze_support()."""
    if getattr(sys, "frozen", False):
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(cores or 1, MAX_WORKERS) if jobs >= minimum and (cores or 1) > 1 else 0
