"""The `search` sub-command: run a query over the library, or over given files.

With PATH... the files are indexed in the workspace's cache folder for exactly those paths, so
searching the same files again reuses the index and only re-reads what changed. Without paths it
uses the library's own index.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
from pathlib import Path
from typing import Any

from reader import cli
from reader.search import SearchResult

QUERY_HELP = (
    'words (AND), OR, NOT or -word, ( ), "exact phrase", prefix*, title: source: author: '
    "speaker: in:quotes, date:2022-01-27..2022-01-29, after:DATE, before:DATE"
)
_MARK = re.compile(r"<mark>(.*?)</mark>", re.S)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `search` to the parser."""
    search = subparsers.add_parser("search", help="search the documents", description=QUERY_HELP)
    search.add_argument("query", metavar="QUERY", help="the query (quote it in the shell)")
    cli.add_paths_argument(search)
    search.add_argument("--limit", type=int, default=20, metavar="N", help="hits to show (20)")
    search.add_argument(
        "--sort", choices=("relevance", "date"), default="relevance", help="order of the hits"
    )
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(run=run_search)


def run_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        return cli.fail("--limit must be at least 1")
    with cli.open_workspace(args) as workspace:
        if not cli.load_or_fail(workspace):
            return 1
        workspace.analyse()
        report = workspace.update_index()
        cli.report_problems(workspace, "quotes")
        cli.report_problems(workspace, "index")
        if report.message:
            print(f"source-reader: {report.message}", file=sys.stderr)
        result = workspace.search(args.query, limit=args.limit, sort=args.sort)
        errors = workspace.errors_json()
    if args.json:
        cli.print_json(to_json(result) | {"errors": errors})
    else:
        _print_result(result, _use_colour())
    if result.error:
        return cli.fail(result.error)
    return 0


def to_json(result: SearchResult) -> dict[str, Any]:
    """The `search --json` output."""
    data: dict[str, Any] = {
        "query": result.query,
        "parsed": result.parsed,
        "total": result.total,
        "hits": [
            {
                "doc": hit.doc,
                "path": hit.path,
                "title": hit.title,
                "source": hit.source,
                "published": hit.published,
                "score": hit.score,
                "snippets": hit.snippets,
                "spans": [list(span) for span in hit.spans],
            }
            for hit in result.hits
        ],
        "suggestion": result.suggestion,
    }
    if result.error:
        data["error"] = result.error
    if result.notes:
        data["notes"] = result.notes
    return data


def _use_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _style(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def terminal_snippet(snippet: str, colour: bool) -> str:
    """An HTML snippet for a terminal: marks in bold yellow (or [brackets]), entities decoded."""
    marked = _MARK.sub(lambda m: "\0" + m.group(1) + "\1", snippet)
    text = html.unescape(marked)
    if colour:
        return text.replace("\0", "\033[1;33m").replace("\1", "\033[0m")
    return text.replace("\0", "[").replace("\1", "]")


def _print_result(result: SearchResult, colour: bool) -> None:
    for note in result.notes:
        print(_style(f"note: {note}", "2", colour))
    if result.error:
        return
    for n, hit in enumerate(result.hits, 1):
        meta = ", ".join(p for p in (hit.source, (hit.published or "")[:10]) if p)
        title = _style(hit.title or Path(hit.path).name, "1", colour)
        print(f"{n:>3}. {title}" + (f"  ({meta})" if meta else ""))
        print("     " + _style(f"{hit.doc}  {hit.path}", "2", colour))
        for snippet in hit.snippets:
            print("     " + terminal_snippet(snippet, colour))
    shown = f"{len(result.hits)} of {result.total}" if result.total > len(result.hits) else ""
    count = shown or str(result.total)
    print(f"{count} result{'s' if result.total != 1 else ''} for {result.parsed or result.query!r}")
    if result.suggestion:
        print("did you mean: " + _style(result.suggestion, "1", colour))
