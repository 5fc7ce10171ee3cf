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

from reader.annotations.anchoring import Selector
from reader.annotations.incoming import Incoming, Span
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
    return from_jsonld(read_json(path))


def read_json(path: Path) -> Any:
    """The parsed JSON of a file; one StoreError line when it cannot be read or is not JSON."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from None
    except ValueError as error:
        raise StoreError(f"{path} is not JSON: {error}") from None


def from_jsonld(data: Any) -> ImportResult:
    """Read the app's own collection strictly: every entry must name a library document by URN."""
    result = ImportResult()
    for number, entry in enumerate(_items(data), start=1):
        try:
            result.annotations.append(_own(parse_entry(entry)))
        except ValueError as error:
            result.errors.append(f"entry {number}: {error}")
    return result


def parse_w3c(data: Any) -> tuple[list[Incoming], list[str]]:
    """Every entry of a collection from any W3C producer, and one message per malformed entry."""
    found: list[Incoming] = []
    errors: list[str] = []
    for number, entry in enumerate(_items(data), start=1):
        try:
            found.append(parse_entry(entry))
        except ValueError as error:
            errors.append(f"entry {number}: {error}")
    return found, errors


def is_w3c(data: Any) -> bool:
    """Whether parsed JSON looks like W3C Web Annotation data (a collection or annotations)."""
    entries = data if isinstance(data, list) else [data]
    return bool(entries) and all(
        isinstance(e, dict) and e.get("type") in {"Annotation", "AnnotationCollection"}
        for e in entries
    )


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


def _span(selectors: dict[Any, dict]) -> Span | None:
    """The quote and position selectors as one span (None when neither is there)."""
    quote, position = selectors.get("TextQuoteSelector"), selectors.get("TextPositionSelector")
    if quote is None and position is None:
        return None
    start = end = None
    if position is not None:
        start, end = position.get("start"), position.get("end")
        if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end:
            raise ValueError("TextPositionSelector needs integers 0 <= start < end")
    quote = quote or {}
    return Span(
        exact=_text(quote.get("exact"), "TextQuoteSelector exact", required=bool(quote)),
        prefix=_text(quote.get("prefix"), "prefix"),
        suffix=_text(quote.get("suffix"), "suffix"),
        start=start,
        end=end,
    )


def _range(selector: dict | None) -> tuple[tuple[Span, Span] | None, str]:
    """A RangeSelector's two ends, or why it cannot be placed in plain text."""
    if selector is None:
        return None, "the target selects no text (no quote, position or range selector)"
    ends = []
    for side in ("startSelector", "endSelector"):
        part = selector.get(side)
        span = _span({part.get("type"): part}) if isinstance(part, dict) else None
        if span is None:
            return None, "its RangeSelector points into a page's markup, not at text"
        ends.append(span)
    return (ends[0], ends[1]), ""


def selectors_of(target: dict) -> tuple[Span | None, tuple[Span, Span] | None, str]:
    """A target's span, else its range, else why it selects no text (shared with Hypothesis)."""
    listed = target.get("selector")
    listed = listed if isinstance(listed, list) else [listed]
    by_type = {s.get("type"): s for s in listed if isinstance(s, dict)}
    span = _span(by_type)
    if span is not None:
        return span, None, ""
    ends, reason = _range(by_type.get("RangeSelector"))
    return None, ends, reason


def _source(target: dict) -> tuple[str, str]:
    source = target.get("source")
    address = source.get("id") if isinstance(source, dict) else source
    via = source.get("via", "") if isinstance(source, dict) else ""
    return (address if isinstance(address, str) else ""), (via if isinstance(via, str) else "")


def _bodies(entry: dict) -> tuple[str, tuple[str, ...]]:
    bodies = entry.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    notes: list[str] = []
    tags: list[str] = []
    for body in bodies:
        if isinstance(body, str):  # a plain string body is a link to the content; keep it
            notes.append(body)
            continue
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            raise ValueError("each body must be a TextualBody with a text value")
        (tags if body.get("purpose") == "tagging" else notes).append(body["value"])
    return "\n\n".join(notes), normalise_tags(tags)


def timestamp(value: Any, what: str) -> str:
    """An ISO 8601 date as given ("" when absent); ValueError when it is not one."""
    stamp = _text(value, what)
    if stamp:
        try:
            datetime.fromisoformat(stamp)
        except ValueError:
            raise ValueError(f"{what} is not an ISO 8601 date: {stamp!r}") from None
    return stamp


def parse_entry(entry: Any) -> Incoming:
    """One W3C annotation as an `Incoming` record; ValueError when it is malformed."""
    if not isinstance(entry, dict) or entry.get("type") != "Annotation":
        raise ValueError("not an object of type Annotation")
    target = entry.get("target")
    target = target[0] if isinstance(target, list) and target else target
    if isinstance(target, str):
        target = {"source": target}
    if not isinstance(target, dict) or not ({"source", "selector"} & target.keys()):
        raise ValueError("target must be an object with a source and selectors")
    source, via = _source(target)
    span, ends, unplaceable = selectors_of(target)
    note, tags = _bodies(entry)
    state = target.get("state")
    colour = target.get("styleClass")
    return Incoming(
        source=source,
        via=unquote(urlparse(via).path) if via.startswith("file://") else via,
        span=span,
        range=ends,
        unplaceable=unplaceable,
        id=_text(entry.get("id"), "id").removeprefix(ANNOTATION_URN),
        note=note,
        tags=tags,
        colour=colour if isinstance(colour, str) else "",
        created=timestamp(entry.get("created"), "created"),
        modified=timestamp(entry.get("modified"), "modified"),
        orphaned=isinstance(state, dict) and state.get("type") == "sourceReader:Orphaned",
    )


def _own(item: Incoming) -> Annotation:
    """The app's own export entry as an annotation, checked strictly."""
    if not item.source.startswith(DOC_URN):
        raise ValueError(f"target source must be a {DOC_URN}ID document")
    span = item.span
    if span is None or not span.exact:
        raise ValueError("target has no TextQuoteSelector")
    start, end = (0, len(span.exact)) if span.start is None else (span.start, span.end or 0)
    if end - start != len(span.exact):
        raise ValueError("TextPositionSelector length differs from the exact text")
    colour = item.colour or "yellow"
    if colour not in COLOURS:
        raise ValueError(f"unknown colour {colour!r} (expected one of {', '.join(COLOURS)})")
    selector = Selector(span.exact, span.prefix, span.suffix, start, end)
    doc_id = item.source.removeprefix(DOC_URN)
    return item.annotation(doc_id, selector, item.via, item.orphaned, when=now_iso())
