"""The annotation record and how new ones are made; shared by the store and every file format."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.annotations.anchoring import Selector, make_selector
from reader.documents.model import Document

COLOURS = ("yellow", "green", "blue", "pink", "purple")


@dataclass(slots=True, frozen=True)
class Annotation:
    """A highlighted range of one document's body, with a note, tags and a colour."""

    id: str
    doc: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    tags: tuple[str, ...] = ()
    colour: str = "yellow"
    source: str = ""  # the document's URL or file path when it was annotated
    orphaned: bool = False  # the text could not be found again after the document changed
    created: str = ""
    modified: str = ""

    @property
    def selector(self) -> Selector:
        """The W3C quote and position selectors of this annotation."""
        return Selector(self.exact, self.prefix, self.suffix, self.start, self.end)


def now_iso() -> str:
    """The current UTC time in ISO 8601, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def new_annotation(
    doc: Document,
    start: int,
    end: int,
    note: str = "",
    tags: Iterable[str] = (),
    colour: str = "yellow",
) -> Annotation:
    """A new annotation of `doc.body[start:end]` (not stored); ValueError for a bad range."""
    selector = make_selector(doc.body, start, end)
    stamp = now_iso()
    return Annotation(
        id=uuid.uuid4().hex,
        doc=doc.id,
        start=start,
        end=end,
        exact=selector.exact,
        prefix=selector.prefix,
        suffix=selector.suffix,
        note=note,
        tags=normalise_tags(tags),
        colour=colour,
        source=doc.url or doc.path,
        created=stamp,
        modified=stamp,
    )


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags stripped, empty ones dropped, duplicates removed, sorted."""
    return tuple(sorted({t.strip() for t in tags if t.strip()}))
