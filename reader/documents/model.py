"""The document: metadata, clean body text and the boilerplate removed from it.

A `Document` is plain data built by `reader.documents.loading.load_document`. Its `body` is the
article text only: paragraphs joined by a blank line ("\n\n"). Every paragraph is a slice of the
raw text (for HTML, the text of a block of the page source, which starts at its raw offset), and
`segments` maps clean offsets back to raw ones. The raw text itself is not kept (it would double
the memory of a loaded library); whoever needs it reads the file again. Segments and removed lines
are held packed (offsets in one integer array, an object per item only when asked for): a library
holds tens of them per document, and an object with its integers takes five times the memory.
A body beyond ASCII is held as UTF-8 and decoded when read (see `_held_as_utf8`).
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

PARAGRAPH_BREAK = "\n\n"


@dataclass(slots=True, frozen=True)
class Segment:
    """`length` characters of the body starting at `clean` come from the raw text at `raw`."""

    clean: int
    raw: int
    length: int


@dataclass(slots=True, frozen=True)
class RemovedLine:
    """A line of the raw text kept out of the body, and why (e.g. "menu", "related", "footer")."""

    raw_start: int
    raw_end: int
    text: str
    reason: str


@dataclass(slots=True)
class PackedRemoved:
    """Removed lines held as one array of offsets, their texts one UTF-8 string of bytes (a str
    per line costs ~50 bytes more, and 2 a character once a line has a curly quote) and a tuple
    of their reasons."""

    offsets: array[int]  # raw start, raw end and where its text ends in `texts`, of each line
    texts: bytes
    reasons: tuple[str, ...]

    @classmethod
    def of(cls, lines: Iterable[RemovedLine]) -> PackedRemoved:
        offsets, texts, reasons = array("q"), bytearray(), []
        for line in lines:
            texts += line.text.encode("utf-8", "surrogatepass")
            offsets.extend((line.raw_start, line.raw_end, len(texts)))
            reasons.append(line.reason)
        return cls(offsets, bytes(texts), tuple(reasons))

    def lines(self) -> list[RemovedLine]:
        offsets, texts = self.offsets, self.texts
        found = []
        for i, reason in enumerate(self.reasons):
            start, end, text_end = offsets[3 * i : 3 * i + 3]
            text_start = offsets[3 * i - 1] if i else 0
            text = texts[text_start:text_end].decode("utf-8", "surrogatepass")
            found.append(RemovedLine(start, end, text, reason))
        return found


@dataclass(slots=True, weakref_slot=True)  # weakly held by the search index between updates
class Document:
    """One article, read from one file."""

    id: str
    path: str
    title: str = ""
    source: str = ""
    author: str = ""
    published: datetime | None = None
    language: str = ""
    url: str = ""
    body: str = ""
    packed_removed: PackedRemoved = field(default_factory=lambda: PackedRemoved.of(()))
    packed_segments: array[int] = field(default_factory=lambda: array("q"))  # clean, raw, length
    content_hash: str = ""
    format: str = "text"  # "text", "markdown" or "html"
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    # How many times a field was assigned: an edited document is told from an unchanged one
    # without comparing its text (the search index looks at only the edited ones).
    edits: int = field(default=0, repr=False, compare=False)

    def __setattr__(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)
        if name != "edits":
            object.__setattr__(self, "edits", getattr(self, "edits", 0) + 1)

    @property
    def removed(self) -> list[RemovedLine]:
        """The lines kept out of the body, in raw order."""
        return self.packed_removed.lines()

    @property
    def segments(self) -> list[Segment]:
        """How the body maps to the raw text, in body order."""
        packed = self.packed_segments
        return [Segment(*packed[i : i + 3]) for i in range(0, len(packed), 3)]

    @property
    def words(self) -> int:
        """Number of words in the clean body."""
        return len(self.body.split())

    @property
    def published_iso(self) -> str | None:
        """The publication date in ISO 8601 (a bare date when no time was given), or None."""
        if self.published is None:
            return None
        moment = self.published
        if moment.tzinfo is None and (moment.hour, moment.minute, moment.second) == (0, 0, 0):
            return moment.date().isoformat()
        return moment.isoformat()

    def paragraphs(self) -> list[tuple[int, int]]:
        """The (start, end) offsets of every paragraph of the body."""
        body = self.body
        spans: list[tuple[int, int]] = []
        start = 0
        while start <= len(body):
            end = body.find(PARAGRAPH_BREAK, start)
            if end < 0:
                end = len(body)
            if end > start:
                spans.append((start, end))
            start = end + len(PARAGRAPH_BREAK)
        return spans

    def raw_offset(self, clean_offset: int) -> int:
        """The offset in the raw text of the body character at `clean_offset`.

        Offsets that fall on a paragraph break map to the end of the previous paragraph.
        """
        packed = self.packed_segments
        if not packed:
            return clean_offset
        i = 3 * max(0, bisect.bisect_right(packed[::3], clean_offset) - 1)
        clean, raw, length = packed[i : i + 3]
        return raw + min(max(0, clean_offset - clean), length)


def _held_as_utf8(cls: type, name: str) -> Any:
    """Make the text field `name` of the slotted dataclass `cls` hold a text beyond ASCII as
    UTF-8 bytes, decoded when read; the field is still read and assigned as a str.

    News text has curly quotes and dashes, so CPython holds a body at 2 bytes a character; as
    UTF-8 it takes about one (a library's bodies are most of its memory). An ASCII text already
    takes one and is held as given, as is a subclass of str (it may be more than its
    characters). Decoding takes about 4 µs for a 5,000-character body. The last text decoded
    is kept beside its bytes, so reading one body again and again (a loop over its quotes)
    decodes it once: a read checks the bytes it holds are those bytes, the same object, so the
    answer is right in any thread.
    """
    slot: Any = cls.__dict__[name]  # the slot's own descriptor, taken over by the property
    last: list[tuple[bytes, str]] = [(b"", "")]  # the bytes last decoded and their text

    def read(self: object) -> str:
        held = slot.__get__(self, cls)
        if isinstance(held, str):
            return held
        data, text = last[0]
        if held is not data:
            text = held.decode("utf-8", "surrogatepass")
            last[0] = held, text
        return text

    def write(self: object, text: str) -> None:
        compact = type(text) is str and not text.isascii()
        slot.__set__(self, text.encode("utf-8", "surrogatepass") if compact else text)

    setattr(cls, name, property(read, write, doc=f"The {name} (held as UTF-8 beyond ASCII)."))
    return slot


_BODY_SLOT = _held_as_utf8(Document, "body")


def held_body(document: Document) -> str | bytes:
    """The body as the document holds it (a str, or its UTF-8 bytes): the very same object
    until the body is assigned again, so comparing it tells a change without decoding a copy
    (a copy kept per document would undo the compact storage)."""
    held: str | bytes = _BODY_SLOT.__get__(document, Document)
    return held
