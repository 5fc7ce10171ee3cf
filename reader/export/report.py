"""Building the excerpt report that every writer (PDF, Markdown, HTML) renders.

A `Report` is plain data: sections (one per document, or one per publication day), each holding
excerpts. An excerpt is a passage with the annotated text (or the search hit) marked, its note and
tags, a full citation, and, where the marked text holds a quotation, the speaker and the other
articles carrying a variant of it with the differing words marked.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from reader.annotations.anchoring import anchor
from reader.annotations.model import Annotation
from reader.documents.model import Document
from reader.export.passages import CONTEXT_CHARS, Passage, Run, cut_passage
from reader.quotes.alignment import align
from reader.quotes.model import AlignedWord, Link, Quote

log = logging.getLogger(__name__)

ORDERS = ("document", "date")
MAX_VARIANTS = 8  # variant articles listed per quotation
MAX_EXCERPTS_PER_HIT = 5  # passages taken from one search hit


class QuoteSource(Protocol):
    """What the report needs from a `reader.quotes.QuoteAnalysis`."""

    def quotes_of(self, doc_id: str) -> Sequence[Quote]: ...
    def links_of(self, quote_id: str) -> Sequence[Link]: ...
    def quote(self, quote_id: str) -> Quote: ...


class SearchHit(Protocol):
    """What the report needs from a `reader.search` hit: a document id and body offsets."""

    doc: str
    spans: list[tuple[int, int]]


@dataclass(slots=True, frozen=True)
class Citation:
    """Where an excerpt comes from; empty fields were not known."""

    title: str
    outlet: str
    author: str
    published: str
    location: str  # the URL, else the file path
    accessed: str  # the date the copy was saved

    def fields(self) -> list[tuple[str, str]]:
        """(label, value) pairs for every citation field, "not given" where unknown."""
        where = "URL" if "://" in self.location else "File"
        values = [
            ("Title", self.title),
            ("Outlet", self.outlet),
            ("Author", self.author),
            ("Published", self.published),
            (where, self.location),
            ("Accessed", self.accessed),
        ]
        return [(label, value or "not given") for label, value in values]


@dataclass(slots=True, frozen=True)
class VariantWord:
    """One word of a variant quotation; `differs` when it is not in the excerpt's quotation."""

    text: str
    differs: bool


@dataclass(slots=True)
class Variant:
    """Another article carrying a variant of a quotation."""

    title: str
    outlet: str
    published: str
    kind: str  # "exact", "variant" or "partial"
    score: float
    words: list[VariantWord]


@dataclass(slots=True)
class QuoteNote:
    """A quotation inside an excerpt: its speaker and its variants elsewhere."""

    text: str
    speaker: str
    role: str
    variants: list[Variant] = field(default_factory=list)


@dataclass(slots=True)
class Excerpt:
    """One passage of one document, with everything needed to cite it."""

    doc_id: str
    passage: Passage
    citation: Citation
    published: datetime | None
    note: str = ""
    tags: tuple[str, ...] = ()
    colour: str = "yellow"
    quotes: list[QuoteNote] = field(default_factory=list)
    number: int = 0

    @property
    def label(self) -> str:
        """A short label (for bookmarks): the marked text, else the sentence of the first term."""
        paragraphs = self.passage.paragraphs
        marked = " ".join("".join(r.text for r in p if r.marked) for p in paragraphs)
        if not marked.strip():
            marked = _first_term_sentence(paragraphs) or self.passage.text
        return f"{self.number}. “{_shorten(marked)}”"


@dataclass(slots=True)
class Section:
    """A group of excerpts: one document, or one publication day."""

    title: str
    subtitle: str
    excerpts: list[Excerpt]


@dataclass(slots=True)
class Report:
    """The whole export: title page facts, sections, and what could not be placed."""

    title: str
    created: datetime
    scope: str  # what was exported, e.g. "annotations tagged 'budget'"
    order: str
    sections: list[Section]
    orphans: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (document id, reason) left out

    @property
    def excerpts(self) -> list[Excerpt]:
        """Every excerpt in report order."""
        return [e for s in self.sections for e in s.excerpts]

    @property
    def document_count(self) -> int:
        """How many documents the excerpts come from."""
        return len({e.doc_id for e in self.excerpts})


def format_date(moment: datetime | None) -> str:
    """A date as YYYY-MM-DD (plus HH:MM when a time is known), or ""."""
    if moment is None:
        return ""
    if (moment.hour, moment.minute) == (0, 0):
        return moment.date().isoformat()
    return moment.strftime("%Y-%m-%d %H:%M")


def citation_of(doc: Document) -> Citation:
    """The citation of a document; "accessed" is when its file was saved."""
    try:
        accessed = datetime.fromtimestamp(os.stat(doc.path).st_mtime).date().isoformat()
    except OSError:
        accessed = ""
    return Citation(
        doc.title, doc.source, doc.author, format_date(doc.published), doc.url or doc.path, accessed
    )


def _speaker(quote: Quote) -> str:
    if quote.corrected and quote.attribution == "corrected":
        return f"{quote.speaker or 'unknown speaker'} (corrected by hand)"
    if quote.speaker:
        return quote.speaker
    return f"{quote.speaker_guess} (uncertain)" if quote.speaker_guess else "unknown speaker"


def _variant_words(alignment: list[AlignedWord], ours_is_a: bool) -> list[VariantWord]:
    """The other quotation's words, each marked when it differs from ours."""
    if ours_is_a:
        return [VariantWord(w.b, w.op != "same") for w in alignment if w.op != "removed"]
    return [VariantWord(w.a, w.op != "same") for w in alignment if w.op != "added"]


def _variants(quote: Quote, source: QuoteSource, docs: dict[str, Document]) -> list[Variant]:
    variants = []
    links = sorted(source.links_of(quote.id), key=lambda link: -link.score)[:MAX_VARIANTS]
    for link in links:
        ours_is_a = link.a == quote.id
        other = source.quote(link.b if ours_is_a else link.a)
        first, second = (quote, other) if ours_is_a else (other, quote)
        alignment = align(first.text, second.text)
        doc = docs.get(other.doc)
        variants.append(
            Variant(
                title=doc.title if doc else other.doc,
                outlet=doc.source if doc else "",
                published=format_date(doc.published) if doc else "",
                kind=str(link.kind),
                score=link.score,
                words=_variant_words(alignment, ours_is_a),
            )
        )
    return variants


def _quote_notes(
    doc: Document, start: int, end: int, source: QuoteSource | None, docs: dict[str, Document]
) -> list[QuoteNote]:
    if source is None:
        return []
    inside = [q for q in source.quotes_of(doc.id) if q.start < end and q.end > start]
    return [QuoteNote(q.text, _speaker(q), q.role, _variants(q, source, docs)) for q in inside]


def _excerpt(
    doc: Document,
    marks: list[tuple[int, int]],
    terms: list[tuple[int, int]],
    source: QuoteSource | None,
    docs: dict[str, Document],
) -> Excerpt:
    passage = cut_passage(doc.body, doc.paragraphs(), marks, terms)
    ranges = marks or terms
    start, end = min(s for s, _ in ranges), max(e for _, e in ranges)
    return Excerpt(
        doc_id=doc.id,
        passage=passage,
        citation=citation_of(doc),
        published=doc.published,
        quotes=_quote_notes(doc, start, end, source, docs),
    )


def document_of(annotation: Annotation, docs: dict[str, Document]) -> Document | None:
    """The annotated document: by id, else by the file path or URL it was annotated in."""
    found = docs.get(annotation.doc)
    if found is None and annotation.source:
        found = next((d for d in docs.values() if annotation.source in (d.path, d.url)), None)
    return found


def excerpts_from_annotations(
    docs: dict[str, Document],
    annotations: Iterable[Annotation],
    source: QuoteSource | None = None,
    failed: list[tuple[str, str]] | None = None,
) -> tuple[list[Excerpt], list[str]]:
    """One excerpt per annotation placed in its document; the others described as orphans.

    An excerpt that cannot be built is left out, its document and reason added to `failed`.
    """
    excerpts, orphans = [], []
    for a in annotations:
        doc = document_of(a, docs)
        found = anchor(a.selector, doc.body) if doc else None
        if doc is None or found is None:
            where = (
                f"document {a.source or a.doc} is not available"
                if doc is None
                else (f"its text is no longer in “{doc.title or doc.path}”")
            )
            orphans.append(f"“{_shorten(a.exact)}”: {where}")
            continue
        excerpt = _guarded(failed, doc, [(found.start, found.end)], [], source, docs)
        if excerpt is None:
            continue
        excerpt.note, excerpt.tags, excerpt.colour = a.note, a.tags, a.colour
        excerpts.append(excerpt)
    return excerpts, orphans


def _clusters(spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Spans close enough to share one passage."""
    clusters: list[list[tuple[int, int]]] = []
    for span in sorted(spans):
        if clusters and span[0] - clusters[-1][-1][1] < CONTEXT_CHARS:
            clusters[-1].append(span)
        else:
            clusters.append([span])
    return clusters


def excerpts_from_hits(
    docs: dict[str, Document],
    hits: Iterable[SearchHit],
    source: QuoteSource | None = None,
    failed: list[tuple[str, str]] | None = None,
) -> list[Excerpt]:
    """Passages around the matched terms of each search hit (a few per document)."""
    excerpts = []
    for hit in hits:
        doc = docs.get(hit.doc)
        spans = [(s, e) for s, e in hit.spans if doc and 0 <= s < e <= len(doc.body)]
        if doc is None or not spans:
            continue
        for cluster in _clusters(spans)[:MAX_EXCERPTS_PER_HIT]:
            excerpt = _guarded(failed, doc, [], cluster, source, docs)
            if excerpt is not None:
                excerpts.append(excerpt)
    return excerpts


def _guarded(
    failed: list[tuple[str, str]] | None,
    doc: Document,
    marks: list[tuple[int, int]],
    terms: list[tuple[int, int]],
    source: QuoteSource | None,
    docs: dict[str, Document],
) -> Excerpt | None:
    """`_excerpt`, or None (the reason noted in `failed`) when this one document's part fails."""
    try:
        return _excerpt(doc, marks, terms, source, docs)
    except Exception as error:  # one odd document never stops an export
        log.error("excerpt of %s failed", doc.path, exc_info=error)
        if failed is not None:
            failed.append((doc.id, f"excerpt left out of the export ({type(error).__name__})"))
        return None


def _first_term_sentence(paragraphs: list[list[Run]]) -> str:
    """The text from the start of the sentence holding the first search term to the end."""
    for runs in paragraphs:
        before = ""
        for i, run in enumerate(runs):
            if run.term:
                cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
                rest = "".join(r.text for r in runs[i:])
                return (before[cut + 2 :] if cut >= 0 else before) + rest
            before += run.text
    return ""


def _shorten(text: str, limit: int = 60) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"


def _date_key(excerpt: Excerpt) -> tuple:
    moment = excerpt.published
    if moment is not None and moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return (moment is None, moment or datetime.min, excerpt.citation.title, excerpt.passage.start)


def _sections(excerpts: list[Excerpt], order: str, doc_order: list[str]) -> list[Section]:
    if order == "date":
        excerpts = sorted(excerpts, key=_date_key)
        keys = [e.published.date().isoformat() if e.published else "Undated" for e in excerpts]
    else:
        rank = {doc_id: i for i, doc_id in enumerate(doc_order)}
        excerpts = sorted(excerpts, key=lambda e: (rank.get(e.doc_id, 0), e.passage.start))
        keys = [e.doc_id for e in excerpts]
    sections: list[Section] = []
    current = None
    for key, excerpt in zip(keys, excerpts, strict=True):
        if key != current:
            name = key if order == "date" else excerpt.citation.title or excerpt.citation.location
            sections.append(Section(name, "", []))
            current = key
        sections[-1].excerpts.append(excerpt)
    for number, excerpt in enumerate((e for s in sections for e in s.excerpts), start=1):
        excerpt.number = number
    for section in sections:
        first = section.excerpts[0].citation
        count = f"{len(section.excerpts)} excerpt{'s' * (len(section.excerpts) != 1)}"
        details = [first.outlet, first.published] if order == "document" else []
        section.subtitle = " · ".join([d for d in details if d] + [count])
    return sections


def build_report(
    documents: Sequence[Document],
    *,
    annotations: Iterable[Annotation] | None = None,
    hits: Iterable[SearchHit] | None = None,
    analysis: QuoteSource | None = None,
    order: str = "document",
    title: str = "Annotated excerpts",
    scope: str = "",
) -> Report:
    """The report of the given annotations, or of the passages around search hits."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}")
    docs = {d.id: d for d in documents}
    for doc in getattr(analysis, "documents", None) or []:
        docs.setdefault(doc.id, doc)
    orphans: list[str] = []
    failed: list[tuple[str, str]] = []
    if hits is not None:
        excerpts = excerpts_from_hits(docs, hits, analysis, failed)
    else:
        excerpts, orphans = excerpts_from_annotations(docs, annotations or [], analysis, failed)
    sections = _sections(excerpts, order, [d.id for d in documents])
    created = datetime.now().astimezone().replace(microsecond=0)
    return Report(title, created, scope, order, sections, orphans, failed)
