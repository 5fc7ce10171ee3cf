"""`source-reader export` and `source-reader annotations` as a script author uses them."""

import json
import re
from pathlib import Path

from pypdf import PdfReader

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def pdf_text(path):
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def first_document(run, home):
    docs = json.loads(run("list", "--json", home=home).stdout)["documents"]
    return next(d for d in docs if d["title"].startswith("Russia’s main concerns"))


def test_add_list_export_import_between_libraries(tmp_path, run):
    home, other = tmp_path / "home", tmp_path / "other"
    doc = first_document(run, home)
    made = json.loads(
        run(
            "annotations",
            "add",
            doc["id"],
            "--exact",
            "Lavrov",
            "--occurrence",
            "2",
            "--note",
            "the minister",
            "--tag",
            "people",
            "--json",
            home=home,
        ).stdout
    )
    assert made["exact"] == "Lavrov" and made["tags"] == ["people"]
    listed = json.loads(run("annotations", "list", "--json", home=home).stdout)["annotations"]
    assert [a["id"] for a in listed] == [made["id"]]
    out = tmp_path / "notes.json"
    run("annotations", "export", str(out), home=home)
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "AnnotationCollection"
    first_document(run, other)  # creates the second library with the same seeds
    result = run("annotations", "import", str(out), home=other)
    assert "1 new" in result.stdout
    assert (
        json.loads(run("annotations", "list", "--json", home=other).stdout)["annotations"] == listed
    )


def test_import_reports_bad_entries_one_per_line_and_keeps_good_ones(tmp_path, run):
    home = tmp_path / "home"
    doc = first_document(run, home)
    run("annotations", "add", doc["id"], "--exact", "Moscow", home=home)
    out = tmp_path / "notes.json"
    run("annotations", "export", str(out), home=home)
    data = json.loads(out.read_text(encoding="utf-8"))
    good = data["first"]["items"][0]
    data["first"]["items"] = [
        {"type": "Annotation"},
        good,
        {"type": "Annotation", "id": "x", "target": {}},
    ]
    out.write_text(json.dumps(data), encoding="utf-8")
    result = run("annotations", "import", str(out), home=tmp_path / "other")
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and "entry 1:" in errors[0] and "entry 3:" in errors[1]
    assert "1 new" in result.stdout and "2 rejected" in result.stdout


def test_export_library_annotations_to_pdf_and_markdown(tmp_path, run):
    home = tmp_path / "home"
    doc = first_document(run, home)
    run(
        "annotations",
        "add",
        doc["id"],
        "--exact",
        "posed a growing threat",
        "--note",
        "Kremlin’s view — key",
        "--tag",
        "threat",
        home=home,
    )
    run("annotations", "add", doc["id"], "--exact", "Moscow", "--tag", "place", home=home)
    pdf, md = tmp_path / "r.pdf", tmp_path / "r.md"
    result = run(
        "export",
        "--pdf",
        str(pdf),
        "--markdown",
        str(md),
        "--tag",
        "threat",
        "--page-size",
        "letter",
        "--no-quotes",
        home=home,
    )
    assert "1 excerpt from 1 document" in result.stdout
    text = pdf_text(pdf)
    assert "posed a growing threat" in text and "Kremlin’s view — key" in text
    assert doc["title"] in text and "tagged “threat”" in text
    assert round(float(PdfReader(pdf).pages[0].mediabox.width)) == 612
    assert "**posed a growing threat**" in md.read_text(encoding="utf-8")


def test_export_search_hits_from_paths(tmp_path, run):
    pdf = tmp_path / "q.pdf"
    result = run(
        "export",
        "--query",
        "Lavrov",
        "--pdf",
        str(pdf),
        "--order",
        "date",
        "--no-quotes",
        str(SEEDS),
        home=tmp_path / "home",
    )
    assert "wrote" in result.stdout
    text = pdf_text(pdf)
    assert "Search: Lavrov" in text and "Lavrov" in text
    outline = [o.title for o in PdfReader(pdf).outline if not isinstance(o, list)]
    assert outline[0] == "Search: Lavrov" and all(
        re.match(r"\d{4}-\d\d-\d\d|Undated", t) for t in outline[1:]
    )


def test_export_annotations_file_against_paths(tmp_path, run):
    home = tmp_path / "home"
    doc = first_document(run, home)
    run("annotations", "add", doc["id"], "--exact", "Moscow", "--note", "place", home=home)
    notes = tmp_path / "notes.json"
    run("annotations", "export", str(notes), home=home)
    html = tmp_path / "r.html"
    run("export", "--annotations", str(notes), "--html", str(html), "--no-quotes", home=home)
    assert '<mark class="yellow">Moscow</mark>' in html.read_text(encoding="utf-8")


def test_errors_are_one_line_and_write_nothing(tmp_path, run):
    home = tmp_path / "home"
    pdf = tmp_path / "r.pdf"
    result = run("export", "--pdf", str(pdf), "--no-quotes", home=home, check=False)
    assert result.returncode == 1 and "nothing to export" in result.stderr and not pdf.exists()
    result = run("export", "--no-quotes", home=home, check=False)
    assert result.returncode == 1 and "give --pdf" in result.stderr
    result = run("annotations", "add", "nosuchdoc", "--exact", "x", home=home, check=False)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    result = run("annotations", "import", str(tmp_path / "missing.json"), home=home, check=False)
    assert result.returncode == 1 and "cannot read" in result.stderr
