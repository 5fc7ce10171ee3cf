"""A Spark job's output folder read back into a `QuoteAnalysis`, with pyarrow only (no Spark).

The app shows it as it shows a library's analysis: quote groups, speakers, and the articles
(their text is in the documents table). Quotes, links and groups come back in the desktop
engine's order: quotes by position, links by (a, b), groups by number.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from reader.documents.model import Document
from reader.errors import ReaderError
from reader.quotes import QuoteAnalysis
from reader.quotes.model import Link, LinkKind, Quote, QuoteKind, VariantGroup
from reader.scale.tables import DOCUMENT_FIELDS, QUOTE_FIELDS, TABLES


class OutputError(ReaderError):
    """A folder that is not (or no longer) a readable job output."""


def load_output(folder: Path) -> QuoteAnalysis:
    """The analysis a job wrote to `folder`; OutputError with a one-line reason otherwise."""
    rows = {name: _rows(folder, name) for name in TABLES}
    documents = [_document(row) for row in sorted(rows["documents"], key=lambda r: r["seq"])]
    quotes = [_quote(row) for row in sorted(rows["quotes"], key=lambda r: r["position"])]
    links = sorted((_link(row) for row in rows["links"]), key=lambda k: (k.a, k.b))
    groups = [
        VariantGroup(row["id"], list(row["quotes"]), row["earliest"], row["common_text"])
        for row in sorted(rows["groups"], key=lambda r: r["position"])
    ]
    return QuoteAnalysis(documents, quotes, links, groups)


def is_output(folder: Path) -> bool:
    """True when `folder` holds a job's tables."""
    return all((folder / name).is_dir() for name in TABLES)


def _rows(folder: Path, name: str) -> list[dict[str, Any]]:
    try:
        import pyarrow.parquet as parquet
    except ImportError:
        raise OutputError("reading a job's output needs pyarrow: pip install pyarrow") from None
    path = folder / name
    if not path.is_dir():
        raise OutputError(f"{folder}: not a job output (no {name} table)")
    try:
        return list(parquet.read_table(path).to_pylist())
    except (OSError, ValueError) as error:
        raise OutputError(f"{path}: the table cannot be read ({error})") from None


def _document(row: dict[str, Any]) -> Document:
    document = Document(id=row["id"], path=row["path"] or "")
    for name in DOCUMENT_FIELDS[2:]:
        setattr(document, name, row[name] or "")
    document.published = datetime.fromisoformat(row["published"]) if row["published"] else None
    return document


def _quote(row: dict[str, Any]) -> Quote:
    quote = Quote(**{name: row[name] for name in QUOTE_FIELDS})  # type: ignore[arg-type]
    quote.kind = QuoteKind(quote.kind)
    return quote


def _link(row: dict[str, Any]) -> Link:
    return Link(row["a"], row["b"], row["score"], LinkKind(row["kind"]))
