"""The same corpus and queries through tantivy, as the near-limit reference of bench_search.py.

tantivy is a bench-only extra (`pip install -e '.[bench]'`), never an app dependency. Queries in
the project's language are translated to tantivy's (AND by default, phrases, fields, date
ranges) and each search also builds snippets with highlighted spans of the top hits, as
`SearchIndex.search` does, so the figures compare like with like.
"""

from __future__ import annotations

import re
import shutil
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import tantivy

from reader.documents.model import Document

FIELDS = {"title": "title", "author": "author", "source": "source", "outlet": "source"}
_DATE = re.compile(r"(date|after|before):(\S+)")


class Reference:
    """A tantivy index of the documents, built with both cores."""

    def __init__(self, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
        builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
        builder.add_text_field("source", stored=True)
        builder.add_text_field("author")
        builder.add_date_field("published", indexed=True, fast=True)
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema, path=str(folder))
        self.searcher: Any = None

    def build(self, documents: list[Document]) -> float:
        """Index every document; the seconds it took."""
        started = time.perf_counter()
        writer = self.index.writer(heap_size=256_000_000, num_threads=2)
        for doc in documents:
            fields: dict[str, Any] = {
                "id": doc.id,
                "title": doc.title,
                "body": doc.body,
                "source": doc.source,
                "author": doc.author,
            }
            if doc.published is not None:
                fields["published"] = doc.published.replace(tzinfo=UTC)
            writer.add_document(tantivy.Document(**fields))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()  # kept, as the project keeps its searcher
        return time.perf_counter() - started

    def search(self, text: str, limit: int = 20) -> int:
        """Run one query with snippets and spans of the top hits; the number of matches."""
        query = self.index.parse_query(
            translate(text), ["title", "body"], conjunction_by_default=True
        )
        searcher = self.searcher
        found = searcher.search(query, limit, count=True)
        snippets = tantivy.SnippetGenerator.create(searcher, query, self.schema, "body")
        for _score, address in found.hits:
            snippet = snippets.snippet_from_doc(searcher.doc(address))
            snippet.to_html()
            snippet.highlighted()
        return found.count


def translate(text: str) -> str:
    """A bench query in tantivy's language (fields renamed, dates as ranges)."""
    text = _DATE.sub(lambda m: _date_range(m.group(1), m.group(2)), text)
    for ours, theirs in FIELDS.items():
        text = text.replace(f"{ours}:", f"{theirs}:")
    return text


def _date_range(kind: str, value: str) -> str:
    first, _, last = value.partition("..") if ".." in value else (value, "", value)
    start = _day(first) if first else None
    end = _day(last) + timedelta(days=1) if last else None
    if kind == "after":
        end = None
    if kind == "before":
        start = None
    low = start.strftime("%Y-%m-%dT%H:%M:%SZ") if start else "*"
    high = end.strftime("%Y-%m-%dT%H:%M:%SZ") if end else "*"
    return f"published:[{low} TO {high}}}"


def _day(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%d")
