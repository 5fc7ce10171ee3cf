"""Coverage-guided fuzzing of the query language (atheris); run by `make fuzz`.

Usage: fuzz_query.py CORPUS_DIR [libFuzzer options]
Each input, decoded as UTF-8 (with replacement), is searched in a small index of the seeds: the
search must answer (hits or a message), never raise, and every span must lie inside its document.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["reader"]):  # our code, not Whoosh's
    from reader.documents.loading import load_paths
    from reader.search import SearchIndex

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-query-"))
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)
DOCUMENTS, _ = load_paths([SEEDS])
BODIES = {d.id: d.body for d in DOCUMENTS}
INDEX = SearchIndex(FOLDER)
INDEX.update(DOCUMENTS)


def check(data: bytes) -> None:
    """Search `data` as a query; raise on any broken promise."""
    result = INDEX.search(data.decode("utf-8", "replace"), limit=5)
    assert result.error or result.total >= len(result.hits)
    for hit in result.hits:
        for start, end in hit.spans:
            assert 0 <= start < end <= len(BODIES[hit.doc])


if __name__ == "__main__":
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
