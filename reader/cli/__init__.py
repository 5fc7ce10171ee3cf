"""The `source-reader` command line: one sub-command per job, JSON out for scripts.

With no sub-command (or only file paths) it opens the window. Errors print one line each to
stderr, never a traceback; the exit code is non-zero when nothing could be done.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader import __version__
from reader.cli import documents
from reader.errors import ReaderError
from reader.library import Library, default_root
from reader.logfile import setup_console, setup_logging
from reader.workspace import Workspace

COMMAND_MODULES = [documents]
for _optional in (
    "reader.cli.search",
    "reader.cli.quotes",
    "reader.cli.corrections",
    "reader.cli.export",
    "reader.cli.copies",
    "reader.cli.scale",
):
    try:
        COMMAND_MODULES.append(__import__(_optional, fromlist=["register"]))
    except ImportError as _missing:  # a command group whose package is not installed
        if _missing.name != _optional:
            raise


def build_parser() -> argparse.ArgumentParser:
    """The full parser: global options and every sub-command."""
    parser = argparse.ArgumentParser(
        prog="source-reader",
        description="Read many news articles about one story: who said what, and where.",
    )
    parser.add_argument("--version", action="version", version=f"source-reader {__version__}")
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="library folder (default: $SOURCE_READER_HOME or the user data folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    parser.set_defaults(commands=set(subparsers.choices))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # print file names with any bytes as they are
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="surrogateescape")
    setup_console()
    parser = build_parser()
    if _wants_window(args_list, parser):
        return _open_window(args_list)
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return 0
    log_path = setup_logging((Path(args.library) if args.library else default_root()) / "logs")
    try:
        return int(args.run(args) or 0)
    except ReaderError as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug: the user gets one line, the log gets the traceback
        logging.getLogger("reader.cli").error("unhandled error", exc_info=error)
        return fail(
            f"internal error ({type(error).__name__}: {error}); the details are in {log_path}"
        )


def _wants_window(args_list: list[str], parser: argparse.ArgumentParser) -> bool:
    """No sub-command: open the window (on the given files, if they exist)."""
    rest = list(args_list)
    if "--library" in rest:
        del rest[rest.index("--library") : rest.index("--library") + 2]
    rest = [a for a in rest if not a.startswith("--library=")]
    if {"-h", "--help", "--version"} & set(rest):
        return False
    words = [a for a in rest if not a.startswith("-")]
    if not words:
        return not rest
    return words[0] not in parser.get_default("commands") and Path(words[0]).exists()


def _open_window(args_list: list[str]) -> int:
    window_parser = argparse.ArgumentParser(prog="source-reader")
    window_parser.add_argument("--library", metavar="DIR")
    window_parser.add_argument("paths", nargs="*", help="documents to open")
    args = window_parser.parse_args(args_list)
    return show_window(args, args.paths)


def show_window(args: argparse.Namespace, paths: list[str], output: str = "") -> int:
    """Open the window on the library (importing `paths`), or on a scale job's `output`."""
    reason = missing_display()
    if reason:
        return fail(
            f"cannot open the window: {reason}. Use the command line instead "
            "(source-reader --help).",
            code=2,
        )
    try:
        from reader.ui.app import run
    except ImportError as error:
        return fail(f"cannot open the window: the Qt libraries are missing ({error})", code=2)
    try:
        return run(open_library(args), paths, output)
    except ReaderError as error:
        return fail(str(error))


def missing_display() -> str:
    """Why no window can be shown here, or "" when one can."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in {
        "offscreen",
        "minimal",
        "vnc",
        "eglfs",
        "linuxfb",
    }:
        return ""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return ""
    return "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set)"


# -- helpers shared by the command modules ------------------------------------------------------
def open_library(args: argparse.Namespace) -> Library:
    """The library named by --library, $SOURCE_READER_HOME, or the default one."""
    return Library(Path(args.library) if getattr(args, "library", None) else None)


def open_workspace(args: argparse.Namespace, with_library: bool = False) -> Workspace:
    """What a command works on: exactly `args.paths` if given, else the library.

    With paths the library is opened only when `with_library` (its annotations are needed).
    """
    paths = getattr(args, "paths", None) or []
    library = open_library(args) if with_library or not paths else None
    return Workspace(library, paths)


def report_problems(workspace: Workspace, stage: str | None = None) -> None:
    """Print one line per document left out of a stage (or of `stage` only)."""
    for problem in workspace.problems:
        if stage is None or problem.stage == stage:
            print(f"source-reader: skipped {problem}", file=sys.stderr)


def load_or_fail(workspace: Workspace) -> bool:
    """Read the documents and report failures; False (after a message) when none could be read."""
    documents = workspace.load()
    report_problems(workspace, "read")
    if not documents and workspace.problems:
        fail("no document could be read")
        return False
    return True


def add_paths_argument(parser: argparse.ArgumentParser) -> None:
    """The optional PATH... of every command that reads documents."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders to work on instead of the library",
    )


def print_json(data: Any) -> None:
    """Write `data` as JSON to stdout (UTF-8, not ASCII-escaped)."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # File names that are not valid UTF-8 arrive as lone surrogates; JSON must stay valid UTF-8.
    sys.stdout.write(text.encode("utf-8", "surrogateescape").decode("utf-8", "replace") + "\n")


def fail(message: str, code: int = 1) -> int:
    """Print a one-line error and return the exit code."""
    print(f"source-reader: {message}", file=sys.stderr)
    return code
