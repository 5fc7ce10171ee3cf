"""The `annotations` sub-commands: export, import, list, add, attach, discard and reanchor.

`import` tells the file's format (W3C Web Annotation JSON-LD from any producer, or a Hypothesis
export) by itself; annotations that match no document are listed as unattached, with the reason,
until `attach` places them or `discard` takes them off the list.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from reader import cli
from reader.annotations import COLOURS, Annotation, AnnotationStore, unattached
from reader.annotations.hypothesis import write_hypothesis
from reader.annotations.importing import attach, import_file
from reader.annotations.unattached import Unattached
from reader.documents.model import Document
from reader.library import Library


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `annotations export|import|attach|discard|list|add|reanchor` to the parser."""
    group = subparsers.add_parser("annotations", help="export, import, list or add annotations")
    commands = group.add_subparsers(dest="annotations_command", metavar="SUBCOMMAND")
    commands.required = True

    export = commands.add_parser("export", help="write W3C Web Annotation JSON-LD (or Hypothesis)")
    export.add_argument("file", metavar="FILE.json")
    export.add_argument(
        "--hypothesis", action="store_true", help="write Hypothesis annotation rows instead"
    )
    _add_filters(export)
    export.set_defaults(run=run_export)

    importing = commands.add_parser(
        "import", help="read W3C Web Annotation JSON-LD or a Hypothesis export"
    )
    importing.add_argument("file", metavar="FILE.json")
    importing.set_defaults(run=run_import)

    attaching = commands.add_parser("attach", help="place an unattached annotation on a document")
    attaching.add_argument("unattached", metavar="UNATTACHED_ID", help="as `list` shows it")
    attaching.add_argument("document", metavar="PATH|ID", help="a library document (id or path)")
    attaching.add_argument("--exact", default="", metavar="TEXT", help="the text to attach it to")
    attaching.add_argument("--occurrence", type=int, default=1, help="which occurrence (default 1)")
    attaching.set_defaults(run=run_attach)

    discarding = commands.add_parser(
        "discard", help="take an unattached annotation off the list (--restore: back on it)"
    )
    discarding.add_argument("unattached", metavar="UNATTACHED_ID", help="as `list` shows it")
    discarding.add_argument("--restore", action="store_true", help="list a discarded one again")
    discarding.set_defaults(run=run_discard)

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
    library, store = open_store(args)
    with store:
        if not args.hypothesis:
            count = store.export_jsonld(Path(args.file), **_filters(args))
        else:
            chosen = store.list(**_filters(args))
            write_hypothesis(chosen, library.documents(), Path(args.file))
            count = len(chosen)
    print(f"exported {count} annotations to {args.file}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    library, store = open_store(args)
    with store:
        report = import_file(store, library, Path(args.file))
    for error in report.errors:
        print(f"source-reader: {args.file}: {error}", file=sys.stderr)
    for entry in report.unattached:
        print(
            f"source-reader: {args.file}: unattached {entry.id[:8]}: {entry.reason}",
            file=sys.stderr,
        )
    print(report.summary())
    return 1 if report.errors and not report.imported and not report.unattached else 0


def run_attach(args: argparse.Namespace) -> int:
    library, store = open_store(args)
    doc = library.find(args.document)
    if doc is None:
        return cli.fail(f"{args.document}: no such document in the library (import it first)")
    span = _find_text(doc, args.exact, args.occurrence) if args.exact else None
    if args.exact and span is None:
        return cli.fail(f"text not found in {doc.id} (occurrence {args.occurrence})")
    with store:
        made = attach(store, args.unattached, doc, span)
    print(f"attached {made.id[:8]} to {doc.id} at “{' '.join(made.exact.split())[:70]}”")
    return 0


def run_discard(args: argparse.Namespace) -> int:
    _, store = open_store(args)
    with store:
        if args.restore:
            entry = next((u for u in unattached.discarded(store) if u.id == args.unattached), None)
            if entry is None:
                return cli.fail(f"no discarded unattached annotation with id {args.unattached}")
            unattached.restore(store, entry.id)
        else:
            entry = unattached.discard(store, args.unattached)
    print(f"{'restored' if args.restore else 'discarded'} unattached {entry.id}")
    return 0


def _find_text(doc: Document, exact: str, occurrence: int) -> tuple[int, int] | None:
    """Where the `occurrence`-th `exact` lies in the document's text, or None."""
    start = -1
    for _ in range(max(1, occurrence)):
        start = doc.body.find(exact, start + 1)
        if start < 0:
            return None
    return start, start + len(exact)


def run_list(args: argparse.Namespace) -> int:
    _, store = open_store(args)
    with store:
        annotations = store.list(**_filters(args))
        loose = [] if args.doc or args.orphaned else unattached.listed(store)
    if args.json:
        rows = [_unattached_json(u) for u in loose]
        cli.print_json({"annotations": [as_json(a) for a in annotations], "unattached": rows})
        return 0
    for a in annotations:
        text = " ".join(a.exact.split())
        flags = " ORPHANED" if a.orphaned else ""
        tags = f" [{', '.join(a.tags)}]" if a.tags else ""
        print(f"{a.id[:8]}  {a.doc}  {a.colour:<6}{flags}{tags}  “{text[:70]}”")
        if a.note:
            print(f"          note: {' '.join(a.note.split())[:90]}")
    for u in loose:
        text = " ".join(u.item.exact.split()) or u.item.note
        print(f"{u.id}  UNATTACHED  {u.reason}  “{text[:60]}”")
    print(f"{len(annotations)} annotations" + (f", {len(loose)} unattached" if loose else ""))
    return 0


def _unattached_json(entry: Unattached) -> dict[str, Any]:
    return {
        "id": entry.id,
        "reason": entry.reason,
        "imported": entry.imported,
        **entry.item.to_json(),
    }


def run_add(args: argparse.Namespace) -> int:
    library, store = open_store(args)
    doc = library.find(args.document)
    if doc is None:
        return cli.fail(f"{args.document}: no such document in the library (import it first)")
    span = _find_text(doc, args.exact, args.occurrence)
    if span is None:
        return cli.fail(f"text not found in {doc.id} (occurrence {args.occurrence})")
    with store:
        made = store.add(doc, *span, args.note, args.tag, args.colour)
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
