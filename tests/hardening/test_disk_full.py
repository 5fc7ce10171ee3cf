"""A full disk (simulated with a file-size limit): one clear line, nothing half-written, no loss.

The child process runs with RLIMIT_FSIZE set and SIGXFSZ ignored, so every write past the limit
fails with EFBIG ("File too large"), as writes fail on a full disk.
"""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def _cli(args: list[str], limit_bytes: int) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=limit,
    )


def _one_clear_line(stderr: str) -> None:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines and all(line.startswith("source-reader: ") for line in lines), stderr
    assert "Traceback" not in stderr


def test_a_pdf_export_that_cannot_be_written_leaves_nothing_under_the_name(tmp_path):
    target = tmp_path / "out.pdf"
    args = ["export", "--pdf", str(target), "--query", "nato", str(SEEDS)]
    result = _cli(args, limit_bytes=20_000)
    assert result.returncode != 0
    _one_clear_line(result.stderr)
    assert not target.exists()
    assert not list(tmp_path.glob("*.pdf*"))  # no temporary file left behind either
    assert _cli(args, limit_bytes=resource.RLIM_INFINITY).returncode == 0  # room again: it works
    assert target.exists()


def test_an_import_that_cannot_be_copied_reports_the_file_and_keeps_the_rest(tmp_path):
    library = tmp_path / "lib"
    assert _cli(["--library", str(library), "list"], resource.RLIM_INFINITY).returncode == 0
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text("Port strike goes on\n\n“We stay out,” the union said on Monday.\n")
    large.write_text("Port strike goes on\n\n" + "The strike went on. " * 20_000)
    result = _cli(["--library", str(library), "import", str(small), str(large)], 200_000)
    _one_clear_line(result.stderr)
    assert "large.txt" in result.stderr
    listed = _cli(["--library", str(library), "list", "--json"], resource.RLIM_INFINITY)
    assert listed.stdout.count('"title"') == 6  # five seeds and the small file


def test_a_log_file_that_cannot_grow_costs_no_traceback(tmp_path):
    library = tmp_path / "lib"
    assert _cli(["--library", str(library), "list"], resource.RLIM_INFINITY).returncode == 0
    log_file = library / "logs" / "source-reader.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with log_file.open("a", encoding="utf-8") as out:
        out.write("an earlier session's line\n" * 2_000)  # ~52 KB: past the limit below
    target = tmp_path / "out.pdf"
    args = ["--library", str(library), "export", "--pdf", str(target), "--query", "nato"]
    result = _cli([*args, str(SEEDS)], limit_bytes=30_000)
    assert result.returncode != 0
    _one_clear_line(result.stderr)
    assert "Logging error" not in result.stderr
