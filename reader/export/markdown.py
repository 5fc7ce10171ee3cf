"""The excerpt report as Markdown: marked text in bold, search terms in bold italics."""

from __future__ import annotations

import re
from pathlib import Path

from reader.export.passages import Run
from reader.export.report import Excerpt, QuoteNote, Report
from reader.export.writing import summary_line, write_text

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: str) -> str:
    """Text with every Markdown special character escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def _run(run: Run) -> str:
    text = escape(run.text)
    stripped = text.strip()
    if not stripped or not (run.marked or run.term):
        return text
    mark = "***" if run.marked and run.term else "**" if run.marked else "_**"
    close = mark[::-1]
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}{mark}{stripped}{close}{trail}"


def _quote(note: QuoteNote) -> list[str]:
    role = f" ({escape(note.role)})" if note.role else ""
    lines = [f"- Quotation by **{escape(note.speaker)}**{role}: “{escape(note.text)}”"]
    for v in note.variants:
        words = " ".join(f"**{escape(w.text)}**" if w.differs else escape(w.text) for w in v.words)
        where = ", ".join(escape(x) for x in (v.outlet, v.published) if x)
        lines.append(f"  - {v.kind} in _{escape(v.title)}_ ({where}): “{words}”")
    return lines


def _excerpt(excerpt: Excerpt) -> list[str]:
    lines = [f"### {escape(excerpt.label)}", ""]
    paragraphs = ["".join(_run(r) for r in p) for p in excerpt.passage.paragraphs]
    if excerpt.passage.clipped_before:
        paragraphs[0] = "… " + paragraphs[0]
    if excerpt.passage.clipped_after:
        paragraphs[-1] += " …"
    lines += [line for p in paragraphs for line in (f"> {p}", ">")][:-1]
    lines.append("")
    if excerpt.note:
        lines += [f"**Note:** {escape(excerpt.note)}", ""]
    if excerpt.tags:
        lines += [f"**Tags:** {', '.join(escape(t) for t in excerpt.tags)}", ""]
    for note in excerpt.quotes:
        lines += [*_quote(note), ""]
    lines += ["| | |", "|---|---|"]
    lines += [f"| {label} | {escape(value)} |" for label, value in excerpt.citation.fields()]
    return [*lines, ""]


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown text."""
    lines = [f"# {escape(report.title)}", "", escape(summary_line(report)), ""]
    for section in report.sections:
        lines += [f"## {escape(section.title)}", "", f"_{escape(section.subtitle)}_", ""]
        for excerpt in section.excerpts:
            lines += _excerpt(excerpt)
    if report.orphans:
        lines += ["## Annotations that could not be placed", ""]
        lines += [f"- {escape(o)}" for o in report.orphans]
    return "\n".join(lines).rstrip() + "\n"


def write_markdown(report: Report, path: Path) -> None:
    """Write the report as Markdown to `path` (temporary file, then rename)."""
    write_text(path, render_markdown(report))
