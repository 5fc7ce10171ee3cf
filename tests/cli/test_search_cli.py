"""`source-reader search` as a script author uses it: real processes, JSON out, one-line errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
HIT_KEYS = {"doc", "path", "title", "source", "published", "score", "snippets", "spans"}


def run(*args, home: Path):
    env = {
        **os.environ,
        "SOURCE_READER_HOME": str(home / "library"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "reader", "search", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_json_has_the_contract_shape_and_spans_point_at_the_words(tmp_path):
    result = run('"main issue"', str(SEEDS), "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {"query", "parsed", "total", "hits", "suggestion", "errors"}
    assert (out["query"], out["parsed"], out["suggestion"]) == (
        '"main issue"',
        '"main issue"',
        None,
    )
    assert out["total"] == len(out["hits"]) > 0
    for hit in out["hits"]:
        assert set(hit) == HIT_KEYS
        body = json.loads(run_show(hit["path"], tmp_path))["body"]
        assert [body[a:b].lower() for a, b in hit["spans"]] == ["main issue"] * len(hit["spans"])
        assert all("<mark>main issue</mark>" in s.lower() for s in hit["snippets"])


def run_show(path, home):
    env = {**os.environ, "SOURCE_READER_HOME": str(home / "library")}
    return subprocess.run(
        [sys.executable, "-m", "reader", "show", path, "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    ).stdout


def test_paths_reuse_a_cached_index_and_see_changed_files(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Harbour strike\n\nThe harbour strike ended on Friday.\n")
    (folder / "b.txt").write_text("Ferry news\n\nThe ferry sailed on time despite the wind.\n")
    first = json.loads(run("harbour", str(folder), "--json", home=tmp_path).stdout)
    assert first["total"] == 1
    cached = list((tmp_path / "cache").rglob("reader-index.json"))
    assert len(cached) == 1
    (folder / "b.txt").write_text("Ferry news\n\nThe ferry left the harbour late.\n")
    second = json.loads(run("harbour", str(folder), "--json", home=tmp_path).stdout)
    assert second["total"] == 2
    assert list((tmp_path / "cache").rglob("reader-index.json")) == cached


def test_library_search_uses_the_library_index(tmp_path):
    result = run("lavrov", "--json", "--sort", "date", home=tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["total"] == 5
    dates = [h["published"] for h in out["hits"] if h["published"]]
    assert dates == sorted(dates, reverse=True)
    assert (tmp_path / "library" / "index" / "reader-index.json").exists()


def test_readable_output_for_a_terminal(tmp_path):
    result = run("lavrov", str(SEEDS), "--limit", "2", home=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("  1. ")
    assert "[Lavrov]" in result.stdout  # marks without colour when not on a terminal
    assert "\033[" not in result.stdout
    assert lines[-1] == "2 of 5 results for 'lavrov'"


def test_did_you_mean_is_printed(tmp_path):
    result = run("lavorv", str(SEEDS), home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "did you mean: lavrov"
    out = json.loads(run("lavorv", str(SEEDS), "--json", home=tmp_path).stdout)
    assert (out["total"], out["suggestion"]) == (0, "lavrov")


def test_bad_query_is_one_line_and_a_failure(tmp_path):
    result = run("colour:red", str(SEEDS), home=tmp_path)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("source-reader: unknown field 'colour:'")
    assert "Traceback" not in result.stderr
    out = json.loads(run("date:someday", str(SEEDS), "--json", home=tmp_path).stdout)
    assert "cannot read the date" in out["error"]


def test_repairs_are_reported(tmp_path):
    out = json.loads(run('"main issue', str(SEEDS), "--json", home=tmp_path).stdout)
    assert out["notes"] == ["closed the unclosed quotation mark"]
    assert out["total"] > 0
