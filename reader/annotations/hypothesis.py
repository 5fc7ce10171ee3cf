"""Hypothesis annotations as JSON: the API's annotation rows, as its export tools write them.

A file is either a list of rows or a search result `{"total": N, "rows": [...]}`. Each row has a
`uri`, `target[].selector[]` (TextQuoteSelector, TextPositionSelector, RangeSelector), `text`
(the note), `tags`, `created`, `updated` and `user`. Export writes the same shape; the colour,
which Hypothesis does not have, is not written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reader.annotations.incoming import Incoming
from reader.annotations.jsonld import DOC_URN, selectors_of, timestamp
from reader.annotations.model import Annotation, normalise_tags
from reader.documents.model import Document
from reader.errors import StoreError
from reader.fsutil import atomic_write_text

DEFAULT_USER = "acct:source-reader@localhost"


def is_hypothesis(data: Any) -> bool:
    """Whether parsed JSON looks like Hypothesis rows (a list of them or a search result)."""
    rows = data.get("rows") if isinstance(data, dict) else data
    return (
        isinstance(rows, list)
        and bool(rows)
        and all(isinstance(r, dict) and "uri" in r and "type" not in r for r in rows)
    )


def parse_hypothesis(data: Any) -> tuple[list[Incoming], list[str]]:
    """Every row as an `Incoming` record, and one message per malformed row."""
    rows = data.get("rows") if isinstance(data, dict) else data
    found: list[Incoming] = []
    errors: list[str] = []
    for number, row in enumerate(rows if isinstance(rows, list) else [], start=1):
        try:
            found.append(_row(row))
        except ValueError as error:
            errors.append(f"row {number}: {error}")
    return found, errors


def _strings(value: Any, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what} must be a list of text")
    return value


def _row(row: Any) -> Incoming:
    if not isinstance(row, dict) or not isinstance(row.get("uri"), str):
        raise ValueError("not an annotation row with a uri")
    targets = row.get("target") or [{}]
    if not isinstance(targets, list) or not isinstance(targets[0], dict):
        raise ValueError("target must be a list of objects")
    target = targets[0]
    span, ends, unplaceable = selectors_of(target)
    if span is None and ends is None and not target.get("selector"):
        unplaceable = "a page note: it selects no text"
    text = row.get("text", "")
    if not isinstance(text, str):
        raise ValueError("text must be text")
    user = row.get("user")
    source = target.get("source")
    return Incoming(
        source=source if isinstance(source, str) and source else row["uri"],
        span=span,
        range=ends,
        unplaceable=unplaceable,
        id=row["id"] if isinstance(row.get("id"), str) else "",
        note=text,
        tags=normalise_tags(_strings(row.get("tags"), "tags")),
        created=timestamp(row.get("created"), "created"),
        modified=timestamp(row.get("updated"), "updated"),
        extra={"user": user} if isinstance(user, str) else {},
    )


def address(annotation: Annotation, doc: Document | None) -> str:
    """The page's URL when known, else the file's URI, else the app's URN of the document."""
    if doc is not None and doc.url:
        return doc.url
    if "://" in annotation.source:
        return annotation.source
    path = annotation.source or (doc.path if doc is not None else "")
    return Path(path).absolute().as_uri() if path else DOC_URN + annotation.doc


def to_hypothesis(
    annotations: list[Annotation], documents: dict[str, Document], user: str = DEFAULT_USER
) -> dict[str, Any]:
    """The annotations as a Hypothesis search result (`documents` maps ids to documents)."""
    return {"total": len(annotations), "rows": [_as_row(a, documents, user) for a in annotations]}


def write_hypothesis(annotations: list[Annotation], documents: list[Document], path: Path) -> None:
    """Write the annotations as a Hypothesis export file (temporary file, then rename)."""
    data = to_hypothesis(annotations, {d.id: d for d in documents})
    try:
        atomic_write_text(Path(path), json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    except OSError as error:
        raise StoreError(f"cannot write {path}: {error.strerror}") from None


def _as_row(a: Annotation, documents: dict[str, Document], user: str) -> dict[str, Any]:
    doc = documents.get(a.doc)
    uri = address(a, doc)
    quote = {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix}
    row: dict[str, Any] = {
        "id": a.id,
        "created": a.created,
        "updated": a.modified,
        "user": user,
        "uri": uri,
        "text": a.note,
        "tags": list(a.tags),
        "target": [
            {
                "source": uri,
                "selector": [
                    quote,
                    {"type": "TextPositionSelector", "start": a.start, "end": a.end},
                ],
            }
        ],
        "document": {"title": [doc.title]} if doc is not None and doc.title else {},
    }
    return row
