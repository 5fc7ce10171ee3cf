"""Coverage-guided fuzzing of the document reader (atheris); run by `make fuzz`.

Usage: fuzz_documents.py CORPUS_DIR [libFuzzer options, e.g. -max_total_time=120]
Each input is written to a file (its first byte picks .txt, .md or .html) and read back; a
refusal must be a DocumentError with a reason, and the offsets of what was read must hold.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root: tests.*
from tests.hardening.invariants import assert_offsets_hold

with atheris.instrument_imports(include=["reader"]):
    from reader.documents.loading import load_document
    from reader.errors import DocumentError

SUFFIXES = (".txt", ".md", ".html")
FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-documents-"))
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)


def check(data: bytes) -> None:
    """Read `data` as a file; raise on any broken promise."""
    if not data:
        return
    path = FOLDER / f"input{SUFFIXES[data[0] % len(SUFFIXES)]}"
    path.write_bytes(data[1:])
    try:
        document = load_document(path)
    except DocumentError as error:
        assert error.reason, "a refusal without a reason"
        return
    assert_offsets_hold(document)


if __name__ == "__main__":
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
