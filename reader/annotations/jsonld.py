"""W3C Web Annotation JSON-LD: export annotations as an AnnotationCollection, and read one back.

Each annotation becomes an `Annotation` whose target is the document (`urn:source-reader:doc:ID`,
with the file or URL it came from in `via`) narrowed by a `TextQuoteSelector` and a
`TextPositionSelector`; the note is a `commenting` TextualBody, each tag a `tagging` body, and the
colour the target's `styleClass`. Import checks every entry on its own: bad entries are reported one
by one (with their position and reason) and the good ones are kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from reader.annotations.model import COLOURS, Annotation, normalise_tags, now_iso
from reader.errors import StoreError
from reader.fsutil import atomic_write_text

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
DOC_URN = "urn:source-reader:doc:"
ANNOTATION_URN = "urn:uuid:"


@dataclass(slots=True)
class ImportResult:
    """The annotations read from a collection, and one message per entry that was rejected."""

    annotations: list[Annotation] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def to_jsonld(annotations: list[Annotation], label: str = "Source Reader annotations") -> dict:
    """An AnnotationCollection holding every annotation in one AnnotationPage."""
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "generated": now_iso(),
        "total": len(annotations),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [_annotation_json(a) for a in annotations],
        },
    }


def _annotation_json(a: Annotation) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if a.note:
        note = {"type": "TextualBody", "purpose": "commenting", "value": a.note}
        bodies.append({**note, "format": "text/plain"})
    bodies += [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in a.tags]
    source: dict[str, Any] = {"id": DOC_URN + a.doc, "type": "Text", "format": "text/plain"}
    if a.source:
        source["via"] = a.source if "://" in a.source else Path(a.source).absolute().as_uri()
    data: dict[str, Any] = {
        "id": ANNOTATION_URN + a.id,
        "type": "Annotation",
        "motivation": "commenting" if a.note else "highlighting",
        "created": a.created,
        "modified": a.modified,
        "target": {
            "source": source,
            "styleClass": a.colour,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": a.exact,
                    "prefix": a.prefix,
                    "suffix": a.suffix,
                },
                {"type": "TextPositionSelector", "start": a.start, "end": a.end},
            ],
        },
    }
    if bodies:
        data["body"] = bodies
    if a.orphaned:
        data["target"]["state"] = {"type": "sourceReader:Orphaned"}
    return data


def write_jsonld(annotations: list[Annotation], path: Path) -> None:
    """Write the collection to `path` (temporary file, then rename)."""
    text = json.dumps(to_jsonld(annotations), ensure_ascii=False, indent=1)
    try:
        atomic_write_text(Path(path), text + "\n")
    except OSError as error:
        raise StoreError(f"cannot write {path}: {error.strerror}") from None


def read_jsonld(path: Path) -> ImportResult:
    """Read a collection (or a single annotation, or a list of them) from a file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from None
    except ValueError as error:
        raise StoreError(f"{path} is not JSON: {error}") from None
    return from_jsonld(data)


def from_jsonld(data: Any) -> ImportResult:
    """Validate every entry of a parsed collection; keep the good ones, report the bad ones."""
    result = ImportResult()
    for number, entry in enumerate(_items(data), start=1):
        try:
            result.annotations.append(_parse(entry))
        except ValueError as error:
            result.errors.append(f"entry {number}: {error}")
    return result


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise StoreError("not a W3C annotation collection (expected a JSON object)")
    if data.get("type") == "Annotation":
        return [data]
    items: list[Any] = []
    page = data.get("first")
    while isinstance(page, dict):
        page_items = page.get("items")
        if not isinstance(page_items, list):
            raise StoreError("annotation page without an items list")
        items += page_items
        page = page.get("next")
    if data.get("type") != "AnnotationCollection" or (not items and data.get("total")):
        raise StoreError("not a W3C AnnotationCollection")
    return items


def _text(value: Any, what: str, required: bool = False) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value):
        raise ValueError(f"{what} must be {'non-empty ' if required else ''}text")
    return value


def _selectors(target: dict) -> tuple[dict, dict | None]:
    selectors = target.get("selector")
    selectors = selectors if isinstance(selectors, list) else [selectors]
    by_type = {s.get("type"): s for s in selectors if isinstance(s, dict)}
    quote = by_type.get("TextQuoteSelector")
    if quote is None:
        raise ValueError("target has no TextQuoteSelector")
    return quote, by_type.get("TextPositionSelector")


def _positions(position: dict | None, exact: str) -> tuple[int, int]:
    if position is None:
        return 0, len(exact)
    start, end = position.get("start"), position.get("end")
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end:
        raise ValueError("TextPositionSelector needs integers 0 <= start < end")
    if end - start != len(exact):
        raise ValueError("TextPositionSelector length differs from the exact text")
    return start, end


def _document(target: dict) -> tuple[str, str]:
    source = target.get("source")
    source_id = source.get("id") if isinstance(source, dict) else source
    if not isinstance(source_id, str) or not source_id.startswith(DOC_URN):
        raise ValueError(f"target source must be a {DOC_URN}ID document")
    via = source.get("via", "") if isinstance(source, dict) else ""
    via = via if isinstance(via, str) else ""
    if via.startswith("file://"):
        via = unquote(urlparse(via).path)
    return source_id.removeprefix(DOC_URN), via


def _bodies(entry: dict) -> tuple[str, tuple[str, ...]]:
    bodies = entry.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    notes: list[str] = []
    tags: list[str] = []
    for body in bodies:
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            raise ValueError("each body must be a TextualBody with a text value")
        (tags if body.get("purpose") == "tagging" else notes).append(body["value"])
    return "\n\n".join(notes), normalise_tags(tags)


def _timestamp(value: Any, what: str) -> str:
    stamp = _text(value, what)
    if stamp:
        try:
            datetime.fromisoformat(stamp)
        except ValueError:
            raise ValueError(f"{what} is not an ISO 8601 date: {stamp!r}") from None
    return stamp or now_iso()


def _parse(entry: Any) -> Annotation:
    if not isinstance(entry, dict) or entry.get("type") != "Annotation":
        raise ValueError("not an object of type Annotation")
    annotation_id = _text(entry.get("id"), "id", required=True).removeprefix(ANNOTATION_URN)
    target = entry.get("target")
    if not isinstance(target, dict):
        raise ValueError("target must be an object with a source and selectors")
    doc, via = _document(target)
    quote, position = _selectors(target)
    exact = _text(quote.get("exact"), "TextQuoteSelector exact", required=True)
    start, end = _positions(position, exact)
    note, tags = _bodies(entry)
    colour = target.get("styleClass", "yellow")
    if colour not in COLOURS:
        raise ValueError(f"unknown colour {colour!r} (expected one of {', '.join(COLOURS)})")
    state = target.get("state")
    return Annotation(
        id=annotation_id,
        doc=doc,
        start=start,
        end=end,
        exact=exact,
        prefix=_text(quote.get("prefix"), "prefix"),
        suffix=_text(quote.get("suffix"), "suffix"),
        note=note,
        tags=tags,
        colour=colour,
        source=via,
        orphaned=isinstance(state, dict) and state.get("type") == "sourceReader:Orphaned",
        created=_timestamp(entry.get("created"), "created"),
        modified=_timestamp(entry.get("modified"), "modified"),
    )
