"""The `export` sub-command (excerpt reports as PDF, Markdown, HTML) and the `annotations` group.

    source-reader export --pdf OUT.pdf [--markdown OUT.md] [--html OUT.html]
        [--annotations FILE.json] [--query QUERY] [--tag TAG] [--order document|date]
        [--page-size a4|letter] [PATH...]

With `--annotations` the excerpts are the annotations in that W3C JSON-LD file; with `--query`
they are the passages around the search hits; by default they are the library's annotations.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader import cli
from reader.annotations import Annotation, read_jsonld
from reader.cli import annotation_commands, citations
from reader.export import build_report, write_html, write_markdown
from reader.export.report import ORDERS, Report, document_of
from reader.export.writing import PAGE_SIZE_NAMES, plural
from reader.workspace import Workspace


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `export` and the `annotations` group to the parser."""
    export = subparsers.add_parser("export", help="export annotated excerpts (PDF, Markdown, HTML)")
    export.add_argument("--pdf", metavar="OUT.pdf", help="write a PDF report")
    export.add_argument("--markdown", metavar="OUT.md", help="write a Markdown report")
    export.add_argument("--html", metavar="OUT.html", help="write an HTML report")
    source = export.add_mutually_exclusive_group()
    source.add_argument("--annotations", metavar="FILE.json", help="W3C annotations to export")
    source.add_argument("--query", help="export the passages around this search's hits")
    export.add_argument("--tag", help="only annotations with this tag")
    export.add_argument("--order", choices=ORDERS, default="document", help="group excerpts")
    export.add_argument("--page-size", choices=PAGE_SIZE_NAMES, default="a4")
    export.add_argument("--title", default="", help="report title")
    export.add_argument("--limit", type=int, default=50, help="most search hits used (--query)")
    export.add_argument("--no-quotes", action="store_true", help="skip the quotation analysis")
    citations.add_arguments(export)
    cli.add_paths_argument(export)
    export.set_defaults(run=run_export)
    annotation_commands.register(subparsers)


def _hits(args: argparse.Namespace, workspace: Workspace) -> list[Any]:
    workspace.update_index()
    cli.report_problems(workspace, "index")
    result = workspace.search(args.query, limit=max(1, args.limit))
    if result.error:
        raise ValueError(f"search failed: {result.error}")
    return result.hits


def _annotations(args: argparse.Namespace, workspace: Workspace) -> list[Annotation]:
    if args.annotations:
        result = read_jsonld(Path(args.annotations))
        for error in result.errors:
            print(f"source-reader: {args.annotations}: {error}", file=sys.stderr)
        chosen = result.annotations
    else:
        chosen = workspace.annotations.list()
    if args.tag:
        chosen = [a for a in chosen if args.tag in a.tags]
    if args.paths:  # only the annotations of the given files
        chosen = [a for a in chosen if document_of(a, workspace.by_id) is not None]
    return chosen


def _scope(args: argparse.Namespace, count: int) -> str:
    if args.query:
        return f"passages matching the search “{args.query}” ({count} documents)"
    where = (
        f"annotations from {Path(args.annotations).name}"
        if args.annotations
        else ("annotations in the library")
    )
    return where + (f" tagged “{args.tag}”" if args.tag else "")


def build(args: argparse.Namespace, workspace: Workspace) -> Report:
    """The report the arguments ask for, over the workspace's loaded documents."""
    analysis = None if args.no_quotes else workspace.analyse()
    cli.report_problems(workspace, "quotes")
    if args.query:
        hits = _hits(args, workspace)
        title = args.title or f"Search: {args.query}"
        report = build_report(
            workspace.documents,
            hits=hits,
            analysis=analysis,
            order=args.order,
            title=title,
            scope=_scope(args, len(hits)),
        )
    else:
        chosen = _annotations(args, workspace)
        report = build_report(
            workspace.documents,
            annotations=chosen,
            analysis=analysis,
            order=args.order,
            title=args.title or "Annotated excerpts",
            scope=_scope(args, len(chosen)),
        )
    for doc_id, reason in report.failed:
        workspace.report_problem("export", doc_id, reason)
    cli.report_problems(workspace, "export")
    return report


def run_export(args: argparse.Namespace) -> int:
    outputs = [(kind, getattr(args, kind)) for kind in ("pdf", "markdown", "html")]
    outputs = [(kind, Path(out)) for kind, out in outputs if out]
    if citations.wanted(args):
        code = citations.run(args)
        if code or not outputs:
            return code
    if not outputs:
        return cli.fail("nothing to write: give --pdf, --markdown, --html, --csl or --bibtex")
    if args.tag and args.query:
        return cli.fail("--tag selects annotations; it cannot be combined with --query")
    with cli.open_workspace(args, with_library=not args.annotations) as workspace:
        if not cli.load_or_fail(workspace):
            return 1
        try:
            report = build(args, workspace)
        except ValueError as error:
            return cli.fail(str(error))
    for orphan in report.orphans:
        print(f"source-reader: not placed: {orphan}", file=sys.stderr)
    if not report.excerpts:
        return cli.fail("nothing to export: no excerpts matched")
    _write(report, outputs, args.page_size)
    return 0


def _write(report: Report, outputs: Sequence[tuple[str, Path]], page_size: str) -> None:
    excerpts = plural(len(report.excerpts), "excerpt")
    counts = f"{excerpts} from {plural(report.document_count, 'document')}"
    for kind, path in outputs:
        if kind == "pdf":
            from reader.export.pdf import write_pdf  # reportlab loads only when a PDF is made

            pages = write_pdf(report, path, page_size=page_size)
            print(f"wrote {path} ({counts}, {pages} pages)")
        else:
            (write_markdown if kind == "markdown" else write_html)(report, path)
            print(f"wrote {path} ({counts})")
