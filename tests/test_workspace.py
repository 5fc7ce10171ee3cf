"""The core object on the seeds plus odd files: no document can break the library.

Each odd file is one a new user met (a one-line page with a short quotation, stopwords only,
emoji only, right-to-left only, one word, an empty quotation); search, quotes and export must
work for the whole library, and a document that fails a stage is named once with a reason.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import reader.quotes as quotes_package
from reader import __version__
from reader.library import Library
from reader.quotes.cache import code_version
from reader.versioning import version_key
from reader.workspace import Workspace

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ODD_FILES = {
    "short.html": "<html><p>He said, “We will not go.”</p></html>",
    "stopwords.txt": "the of and to a\n",
    "emoji.txt": "😀 🎉 🇺🇦\n",
    "rtl.txt": "מלחמה ושלום\n",
    "one-word.txt": "NATO\n",
    "punctuation.txt": "… — !!!\n",
    "empty-quote.txt": "“”\n",
}


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder)
    for name, text in ODD_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def workspace(tmp_path: Path, odd_folder: Path):
    library = Library(tmp_path / "library", seed=False)
    library.import_paths([odd_folder])
    with Workspace(library) as opened:
        opened.prepare()
        yield opened


def test_search_quotes_and_export_work_with_odd_files_in_the_library(workspace):
    assert workspace.problems == []
    assert len(workspace.documents) == 5 + len(ODD_FILES)
    assert workspace.search("nato").total >= 4
    short = next(d for d in workspace.documents if d.path.endswith("short.html"))
    assert short.id in {hit.doc for hit in workspace.search('"will not go"').hits}
    assert workspace.analysis is not None
    (quote,) = workspace.analysis.quotes_of(short.id)
    assert quote.text.strip("“”") == "We will not go." and quote.speaker is None
    rtl = next(d for d in workspace.documents if d.path.endswith("rtl.txt"))
    assert rtl.id in {hit.doc for hit in workspace.search("ושלום").hits}


def test_a_document_whose_analysis_fails_is_named_and_the_rest_go_on(workspace, monkeypatch):
    real = quotes_package._quotes_of
    victim = sorted(SEEDS.glob("*.txt"))[0].name

    def failing_on_one(document):
        if document.path.endswith(victim):
            raise RuntimeError("a fault injected into one document")
        return real(document)

    monkeypatch.setattr(quotes_package, "_quotes_of", failing_on_one)
    shutil.rmtree(workspace.cache_root / "quotes")
    analysis = workspace.analyse()
    (problem,) = workspace.problems
    assert problem.stage == "quotes" and problem.path.endswith(victim)
    assert "RuntimeError" in problem.reason
    assert analysis is not None and len(analysis.quotes) > 20
    workspace.update_index()
    assert workspace.search("Lavrov").total > 0


def test_a_file_the_reader_cannot_read_is_a_read_problem_and_the_rest_load(tmp_path, odd_folder):
    (odd_folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    with Workspace(None, [odd_folder]) as workspace:
        workspace.prepare()
        (problem,) = workspace.problems
        assert problem.stage == "read" and problem.path.endswith("binary.txt") and problem.reason
        assert len(workspace.documents) == 5 + len(ODD_FILES)
        assert workspace.search("Peskov").total > 0


def test_the_command_line_lists_errors_in_json_and_never_a_traceback(run, tmp_path, odd_folder):
    (odd_folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    home = tmp_path / "home"
    for command in (["search", "nato"], ["quotes"], ["list"]):
        result = run(*command, str(odd_folder), "--json", home=home)
        data = json.loads(result.stdout)
        (error,) = data["errors"]
        assert error["stage"] == "read" and error["path"].endswith("binary.txt")
        assert result.stderr.count("binary.txt") == 1


def test_cache_keys_change_with_the_app_version_even_without_sources(monkeypatch, tmp_path):
    before = (version_key("documents"), code_version())
    monkeypatch.setattr("reader.versioning.__version__", __version__ + ".post1")
    assert version_key("documents") != before[0] and code_version() != before[1]
    monkeypatch.setattr("reader.versioning.PACKAGE", tmp_path)  # a bundle: no .py files
    bundled = version_key("quotes")
    monkeypatch.setattr("reader.versioning.__version__", __version__ + ".post2")
    assert version_key("quotes") != bundled


def test_one_cache_folder_per_library_and_per_set_of_paths(tmp_path, odd_folder):
    library = Library(tmp_path / "library", seed=False)
    library.import_paths([odd_folder])
    with Workspace(library) as in_library:
        in_library.load()
        in_library.analyse()
    assert sorted(p.name for p in library.cache_dir.iterdir()) == ["documents.pickle", "quotes"]
    with Workspace(None, [odd_folder]) as a, Workspace(None, [odd_folder / "one-word.txt"]) as b:
        assert a.cache_root != b.cache_root and a.index_dir.parent == a.cache_root
