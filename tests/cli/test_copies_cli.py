"""`source-reader copies`: the JSON contract on the seeds, text output, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

from reader.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_json_on_the_seeds(capsys):
    assert main(["copies", "--json", str(SEEDS)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"documents", "pairs", "errors"}
    bodies = {d["id"]: Path(d["path"]) for d in data["documents"]}
    assert all({"id", "path"} <= set(d) for d in data["documents"])
    assert data["pairs"] and data["errors"] == []
    for pair in data["pairs"]:
        assert set(pair) == {"a", "b", "share_a", "share_b", "earliest", "passages"}
        assert pair["a"] in bodies and pair["b"] in bodies
        assert 0 < pair["share_a"] <= 1 and 0 < pair["share_b"] <= 1
        assert pair["earliest"] in (pair["a"], pair["b"], None)
        for passage in pair["passages"]:
            assert passage["a"][0] < passage["a"][1] and passage["b"][0] < passage["b"][1]
    laundered = next(d for d in data["documents"] if Path(d["path"]).name.startswith("000"))
    cnn = next(d for d in data["documents"] if Path(d["path"]).name.startswith("002"))
    assert laundered["copy_of"] == cnn["id"]


def test_text_output_and_unreadable_paths(capsys, tmp_path):
    assert main(["copies", str(SEEDS), str(tmp_path / "missing.txt")]) == 0
    out, err = capsys.readouterr()
    assert "copied by" in out and "pairs of copies in 5 documents" in out
    assert err.count("\n") == 1 and "missing.txt" in err
    assert main(["copies", "--json", str(tmp_path / "missing.txt")]) == 1
    assert "no document could be read" in capsys.readouterr().err
