"""Exporting excerpts: one report builder, three writers (PDF, Markdown, HTML).

    report = build_report(library.documents(), annotations=store.list(tag="budget"))
    write_pdf(report, Path("out.pdf"), page_size="a4")
    write_markdown(report, Path("out.md")); write_html(report, Path("out.html"))

Every writer writes to a temporary file and renames it, so a failure never leaves a half-written
file under the chosen name.
"""

from typing import Any

from reader.errors import ExportError
from reader.export.html import write_html
from reader.export.markdown import write_markdown
from reader.export.report import (
    Citation,
    Excerpt,
    Report,
    Section,
    build_report,
)


def __getattr__(name: str) -> Any:
    """`write_pdf` is imported on first use: reportlab takes a while to load."""
    if name == "write_pdf":
        from reader.export.pdf import write_pdf

        return write_pdf
    raise AttributeError(name)


__all__ = [
    "Citation",
    "Excerpt",
    "ExportError",
    "Report",
    "Section",
    "build_report",
    "write_html",
    "write_markdown",
    "write_pdf",
]
