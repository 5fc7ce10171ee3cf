"""Real PDFs read back with pypdf: text, citations, scripts, outline, metadata, fonts, page sizes."""

import re
import threading

import pytest
from pypdf import PdfReader

from reader.export import ExportError, build_report, write_pdf
from tests.export.samples import quote_table


def flat(text):
    return re.sub(r"\s+", " ", text)


def pdf_text(reader):
    return flat(" ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def exported(tmp_path, documents, annotations):
    report = build_report(
        documents,
        annotations=annotations,
        analysis=quote_table(documents),
        scope="every annotation",
    )
    path = tmp_path / "out" / "report.pdf"
    write_pdf(report, path, author="Desk editor")
    return report, PdfReader(path)


def test_excerpts_notes_and_citations_are_searchable_text(exported, documents):
    report, pdf = exported
    text = pdf_text(pdf)
    for excerpt in report.excerpts:
        assert flat(excerpt.passage.text)[:60] in text
    assert "Residents’ reaction — strong" in text and "Check with the council" in text
    for doc in documents:
        for value in (doc.title, doc.path, doc.published.date().isoformat()):
            assert value in text
    assert "Zoë Müller" in text and "Sam Okafor" in text
    assert "Accessed" in text and "every annotation" in text


def test_cyrillic_curly_quotes_and_dashes_survive(exported):
    text = pdf_text(exported[1])
    assert "Олег Петров" in text
    assert "“deeply disappointed”" in text
    assert "year – ending" in text and "closure — a fight" in text and "café" in text


def test_quotation_speaker_and_variants_with_differing_words(exported):
    text = pdf_text(exported[1])
    assert "Quotation by Олег Петров (councillor)" in text
    assert "Council shuts historic ferry terminal" in text
    assert "continue" in text and "variant" in text


def test_outline_has_every_document_and_excerpt(exported, documents):
    report, pdf = exported
    outline = pdf.outline
    top = [item.title for item in outline if not isinstance(item, list)]
    children = [item.title for group in outline if isinstance(group, list) for item in group]
    assert top == [report.title, *(s.title for s in report.sections)]
    assert children == [e.label for e in report.excerpts]
    assert {d.title for d in documents} == set(top[1:])
    assert (
        pdf.get_destination_page_number(
            outline[-1][-1] if isinstance(outline[-1], list) else outline[-1]
        )
        >= 1
    )


def test_metadata(exported):
    report, pdf = exported
    meta = pdf.metadata
    assert meta.title == report.title
    assert meta.author == "Desk editor"
    assert "4 excerpts from 3 documents" in meta.subject
    assert meta.creator.startswith("Source Reader")


def test_page_numbers_on_every_page_after_the_title(exported):
    pdf = exported[1]
    total = len(pdf.pages)
    assert total >= 2
    for number, page in enumerate(pdf.pages[1:], start=2):
        assert f"Page {number} of {total}" in page.extract_text()
    assert "Page 1 of" not in pdf.pages[0].extract_text()


def test_fonts_are_embedded_truetype(exported):
    pdf = exported[1]
    for page in pdf.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = (
                font.get("/FontDescriptor")
                or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            )
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
            assert "DejaVuSans" in font["/BaseFont"]


@pytest.mark.parametrize(("size", "box"), [("a4", (595.3, 841.9)), ("letter", (612.0, 792.0))])
def test_page_sizes(tmp_path, documents, annotations, size, box):
    path = tmp_path / f"{size}.pdf"
    write_pdf(build_report(documents, annotations=annotations), path, page_size=size)
    for page in PdfReader(path).pages:
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == box


def test_unknown_page_size_is_an_export_error(tmp_path, documents, annotations):
    with pytest.raises(ExportError, match="page size"):
        write_pdf(build_report(documents, annotations=annotations), tmp_path / "x.pdf", "a3")


def test_cancelled_export_leaves_no_file_and_keeps_the_old_one(tmp_path, documents, annotations):
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "report.pdf"
    path.write_bytes(b"previous export")
    abort = threading.Event()
    seen = []

    def progress(fraction, message):
        seen.append(fraction)
        abort.set()

    with pytest.raises(ExportError, match="cancelled"):
        write_pdf(
            build_report(documents, annotations=annotations), path, progress=progress, abort=abort
        )
    assert seen and path.read_bytes() == b"previous export"
    assert [p.name for p in path.parent.iterdir()] == ["report.pdf"]


def test_progress_reaches_one(tmp_path, documents, annotations):
    seen = []
    write_pdf(
        build_report(documents, annotations=annotations),
        tmp_path / "r.pdf",
        progress=lambda f, m: seen.append(f),
    )
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) == len(annotations)


def test_orphans_are_listed(tmp_path, documents, annotations):
    documents[2].body = documents[2].body.replace("sold to developers next year", "kept")
    report = build_report(documents, annotations=annotations)
    assert len(report.orphans) == 1 and "sold to developers" in report.orphans[0]
    write_pdf(report, tmp_path / "r.pdf")
    text = pdf_text(PdfReader(tmp_path / "r.pdf"))
    assert "Annotations that could not be placed" in text and "sold to developers next year" in text
