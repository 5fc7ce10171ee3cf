"""Every rule of issue 3 on articles written for these tests, one layout per file.

tests/data/documents/expected.json says, for each file, what a person reading the page would
give as title, outlet, author and date, which lines are site furniture and which quotations
must stay in the body.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.documents.loading import load_document
from reader.errors import DocumentError
from tests.documents.layout_checks import boilerplate_left, missing_from, same_moment

DATA = Path(__file__).resolve().parents[1] / "data" / "documents"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
DOCUMENTS: dict[str, dict] = EXPECTED["documents"]
BAD: dict[str, dict] = EXPECTED["bad"]
CHECKS = ("title", "source", "author", "published", "encoding", "boilerplate", "quotes")


def _cases():
    for name, expected in DOCUMENTS.items():
        for check in CHECKS:
            if check == "encoding" and "encoding" not in expected:
                continue
            yield pytest.param(name, check, id=f"{name}-{check}")


@pytest.fixture(scope="module")
def loaded():
    return {name: load_document(DATA / name) for name in DOCUMENTS}


@pytest.mark.parametrize(("name", "check"), list(_cases()))
def test_layout(loaded, name, check):
    document, expected = loaded[name], DOCUMENTS[name]
    if check in ("title", "source", "author", "encoding"):
        assert getattr(document, check) == expected[check]
    elif check == "published":
        assert same_moment(document.published, expected["published"]), document.published
    elif check == "boilerplate":
        assert boilerplate_left(document.body, expected["not_in_body"]) == []
    else:
        assert missing_from(document.body, expected["in_body"]) == []


def test_every_layout_has_expectations_and_a_file():
    files = {p.name for p in DATA.iterdir() if p.is_file() and p.suffix != ".json"}
    assert files == set(DOCUMENTS)
    kinds = {Path(name).suffix for name in DOCUMENTS}
    assert {".txt", ".md", ".html"} <= kinds and len(DOCUMENTS) >= 8


@pytest.mark.parametrize("name", [n for n, b in BAD.items() if b["error"]])
def test_bad_file_is_refused_with_a_one_line_reason(name):
    with pytest.raises(DocumentError) as refused:
        load_document(DATA / name)
    message = str(refused.value)
    assert "\n" not in message and name.split("/")[-1] in message
    assert BAD[name]["error"] in refused.value.reason


def test_a_page_of_only_furniture_has_no_body_text():
    try:
        document = load_document(DATA / "bad" / "only_boilerplate.txt")
    except DocumentError as refused:  # refusing it is as good as reading nothing from it
        assert "\n" not in str(refused)
        return
    assert document.body.strip() == "" and document.words == 0


def _list(args, capsys):
    code = main(["list", *map(str, args), "--json"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_command_reads_the_folder_and_reports_bad_files_in_one_line(
    capsys, tmp_path, monkeypatch
):
    monkeypatch.setenv("SOURCE_READER_HOME", str(tmp_path))
    code, out, err = _list([DATA], capsys)
    assert code == 0  # some documents were read, so the command succeeded
    documents = json.loads(out)["documents"]  # the web/ pages are test_article.py's
    listed = {Path(d["path"]).name: d for d in documents if Path(d["path"]).parent.name != "web"}
    assert set(DOCUMENTS) <= set(listed)
    assert set(listed) - set(DOCUMENTS) <= {"only_boilerplate.txt"}
    for name in DOCUMENTS:  # the command shows what load_document reads, field by field
        document = load_document(DATA / name)
        assert listed[name]["title"] == document.title
        assert listed[name]["published"] == document.published_iso
        assert listed[name]["words"] == document.words
    errors = [line for line in err.splitlines() if line.strip()]
    for name in (n for n, b in BAD.items() if b["error"]):
        lines = [line for line in errors if name.split("/")[-1] in line]
        assert len(lines) == 1 and lines[0].startswith("source-reader: ")
    assert "Traceback" not in err
    assert not (tmp_path / "documents").exists()  # PATH arguments leave the library alone


def test_list_command_fails_when_nothing_could_be_read(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_READER_HOME", str(tmp_path))
    unreadable = [DATA / name for name, bad in BAD.items() if bad["error"]]
    code, out, err = _list([*unreadable, tmp_path / "missing.txt"], capsys)
    assert code == 1 and out == ""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == len(unreadable) + 2  # one per file, the missing path, then the verdict
    assert "missing.txt" in err
