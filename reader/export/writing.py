"""What the writers share: the summary line of a report and atomic text output."""

from __future__ import annotations

from pathlib import Path

from reader.errors import ExportError
from reader.export.report import Report
from reader.fsutil import atomic_write_text

PAGE_SIZE_NAMES = ("a4", "letter")  # the PDF writer's page sizes


def plural(count: int, word: str) -> str:
    """ "1 excerpt", "2 excerpts"."""
    return f"{count} {word}{'s' * (count != 1)}"


def summary_line(report: Report) -> str:
    """Export date, what was exported, and the counts, in one line."""
    parts = [
        f"Exported {report.created.strftime('%Y-%m-%d %H:%M')}",
        report.scope,
        plural(len(report.excerpts), "excerpt")
        + f" from {plural(report.document_count, 'document')}",
        f"ordered by {report.order}",
    ]
    if report.orphans:
        parts.append(f"{plural(len(report.orphans), 'annotation')} could not be placed")
    return " · ".join(p for p in parts if p)


def write_text(path: Path, text: str) -> None:
    """Write `text` atomically; an OSError becomes one ExportError line."""
    try:
        atomic_write_text(Path(path), text)
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None
