"""Plain data for reused text: aligned passages, pairs of documents, and the whole set.

Offsets are into each document's `Document.body`. A share is the part of a document's words
(outside its quotations) that lies in sentences matched in the other document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reader.documents.model import Document


@dataclass(slots=True, frozen=True)
class Passage:
    """`a[0]:a[1]` of document a is reused (possibly reworded) as `b[0]:b[1]` of document b."""

    a: tuple[int, int]
    b: tuple[int, int]


@dataclass(slots=True)
class CopyPair:
    """Two documents of which one reuses the other; `earliest` is the original, if known."""

    a: str
    b: str
    share_a: float
    share_b: float
    earliest: str | None
    passages: list[Passage] = field(default_factory=list)

    def other(self, doc_id: str) -> str:
        """The document of the pair that is not `doc_id`."""
        return self.b if doc_id == self.a else self.a

    def share_of(self, doc_id: str) -> float:
        """The share of `doc_id` that is reused in the other document."""
        return self.share_a if doc_id == self.a else self.share_b

    def spans_of(self, doc_id: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """Each passage as (span in `doc_id`, span in the other document)."""
        if doc_id == self.a:
            return [(p.a, p.b) for p in self.passages]
        return [(p.b, p.a) for p in self.passages]

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "share_a": round(self.share_a, 3),
            "share_b": round(self.share_b, 3),
            "earliest": self.earliest,
            "passages": [{"a": list(p.a), "b": list(p.b)} for p in self.passages],
        }


@dataclass(slots=True)
class CopyAnalysis:
    """Every pair of documents found to reuse one another, in a set of documents."""

    documents: list[Document]
    pairs: list[CopyPair]
    _by_doc: dict[str, list[CopyPair]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for pair in self.pairs:
            self._by_doc.setdefault(pair.a, []).append(pair)
            self._by_doc.setdefault(pair.b, []).append(pair)

    def pairs_of(self, doc_id: str) -> list[CopyPair]:
        """The pairs `doc_id` is in, the most reused first."""
        return sorted(self._by_doc.get(doc_id, []), key=lambda p: -p.share_of(doc_id))

    def original_of(self, doc_id: str) -> str | None:
        """The document `doc_id` is a copy of: the earliest of its most reused pair, or None."""
        for pair in self.pairs_of(doc_id):
            if pair.earliest is not None and pair.earliest != doc_id:
                return pair.earliest
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": [
                {
                    "id": d.id,
                    "path": d.path,
                    "title": d.title,
                    "source": d.source,
                    "published": d.published_iso,
                    "copy_of": self.original_of(d.id),
                }
                for d in self.documents
            ],
            "pairs": [p.to_json() for p in self.pairs],
        }
