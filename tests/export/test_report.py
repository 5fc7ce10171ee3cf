"""The report builder (passages, ordering, search hits, quotations) and the text writers."""

import re
from dataclasses import dataclass

import pytest

from reader.export import ExportError, build_report, write_html, write_markdown
from reader.export.passages import CONTEXT_CHARS, cut_passage
from tests.export.samples import annotate, quote_table


@dataclass
class Hit:
    """A search hit as reader.search gives it: the document id and the matched spans."""

    doc: str
    spans: list


def find_hits(documents, *words):
    """A plain passage finder: every whole-word occurrence of the words."""
    hits = []
    for doc in documents:
        spans = [
            m.span()
            for word in words
            for m in re.finditer(rf"\b{re.escape(word)}\b", doc.body, re.IGNORECASE)
        ]
        if spans:
            hits.append(Hit(doc.id, sorted(spans)))
    return hits


def test_long_paragraph_is_cut_at_sentence_boundaries():
    sentences = [f"Sentence number {n} says something about the harbour." for n in range(40)]
    body = " ".join(sentences)
    target = body.index("Sentence number 20")
    passage = cut_passage(body, [(0, len(body))], [(target, target + 18)])
    assert passage.clipped_before and passage.clipped_after
    assert passage.text.startswith("Sentence number") and passage.text.endswith("harbour.")
    assert target - passage.start <= CONTEXT_CHARS and passage.end - target - 18 <= CONTEXT_CHARS
    marked = [r.text for p in passage.paragraphs for r in p if r.marked]
    assert marked == ["Sentence number 20"]


def test_short_paragraph_borrows_context_from_its_neighbours():
    body = "First paragraph ends here.\n\nThe marked one.\n\nThe next paragraph follows."
    start = body.index("The marked one.")
    passage = cut_passage(body, [(0, 26), (28, 43), (45, len(body))], [(start, start + 15)])
    assert [("".join(r.text for r in p)) for p in passage.paragraphs] == [
        "First paragraph ends here.",
        "The marked one.",
        "The next paragraph follows.",
    ]
    assert not passage.clipped_before and not passage.clipped_after


def test_document_order_groups_by_document_in_text_order(documents, annotations):
    report = build_report(documents, annotations=list(reversed(annotations)))
    assert [s.title for s in report.sections] == [d.title for d in documents]
    first = report.sections[0].excerpts
    assert first[0].passage.start <= first[1].passage.start
    assert [e.number for e in report.excerpts] == [1, 2, 3, 4]
    assert report.sections[0].subtitle.endswith("2 excerpts")


def test_date_order_sorts_by_publication_and_groups_by_day(documents, annotations):
    report = build_report(documents, annotations=annotations, order="date")
    assert [s.title for s in report.sections] == ["2022-03-02", "2022-03-03", "2022-03-04"]
    with pytest.raises(ValueError):
        build_report(documents, annotations=annotations, order="size")


def test_quotation_in_excerpt_names_speaker_and_marks_differing_words(documents):
    table = quote_table(documents)
    report = build_report(
        documents, annotations=[annotate(documents[0], "pouring money")], analysis=table
    )
    (note,) = report.excerpts[0].quotes
    assert note.speaker == "Олег Петров"
    (variant,) = note.variants
    assert variant.title == documents[1].title and variant.published == "2022-03-04"
    assert [w.text for w in variant.words if w.differs] == ["continue"]
    reverse = build_report(
        documents, annotations=[annotate(documents[1], "pouring money")], analysis=table
    )
    assert [w.text for w in reverse.excerpts[0].quotes[0].variants[0].words if w.differs] == [
        "keep"
    ]


def test_search_hits_become_passages_with_terms_marked(documents):
    report = build_report(
        documents, hits=find_hits(documents, "terminal"), scope="search: terminal"
    )
    assert report.document_count == sum("terminal" in d.body for d in documents) == 2
    for excerpt in report.excerpts:
        terms = [r.text.lower() for p in excerpt.passage.paragraphs for r in p if r.term]
        assert terms and set(terms) == {"terminal"}


def test_hits_outside_the_body_are_ignored(documents):
    report = build_report(
        documents, hits=[Hit(documents[0].id, [(10**6, 10**6 + 3)]), Hit("nope", [(0, 3)])]
    )
    assert report.excerpts == []


def test_markdown_marks_text_and_escapes_document_syntax(tmp_path, documents, annotations):
    documents[0].title = "Ferry *closure* [draft] <b>"
    path = tmp_path / "r.md"
    write_markdown(
        build_report(documents, annotations=annotations, analysis=quote_table(documents)), path
    )
    text = path.read_text(encoding="utf-8")
    assert "“**deeply disappointed**”" in text
    assert "Ferry \\*closure\\* \\[draft\\] \\<b\\>" in text
    assert "| Author | Zoë Müller |" in text and "Олег Петров" in text
    assert "**continue**" in text


def test_html_escapes_everything_from_documents(tmp_path, documents, annotations):
    documents[0].title = "<script>alert('x')</script>"
    documents[0].author = 'A "quoted" & <odd> author'
    path = tmp_path / "r.html"
    write_html(build_report(documents, annotations=annotations, hits=None), path)
    text = path.read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "A &quot;quoted&quot; &amp; &lt;odd&gt; author" in text
    assert '<mark class="yellow">deeply disappointed</mark>' in text
    assert '<mark class="green">We cannot keep pouring money into a building</mark>' in text


def test_search_terms_marked_in_html(tmp_path, documents):
    path = tmp_path / "r.html"
    write_html(build_report(documents, hits=find_hits(documents, "café")), path)
    assert '<mark class="term">café</mark>' in path.read_text(encoding="utf-8")


def test_write_failure_is_one_export_error_and_leaves_nothing(tmp_path, documents, annotations):
    target = tmp_path / "out" / "taken"
    target.mkdir(parents=True)
    report = build_report(documents, annotations=annotations)
    with pytest.raises(ExportError, match="cannot write"):
        write_markdown(report, target)
    assert target.is_dir() and list(target.parent.iterdir()) == [target]
