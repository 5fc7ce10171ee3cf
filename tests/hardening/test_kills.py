"""Kill tests: SIGKILL a process at random points while it saves; nothing saved is ever lost.

Each child process works in a loop and prints a line once a piece of work is durable (an
annotation `add()` returned, a PDF export returned); the test kills it with SIGKILL after a random
delay, then checks on disk what the child had promised.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.annotations import AnnotationStore
from reader.documents.loading import load_document, load_paths
from reader.search import SearchIndex

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SEED = sorted(SEEDS.glob("*.txt"))[0]
ROUNDS = 6

ANNOTATING = """
import sys
from reader.annotations import AnnotationStore
from reader.documents.loading import load_document, load_paths
from reader.search import SearchIndex
doc = load_document(sys.argv[2])
store = AnnotationStore(__import__("pathlib").Path(sys.argv[1]))
n = 0
while True:
    start = (n * 37) % (len(doc.body) - 60)
    note = store.add(doc, start, start + 40, note=f"note {n}", tags=["kill"])
    print(note.id, flush=True)
    n += 1
"""

EXPORTING = """
import sys
from pathlib import Path
from reader.annotations import AnnotationStore
from reader.documents.loading import load_document, load_paths
from reader.search import SearchIndex
from reader.export import build_report, write_pdf
doc = load_document(sys.argv[2])
store = AnnotationStore(Path(sys.argv[1]) / "notes.sqlite")
for n in range(150):
    start = (n * 53) % (len(doc.body) - 80)
    store.add(doc, start, start + 60, note=f"note {n}")
report = build_report([doc], annotations=store.list())
print("ready", flush=True)
while True:
    write_pdf(report, Path(sys.argv[1]) / "report.pdf")
    print("written", flush=True)
"""

INDEXING = """
import sys
from pathlib import Path
from reader.documents.loading import load_paths
from reader.search import SearchIndex
documents, _ = load_paths([sys.argv[2]])
index = SearchIndex(Path(sys.argv[1]))
n = 0
while True:
    for document in documents:
        document.body += f" revision{n}"
    index.update(documents)
    print(f"revision{n}", flush=True)
    n += 1
"""


def _run_and_kill(script: str, args: list[str], delay: float) -> list[str]:
    """Start `script`, SIGKILL it after it has printed once and `delay` more seconds."""
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdout is not None
    lines = [child.stdout.readline().strip()]
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    rest, _ = child.communicate()
    return lines + rest.split()


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_annotations_saved_before_a_kill_are_intact(tmp_path, round_number):
    path = tmp_path / "annotations.sqlite"
    delay = random.Random(round_number).uniform(0.05, 0.8)
    promised = _run_and_kill(ANNOTATING, [str(path), str(SEED)], delay)
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = AnnotationStore(path)
    saved = {a.id for a in store.list()}
    assert promised and set(promised) <= saved
    store.add(load_document(SEED), 0, 10, note="after restart")  # the store is still writable
    assert store.count() == len(saved) + 1
    store.close()


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_a_killed_pdf_export_never_leaves_a_half_file(tmp_path, round_number):
    delay = random.Random(100 + round_number).uniform(0.0, 1.5)
    lines = _run_and_kill(EXPORTING, [str(tmp_path), str(SEED)], delay)
    target = tmp_path / "report.pdf"
    if "written" in lines:
        assert target.exists()
    if target.exists():  # whatever is under the name is a whole, readable PDF
        assert len(PdfReader(target).pages) > 1


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_a_killed_index_commit_leaves_an_index_that_opens_or_is_rebuilt(tmp_path, round_number):
    delay = random.Random(200 + round_number).uniform(0.0, 2.0)
    promised = _run_and_kill(INDEXING, [str(tmp_path / "index"), str(SEEDS)], delay)
    documents, _ = load_paths([SEEDS])
    index = SearchIndex(tmp_path / "index")
    index.update(documents)  # opens the index as it was left, or rebuilds it, never raises
    assert index.search("lavrov").total >= 3
    committed = [line for line in promised if line.startswith("revision")]
    if committed:  # documents now lack the revision words: the update removed them everywhere
        assert index.search(committed[-1]).total == 0
    index.close()
