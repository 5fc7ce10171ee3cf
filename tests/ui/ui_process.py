"""Helpers for tests that run the app (or Xvfb) as a subprocess."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path


def wait_for(condition: Callable[[], bool], process: subprocess.Popen, seconds: float) -> bool:
    """Poll `condition` until true, giving up after `seconds` or when `process` exits."""
    for _ in range(int(seconds * 10)):
        if condition():
            return True
        try:
            process.wait(timeout=0.1)
        except subprocess.TimeoutExpired:
            continue
        return condition()
    return condition()


def free_display() -> int:
    for number in range(90, 400):
        if (
            not Path(f"/tmp/.X{number}-lock").exists()
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return number
    raise RuntimeError("no free X display number")
