"""The excerpt report as one self-contained HTML page; everything from documents is escaped."""

from __future__ import annotations

from html import escape
from pathlib import Path

from reader.export.passages import Run
from reader.export.report import Excerpt, QuoteNote, Report
from reader.export.writing import summary_line, write_text

STYLE = """
body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 46em; margin: 2em auto;
  line-height: 1.5; color: #222; padding: 0 1em; }
h1 { font-size: 1.8em; margin-bottom: .2em; } .summary { color: #555; }
h2 { border-bottom: 2px solid #2b4c7e; padding-bottom: .2em; margin-top: 2em; color: #2b4c7e; }
.subtitle { color: #666; margin-top: -.6em; }
h3 { font-size: 1em; color: #444; }
blockquote { margin: 0; padding: .4em 1em; border-left: 3px solid #c9d3e3; background: #f7f9fc; }
mark { padding: 0 .1em; } mark.yellow { background: #fff1a8; } mark.green { background: #cdeccd; }
mark.blue { background: #cfe3ff; } mark.pink { background: #ffd3e4; }
mark.purple { background: #e5d5fb; } mark.term { background: none; font-weight: bold;
  text-decoration: underline; }
.diff { font-weight: bold; color: #a33; }
table.citation { font-size: .85em; color: #444; border-collapse: collapse; margin-top: .6em; }
table.citation th { text-align: left; padding-right: 1em; font-weight: normal; color: #777; }
"""


def _run(run: Run, colour: str) -> str:
    text = escape(run.text)
    if run.term:
        text = f'<mark class="term">{text}</mark>'
    if run.marked:
        text = f'<mark class="{escape(colour)}">{text}</mark>'
    return text


def _quote(note: QuoteNote) -> str:
    role = f" ({escape(note.role)})" if note.role else ""
    items = []
    for v in note.variants:
        words = " ".join(
            f'<span class="diff">{escape(w.text)}</span>' if w.differs else escape(w.text)
            for w in v.words
        )
        where = ", ".join(escape(x) for x in (v.outlet, v.published) if x)
        items.append(
            f"<li>{escape(v.kind)} in <cite>{escape(v.title)}</cite> ({where}): “{words}”</li>"
        )
    variants = f"<ul>{''.join(items)}</ul>" if items else ""
    return (
        f'<p class="quote">Quotation by <b>{escape(note.speaker)}</b>{role}: '
        f"“{escape(note.text)}”</p>{variants}"
    )


def _excerpt(excerpt: Excerpt) -> str:
    paragraphs = ["".join(_run(r, excerpt.colour) for r in p) for p in excerpt.passage.paragraphs]
    if excerpt.passage.clipped_before:
        paragraphs[0] = "… " + paragraphs[0]
    if excerpt.passage.clipped_after:
        paragraphs[-1] += " …"
    parts = [
        f'<section class="excerpt" id="excerpt-{excerpt.number}">',
        f"<h3>{escape(excerpt.label)}</h3>",
        "<blockquote>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</blockquote>",
    ]
    if excerpt.note:
        parts.append(f'<p class="note"><b>Note:</b> {escape(excerpt.note)}</p>')
    if excerpt.tags:
        parts.append(f'<p class="tags"><b>Tags:</b> {escape(", ".join(excerpt.tags))}</p>')
    parts += [_quote(n) for n in excerpt.quotes]
    rows = "".join(
        f"<tr><th>{label}</th><td>{escape(value)}</td></tr>"
        for label, value in excerpt.citation.fields()
    )
    parts.append(f'<table class="citation">{rows}</table></section>')
    return "\n".join(parts)


def render_html(report: Report) -> str:
    """The whole report as one HTML page."""
    body = [
        f"<h1>{escape(report.title)}</h1>",
        f'<p class="summary">{escape(summary_line(report))}</p>',
    ]
    for section in report.sections:
        body.append(f"<h2>{escape(section.title)}</h2>")
        body.append(f'<p class="subtitle">{escape(section.subtitle)}</p>')
        body += [_excerpt(e) for e in section.excerpts]
    if report.orphans:
        body.append("<h2>Annotations that could not be placed</h2><ul>")
        body += [f"<li>{escape(o)}</li>" for o in report.orphans]
        body.append("</ul>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(report.title)}</title><style>{STYLE}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def write_html(report: Report, path: Path) -> None:
    """Write the report as HTML to `path` (temporary file, then rename)."""
    write_text(path, render_html(report))
