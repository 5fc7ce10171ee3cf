"""Corrections by hand: stored in SQLite, with undo, applied to every later analysis and export."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.export import build_report
from reader.library import Library
from reader.quotes.corrections import CorrectionStore
from reader.workspace import Workspace

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def workspace(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    library = Library(tmp_path / "library", seed=False)
    library.import_paths([tmp_path / "seeds"])
    with Workspace(library) as opened:
        opened.load()
        opened.analyse()
        yield opened


def _linked(workspace):
    analysis = workspace.analysis
    link = next(k for k in analysis.links if k.kind != "partial")
    return analysis.quote(link.a), analysis.quote(link.b)


def test_a_corrected_speaker_survives_reanalysis_a_restart_and_shows_in_exports(workspace):
    quote = next(q for q in workspace.analysis.quotes if q.speaker)
    workspace.correct("speaker", quote.id, "Anna Berg")
    assert workspace.analysis.quote(quote.id).speaker == "Anna Berg"
    reopened = Workspace(workspace.library)
    reopened.load()
    again = reopened.analyse().quote(quote.id)
    assert again.speaker == "Anna Berg" and again.corrected
    assert reopened.analysis.to_json()["quotes"][0].keys() >= {"corrected"}
    document = reopened.by_id[quote.doc]
    reopened.annotations.add(document, quote.start, quote.end)
    report = build_report(
        reopened.documents, annotations=reopened.annotations.list(), analysis=reopened.analysis
    )
    (excerpt,) = report.excerpts
    assert [n.speaker for n in excerpt.quotes] == ["Anna Berg (corrected by hand)"]
    reopened.close()


def test_splitting_and_joining_links_rebuilds_the_groups_and_undo_takes_it_back(workspace):
    a, b = _linked(workspace)
    workspace.correct("unlink", a.id, b.id)
    assert not any({k.a, k.b} == {a.id, b.id} for k in workspace.analysis.links)
    workspace.undo_correction()
    assert any({k.a, k.b} == {a.id, b.id} for k in workspace.analysis.links)
    workspace.undo_correction(redo=True)
    assert not any({k.a, k.b} == {a.id, b.id} for k in workspace.analysis.links)
    lonely = next(
        q
        for q in workspace.analysis.quotes
        if not workspace.analysis.links_of(q.id) and q.doc != a.doc and q.kind == "quote"
    )
    workspace.correct("link", a.id, lonely.id)
    group = workspace.analysis.group_of(lonely.id)
    assert group is not None and a.id in group.quotes and workspace.analysis.quote(a.id).corrected


def test_a_correction_whose_quote_changed_no_longer_applies(workspace, tmp_path):
    quote = next(q for q in workspace.analysis.quotes if q.speaker)
    workspace.correct("speaker", quote.id, "Anna Berg")
    copy = Path(workspace.by_id[quote.doc].path)
    copy.write_text(copy.read_text(encoding="utf-8").replace(quote.text, "“Nothing.”"), "utf-8")
    workspace.load()
    assert all(q.speaker != "Anna Berg" for q in workspace.analyse().quotes)
    assert len(workspace.corrections.list()) == 1  # kept, in case the text comes back


def test_variants_of_one_document_cannot_be_linked(workspace):
    from reader.errors import LibraryError

    first, second = workspace.analysis.quotes_of(workspace.documents[0].id)[:2]
    with pytest.raises(LibraryError):
        workspace.correct("link", first.id, second.id)


def test_the_store_is_one_file_that_a_new_process_reads(tmp_path, workspace):
    a, b = _linked(workspace)
    store = CorrectionStore(tmp_path / "c.sqlite")
    store.set_speaker(a, "")
    store.unlink(b, a)  # the pair is the same whichever order it is given in
    store.link(a, b)
    store.close()
    reread = CorrectionStore(tmp_path / "c.sqlite")
    assert sorted((c.kind, c.quote) for c in reread.list()) == [
        ("link", min(a.id, b.id)),
        ("speaker", a.id),
    ]
    reread.close()


def test_the_command_line_corrects_and_lists(run, tmp_path):
    home = tmp_path / "home"
    data = json.loads(run("quotes", "--json", home=home).stdout)
    quote = next(q for q in data["quotes"] if q["speaker"])
    run("correct", "speaker", quote["id"], "--unknown", home=home)
    after = json.loads(run("quotes", "--json", home=home).stdout)
    changed = next(q for q in after["quotes"] if q["id"] == quote["id"])
    assert changed["speaker"] is None and changed["corrected"] is True
    listed = json.loads(run("correct", "list", "--json", home=home).stdout)["corrections"]
    assert [(c["kind"], c["quote"], c["value"]) for c in listed] == [("speaker", quote["id"], "")]
    failed = run("correct", "link", quote["id"], "nope:3", home=home, check=False)
    assert failed.returncode == 1 and "no quote nope:3" in failed.stderr
