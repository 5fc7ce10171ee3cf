"""The `copies` sub-command: which documents reuse which, with shares and aligned passages."""

from __future__ import annotations

import argparse

from reader import cli
from reader.copies import CopyAnalysis, find_copies
from reader.documents.model import Document


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `copies` command to the parser."""
    copies = subparsers.add_parser(
        "copies", help="find laundered copies: documents that reuse (and reword) one another"
    )
    cli.add_paths_argument(copies)
    copies.add_argument("--json", action="store_true", help="print JSON")
    copies.set_defaults(run=run_copies)


def run_copies(args: argparse.Namespace) -> int:
    with cli.open_workspace(args) as workspace:
        if not cli.load_or_fail(workspace):
            return 1
        analysis = find_copies(workspace.documents, cache_dir=workspace.cache_root / "copies")
        if args.json:
            cli.print_json({**analysis.to_json(), "errors": workspace.errors_json()})
        else:
            print_copies(analysis)
    return 0


def print_copies(analysis: CopyAnalysis) -> None:
    """One line per pair: the original first when known, each with its reused share."""
    by_id = {d.id: d for d in analysis.documents}
    for pair in sorted(analysis.pairs, key=lambda p: -max(p.share_a, p.share_b)):
        first = pair.earliest or pair.a
        second = pair.other(first)
        mark = "copied by" if pair.earliest else "shares text with"
        print(
            f"{_name(by_id[first])} ({pair.share_of(first):.0%}) {mark} "
            f"{_name(by_id[second])} ({pair.share_of(second):.0%}), "
            f"{len(pair.passages)} passage(s)"
        )
    print(f"{len(analysis.pairs)} pairs of copies in {len(analysis.documents)} documents")


def _name(document: Document) -> str:
    date = (document.published_iso or "")[:10]
    return " · ".join(f for f in (document.title or document.path, document.source, date) if f)
