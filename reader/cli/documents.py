"""Sub-commands over documents: `list`, `show`, `import`, `meta`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reader import cli
from reader.documents.loading import META_FIELDS, load_document
from reader.documents.model import Document
from reader.errors import DocumentError, ReaderError
from reader.library import Library


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the document commands to the parser."""
    listing = subparsers.add_parser("list", help="list documents with their metadata")
    cli.add_paths_argument(listing)
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)

    show = subparsers.add_parser("show", help="print one document's clean text and metadata")
    show.add_argument("document", metavar="PATH|ID", help="a file, or a library document id")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(run=run_show)

    importing = subparsers.add_parser(
        "import", help="copy files or folders into the library (changed files are updated)"
    )
    importing.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders (none: re-read changed originals)",
    )
    importing.add_argument("--json", action="store_true", help="print JSON")
    importing.set_defaults(run=run_import)

    meta = subparsers.add_parser("meta", help="edit a library document's metadata")
    meta.add_argument("document", metavar="ID", help="library document id (or its path)")
    for name in META_FIELDS:
        meta.add_argument(f"--{name}", help=f"new {name} (empty text clears it)")
    meta.set_defaults(run=run_meta)

    remove = subparsers.add_parser("remove", help="take documents out of the library")
    remove.add_argument("documents", nargs="+", metavar="ID", help="library document ids or paths")
    remove.set_defaults(run=run_remove)


def summary(document: Document, quotes: int | None = None) -> dict[str, Any]:
    """The fields `list --json` prints for one document."""
    return {
        "id": document.id,
        "path": document.path,
        "title": document.title,
        "source": document.source,
        "author": document.author,
        "published": document.published_iso,
        "words": document.words,
        "quotes": quotes,
        "warnings": document.warnings,
    }


def detail(document: Document) -> dict[str, Any]:
    """Everything `show --json` prints for one document."""
    data = summary(document)
    del data["quotes"]
    data.update(
        language=document.language,
        url=document.url,
        format=document.format,
        encoding=document.encoding,
        body=document.body,
        removed=[
            {"text": r.text, "reason": r.reason, "start": r.raw_start, "end": r.raw_end}
            for r in document.removed
        ],
    )
    return data


def run_list(args: argparse.Namespace) -> int:
    with cli.open_workspace(args) as workspace:
        if not cli.load_or_fail(workspace):
            return 1
        analysis = workspace.analyse()
        cli.report_problems(workspace, "quotes")
        rows = [
            summary(d, len(analysis.quotes_of(d.id)) if analysis is not None else None)
            for d in workspace.documents
        ]
        if args.json:
            cli.print_json({"documents": rows, "errors": workspace.errors_json()})
            return 0
    _print_table(rows)
    return 0


def _print_table(rows: list[dict[str, Any]]) -> None:
    columns = [
        ("id", 12),
        ("published", 10),
        ("source", 16),
        ("author", 18),
        ("quotes", 6),
        ("title", 60),
    ]
    print("  ".join(name.upper().ljust(width) for name, width in columns))
    for row in rows:
        cells = []
        for name, width in columns:
            value = row[name]
            text = "" if value is None else str(value)[:10] if name == "published" else str(value)
            cells.append(text[:width].ljust(width) if name != "quotes" else text.rjust(width))
        print("  ".join(cells).rstrip())
    print(f"{len(rows)} documents")


def _resolve(args: argparse.Namespace) -> Document:
    if not args.library and _is_file(args.document):
        return load_document(args.document)
    library = cli.open_library(args)
    document = library.find(args.document)
    if document is None:
        if _is_file(args.document):
            return load_document(args.document)
        raise ReaderError(f"{args.document}: no such file or library document")
    return document


def _is_file(reference: str) -> bool:
    from pathlib import Path

    return Path(reference).is_file()


def run_show(args: argparse.Namespace) -> int:
    document = _resolve(args)
    if args.json:
        cli.print_json(detail(document))
        return 0
    print(document.title)
    facts = [document.source, document.author, document.published_iso or ""]
    print(" · ".join(f for f in facts if f))
    print(f"{document.path} · {document.words} words · id {document.id}")
    for warning in document.warnings:
        print(f"warning: {warning}")
    print()
    print(document.body)
    return 0


def run_import(args: argparse.Namespace) -> int:
    library = cli.open_library(args)
    report = library.import_paths(args.paths) if args.paths else library.refresh()
    if args.json:
        cli.print_json(
            {
                "library": str(library.root),
                "added": report.added,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "errors": [{"path": e.path, "reason": e.reason} for e in report.errors],
            }
        )
    else:
        for error in report.errors:
            print(f"source-reader: skipped {error}", file=sys.stderr)
        print(
            f"{len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.errors)} failed "
            f"(library: {library.root})"
        )
    done = report.added or report.updated or report.unchanged
    return 1 if report.errors and not done else 0


def _library_document(library: Library, reference: str) -> Document:
    document = library.find(reference)
    if document is None:
        raise DocumentError(reference, "not a document of the library")
    return document


def run_remove(args: argparse.Namespace) -> int:
    library = cli.open_library(args)
    documents = [_library_document(library, reference) for reference in args.documents]
    for document in documents:
        library.remove(document)
        print(f"removed {document.id}  {document.title}")
    return 0


def run_meta(args: argparse.Namespace) -> int:
    library = cli.open_library(args)
    document = _library_document(library, args.document)
    fields = {name: getattr(args, name) for name in META_FIELDS if getattr(args, name) is not None}
    if fields:
        library.set_metadata(document, fields)
    cli.print_json(summary(document)) if fields else print(
        "nothing to change; give --title, --author, …", file=sys.stderr
    )
    return 0
