"""CSL-JSON and BibTeX citations, read back the way reference managers read them."""

import json
import os
from datetime import date
from pathlib import Path

import bibtexparser
import jsonschema
import pytest

from reader.documents.loading import load_document
from reader.export.bibtex import to_bibtex, write_bibtex
from reader.export.csl import csl_items, names, write_csl
from reader.export.formatted import formatted_citation
from tests.export.samples import ARTICLES, annotate

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "citations" / "csl-data.subset.json"
META = {
    "gazette.txt": {"source": "The Harbour Gazette", "url": "https://gazette.example.com/ferry"},
    "courier.txt": {"source": "Coast Courier & Times", "author": "Sam Okafor and Ana Ruiz"},
}
SAVED = date(2024, 5, 17)


@pytest.fixture
def documents(tmp_path):
    """The sample articles with outlet/URL metadata in their sidecars, saved on SAVED."""
    docs = []
    for name, text in ARTICLES.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        if name in META:
            sidecar = tmp_path / (path.stem + ".meta.json")
            sidecar.write_text(json.dumps(META[name]), encoding="utf-8")
        stamp = 1715904000 + 3600  # 2024-05-17 01:00 UTC
        os.utime(path, (stamp, stamp))
        docs.append(load_document(path))
    return docs


def validate(items):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema).validate(items)


def test_csl_items_carry_what_a_reference_manager_needs(documents, tmp_path):
    gazette = documents[0]
    notes = [
        annotate(gazette, "deeply disappointed", note="Residents’ reaction"),
        annotate(gazette, "We cannot keep pouring money into a building"),
    ]
    items = csl_items(documents, notes)
    validate(items)
    first, second, third = items
    assert first["title"] == gazette.title and first["container-title"] == "The Harbour Gazette"
    assert first["type"] == "article-newspaper" and first["URL"] == META["gazette.txt"]["url"]
    assert first["author"] == [{"family": "Müller", "given": "Zoë"}]
    assert first["issued"] == {"date-parts": [[2022, 3, 3]]}
    assert first["accessed"]["date-parts"][0][:2] == [SAVED.year, SAVED.month]
    assert first["note"] == (
        "“We cannot keep pouring money into a building”\n\n"
        "“deeply disappointed” — Residents’ reaction"
    )
    assert second["author"] == [
        {"family": "Okafor", "given": "Sam"},
        {"family": "Ruiz", "given": "Ana"},
    ]
    assert "note" not in second and "author" not in third and third["type"] == "document"
    assert [i["id"] for i in csl_items(documents, notes, annotated=True)] == [gazette.id]
    write_csl(items, tmp_path / "out.json")
    validate(json.loads((tmp_path / "out.json").read_text(encoding="utf-8")))


def test_an_item_with_unknown_fields_fails_the_schema():
    with pytest.raises(jsonschema.ValidationError):
        validate([{"id": "x", "type": "article-newspaper", "outlet": "not a CSL field"}])
    with pytest.raises(jsonschema.ValidationError):
        validate([{"id": "x", "type": "news"}])


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Ana Ruiz", [("Ruiz", "Ana")]),
        ("Ana Ruiz and Tom Baker", [("Ruiz", "Ana"), ("Baker", "Tom")]),
        ("Ana Ruiz, Tom Baker & Li Wei", [("Ruiz", "Ana"), ("Baker", "Tom"), ("Wei", "Li")]),
        ("Ruiz, Ana", [("Ruiz", "Ana")]),
        ("Mary Ann de la Cruz", [("de la", "Cruz", "Mary Ann")]),
        ("Reuters", ["Reuters"]),
        ("", []),
    ],
)
def test_bylines_become_csl_names(byline, expected):
    got = [
        n.get("literal")
        or ((n["non-dropping-particle"],) if "non-dropping-particle" in n else ())
        + (n["family"], n["given"])
        for n in names(byline)
    ]
    assert got == expected


def parsed(text):
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    return {e.key: (e.entry_type, {f.key: f.value for f in e.fields}) for e in library.entries}


def test_bibtex_parses_with_every_field(documents, tmp_path):
    gazette = documents[0]
    notes = [annotate(gazette, "deeply disappointed", note="50% of residents {upset} & more")]
    items = csl_items(documents, notes)
    write_bibtex(items, tmp_path / "out.bib")
    entries = parsed((tmp_path / "out.bib").read_text(encoding="utf-8"))
    assert len(entries) == 3
    kind, fields = entries["muller2022ferry"]
    assert kind == "article" and fields["journal"] == "The Harbour Gazette"
    assert fields["title"] == gazette.title and fields["author"] == "Müller, Zoë"
    assert (fields["year"], fields["month"], fields["date"]) == ("2022", "3", "2022-03-03")
    assert fields["url"] == META["gazette.txt"]["url"]
    assert fields["urldate"].startswith(f"{SAVED.year}-{SAVED.month:02d}")
    assert fields["note"] == r"“deeply disappointed” — 50\% of residents \{upset\} \& more"
    assert entries["okafor2022council"][1]["journal"] == r"Coast Courier \& Times"
    assert entries["okafor2022council"][1]["author"] == "Okafor, Sam and Ruiz, Ana"
    assert entries["anon2022harbour"][0] == "misc"
    person = {"family": "Cruz", "given": "Mary Ann", "non-dropping-particle": "de la"}
    item = {"id": "p", "type": "document", "title": "T", "author": [person]}
    assert parsed(to_bibtex([item]))["cruznd"][1]["author"] == "de la Cruz, Mary Ann"


def test_bibtex_keys_are_unique_and_any_title_parses():
    hostile = r"A \ title {unbalanced with } } % comment # hash _ ~ ^ $"
    items = [{"id": str(n), "type": "document", "title": hostile} for n in range(30)]
    entries = parsed(to_bibtex(items))
    assert len(entries) == 30
    assert {fields["title"] for _, fields in entries.values()} == {
        r"A \textbackslash{} title \{unbalanced with \} \} \% comment \# hash \_ "
        r"\textasciitilde{} \textasciicircum{} \$"
    }


def test_the_csl_processor_formats_harvard_citations(documents):
    items = csl_items(documents)
    gazette, courier, anonymous = [formatted_citation(i) for i in items]
    day = items[0]["accessed"]["date-parts"][0][2]  # the day the copy was saved, local time
    assert gazette == (
        f"Müller, Z. (2022) ‘{documents[0].title}’, The Harbour Gazette, 3 March. "
        f"Available at: https://gazette.example.com/ferry (Accessed: {day} May 2024)."
    )
    assert courier.startswith("Okafor, S. and Ruiz, A. (2022) ‘") and "Courier & Times" in courier
    assert anonymous == f"{documents[2].title} (2022)."  # the title in the author's place, once


def test_an_authorless_news_item_names_its_outlet_once():
    item = {
        "id": "n",
        "type": "article-newspaper",
        "title": "Talks stall",
        "container-title": "CNN",
        "issued": {"date-parts": [[2022, 1, 28]]},
        "note": "an excerpt, not part of the reference",
    }
    assert formatted_citation(item) == "CNN (2022) ‘Talks stall’, 28 January."
