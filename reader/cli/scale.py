"""The `scale` sub-commands: the quote engine as a Spark job, and its output in the window.

source-reader scale quotes INPUT --out DIR [--master local[*] | spark://HOST:PORT]
    [--partitions N] [--driver-memory SIZE] [--executor-memory SIZE]
source-reader open-output DIR
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from reader import cli
from reader.errors import ReaderError
from reader.scale.session import DRIVER_MEMORY, EXECUTOR_MEMORY

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `scale quotes` and `open-output` to the parser."""
    scale = subparsers.add_parser("scale", help="run the engine as a Spark job over an archive")
    jobs = scale.add_subparsers(dest="job", metavar="JOB", required=True)
    quotes = jobs.add_parser(
        "quotes", help="quotes, speakers, variant links and groups of a whole archive"
    )
    quotes.add_argument(
        "input", metavar="INPUT", help="a folder of files, a .jsonl file or Parquet"
    )
    quotes.add_argument("--out", metavar="DIR", required=True, help="folder for the tables")
    quotes.add_argument(
        "--master", default="local[*]", help="Spark master: local[*] (default) or spark://HOST:PORT"
    )
    quotes.add_argument("--partitions", type=int, help="partitions (default: by input size)")
    quotes.add_argument(
        "--driver-memory",
        metavar="SIZE",
        default=DRIVER_MEMORY,
        help=f"driver JVM heap (default {DRIVER_MEMORY}; in local mode the executor's too)",
    )
    quotes.add_argument(
        "--executor-memory",
        metavar="SIZE",
        default=EXECUTOR_MEMORY,
        help=f"heap of each executor on a cluster (default {EXECUTOR_MEMORY})",
    )
    quotes.add_argument("--json", action="store_true", help="print the summary as JSON")
    quotes.set_defaults(run=run_scale_quotes)
    opened = subparsers.add_parser(
        "open-output", help="show a scale job's output in the window (read-only)"
    )
    opened.add_argument("folder", metavar="DIR")
    opened.set_defaults(run=run_open_output)


def run_scale_quotes(args: argparse.Namespace) -> int:
    from reader.scale.session import check_requirements, start

    source, out = Path(args.input), Path(args.out)
    if not source.exists():
        return cli.fail(f"{source}: no such file or folder")
    if out.exists() and not out.is_dir():
        return cli.fail(f"{out}: not a folder")
    check_requirements()
    from reader.scale.job import run

    session = start(
        args.master, driver_memory=args.driver_memory, executor_memory=args.executor_memory
    )
    try:
        out.mkdir(parents=True, exist_ok=True)
        summary = run(source, out, session=session, partitions=args.partitions)
    except ReaderError:
        raise
    except Exception as error:  # a failed Spark job: one line here, the trace in the log
        log.error("scale job failed", exc_info=error)
        first = str(error).strip().splitlines()[:1] or [type(error).__name__]
        return cli.fail(f"the Spark job failed: {first[0]} (details in the log)")
    finally:
        session.stop()
    if args.json:
        cli.print_json(summary)
    else:
        print(
            f"{summary['documents']} documents, {summary['quotes']} quotes, "
            f"{summary['links']} links, {summary['groups']} groups in {summary['seconds']} s "
            f"-> {out} ({len(summary['problems'])} problems)"
        )
    return 0


def run_open_output(args: argparse.Namespace) -> int:
    from reader.scale.output import is_output

    if not is_output(Path(args.folder)):
        return cli.fail(
            f"{args.folder}: not a scale job's output (documents, quotes, links, groups)"
        )
    return cli.show_window(args, [], output=args.folder)
