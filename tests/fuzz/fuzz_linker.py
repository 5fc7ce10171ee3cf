"""Coverage-guided fuzzing of the quote linker (atheris): candidates, alignment, translation.

Usage: fuzz_linker.py CORPUS_DIR [libFuzzer options]
The input is cut into up to eight quotes spread over four documents (a zero byte ends a quote,
its first byte picks the speaker); linking must never raise, and every link must join quotes of
two different documents.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["reader"]):
    from reader.quotes.linking import link_quotes
    from reader.quotes.model import Quote

SPEAKERS = (None, "Anna Berg", "John Roe")


def check(data: bytes) -> None:
    quotes = []
    for number, piece in enumerate(data.split(b"\0")[:8]):
        if not piece:
            continue
        text = piece[1:].decode("utf-8", "replace")
        doc = f"d{number % 4}"
        speaker = SPEAKERS[piece[0] % len(SPEAKERS)]
        quotes.append(Quote(f"{doc}:{number}", doc, 0, len(text), text, speaker=speaker))
    by_id = {q.id: q for q in quotes}
    for link in link_quotes(quotes):
        assert by_id[link.a].doc != by_id[link.b].doc


if __name__ == "__main__":
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
