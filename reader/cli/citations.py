"""`source-reader export --csl FILE --bibtex FILE [--annotated]`: citations for reference managers.

Every document of the library (or of the given paths) becomes one citation, its annotated
excerpts the citation's note; with `--annotated`, only the documents that have annotations.
"""

from __future__ import annotations

import argparse

from reader import cli
from reader.export.bibtex import write_bibtex
from reader.export.csl import csl_items, write_csl
from reader.export.writing import plural


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The citation options of `export`."""
    parser.add_argument("--csl", metavar="OUT.json", help="write citations as CSL-JSON")
    parser.add_argument("--bibtex", metavar="OUT.bib", help="write citations as BibTeX")
    parser.add_argument(
        "--annotated", action="store_true", help="cite only documents with annotations"
    )


def wanted(args: argparse.Namespace) -> bool:
    """Whether the arguments ask for citations."""
    return bool(args.csl or args.bibtex)


def run(args: argparse.Namespace) -> int:
    """Write the citation files asked for; the exit code."""
    with cli.open_workspace(args, with_library=True) as workspace:
        if not cli.load_or_fail(workspace):
            return 1
        store = workspace.annotations
        annotations = store.list(tag=args.tag) if args.tag else store.list()
        items = csl_items(workspace.documents, annotations, annotated=args.annotated)
    if not items:
        return cli.fail("nothing to cite: no document" + (" has annotations" * args.annotated))
    for path, write in ((args.csl, write_csl), (args.bibtex, write_bibtex)):
        if path:
            write(items, path)
            print(f"wrote {path} ({plural(len(items), 'citation')})")
    return 0
