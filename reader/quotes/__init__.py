"""Quotations across a set of documents: who said what, and which quotes are one utterance.

    analysis = analyse(documents, cache_dir=library.root / "cache" / "quotes")
    analysis.quotes_of(doc.id), analysis.links_of(quote.id), analysis.group_of(quote.id)

Per document, quotes are extracted and attributed (cached per document, see `cache`); across the
set, speaker names are made canonical, variants are linked (`linking`), linked variants settle
unknown speakers and form groups (`groups`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.documents.model import Document
from reader.errors import ReaderError
from reader.quotes.cache import QuoteCache
from reader.quotes.groups import build_groups, settle_speakers
from reader.quotes.linking import link_quotes
from reader.quotes.model import Link, Quote, VariantGroup

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]

EXTRACTION_SHARE = 0.7  # of the progress bar, for extraction (the rest is linking)


class AnalysisAborted(ReaderError):
    """The analysis was cancelled through its abort event; nothing partial is returned."""

    def __init__(self) -> None:
        super().__init__("quote analysis cancelled")


@dataclass(slots=True)
class QuoteAnalysis:
    """Every quote of a set of documents, the links between variants and their groups."""

    documents: list[Document]
    quotes: list[Quote]
    links: list[Link]
    groups: list[VariantGroup]
    problems: list[tuple[str, str]] = field(default_factory=list)  # (document id, reason)
    _by_id: dict[str, Quote] = field(init=False, repr=False)
    _by_doc: dict[str, list[Quote]] = field(init=False, repr=False)
    _links_of: dict[str, list[Link]] = field(init=False, repr=False)
    _group_of: dict[str, VariantGroup] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        """Rebuild the look-ups after quotes, links or groups were changed in place."""
        self._by_id = {q.id: q for q in self.quotes}
        self._by_doc = {d.id: [] for d in self.documents}
        for quote in self.quotes:
            self._by_doc.setdefault(quote.doc, []).append(quote)
        self._links_of = {}
        for link in self.links:
            self._links_of.setdefault(link.a, []).append(link)
            self._links_of.setdefault(link.b, []).append(link)
        self._group_of = {q: g for g in self.groups for q in g.quotes}

    def quotes_of(self, doc_id: str) -> list[Quote]:
        """The quotes of one document, in document order."""
        return list(self._by_doc.get(doc_id, []))

    def quote(self, quote_id: str) -> Quote:
        """One quote by id (KeyError when unknown)."""
        return self._by_id[quote_id]

    def links_of(self, quote_id: str) -> list[Link]:
        """The links that have `quote_id` at either end, best score first."""
        return sorted(self._links_of.get(quote_id, []), key=lambda link: -link.score)

    def group_of(self, quote_id: str) -> VariantGroup | None:
        """The group of variants the quote belongs to, or None when it has no variant."""
        return self._group_of.get(quote_id)

    def speakers(self) -> dict[str, list[Quote]]:
        """Every speaker named in the articles with their quotes, by name."""
        found: dict[str, list[Quote]] = {}
        for quote in self.quotes:
            if quote.speaker and not quote.unnamed:
                found.setdefault(quote.speaker, []).append(quote)
        return dict(sorted(found.items()))

    def unnamed_sources(self) -> list[Quote]:
        """The quotes of sources their articles describe but never name, in library order."""
        return [quote for quote in self.quotes if quote.unnamed]

    def to_json(self) -> dict[str, Any]:
        """The `source-reader quotes --json` answer."""
        return {
            "documents": [
                {
                    "id": d.id,
                    "path": d.path,
                    "title": d.title,
                    "source": d.source,
                    "published": d.published_iso,
                }
                for d in self.documents
            ],
            "quotes": [
                {
                    "id": q.id,
                    "doc": q.doc,
                    "start": q.start,
                    "end": q.end,
                    "text": q.text,
                    "speaker": q.speaker,
                    "role": q.role,
                    "unnamed": q.unnamed,
                    "kind": str(q.kind),
                    "uncertain": q.uncertain,
                    "corrected": q.corrected,
                }
                for q in self.quotes
            ],
            "links": [
                {"a": k.a, "b": k.b, "score": k.score, "kind": str(k.kind)} for k in self.links
            ],
        }


def analyse(
    documents: Sequence[Document],
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> QuoteAnalysis:
    """Extract, attribute and link the quotes of `documents`.

    With `cache_dir`, each document's extraction is cached there and reused while the document
    and the extraction code are unchanged. `progress(fraction, message)` reports now and then;
    setting `abort` makes it raise `AnalysisAborted` soon after.
    """
    from reader.quotes.speakers import canonical_names

    report = progress or (lambda fraction, message: None)
    documents = list(documents)
    problems: list[tuple[str, str]] = []
    quotes = _extract_all(documents, cache_dir, report, abort, problems)
    report(EXTRACTION_SHARE, "naming speakers")
    canonical_names(quotes)
    report(EXTRACTION_SHARE, "linking variants")
    links = link_quotes(
        quotes,
        progress=lambda f: report(EXTRACTION_SHARE + (1 - EXTRACTION_SHARE) * f, "linking"),
        abort=abort,
    )
    _check(abort)
    settle_speakers(quotes, links)
    groups = build_groups(quotes, links, documents)
    report(1.0, f"{len(quotes)} quotes, {len(links)} links")
    return QuoteAnalysis(documents, quotes, links, groups, problems)


def _extract_all(
    documents: list[Document],
    cache_dir: Path | None,
    report: Progress,
    abort: threading.Event | None,
    problems: list[tuple[str, str]],
) -> list[Quote]:
    """Every document's quotes, attributed, from the cache where it is still valid.

    A document whose analysis fails is left out with its reason in `problems`; the rest go on.
    """
    cache = QuoteCache(cache_dir) if cache_dir is not None else None
    quotes: list[Quote] = []
    for number, document in enumerate(documents):
        if number % 64 == 0:
            _check(abort)
            report(EXTRACTION_SHARE * number / max(1, len(documents)), "finding quotes")
        found = cache.get(document) if cache is not None else None
        if found is None:
            try:
                found = _quotes_of(document)
            except Exception as error:  # one odd document never stops the analysis
                log.error("quote analysis of %s failed", document.path, exc_info=error)
                problems.append((document.id, f"quotes not analysed ({type(error).__name__})"))
                continue
            if cache is not None:
                cache.put(document, found)
        quotes.extend(found)
    return quotes


def _quotes_of(document: Document) -> list[Quote]:
    from reader.quotes.attribution import attribute
    from reader.quotes.extraction import extract_quotes

    found = extract_quotes(document)
    attribute(document, found)
    return found


def _check(abort: threading.Event | None) -> None:
    if abort is not None and abort.is_set():
        raise AnalysisAborted()
