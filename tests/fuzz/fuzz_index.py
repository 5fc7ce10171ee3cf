"""Coverage-guided fuzzing of indexing what the reader produces, then searching it (atheris).

Usage: fuzz_index.py CORPUS_DIR [libFuzzer options]
Each input becomes a document (read by the real reader, its first byte picking .txt or .html)
beside a fixed one; after `SearchIndex.update` every search must answer without raising, the
fixed document must still be found, and every span must lie inside the hit's body.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["reader"]):
    from reader.documents.loading import load_document
    from reader.errors import DocumentError
    from reader.search import SearchIndex

FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-index-"))
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)
ANCHOR = FOLDER / "anchor.txt"
ANCHOR.write_text("Ceasefire talks\n\nThe ceasefire talks resumed on Monday, officials said.\n")
INDEX = SearchIndex(FOLDER / "index")


def check(data: bytes) -> None:
    if not data:
        return
    path = FOLDER / ("input.html" if data[0] % 2 else "input.txt")
    path.write_bytes(data[1:])
    try:
        documents = [load_document(ANCHOR), load_document(path)]
    except DocumentError:
        return
    report = INDEX.update(documents)
    assert all(reason for _, reason in report.skipped)
    for query in ("ceasefire", '"ceasefire talks"', documents[1].body[:40], "title:talks"):
        result = INDEX.search(query)
        for hit in result.hits:
            size = len(next(d.body for d in documents if d.id == hit.doc))
            assert all(0 <= start < end <= size for start, end in hit.spans)
    assert documents[0].id in {hit.doc for hit in INDEX.search("ceasefire").hits}


if __name__ == "__main__":
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
