"""The job's output tables: their Spark schemas and rows (read back by `reader.scale.output`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.documents.model import Document
from reader.quotes.model import Link, Quote, VariantGroup

TABLES = ("documents", "quotes", "links", "groups")
DOCUMENT_FIELDS = ("id", "path", "title", "source", "author", "language", "url", "body")
QUOTE_FIELDS = ("id", "doc", "start", "end", "text", "kind", "uncertain", "speaker", "role",
                "speaker_guess", "attribution", "corrected")  # fmt: skip


def document_row(seq: int, document: Document) -> dict[str, Any]:
    """The documents-table row of a document (its text included, so the app can show it)."""
    row: dict[str, Any] = {name: getattr(document, name) for name in DOCUMENT_FIELDS}
    return row | {"seq": seq, "published": document.published_iso}


def quote_row(position: int, quote: Quote) -> dict[str, Any]:
    row = {name: getattr(quote, name) for name in QUOTE_FIELDS}
    return row | {"kind": str(quote.kind), "position": position}


def link_row(link: Link) -> dict[str, Any]:
    return {"a": link.a, "b": link.b, "score": link.score, "kind": str(link.kind)}


def group_row(number: int, position: int, group: VariantGroup) -> dict[str, Any]:
    return {
        "id": f"g{number}",
        "position": position,
        "quotes": group.quotes,
        "earliest": group.earliest,
        "common_text": group.common_text,
    }


def schemas() -> dict[str, Any]:
    from pyspark.sql import types as t

    text, number, flag = t.StringType(), t.LongType(), t.BooleanType()
    columns: dict[str, list[tuple[str, Any]]] = {
        "documents": [*((n, text) for n in DOCUMENT_FIELDS), ("seq", number), ("published", text)],
        "quotes": [
            ("id", text),
            ("doc", text),
            ("start", number),
            ("end", number),
            ("text", text),
            ("kind", text),
            ("uncertain", flag),
            ("speaker", text),
            ("role", text),
            ("speaker_guess", text),
            ("attribution", text),
            ("corrected", flag),
            ("position", number),
        ],
        "links": [
            ("a", text),
            ("b", text),
            ("score", t.DoubleType()),
            ("kind", text),
        ],
        "groups": [
            ("id", text),
            ("position", number),
            ("quotes", t.ArrayType(text)),
            ("earliest", text),
            ("common_text", text),
        ],
    }
    return {
        name: t.StructType([t.StructField(c, kind) for c, kind in fields])
        for name, fields in columns.items()
    }


def write(session: Any, out: Path, named: Any, quotes: Any, links: Any, groups: Any) -> dict:
    """Write the four tables under `out`; their row counts."""
    rows = {
        "documents": named.map(lambda item: item[1]),
        "quotes": quotes.map(lambda item: quote_row(*item)),
        "links": links.map(link_row),
        "groups": groups.zipWithIndex().map(lambda item: group_row(item[1], *item[0])),
    }
    counts: dict[str, int] = {}
    schema = schemas()
    for name in TABLES:
        written = session.sparkContext.accumulator(0)
        frame = session.createDataFrame(
            rows[name].map(_counted(schema[name], written)), schema[name]
        )
        frame.write.mode("overwrite").parquet(str(out / name))
        counts[name] = written.value
    return counts


def _counted(schema: Any, written: Any) -> Any:
    def row_of(row: dict[str, Any]) -> tuple[Any, ...]:
        written.add(1)
        return tuple(row[name] for name in schema.names)

    return row_of
