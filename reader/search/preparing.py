"""One document as the index takes it: its fields, analysed and checked, and its fingerprint.

Kept apart from the index store so that worker processes (see `parallel`) can prepare
documents without an index of their own.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from typing import Any

from whoosh.fields import Schema

from reader.documents.model import Document
from reader.search import schema as fields
from reader.search.counting import date_key

log = logging.getLogger(__name__)


def quote_ranges(document: Document, quotes: Sequence[Any]) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of each quote in the body; quotes not found there are left out."""
    ranges = []
    for quote in quotes:
        start = getattr(quote, "start", None)
        if not isinstance(start, int) or document.body[start : quote.end] != quote.text:
            start = document.body.find(quote.text) if quote.text else -1
        if start >= 0:
            ranges.append((start, start + len(quote.text), quote.speaker or ""))
    return ranges


def fingerprint(document: Document, quotes: list[tuple[int, int, str]]) -> str:
    """A hash of everything the index holds for `document`."""
    digest = hashlib.blake2b(digest_size=16)
    published = document.published.isoformat() if document.published else ""
    for part in (document.path, document.title, document.source, document.author, published):
        digest.update(part.encode("utf-8", "replace") + b"\0")
    digest.update(document.body.encode("utf-8", "replace"))
    digest.update(repr(quotes).encode("utf-8", "replace"))
    return digest.hexdigest()


def document_fields(
    document: Document, quotes: list[tuple[int, int, str]], print_: str
) -> dict[str, Any]:
    """The Whoosh fields of one document (`print_` is its fingerprint), the body analysed."""
    body = document.body
    encoded = body.encode("utf-8")  # a body with lone surrogates is not text: UnicodeEncodeError
    analysed = fields.analyse_body(body)
    values: dict[str, Any] = {
        fields.ID_FIELD: document.id,
        fields.FINGERPRINT: print_,
        fields.BODY: analysed,
        fields.TITLE: document.title,
        fields.SOURCE: document.source,
        fields.AUTHOR: document.author,
        fields.STORED_DATA: {
            "path": document.path,
            "title": document.title,
            "source": document.source,
            "published": document.published_iso,
            # The stored-fields column pickles (and compresses) it; pickling a str keeps its UTF-8
            # inside it, so a copy is pickled: the document's own body keeps its size.
            "body": body if body.isascii() else encoded.decode("utf-8"),
            "marks": analysed.marks,
            "quotes": quotes,
        },
    }
    if quotes:
        values[fields.QUOTES] = "\n".join(body[start:end] for start, end, _ in quotes)
        values[fields.SPEAKER] = "\n".join(sorted({s for _, _, s in quotes if s}))
        values[fields.HAS_QUOTES] = "yes"
    values[fields.DATE_ORDER] = 0
    if document.published is not None:
        # The article's own wall-clock date: "published on the 28th" is what users search for.
        local = document.published.replace(tzinfo=None)
        values[fields.PUBLISHED] = local
        values[fields.DATE_ORDER] = date_key(local)
    return values


def analyse_fields(schema: Schema, values: dict[str, Any]) -> None:
    """Analyse every text field of `values` in place, and check the others' values.

    This raises what the writer would raise, before it has written anything: Whoosh's writer
    adds a document field by field, so a failure half-way would leave the postings of the
    fields before it. The writer then takes the texts' postings as they are (`Text`).
    """
    for name, value in values.items():
        part = schema[name]
        if isinstance(value, fields.Analysed):
            continue
        if isinstance(part, fields.Text):
            values[name] = fields.Analysed(list(part.index(value)))
        elif part.indexed:
            list(part.index(value))
        if part.column_type:
            part.to_column_value(value)


def prepare(
    schema: Schema, document: Document, ranges: list[tuple[int, int, str]], print_: str
) -> dict[str, Any] | str:
    """The analysed fields of one document, or why it cannot be indexed (one line)."""
    try:
        values = document_fields(document, ranges, print_)
        analyse_fields(schema, values)
    except Exception as error:  # whatever the document holds, the others still get indexed
        reason = " ".join(f"{type(error).__name__}: {error}".split())[:200]
        log.warning("not indexed: %s: %s", document.id, reason)
        return reason
    return values
