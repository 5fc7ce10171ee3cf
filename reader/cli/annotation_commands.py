"""The `annotations` sub-commands: export, import, list, add and reanchor library annotations."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from reader import cli
from reader.annotations import COLOURS, Annotation, AnnotationStore
from reader.library import Library


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `annotations export|import|list|add|reanchor` to the parser."""
    group = subparsers.add_parser("annotations", help="export, import, list or add annotations")
    commands = group.add_subparsers(dest="annotations_command", metavar="SUBCOMMAND")
    commands.required = True

    export = commands.add_parser("export", help="write W3C Web Annotation JSON-LD")
    export.add_argument("file", metavar="FILE.json")
    _add_filters(export)
    export.set_defaults(run=run_export)

    importing = commands.add_parser("import", help="read W3C Web Annotation JSON-LD")
    importing.add_argument("file", metavar="FILE.json")
    importing.set_defaults(run=run_import)

    listing = commands.add_parser("list", help="list annotations")
    _add_filters(listing)
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)

    add = commands.add_parser("add", help="annotate a passage of a library document")
    add.add_argument("document", metavar="PATH|ID", help="a library document (id or path)")
    add.add_argument("--exact", required=True, metavar="TEXT", help="the text to annotate")
    add.add_argument("--occurrence", type=int, default=1, help="which occurrence (default 1)")
    add.add_argument("--note", default="", help="a note")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    add.add_argument("--colour", default="yellow", choices=COLOURS)
    add.add_argument("--json", action="store_true", help="print the annotation as JSON")
    add.set_defaults(run=run_add)

    reanchor = commands.add_parser(
        "reanchor", help="find every annotation again in the current text; list orphans"
    )
    reanchor.set_defaults(run=run_reanchor)


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--doc", metavar="ID", help="only this document's annotations")
    parser.add_argument("--tag", help="only annotations with this tag")
    parser.add_argument("--colour", choices=COLOURS, help="only annotations of this colour")
    parser.add_argument("--text", help="only annotations whose text or note contains this")
    parser.add_argument("--orphaned", action="store_true", help="only orphaned annotations")


def open_store(args: argparse.Namespace) -> tuple[Library, AnnotationStore]:
    """The library named by the arguments and its annotation store."""
    library = cli.open_library(args)
    return library, AnnotationStore(library.annotations_path)


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "doc_id": args.doc,
        "tag": args.tag,
        "colour": args.colour,
        "text": args.text,
        "orphaned": True if args.orphaned else None,
    }


def as_json(annotation: Annotation) -> dict[str, Any]:
    """One annotation as plain JSON data."""
    data = dataclasses.asdict(annotation)
    data["tags"] = list(annotation.tags)
    return data


def run_export(args: argparse.Namespace) -> int:
    _, store = open_store(args)
    with store:
        count = store.export_jsonld(Path(args.file), **_filters(args))
    print(f"exported {count} annotations to {args.file}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    _, store = open_store(args)
    with store:
        added, replaced, errors = store.import_jsonld(Path(args.file))
    for error in errors:
        print(f"source-reader: {args.file}: {error}", file=sys.stderr)
    rejected = len(errors)
    print(
        f"imported {added + replaced} annotations ({added} new, {replaced} replaced, "
        f"{rejected} rejected)"
    )
    return 1 if rejected and not added + replaced else 0


def run_list(args: argparse.Namespace) -> int:
    _, store = open_store(args)
    with store:
        annotations = store.list(**_filters(args))
    if args.json:
        cli.print_json({"annotations": [as_json(a) for a in annotations]})
        return 0
    for a in annotations:
        text = " ".join(a.exact.split())
        flags = " ORPHANED" if a.orphaned else ""
        tags = f" [{', '.join(a.tags)}]" if a.tags else ""
        print(f"{a.id[:8]}  {a.doc}  {a.colour:<6}{flags}{tags}  “{text[:70]}”")
        if a.note:
            print(f"          note: {' '.join(a.note.split())[:90]}")
    print(f"{len(annotations)} annotations")
    return 0


def run_add(args: argparse.Namespace) -> int:
    library, store = open_store(args)
    doc = library.find(args.document)
    if doc is None:
        return cli.fail(f"{args.document}: no such document in the library (import it first)")
    start = -1
    for _ in range(max(1, args.occurrence)):
        start = doc.body.find(args.exact, start + 1)
        if start < 0:
            return cli.fail(f"text not found in {doc.id} (occurrence {args.occurrence})")
    with store:
        made = store.add(doc, start, start + len(args.exact), args.note, args.tag, args.colour)
    if args.json:
        cli.print_json(as_json(made))
    else:
        print(made.id)
    return 0


def run_reanchor(args: argparse.Namespace) -> int:
    library, store = open_store(args)
    moved = orphaned = 0
    with store:
        present = set()
        for doc in library.documents():
            present.add(doc.id)
            report = store.reanchor(doc)
            moved += len(report.moved)
            orphaned += len(report.orphaned)
        missing = [a for a in store.list() if a.doc not in present]
    for a in missing:
        print(f"source-reader: {a.id[:8]}: document {a.source or a.doc} is gone", file=sys.stderr)
    print(f"{moved} annotations moved, {orphaned} orphaned, {len(missing)} without a document")
    return 0
