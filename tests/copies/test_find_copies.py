"""Finding copies on the seeds and on spin sets built from articles written for the tests."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from reader.copies import CopyAborted, find_copies
from reader.copies import signatures as signatures_module
from reader.copies.signatures import SignatureCache, signatures_of
from reader.copies.units import units_of
from reader.documents.loading import load_paths
from tests.copies.conftest import SEEDS
from tests.copies.spins import KINDS, build_set, score


def _names(analysis) -> set[frozenset[str]]:
    stem = {d.id: Path(d.path).stem for d in analysis.documents}
    return {frozenset((stem[p.a], stem[p.b])) for p in analysis.pairs}


def test_spins_are_found_and_same_event_articles_are_not(tmp_path, written):
    bases, filler = written
    spins = build_set(bases, filler, seed=7, per_kind=2)
    documents, errors = load_paths(spins.write(tmp_path))
    assert not errors
    table = score(spins, _names(find_copies(documents)))
    for kind in KINDS:
        assert table[kind]["recall"] >= 0.9, (kind, table[kind])
        assert table[kind]["precision"] >= 0.95, (kind, table[kind])


def test_two_reports_sharing_quotes_are_not_copies(written):
    bases, _ = written
    documents, _ = load_paths([Path(__file__).parents[1] / "data" / "copies"])
    assert find_copies(documents).pairs == []
    herald, courier = bases["flood-herald"], bases["flood-courier"]
    shared = "We have never seen the river climb this fast"
    assert shared in herald and shared in courier


def _seeds():
    documents, _ = load_paths([SEEDS])
    return {Path(d.path).name[:3]: d for d in documents}, find_copies(documents)


def test_seed_000_is_a_reworded_copy_of_the_cnn_report():
    seeds, analysis = _seeds()
    laundered, cnn = seeds["000"], seeds["002"]
    assert cnn.source == "CNN"
    assert analysis.original_of(laundered.id) == cnn.id
    pair = next(p for p in analysis.pairs_of(laundered.id) if p.other(laundered.id) == cnn.id)
    assert pair.earliest == cnn.id
    # Most of the CNN report is in 000; 000 goes on with two thirds of its own (Blinken,
    # Stoltenberg, Zelensky...), so only a part of it is in the report.
    assert pair.share_of(cnn.id) >= 0.55
    assert 0.1 <= pair.share_of(laundered.id) < pair.share_of(cnn.id)
    assert len(pair.passages) >= 2
    for here, there in pair.spans_of(laundered.id):
        mine = set(laundered.body[here[0] : here[1]].lower().split())
        theirs = set(cnn.body[there[0] : there[1]].lower().split())
        assert len(mine & theirs) >= 0.4 * min(len(mine), len(theirs))


def test_seed_reports_of_the_same_event_are_not_copies():
    seeds, analysis = _seeds()
    others = {seeds[k].id for k in ("001", "003", "004")}
    assert not [p for p in analysis.pairs if {p.a, p.b} <= others]
    assert all(analysis.original_of(doc_id) is None for doc_id in others)
    assert analysis.original_of(seeds["002"].id) is None


def test_quotations_are_left_out_of_the_units():
    body = (
        '"We will rebuild every bridge and every school in the valley," the mayor said. '
        "Engineers inspected the damaged embankment near the old mill on Tuesday."
    )
    units = units_of(body, [(0, body.index(",") + 2)])
    assert [body[u.start : u.end] for u in units] == [body[body.index("Engineers") :]]
    assert units[0].words == len(body[body.index("Engineers") :].split())


def test_signatures_are_cached_and_reused(tmp_path, written):
    bases, filler = written
    spins = build_set(bases, filler, seed=3, per_kind=1)
    documents, _ = load_paths(spins.write(tmp_path / "docs"))
    cache = tmp_path / "cache"
    first = find_copies(documents[:-3], cache_dir=cache)
    assert (cache / "signatures.sqlite").is_file()
    again = find_copies(documents, cache_dir=cache)
    fresh = find_copies(documents)
    assert _names(again) == _names(fresh)
    assert _names(first) <= _names(fresh)


def test_adding_a_document_computes_only_its_signature(tmp_path, written):
    bases, filler = written
    documents, _ = load_paths(build_set(bases, filler, seed=5).write(tmp_path / "docs"))
    old, new = documents[:-1], documents[-1]
    first = SignatureCache(tmp_path / "cache")
    signatures_of(old, first)
    assert first.computed == len(old)
    reopened = SignatureCache(tmp_path / "cache")
    found = signatures_of([*old, new], reopened)
    assert reopened.computed == 1
    assert found[-1] == SignatureCache(None).signature(new)
    edited = replace(new, body=new.body + "\n\nA paragraph added later by the editors of the site.")
    again = SignatureCache(tmp_path / "cache")
    signatures_of([*old, edited], again)
    assert again.computed == 1


def test_abort_stops_the_search(tmp_path, written):
    bases, filler = written
    documents, _ = load_paths(build_set(bases, filler).write(tmp_path))
    stop = threading.Event()
    stop.set()
    with pytest.raises(CopyAborted):
        find_copies(documents, abort=stop)


def test_signatures_computed_in_workers_are_those_of_one_process(tmp_path, written, monkeypatch):
    bases, filler = written
    documents, _ = load_paths(build_set(bases, filler, seed=9).write(tmp_path))
    alone = signatures_of(documents, SignatureCache(None))
    monkeypatch.setattr(signatures_module, "PARALLEL_MIN", 2)
    monkeypatch.setattr(signatures_module, "SHARE", 5)
    cache = SignatureCache(None)
    assert signatures_of(documents, cache) == alone
    assert cache.computed == len(documents)
