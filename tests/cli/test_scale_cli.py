"""`source-reader scale quotes` and `open-output`: one clear line when they cannot run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def reader(*args: str, env: dict[str, str] | None = None, cwd: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "reader", "--library", str(cwd / "lib"), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, cwd=cwd)


def test_without_java_the_job_says_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"} | {"PATH": str(tmp_path)}
    done = reader(
        "scale", "quotes", str(SEEDS), "--out", str(tmp_path / "out"), env=env, cwd=tmp_path
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "source-reader: the scale commands need Java 17 or later (java not found)"
    ]
    assert not (tmp_path / "out").exists()


def test_a_missing_input_or_a_file_as_output_is_one_line(tmp_path):
    done = reader("scale", "quotes", str(tmp_path / "nowhere"), "--out", "o", cwd=tmp_path)
    assert done.returncode == 1 and "no such file or folder" in done.stderr
    (tmp_path / "file").write_text("x")
    done = reader("scale", "quotes", str(SEEDS), "--out", str(tmp_path / "file"), cwd=tmp_path)
    assert done.returncode == 1 and done.stderr.strip().endswith("not a folder")
    assert "Traceback" not in done.stderr


def test_open_output_refuses_a_folder_that_is_no_job_output(tmp_path):
    done = reader("open-output", str(SEEDS), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"source-reader: {SEEDS}: not a scale job's output (documents, quotes, links, groups)"
    ]
