"""The `quotes` sub-command: quotes, speakers and the links between variants."""

from __future__ import annotations

import argparse
import textwrap

from reader import cli
from reader.quotes import QuoteAnalysis
from reader.quotes.model import Quote

WIDTH = 100


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `quotes` command to the parser."""
    quotes = subparsers.add_parser(
        "quotes", help="list quotes with their speakers, grouped by variants across documents"
    )
    cli.add_paths_argument(quotes)
    quotes.add_argument("--json", action="store_true", help="print JSON")
    quotes.set_defaults(run=run_quotes)


def run_quotes(args: argparse.Namespace) -> int:
    with cli.open_workspace(args) as workspace:
        if not cli.load_or_fail(workspace):
            return 1
        analysis = workspace.analyse()
        cli.report_problems(workspace, "quotes")
        if analysis is None:
            return cli.fail("the quotations could not be analysed (details in the log)")
        if args.json:
            cli.print_json(analysis.to_json() | {"errors": workspace.errors_json()})
        else:
            print_analysis(analysis)
    return 0


def print_analysis(analysis: QuoteAnalysis) -> None:
    """Quotes grouped by variant group (groups first, largest first), then the unlinked ones."""
    outlets = {d.id: d.source or d.title for d in analysis.documents}
    dates = {d.id: (d.published_iso or "")[:10] for d in analysis.documents}
    groups = sorted(analysis.groups, key=lambda g: -len(g.quotes))
    for group in groups:
        members = [analysis.quote(q) for q in group.quotes]
        speakers = sorted({q.speaker for q in members if q.speaker})
        print(f"== {len(members)} variants · {', '.join(speakers) or 'unknown speaker'}")
        print(_wrap(f"“{group.common_text}”", "   "))
        for quote in members:
            mark = "*" if quote.id == group.earliest else " "
            print(f" {mark} {_where(quote, outlets, dates)}")
        print()
    grouped = {q for g in analysis.groups for q in g.quotes}
    single = [q for q in analysis.quotes if q.id not in grouped]
    if single:
        print(f"== {len(single)} quotes without variants")
        for quote in single:
            print(_wrap(f"“{quote.text}”", "   "))
            print(f"   {_speaker(quote)} · {_where(quote, outlets, dates)}")
    print(
        f"{len(analysis.quotes)} quotes in {len(analysis.documents)} documents, "
        f"{len(analysis.links)} links, {len(analysis.groups)} variant groups "
        "(* earliest published)"
    )


def _speaker(quote: Quote) -> str:
    if quote.speaker:
        role = quote.role if quote.role not in quote.speaker else ""  # "unnamed official"
        return quote.speaker + (f" ({role})" if role else "")
    return f"unknown (maybe {quote.speaker_guess})" if quote.speaker_guess else "unknown"


def _where(quote: Quote, outlets: dict[str, str], dates: dict[str, str]) -> str:
    facts = [outlets.get(quote.doc, ""), dates.get(quote.doc, ""), quote.id]
    return " · ".join(f for f in facts if f)


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(
        " ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent
    )
