"""Reading files into `Document`s: formats, sidecar overrides, folders, and clear refusals.

Limits: a file over `MAX_FILE_BYTES` (16 MiB) is refused rather than read, so one huge file never
stalls an import. Folders are read recursively; hidden files and folders are skipped, symlinked
folders are followed once (loops are detected).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.documents.article import find_article
from reader.documents.boilerplate import mark_boilerplate
from reader.documents.declared import (
    headline,
    parse_datetime,
    person_names,
    plausible,
    publication_date,
)
from reader.documents.encoding import NotText, decode
from reader.documents.html import Page, looks_like_html, parse_page
from reader.documents.metadata import (
    Metadata,
    detect_language,
    find_source,
    find_title,
    mark_meta_lines,
    mark_site_header,
    split_comment_header,
)
from reader.documents.model import PARAGRAPH_BREAK, Document, PackedRemoved, RemovedLine
from reader.documents.page_url import mark_url_line
from reader.documents.paragraphs import Unit, split_units
from reader.errors import DocumentError

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 16 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"
META_FIELDS = ("title", "source", "author", "published", "language", "url")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s?)")


def document_id(key: str) -> str:
    """A stable short id for a document known by `key` (a library-relative or absolute path)."""
    return hashlib.sha1(key.encode("utf-8", "surrogateescape")).hexdigest()[:12]


def sidecar_path(path: Path) -> Path:
    """Where the metadata overrides of `path` live: `NAME.meta.json` beside it."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def load_document(
    path: str | Path, doc_id: str | None = None, copy: Path | None = None
) -> Document:
    """Read one file into a Document. Raise `DocumentError` with a one-line reason on failure.

    With `copy` (where a byte-identical copy of the file and its sidecar will be), the document
    is the one that reading the copy would give: its path, and a title from the copy's name."""
    path = Path(path)
    data = _read_bytes(path)
    try:
        raw, encoding = decode(data)
    except NotText as error:
        raise DocumentError(str(path), str(error)) from None
    sidecar = _read_sidecar(path)
    kind = _format_of(path, raw)
    if kind == "html":
        units, meta = _html_units(raw)
    else:
        units, meta = _text_units(raw, markdown=kind == "markdown")
    document = _assemble(units, meta, raw)
    document.id = doc_id or document_id(str(path.resolve()))
    document.path = str(copy or path)
    document.format = kind
    document.encoding = encoding
    document.content_hash = hashlib.sha1(data + json.dumps(sidecar).encode()).hexdigest()
    if encoding not in {"utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"}:
        document.warnings.append(f"decoded as {encoding}")
    document.title = document.title or (copy or path).stem.replace("_", " ")
    apply_overrides(document, sidecar)
    return document


def load_text(raw: str, doc_id: str, path: str, fields: dict[str, str]) -> Document:
    """A Document from text held in a record (a JSONL line, a Parquet row), read as a plain-text
    file of that text would be; `fields` are metadata overrides as in a sidecar."""
    units, meta = _text_units(raw, markdown=False)
    document = _assemble(units, meta, raw)
    document.id = doc_id
    document.path = path
    document.content_hash = hashlib.sha1((raw + json.dumps(fields)).encode()).hexdigest()
    apply_overrides(document, fields)
    return document


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentError(
                str(path), f"too large ({size // 1048576} MiB; the limit is 16 MiB)"
            )
        if not path.is_file():
            raise DocumentError(str(path), "not a regular file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(str(path), "no such file") from None
    except PermissionError:
        raise DocumentError(str(path), "permission denied") from None
    except OSError as error:
        raise DocumentError(str(path), error.strerror or "cannot be read") from None
    if not data.strip():
        raise DocumentError(str(path), "empty file")
    return data


def _format_of(path: Path, raw: str) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and looks_like_html(raw)):
        return "html"
    return "markdown" if suffix in MARKDOWN_SUFFIXES else "text"


def _text_units(raw: str, markdown: bool) -> tuple[list[Unit], Metadata]:
    declared: dict[str, str] = {}
    visible = raw
    front = _FRONT_MATTER.match(raw) if markdown else None
    if front:
        declared = _parse_front_matter(front.group(1))
        visible = re.sub(r"[^\n]", " ", raw[: front.end()]) + raw[front.end() :]
    units = split_units(visible, markdown=markdown)
    if markdown:
        units = [_strip_markdown(u) for u in units]
    units = split_comment_header(units)
    meta = mark_meta_lines(units)
    meta.url = mark_url_line(units)
    mark_boilerplate(units)
    mark_site_header(units)
    meta.title = find_title(units, declared.get("title", ""))
    meta.source = find_source(units)
    _merge_declared(meta, declared)
    return units, meta


def _html_units(raw: str) -> tuple[list[Unit], Metadata]:
    page: Page = parse_page(raw)
    units = [
        Unit(
            block.text,
            [(block.raw_start, len(block.text))],
            tag=block.tag,
            bullet=block.tag == "li",
            reason=block.dropped,
        )
        for block in page.blocks
    ]
    article = find_article(raw, units)
    meta = mark_meta_lines(units)
    site = page.meta.get("source", "")
    printed = [u.text for u in units if u.tag == "h1"] or [u.text for u in units if u.tag == "h2"]
    declared = page.meta.get("title") or article.title or next(iter(printed), "")
    title = headline(declared, site, printed)
    meta.title = find_title(units, title)
    meta.source = find_source(units)
    _merge_declared(meta, {**page.meta, "author": article.author or page.meta.get("author", "")})
    meta.author = person_names(meta.author, meta.title)
    meta.published = publication_date(page.meta.get("published", ""), article.date) or (
        meta.published
    )
    meta.language = page.language
    meta.url = (
        page.meta.get("canonical")
        or page.meta.get("url")
        or article.url
        or page.meta.get("saved_from", "")
    )
    meta.warnings = article.warnings
    return units, meta


def _strip_markdown(unit: Unit) -> Unit:
    prefix = _MD_PREFIX.match(unit.text)
    if not prefix or len(unit.pieces) != 1:
        return unit
    cut = prefix.end()
    start, length = unit.pieces[0]
    return Unit(
        unit.text[cut:],
        [(start + cut, length - cut)],
        unit.bullet,
        "h" if "#" in prefix.group() else unit.tag,
        unit.reason,
    )


def _parse_front_matter(block: str) -> dict[str, str]:
    fields = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in (*META_FIELDS, "date", "outlet", "site"):
            fields[key.strip().lower()] = value.strip().strip("'\"")
    for alias, name in (("date", "published"), ("outlet", "source"), ("site", "source")):
        if alias in fields:
            fields.setdefault(name, fields.pop(alias))
    return fields


def _merge_declared(meta: Metadata, declared: dict[str, str]) -> None:
    meta.source = declared.get("source", "") or meta.source
    meta.author = person_names(declared.get("author", "")) or meta.author
    if declared.get("published"):
        meta.published = plausible(parse_datetime(declared["published"])) or meta.published
    meta.language = declared.get("language", "") or meta.language
    meta.url = declared.get("url", "") or meta.url


def _assemble(units: list[Unit], meta: Metadata, raw: str) -> Document:
    parts: list[str] = []
    segments = array("q")
    removed: list[RemovedLine] = []
    offset = 0
    for unit in units:
        if unit.reason:
            removed.append(RemovedLine(unit.raw_start, unit.raw_end, unit.text, unit.reason))
            continue
        if parts:
            parts.append(PARAGRAPH_BREAK)
            offset += len(PARAGRAPH_BREAK)
        for index, (start, length) in enumerate(unit.pieces):
            if index:
                parts.append(" ")
                offset += 1
            segments.extend((offset, start, length))
            parts.append(raw[start : start + length] if unit.tag == "" else unit.text)
            offset += length
    body = "".join(parts)
    return Document(
        id="",
        path="",
        title=meta.title,
        source=meta.source,
        author=meta.author,
        published=meta.published,
        language=meta.language or detect_language(body),
        url=meta.url,
        body=body,
        packed_removed=PackedRemoved.of(removed),
        packed_segments=segments,
        warnings=list(meta.warnings),
    )


def _read_sidecar(path: Path) -> dict[str, str]:
    sidecar = sidecar_path(path)
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        log.warning("ignoring unreadable metadata file %s: %s", sidecar, error)
        return {}
    return (
        {k: str(v) for k, v in data.items() if k in META_FIELDS and v is not None}
        if isinstance(data, dict)
        else {}
    )


def apply_overrides(document: Document, fields: dict[str, str]) -> None:
    """Replace document metadata with the given fields ("published" as text)."""
    for name, value in fields.items():
        if name == "published":
            document.published = parse_datetime(value) if value else None
        elif name in META_FIELDS:
            setattr(document, name, value)


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, DocumentError | None]]:
    """Every supported file under `paths`, or the error that stopped one from being reached."""
    seen: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield path, DocumentError(str(path), "no such file or folder")
        elif path.is_dir():
            yield from _walk(path, seen)
        else:
            yield path, None


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[tuple[Path, DocumentError | None]]:
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        yield folder, DocumentError(str(folder), error.strerror or "cannot be listed")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir():
            yield from _walk(path, seen)
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path, None


def read_document(path: Path, doc_id: str | None = None, copy: Path | None = None) -> Document:
    """`load_document` for batches: any failure, even a bug, is a `DocumentError` for this file.

    One odd file must never stop a batch: an unexpected error is logged with its traceback and
    reported as a one-line reason, and the caller goes on with the next file.
    """
    try:
        return load_document(path, doc_id, copy)
    except DocumentError:
        raise
    except RecursionError:
        raise DocumentError(str(path), "nested too deeply to be read") from None
    except Exception as error:
        log.error("reading %s failed", path, exc_info=error)
        reason = f"could not be read ({type(error).__name__}; details in the log)"
        raise DocumentError(str(path), reason) from None


def load_paths(paths: Iterable[str | Path]) -> tuple[list[Document], list[DocumentError]]:
    """Read every supported file under `paths`; errors are collected, never raised."""
    documents: list[Document] = []
    errors: list[DocumentError] = []
    for path, error in iter_files(paths):
        if error is None:
            try:
                documents.append(read_document(path))
            except DocumentError as failure:
                error = failure
        if error is not None:
            errors.append(error)
    return documents, errors
