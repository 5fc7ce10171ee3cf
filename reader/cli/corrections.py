"""The `correct` sub-command: set a quote's speaker, or split or join a variant link, by hand.

    source-reader correct speaker QUOTE_ID "Anna Berg"     (or --unknown)
    source-reader correct unlink QUOTE_ID OTHER_ID
    source-reader correct link QUOTE_ID OTHER_ID
    source-reader correct list [--json]

Corrections are stored in the library and applied to every later analysis (window, `quotes`,
exports), where corrected quotes carry `"corrected": true`.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict

from reader import cli
from reader.errors import LibraryError


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `correct` to the parser."""
    correct = subparsers.add_parser("correct", help="correct a speaker or a variant link")
    kinds = correct.add_subparsers(dest="kind", metavar="KIND", required=True)
    speaker = kinds.add_parser("speaker", help="say who spoke a quote")
    speaker.add_argument("quote", metavar="QUOTE_ID")
    who = speaker.add_mutually_exclusive_group(required=True)
    who.add_argument("name", nargs="?", metavar="NAME", help="the speaker's name")
    who.add_argument("--unknown", action="store_true", help="the speaker is not known")
    for kind, text in (("link", "two quotes are variants"), ("unlink", "they are not")):
        pair = kinds.add_parser(kind, help=f"say that {text}")
        pair.add_argument("quote", metavar="QUOTE_ID")
        pair.add_argument("other", metavar="OTHER_ID")
    listing = kinds.add_parser("list", help="list the corrections")
    listing.add_argument("--json", action="store_true", help="print JSON")
    correct.set_defaults(run=run_correct, paths=[])


def run_correct(args: argparse.Namespace) -> int:
    with cli.open_workspace(args) as workspace:
        if args.kind == "list":
            return _list(workspace.corrections.list(), args.json)
        if not cli.load_or_fail(workspace):
            return 1
        workspace.analyse()
        speaker = "" if args.kind != "speaker" or args.unknown else str(args.name)
        other = speaker if args.kind == "speaker" else args.other
        try:
            workspace.correct(args.kind, args.quote, other)
        except KeyError as error:
            return cli.fail(f"no quote {error.args[0]} in the library (see source-reader quotes)")
        except LibraryError as error:
            return cli.fail(str(error))
    print(f"corrected: {args.kind} {args.quote}")
    return 0


def _list(corrections: list, as_json: bool) -> int:
    if as_json:
        cli.print_json({"corrections": [asdict(c) for c in corrections]})
        return 0
    for c in corrections:
        target = f"{c.quote} ~ {c.other}" if c.other else c.quote
        what = f"speaker: {c.value or 'unknown'}" if c.kind == "speaker" else c.kind
        print(f"{target}  {what}")
    print(f"{len(corrections)} correction{'s' * (len(corrections) != 1)}")
    return 0
