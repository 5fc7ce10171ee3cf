"""`annotations import` of other tools' files, `list` and `attach` of the unattached ones,
`annotations export --hypothesis`, and `export --csl/--bibtex`, as a user runs them."""

import json

import bibtexparser

from tests.annotations.library import BUDGET, FERRY, PARK, data_file
from tests.export.test_citations import validate


def make_home(tmp_path, run):
    """A library of the three test articles (the budget one with its URL), without seeds."""
    src = tmp_path / "src"
    src.mkdir(parents=True)
    for name, text in (("ferry.txt", FERRY), ("budget.txt", BUDGET), ("park.txt", PARK)):
        (src / name).write_text(text, encoding="utf-8")
    home = tmp_path / "home"
    run("import", str(src), home=home)
    docs = json.loads(run("list", "--json", home=home).stdout)["documents"]
    budget = next(d for d in docs if d["title"].startswith("Council sets"))
    run("meta", budget["id"], "--url", "https://budget.example.net/2024/spending", home=home)
    return home, src


def test_import_a_hypothesis_file_list_and_attach_the_rest(tmp_path, run):
    home, src = make_home(tmp_path, run)
    park = str(src / "park.txt")
    path = data_file("hypothesis_search.json", tmp_path / "h.json")
    result = run("annotations", "import", str(path), home=home)
    assert "from a Hypothesis file (1 new" in result.stdout and "2 unattached" in result.stdout
    assert result.stderr.count("unattached") == 2 and "page note" in result.stderr
    again = run("annotations", "import", str(path), home=home)
    assert "(0 new, 0 replaced, 1 unchanged" in again.stdout and "(0 new)" in again.stdout
    listed = json.loads(run("annotations", "list", "--json", home=home).stdout)
    assert len(listed["annotations"]) == 1 and len(listed["unattached"]) == 2
    text = run("annotations", "list", home=home).stdout
    assert "UNATTACHED" in text and "1 annotations, 2 unattached" in text
    loose = next(u for u in listed["unattached"] if u["note"] == "Not in the library")
    missing = run("annotations", "attach", loose["id"], park, home=home, check=False)
    assert missing.returncode == 1 and "choose the passage" in missing.stderr
    run("annotations", "attach", loose["id"], park, "--exact", "two hundred trees", home=home)
    listed = json.loads(run("annotations", "list", "--json", home=home).stdout)
    assert len(listed["annotations"]) == 2 and len(listed["unattached"]) == 1
    attached = next(a for a in listed["annotations"] if a["id"] == loose["id"])
    assert attached["exact"] == "two hundred trees" and attached["tags"] == ["elsewhere"]
    page = listed["unattached"][0]["id"]
    assert "discarded" in run("annotations", "discard", page[:8], home=home).stdout
    assert json.loads(run("annotations", "list", "--json", home=home).stdout)["unattached"] == []
    run("annotations", "import", str(path), home=home)
    assert json.loads(run("annotations", "list", "--json", home=home).stdout)["unattached"] == []
    run("annotations", "discard", "--restore", page, home=home)
    listed = json.loads(run("annotations", "list", "--json", home=home).stdout)
    assert [u["id"] for u in listed["unattached"]] == [page]
    wrong = run("annotations", "discard", "nosuch", home=home, check=False)
    assert wrong.returncode == 1 and "no unattached" in wrong.stderr


def test_w3c_file_uris_then_hypothesis_export_round_trip(tmp_path, run):
    home, src = make_home(tmp_path, run)
    path = data_file(
        "w3c_other_producer.json", tmp_path / "w.json", FERRY_URI=(src / "ferry.txt").as_uri()
    )
    result = run("annotations", "import", str(path), home=home)
    assert "2 annotations from a W3C Web Annotation file (2 new" in result.stdout
    out = tmp_path / "h-out.json"
    run("annotations", "export", "--hypothesis", str(out), home=home)
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    assert {r["text"] for r in rows} == {"The vote itself", ""}
    assert all(r["uri"].startswith("file://") and r["target"][0]["selector"] for r in rows)
    other, _ = make_home(tmp_path / "second", run)
    result = run("annotations", "import", str(out), home=other)
    assert "(2 new" in result.stdout and "0 unattached" in result.stdout
    mine = json.loads(run("annotations", "list", "--json", home=home).stdout)["annotations"]
    theirs = json.loads(run("annotations", "list", "--json", home=other).stdout)["annotations"]
    assert sorted((a["exact"], a["note"], a["start"]) for a in mine) == sorted(
        (a["exact"], a["note"], a["start"]) for a in theirs
    )


def test_export_citations_as_csl_json_and_bibtex(tmp_path, run):
    home, src = make_home(tmp_path, run)
    path = data_file(
        "w3c_other_producer.json", tmp_path / "w.json", FERRY_URI=(src / "ferry.txt").as_uri()
    )
    run("annotations", "import", str(path), home=home)
    csl, bib = tmp_path / "refs.json", tmp_path / "refs.bib"
    result = run("export", "--csl", str(csl), "--bibtex", str(bib), home=home)
    count = len(json.loads(run("list", "--json", home=home).stdout)["documents"])  # seeds too
    assert result.stdout.count(f"{count} citations") == 2
    items = json.loads(csl.read_text(encoding="utf-8"))
    validate(items)
    assert len(bibtexparser.parse_string(bib.read_text(encoding="utf-8")).entries) == count
    budget = next(i for i in items if i["title"] == "Council sets out spending plans")
    assert budget["URL"] == "https://budget.example.net/2024/spending"
    assert budget["author"] == [
        {"family": "Ruiz", "given": "Ana"},
        {"family": "Baker", "given": "Tom"},
    ]
    run("export", "--csl", str(csl), "--bibtex", str(bib), "--annotated", home=home)
    (item,) = json.loads(csl.read_text(encoding="utf-8"))
    assert item["title"].startswith("Harbour council") and "“deeply disappointed”" in item["note"]
    library = bibtexparser.parse_string(bib.read_text(encoding="utf-8"))
    assert library.failed_blocks == [] and len(library.entries) == 1
    assert "The vote itself" in library.entries[0].fields_dict["note"].value
    empty = tmp_path / "empty"
    result = run("export", "--csl", str(csl), "--annotated", home=empty, check=False)
    assert result.returncode == 1 and "nothing to cite" in result.stderr
