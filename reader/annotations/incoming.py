"""An annotation as a file gave it, before it is placed in one of the library's documents.

Every format reader (W3C JSON-LD from any producer, Hypothesis) turns entries into `Incoming`
records; `reader.annotations.importing` then finds each one's document and text. Records that
cannot be placed are kept, as they were read, in the store's unattached list.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from reader.annotations.anchoring import Selector, anchor
from reader.annotations.model import COLOURS, Annotation


@dataclass(slots=True, frozen=True)
class Span:
    """A quote (exact text with context) and/or character offsets; either part may be missing."""

    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None

    def place(self, text: str) -> tuple[int, int] | None:
        """Where this span lies in `text`: by quote (exact, then fuzzy), else by offsets."""
        if self.exact:
            start, end = self.start or 0, self.end or 0
            found = anchor(Selector(self.exact, self.prefix, self.suffix, start, end), text)
            return None if found is None else (found.start, found.end)
        if self.start is not None and self.end is not None and 0 <= self.start < self.end:
            return (self.start, self.end) if self.end <= len(text) else None
        return None


@dataclass(slots=True, frozen=True)
class Incoming:
    """One annotation read from a file: where it points, what it selects, and what it says."""

    source: str = ""  # the target's source as written: the app's URN, a URL, a file URI or path
    via: str = ""  # another address of the same document (W3C `via`), or ""
    span: Span | None = None  # TextQuoteSelector and/or TextPositionSelector
    range: tuple[Span, Span] | None = None  # a RangeSelector's start and end, when no span
    unplaceable: str = ""  # why no text can be found for it in any document ("" when it can)
    id: str = ""  # as given by the file ("" when it gave none)
    note: str = ""
    tags: tuple[str, ...] = ()
    colour: str = ""
    created: str = ""
    modified: str = ""
    orphaned: bool = False
    extra: dict[str, str] = field(default_factory=dict)  # e.g. the Hypothesis user

    @property
    def key(self) -> str:
        """The given id, or one made from the content: the same entry always gets the same id."""
        if self.id:
            return self.id
        content = json.dumps(self.to_json(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha1(content.encode("utf-8")).hexdigest()

    @property
    def exact(self) -> str:
        """The selected text as the file gave it ("" when it gave only offsets or a range)."""
        return self.span.exact if self.span else ""

    def place(self, text: str) -> tuple[int, int] | None:
        """Where the selection lies in `text`, or None."""
        if self.span is not None:
            return self.span.place(text)
        if self.range is not None:
            first, last = self.range[0].place(text), self.range[1].place(text)
            if first is not None and last is not None and first[0] < last[1]:
                return first[0], last[1]
        return None

    def annotation(
        self, doc_id: str, selector: Selector, source: str, orphaned: bool = False, when: str = ""
    ) -> Annotation:
        """This entry as an annotation of `doc_id` at `selector` (`when`: a missing date)."""
        created = self.created or when
        return Annotation(
            id=self.key,
            doc=doc_id,
            start=selector.start,
            end=selector.end,
            exact=selector.exact,
            prefix=selector.prefix,
            suffix=selector.suffix,
            note=self.note,
            tags=self.tags,
            colour=self.colour if self.colour in COLOURS else "yellow",
            source=source,
            orphaned=orphaned,
            created=created,
            modified=self.modified or created,
        )

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data (what the unattached list stores)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Incoming:
        """The record `to_json` wrote."""
        span = Span(**data["span"]) if data.get("span") else None
        ends = data.get("range")
        fields = {k: v for k, v in data.items() if k not in {"span", "range", "tags"}}
        return cls(
            **fields,
            span=span,
            range=(Span(**ends[0]), Span(**ends[1])) if ends else None,
            tags=tuple(data.get("tags", ())),
        )
