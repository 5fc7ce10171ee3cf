"""The job's input as an RDD of `(seq, Document)`: a folder of files, JSONL or Parquet.

`seq` is the document's place in the input (the order `load_paths` reads a folder in, the line
of a JSONL file, the row of a Parquet table); quotes are ordered by it as the desktop engine
orders them by its document list. Ids are the desktop ids: for files `document_id` of the
resolved path, for records that of `PATH#N` (N counting from 1) unless the record has an `id`.
A record or file that cannot be read is a problem `(where, reason)`, never a failed job.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from reader.documents.loading import document_id, iter_files, load_text, read_document
from reader.documents.model import Document
from reader.errors import DocumentError, ReaderError

RECORD_FIELDS = {"title": "title", "outlet": "source", "author": "author", "date": "published",
                 "url": "url"}  # fmt: skip

Item = tuple[int, Document | None, str, str]  # (seq, document, where, reason when None)


def read_input(session: Any, source: Path, partitions: int) -> Any:
    """The documents of `source` as an RDD of Items."""
    if source.is_dir() and not _parquet_folder(source):
        listed = list(enumerate(iter_files([source])))
        slices = max(1, min(len(listed), partitions * 4))
        return session.sparkContext.parallelize(listed, slices).mapPartitions(_read_files)
    if not source.exists():
        raise ReaderError(f"{source}: no such file or folder")
    resolved = str(source.resolve())
    if source.suffix.lower() in {".jsonl", ".json", ".ndjson"}:
        lines = session.sparkContext.textFile(str(source), partitions)
        return lines.zipWithIndex().map(lambda item: _from_line(item[0], item[1], resolved))
    if _parquet_folder(source) or source.suffix.lower() == ".parquet":
        rows = session.read.parquet(str(source)).rdd.map(lambda row: row.asDict())
        return rows.zipWithIndex().map(lambda item: _from_record(item[0], item[1], resolved))
    raise ReaderError(f"{source}: not a folder, a .jsonl file or Parquet")


def _parquet_folder(path: Path) -> bool:
    return path.is_dir() and any(path.glob("*.parquet"))


def _read_files(listed: Iterable[tuple[int, tuple[Path, DocumentError | None]]]) -> Iterator[Item]:
    for seq, (path, error) in listed:
        if error is None:
            try:
                yield seq, read_document(path), str(path), ""
                continue
            except DocumentError as failure:
                error = failure
        yield seq, None, str(path), error.reason


def _from_line(line: str, seq: int, source: str) -> Item:
    where = f"{source}#{seq + 1}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return seq, None, where, f"not a JSON line ({error.msg})"
    if not isinstance(record, dict):
        return seq, None, where, "not a JSON object"
    return _from_record(record, seq, source)


def _from_record(record: dict[str, Any], seq: int, source: str) -> Item:
    where = f"{source}#{seq + 1}"
    document = record_document(record, where)
    if document is None:
        return seq, None, where, "no text"
    return seq, document, where, ""


def record_document(record: dict[str, Any], where: str) -> Document | None:
    """The Document of one record (text, title, outlet, author, date, url), None with no text."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    fields = {
        name: str(record[key])
        for key, name in RECORD_FIELDS.items()
        if record.get(key) not in (None, "")
    }
    doc_id = str(record["id"]) if record.get("id") else document_id(where)
    return load_text(text, doc_id, where, fields)


def read_records(source: Path) -> list[Document]:
    """The documents of a JSONL file read without Spark, in order (the desktop reference)."""
    resolved = str(source.resolve())
    found: list[Document] = []
    with source.open(encoding="utf-8") as lines:
        for seq, line in enumerate(lines):
            _, document, _, _ = _from_line(line, seq, resolved)
            if document is not None:
                found.append(document)
    return found
