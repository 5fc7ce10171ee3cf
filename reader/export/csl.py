"""Citations for reference managers as CSL-JSON: one item per document, the excerpts as its note.

The item carries what a reference manager needs to cite a news article: title, outlet
(`container-title`), authors, the publication date (`issued`), the URL, and the date the copy was
saved (`accessed`, as `citation_of` reads it). The annotated excerpts of the document, each with
its note, become the item's `note`. `reader.export.bibtex` writes the same items as BibTeX.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reader.annotations.model import Annotation
from reader.documents.model import Document
from reader.export.report import citation_of, document_of
from reader.export.writing import write_text

Item = dict[str, Any]


def csl_items(
    documents: Iterable[Document], annotations: Iterable[Annotation] = (), annotated: bool = False
) -> list[Item]:
    """One item per document (only those with annotations when `annotated`), in their order."""
    docs = {d.id: d for d in documents}
    excerpts: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        doc = document_of(annotation, docs)
        if doc is not None:
            excerpts.setdefault(doc.id, []).append(annotation)
    chosen = [d for d in docs.values() if d.id in excerpts or not annotated]
    return [csl_item(d, excerpts.get(d.id, [])) for d in chosen]


def csl_item(doc: Document, excerpts: Iterable[Annotation] = ()) -> Item:
    """The CSL-JSON item of one document; fields that are not known are left out."""
    item: Item = {"id": doc.id, "type": _type(doc), "title": doc.title or Path(doc.path).stem}
    if doc.source:
        item["container-title"] = doc.source
    authors = names(doc.author)
    if authors:
        item["author"] = authors
    if doc.published is not None:
        moment = doc.published
        item["issued"] = {"date-parts": [[moment.year, moment.month, moment.day]]}
    if doc.url:
        item["URL"] = doc.url
    accessed = citation_of(doc).accessed
    if accessed:
        item["accessed"] = {"date-parts": [[int(p) for p in accessed.split("-")]]}
    if doc.language:
        item["language"] = doc.language
    note = excerpt_note(excerpts)
    if note:
        item["note"] = note
    return item


def _type(doc: Document) -> str:
    if doc.source:
        return "article-newspaper"
    return "webpage" if doc.url else "document"


def excerpt_note(excerpts: Iterable[Annotation]) -> str:
    """Each excerpt in quotation marks, followed by its note, a blank line between them."""
    parts = []
    for a in sorted(excerpts, key=lambda a: a.start):
        text = " ".join(a.exact.split())
        parts.append(f"“{text}”" + (f" — {' '.join(a.note.split())}" if a.note else ""))
    return "\n\n".join(parts)


def names(byline: str) -> list[dict[str, str]]:
    """The people of a byline as CSL names: given and family, or a literal for a single word.

    "Ana Ruiz and Tom Baker", "Ana Ruiz, Tom Baker" and "Ana Ruiz & Tom Baker" give two people;
    "Ruiz, Ana" (one comma between single words) gives one, family name first.
    """
    parts = [p for p in re.split(r"\s*(?:;|&|\band\b)\s*", byline.strip()) if p]
    people: list[dict[str, str]] = []
    for part in parts:
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        if len(pieces) == 2 and all(" " not in p for p in pieces):
            people.append({"family": pieces[0], "given": pieces[1]})
            continue
        for name in pieces:
            people.append(_person(name.split()))
    return people


def _person(words: list[str]) -> dict[str, str]:
    """Given names, then lower-case particles ("de la"), then the family name."""
    if len(words) == 1:
        return {"literal": words[0]}
    given = words[:-1]
    particles: list[str] = []
    while len(given) > 1 and given[-1].islower():
        particles.insert(0, given.pop())
    person = {"family": words[-1], "given": " ".join(given)}
    if particles:
        person["non-dropping-particle"] = " ".join(particles)
    return person


def write_csl(items: list[Item], path: Path) -> None:
    """Write the items as a CSL-JSON file (a JSON array), atomically."""
    write_text(Path(path), json.dumps(items, ensure_ascii=False, indent=1) + "\n")
