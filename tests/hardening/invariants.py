"""What must hold for any document the reader returns (shared by the property tests and fuzzing)."""

from __future__ import annotations

from pathlib import Path

from reader.documents.encoding import decode
from reader.documents.model import Document


def raw_text(document: Document) -> str:
    """The raw text the document was read from (its file, decoded again as the reader does)."""
    return decode(Path(document.path).read_bytes())[0]


def assert_offsets_hold(document: Document) -> None:
    """Paragraphs lie inside the body; for text files every body piece is the raw text it maps to."""
    for start, end in document.paragraphs():
        assert 0 <= start < end <= len(document.body)
    if document.format != "text":
        return
    raw_page = raw_text(document)
    for segment in document.segments:
        piece = document.body[segment.clean : segment.clean + segment.length]
        assert piece == raw_page[segment.raw : segment.raw + segment.length]
    for removed in document.removed:  # a wrapped paragraph's lines are joined by one space
        raw = raw_page[removed.raw_start : removed.raw_end]
        assert " ".join(removed.text.split()) in " ".join(raw.split())
