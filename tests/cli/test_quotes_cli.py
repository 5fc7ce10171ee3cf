"""`source-reader quotes`: the JSON contract on the seeds and on a folder of .txt/.html files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
QUOTE = (
    "We will not accept any agreement that leaves the dockworkers of the northern harbour "
    "without a contract this winter"
)
DOC_FIELDS = ("id", "path", "title", "source", "published")
QUOTE_FIELDS = (
    "id",
    "doc",
    "start",
    "end",
    "text",
    "speaker",
    "role",
    "unnamed",
    "kind",
    "uncertain",
    "corrected",
)


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["quotes", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def check_contract(data: dict) -> None:
    assert set(data) == {"documents", "quotes", "links", "errors"}
    assert data["errors"] == []
    assert all(tuple(d) == DOC_FIELDS for d in data["documents"])
    assert all(tuple(q) == QUOTE_FIELDS for q in data["quotes"])
    assert all(tuple(k) == ("a", "b", "score", "kind") for k in data["links"])
    docs = {d["id"] for d in data["documents"]}
    quotes = {q["id"]: q for q in data["quotes"]}
    assert all(q["doc"] in docs and q["kind"] in {"quote", "phrase"} for q in quotes.values())
    pairs = [(k["a"], k["b"]) for k in data["links"]]
    assert len(pairs) == len(set(pairs))
    for a, b in pairs:
        assert a < b and quotes[a]["doc"] != quotes[b]["doc"]
    assert all(
        0 <= k["score"] <= 1 and k["kind"] in {"exact", "variant", "partial"} for k in data["links"]
    )


def test_json_on_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, str(SEEDS))
    check_contract(data)
    assert len(data["documents"]) == len(list(SEEDS.glob("*.txt")))
    assert len(data["quotes"]) > 10
    assert data["links"], "the seeds report the same statements, so some quotes must link"


def test_json_on_a_folder_of_text_and_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "one.txt").write_text(
        f"Port talks stall\n\nMarch 3, 2023\n\n“{QUOTE},” said Maria Lopez.\n", encoding="utf-8"
    )
    (tmp_path / "two.html").write_text(
        "<html><head><title>Dock strike looms</title></head><body><article>"
        f"<p>Maria Lopez said: “{QUOTE}.”</p><p>Talks resume on Friday.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    data = run_json(capsys, str(tmp_path))
    check_contract(data)
    assert len(data["documents"]) == 2
    assert [k["kind"] for k in data["links"]] == ["exact"]


def test_text_output_groups_variants(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(
            f"Title {name}\n\n“{QUOTE},” said Maria Lopez.\n", encoding="utf-8"
        )
    assert main(["quotes", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "== 2 variants" in out and "dockworkers" in out
    assert "2 quotes in 2 documents, 1 links, 1 variant groups" in out


def test_unreadable_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["quotes", "--json", str(tmp_path / "empty.txt")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err and all(line.startswith("source-reader:") for line in err)
    assert "Traceback" not in "\n".join(err)
