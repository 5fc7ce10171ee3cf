"""What must hold for any document the reader returns (shared by the property tests and fuzzing)."""

from __future__ import annotations

from reader.documents.model import Document


def assert_offsets_hold(document: Document) -> None:
    """Paragraphs lie inside the body; for text files every body piece is the raw text it maps to."""
    for start, end in document.paragraphs():
        assert 0 <= start < end <= len(document.body)
    if document.format != "text":
        return
    for segment in document.segments:
        piece = document.body[segment.clean : segment.clean + segment.length]
        assert piece == document.raw[segment.raw : segment.raw + segment.length]
    for removed in document.removed:  # a wrapped paragraph's lines are joined by one space
        raw = document.raw[removed.raw_start : removed.raw_end]
        assert " ".join(removed.text.split()) in " ".join(raw.split())
