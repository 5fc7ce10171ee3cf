"""The excerpt report as a PDF (reportlab platypus).

A title page (title, export date, what was exported, counts, contents), then one section per
document or day with its excerpts. Every page after the first carries the report title and
"Page N of M"; the outline has an entry per section and per excerpt; the document info holds
title, author, subject and creator. Text is set in DejaVu Sans, shipped in `resources/fonts` and
embedded (subset) so any machine shows Cyrillic, Greek, accents, curly quotes and dashes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from reader import __version__
from reader.errors import ExportError
from reader.export.passages import Run
from reader.export.report import Excerpt, QuoteNote, Report
from reader.export.writing import PAGE_SIZE_NAMES, plural, summary_line
from reader.fsutil import atomic_writer
from reader.resources import resource_path

PAGE_SIZES = dict(zip(PAGE_SIZE_NAMES, (A4, LETTER), strict=True))
FONT = "DejaVuSans"
FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    f"{FONT}-Bold": "DejaVuSans-Bold.ttf",
    f"{FONT}-Oblique": "DejaVuSans-Oblique.ttf",
    f"{FONT}-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}
ACCENT = colors.HexColor("#2b4c7e")
MUTED = colors.HexColor("#666666")
HIGHLIGHTS = {
    "yellow": "#fff1a8",
    "green": "#cdeccd",
    "blue": "#cfe3ff",
    "pink": "#ffd3e4",
    "purple": "#e5d5fb",
}
CONTENTS_LIMIT = 25  # sections listed on the title page
Progress = Callable[[float, str], None]


def font_folder() -> Path:
    """The folder holding the DejaVu fonts: shipped with the app, else the system's."""
    shipped = resource_path("fonts")
    candidates = [shipped] if shipped else []
    candidates.append(Path("/usr/share/fonts/truetype/dejavu"))
    for folder in candidates:
        if all((folder / name).is_file() for name in FONT_FILES.values()):
            return folder
    raise ExportError("the DejaVu Sans fonts are missing (expected in resources/fonts)")


def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold, oblique, bold oblique) with reportlab, once."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = font_folder()
    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(
        FONT,
        normal=FONT,
        bold=f"{FONT}-Bold",
        italic=f"{FONT}-Oblique",
        boldItalic=f"{FONT}-BoldOblique",
    )


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=10, leading=14)
    return {
        "title": ParagraphStyle(
            "title", base, fontName=f"{FONT}-Bold", fontSize=26, leading=32, textColor=ACCENT
        ),
        "kicker": ParagraphStyle("kicker", base, fontSize=11, textColor=MUTED, spaceAfter=30),
        "fact": ParagraphStyle("fact", base, fontSize=10.5, leading=15),
        "h1": ParagraphStyle(
            "h1",
            base,
            fontName=f"{FONT}-Bold",
            fontSize=15,
            leading=19,
            textColor=ACCENT,
            spaceBefore=14,
            keepWithNext=1,
        ),
        "sub": ParagraphStyle(
            "sub", base, fontSize=8.5, textColor=MUTED, spaceAfter=10, keepWithNext=1
        ),
        "h2": ParagraphStyle(
            "h2",
            base,
            fontName=f"{FONT}-Bold",
            fontSize=10.5,
            spaceBefore=12,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "passage": ParagraphStyle(
            "passage",
            base,
            fontSize=10.5,
            leading=15.5,
            leftIndent=10,
            rightIndent=4,
            backColor=colors.HexColor("#f5f7fb"),
            borderPadding=(4, 6, 4, 6),
            spaceAfter=8,
        ),
        "note": ParagraphStyle("note", base, spaceAfter=3),
        "quote": ParagraphStyle("quote", base, fontSize=9.5, leading=13, spaceBefore=2),
        "variant": ParagraphStyle(
            "variant", base, fontSize=8.5, leading=11.5, leftIndent=14, textColor="#333333"
        ),
        "cite": ParagraphStyle("cite", base, fontSize=8, leading=10, textColor="#444444"),
        "footer": ParagraphStyle("footer", base, fontSize=8, textColor=MUTED, alignment=TA_CENTER),
    }


class _Heading(Paragraph):
    """A heading that adds itself to the PDF outline when drawn."""

    def __init__(self, text: str, style: ParagraphStyle, key: str, title: str, level: int):
        super().__init__(text, style)
        self.outline = (key, title, level)

    def draw(self) -> None:
        super().draw()
        top = self.canv.absolutePosition(0, self.height)[1]
        self.canv.outline_marks.append((*self.outline, top))  # type: ignore[attr-defined]


def _run(run: Run, colour: str) -> str:
    text = escape(run.text)
    if run.term:
        text = f"<u><b>{text}</b></u>"
    if run.marked:
        text = f'<font backColor="{HIGHLIGHTS.get(colour, HIGHLIGHTS["yellow"])}">{text}</font>'
    return text


def _quote(note: QuoteNote, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    role = f" ({escape(note.role)})" if note.role else ""
    parts: list[Flowable] = [
        Paragraph(
            f"<b>Quotation by {escape(note.speaker)}</b>{role}: “{escape(note.text)}”",
            styles["quote"],
        )
    ]
    if note.variants:
        parts.append(
            Paragraph(
                f"Also reported in {plural(len(note.variants), 'article')} "
                "(differing words in red):",
                styles["variant"],
            )
        )
    for v in note.variants:
        words = " ".join(
            f'<font color="#b22222"><b>{escape(w.text)}</b></font>' if w.differs else escape(w.text)
            for w in v.words
        )
        where = ", ".join(escape(x) for x in (v.outlet, v.published) if x)
        parts.append(
            Paragraph(
                f"• <i>{escape(v.title)}</i> ({where}; {escape(v.kind)}): “{words}”",
                styles["variant"],
            )
        )
    return parts


def _citation(excerpt: Excerpt, styles: dict[str, ParagraphStyle], width: float) -> Table:
    rows = [
        [Paragraph(label, styles["cite"]), Paragraph(escape(value), styles["cite"])]
        for label, value in excerpt.citation.fields()
    ]
    table = Table(rows, colWidths=[22 * mm, width - 22 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
                ("LINEABOVE", (0, 0), (-1, 0), 0.4, colors.HexColor("#c9d3e3")),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    return table


def _excerpt(excerpt: Excerpt, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    label = excerpt.label
    story: list[Flowable] = [_Heading(escape(label), styles["h2"], f"x{excerpt.number}", label, 1)]
    paragraphs = ["".join(_run(r, excerpt.colour) for r in p) for p in excerpt.passage.paragraphs]
    if excerpt.passage.clipped_before:
        paragraphs[0] = "… " + paragraphs[0]
    if excerpt.passage.clipped_after:
        paragraphs[-1] += " …"
    story += [Paragraph(p, styles["passage"]) for p in paragraphs]
    if excerpt.note:
        story.append(Paragraph(f"<b>Note:</b> {escape(excerpt.note)}", styles["note"]))
    if excerpt.tags:
        story.append(Paragraph(f"<b>Tags:</b> {escape(', '.join(excerpt.tags))}", styles["note"]))
    for note in excerpt.quotes:
        story += _quote(note, styles)
    story += [KeepTogether([Spacer(1, 4), _citation(excerpt, styles, width)]), Spacer(1, 8)]
    return story


def _title_page(report: Report, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    facts = [
        ("Exported", report.created.strftime("%Y-%m-%d %H:%M %Z").strip()),
        ("Contents", report.scope or "annotations"),
        ("Excerpts", str(len(report.excerpts))),
        ("Documents", str(report.document_count)),
        ("Order", f"by {report.order}"),
    ]
    if report.orphans:
        facts.append(("Not placed", plural(len(report.orphans), "annotation")))
    story: list[Flowable] = [
        Spacer(1, 40 * mm),
        _Heading(escape(report.title), styles["title"], "title", report.title, 0),
        Paragraph("Excerpt report · Source Reader", styles["kicker"]),
    ]
    story += [Paragraph(f"<b>{k}:</b> {escape(v)}", styles["fact"]) for k, v in facts]
    story += [Spacer(1, 14 * mm), _contents(report, styles)]
    return [*story, PageBreak()]


def _contents(report: Report, styles: dict[str, ParagraphStyle]) -> Table:
    """The first sections and their excerpt counts, as a small table on the title page."""
    shown = report.sections[:CONTENTS_LIMIT]
    rows = [[Paragraph("<b>Contents</b>", styles["fact"]), ""]]
    rows += [
        [Paragraph(escape(s.title), styles["cite"]), Paragraph(escape(s.subtitle), styles["cite"])]
        for s in shown
    ]
    if len(report.sections) > len(shown):
        more = f"… and {len(report.sections) - len(shown)} more"
        rows.append([Paragraph(more, styles["cite"]), ""])
    table = Table(rows, colWidths=["62%", "38%"], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#dde3ec")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _story(report: Report, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    story = _title_page(report, styles)
    for n, section in enumerate(report.sections):
        title = section.title
        story.append(_Heading(escape(title), styles["h1"], f"s{n}", title, 0))
        story.append(Paragraph(escape(section.subtitle), styles["sub"]))
        for excerpt in section.excerpts:
            story += _excerpt(excerpt, styles, width)
    if report.orphans:
        heading = "Annotations that could not be placed"
        story.append(_Heading(heading, styles["h1"], "orphans", heading, 0))
        story += [Paragraph("• " + escape(o), styles["note"]) for o in report.orphans]
    return story


def _numbered_canvas(title: str, styles: dict[str, ParagraphStyle]) -> type[Canvas]:
    """A canvas class that adds the running header and "Page N of M" once the total is known."""

    class NumberedCanvas(Canvas):
        """Pages are kept until the end; outline entries are bound when each page is written."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self.outline_marks: list[tuple[str, str, int, float]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()
            self.outline_marks = []

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                for key, text, level, top in self.outline_marks:
                    self.bookmarkHorizontalAbsolute(key, top)
                    self.addOutlineEntry(text, key, level=level, closed=level > 0)
                if self._pageNumber > 1:
                    self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            self.setFont(FONT, 8)
            self.setFillColor(MUTED)
            self.drawString(20 * mm, height - 12 * mm, title[:110])
            self.setStrokeColor(colors.HexColor("#c9d3e3"))
            self.setLineWidth(0.5)
            self.line(20 * mm, height - 14 * mm, width - 20 * mm, height - 14 * mm)
            self.drawCentredString(width / 2, 10 * mm, f"Page {self._pageNumber} of {total}")

    return NumberedCanvas


def write_pdf(
    report: Report,
    path: Path,
    page_size: str = "a4",
    author: str = "",
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> int:
    """Write the report as a PDF to `path` (temporary file, then rename); return its page count.

    `progress(fraction, message)` hears each excerpt laid out; setting `abort` stops the export
    with an ExportError and leaves no file behind.
    """
    if page_size not in PAGE_SIZES:
        raise ExportError(f"unknown page size {page_size!r} (use {' or '.join(PAGE_SIZES)})")
    register_fonts()
    styles = _styles()
    total = max(1, len(report.excerpts))
    done = 0

    def after_flowable(flowable: Flowable) -> None:
        nonlocal done
        if abort is not None and abort.is_set():
            raise ExportError("export cancelled")
        if isinstance(flowable, _Heading) and flowable.outline[2] == 1:
            done += 1
            if progress is not None:
                progress(done / total, f"excerpt {done} of {total}")

    try:
        with atomic_writer(Path(path)) as handle:
            doc = SimpleDocTemplate(
                handle,
                pagesize=PAGE_SIZES[page_size],
                leftMargin=20 * mm,
                rightMargin=20 * mm,
                topMargin=20 * mm,
                bottomMargin=18 * mm,
                title=report.title,
                author=author or "Source Reader",
                subject=summary_line(report),
                creator=f"Source Reader {__version__}",
                initialFontName=FONT,  # else every page also references Helvetica
            )
            doc.afterFlowable = after_flowable  # type: ignore[method-assign]
            story = _story(report, styles, doc.width)
            doc.build(story, canvasmaker=_numbered_canvas(report.title, styles))
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None
    return int(doc.page)
