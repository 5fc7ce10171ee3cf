"""The whole quote analysis over real files: extraction cache, links, groups, speakers."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest

from reader.documents.loading import load_document, load_paths
from reader.documents.model import Document
from reader.quotes import AnalysisAborted, analyse
from reader.quotes.cache import SUFFIX, QuoteCache
from reader.quotes.groups import build_groups, settle_speakers
from reader.quotes.model import Link, LinkKind, Quote

STATEMENT = (
    "We will not accept any agreement that leaves the dockworkers of the northern harbour "
    "without a contract this winter"
)
RETRANSLATED = (
    "We shall never tolerate any agreement that leaves the dockworkers of the northern harbour "
    "without a contract this winter"
)


def article(outlet: str, day: int, quote: str, extra: str) -> str:
    return (
        f"{outlet}\n\nPort talks stall again\n\nBy Anna Keller\nMarch {day}, 2023\n\n"
        "The talks between the port authority and the union ended without agreement on Monday, "
        "and both sides blamed each other for the delay.\n\n"
        f"“{quote},” said Maria Lopez, the union leader.\n\n"
        f"Officials said the dispute could last for weeks. “{extra},” a spokesman added.\n"
    )


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        article("Harbour Gazette", 3, STATEMENT, "Freight is piling up on every quay of the port"),
        encoding="utf-8",
    )
    (docs / "b.txt").write_text(
        article("Valley Courier", 5, RETRANSLATED, "Nobody here wants a long strike in April"),
        encoding="utf-8",
    )
    (docs / "c.txt").write_text(
        article("Metro Wire", 4, STATEMENT, "The budget for the new cranes was approved in May"),
        encoding="utf-8",
    )
    return docs


def test_cache_returns_what_was_put_until_the_document_changes(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(article("Gazette", 1, STATEMENT, "Nothing else"), encoding="utf-8")
    document = load_document(path)
    cache = QuoteCache(tmp_path / "cache")
    assert cache.get(document) is None
    quote = Quote(f"{document.id}:0", document.id, 0, 4, document.body[:4])
    cache.put(document, [quote])
    assert cache.get(document) == [quote]
    path.write_text(article("Gazette", 1, RETRANSLATED, "Nothing else"), encoding="utf-8")
    assert cache.get(load_document(path)) is None
    assert cache.prune(["another-id"]) == 1
    assert list((tmp_path / "cache").glob(f"*{SUFFIX}")) == []


def test_analysis_links_variants_across_documents_and_groups_them(folder: Path) -> None:
    documents, errors = load_paths([folder])
    assert errors == []
    analysis = analyse(documents)
    by_name = {Path(d.path).stem: d.id for d in documents}
    statement = {
        name: next(q for q in analysis.quotes_of(doc) if "dockworkers" in q.text)
        for name, doc in by_name.items()
    }
    linked = {frozenset((link.a, link.b)): link.kind for link in analysis.links}
    assert linked[frozenset((statement["a"].id, statement["c"].id))] == LinkKind.EXACT
    assert linked[frozenset((statement["a"].id, statement["b"].id))] == LinkKind.VARIANT
    assert all(analysis.quote(k.a).doc != analysis.quote(k.b).doc for k in analysis.links)
    group = analysis.group_of(statement["b"].id)
    assert group is not None and set(group.quotes) == {q.id for q in statement.values()}
    assert group.earliest == statement["a"].id  # March 3 is the earliest date
    assert "accept" in group.common_text  # two of three articles use this wording
    assert len(analysis.links_of(statement["a"].id)) == 2
    unlinked = next(q for q in analysis.quotes_of(by_name["a"]) if "Freight" in q.text)
    assert analysis.group_of(unlinked.id) is None and analysis.links_of(unlinked.id) == []


def test_json_follows_the_command_line_contract(folder: Path) -> None:
    documents, _ = load_paths([folder])
    data = analyse(documents).to_json()
    assert set(data) == {"documents", "quotes", "links"}
    assert {tuple(d) for d in data["documents"]} == {("id", "path", "title", "source", "published")}
    fields = ("id", "doc", "start", "end", "text", "speaker", "role", "unnamed", "kind")
    fields += ("uncertain",)
    fields += ("corrected",)
    assert all(tuple(q) == fields for q in data["quotes"])
    assert all(tuple(k) == ("a", "b", "score", "kind") for k in data["links"])
    bodies = {d.id: d.body for d in documents}
    assert all(bodies[q["doc"]][q["start"] : q["end"]] == q["text"] for q in data["quotes"])


def test_second_run_reuses_the_cache_and_a_changed_file_is_re_extracted(
    folder: Path, tmp_path: Path
) -> None:
    cache_dir = tmp_path / "cache"
    first = analyse(load_paths([folder])[0], cache_dir=cache_dir)
    entries = {p.name: p.stat().st_mtime_ns for p in cache_dir.glob(f"*{SUFFIX}")}
    assert len(entries) == 3
    (folder / "b.txt").write_text(
        article("Valley Courier", 5, STATEMENT, "A different ending now"), encoding="utf-8"
    )
    documents = load_paths([folder])[0]
    second = analyse(documents, cache_dir=cache_dir)
    changed = next(d for d in documents if d.path.endswith("b.txt"))
    after = {p.name: p.stat().st_mtime_ns for p in cache_dir.glob(f"*{SUFFIX}")}
    assert [name for name in after if after[name] != entries[name]] == [f"{changed.id}{SUFFIX}"]
    assert any("different ending" in q.text for q in second.quotes_of(changed.id))
    assert [q.text for q in second.quotes if q.doc != changed.id] == [
        q.text for q in first.quotes if q.doc != changed.id
    ]


def test_progress_runs_to_the_end_and_abort_raises(folder: Path) -> None:
    documents = load_paths([folder])[0]
    seen: list[float] = []
    analyse(documents, progress=lambda fraction, message: seen.append(fraction))
    assert seen == sorted(seen) and seen[-1] == 1.0
    stop = threading.Event()
    stop.set()
    with pytest.raises(AnalysisAborted):
        analyse(documents, abort=stop)


def quote(quote_id: str, text: str, speaker: str | None = None) -> Quote:
    return Quote(quote_id, quote_id.split(":")[0], 0, len(text), text, speaker=speaker)


def test_unknown_speaker_is_settled_by_agreeing_variants_only() -> None:
    quotes = [
        quote("a:0", "x", "Maria Lopez"),
        quote("b:0", "x"),
        quote("c:0", "x", "Maria Lopez"),
        quote("d:0", "y"),
        quote("e:0", "y", "Maria Lopez"),
        quote("f:0", "y", "Tom Reed"),
    ]
    links = [
        Link("a:0", "b:0", 1.0, LinkKind.EXACT),
        Link("b:0", "c:0", 0.8, LinkKind.VARIANT),
        Link("d:0", "e:0", 0.9, LinkKind.VARIANT),
        Link("d:0", "f:0", 0.9, LinkKind.VARIANT),
    ]
    assert settle_speakers(quotes, links) == 1
    assert (quotes[1].speaker, quotes[1].attribution) == ("Maria Lopez", "variant")
    assert quotes[3].speaker is None  # its variants disagree


def test_a_document_with_no_issuer_named_takes_the_speaker_its_variants_agree_on() -> None:
    document, named = quote("b:0", "x", "unnamed complaint"), quote("a:0", "x", "Quillon & Marsh")
    assert settle_speakers([named, document], [Link("a:0", "b:0", 1.0, LinkKind.EXACT)]) == 1
    assert (document.speaker, document.attribution) == ("Quillon & Marsh", "variant")


def test_an_unnamed_source_keeps_its_description_and_names_nobody_elsewhere() -> None:
    anonymous, unknown = quote("b:0", "x", "unnamed insider"), quote("c:0", "x")
    quotes = [quote("a:0", "x", "Maria Lopez"), anonymous]
    assert settle_speakers(quotes, [Link("a:0", "b:0", 1.0, LinkKind.EXACT)]) == 0
    assert anonymous.speaker == "unnamed insider" and anonymous.unnamed
    assert settle_speakers([anonymous, unknown], [Link("b:0", "c:0", 1.0, LinkKind.EXACT)]) == 0
    assert unknown.speaker is None


def test_a_merged_quote_does_not_chain_two_groups() -> None:
    quotes = [quote(i, "t") for i in ("a:0", "b:0", "c:0", "d:0", "m:0")]
    links = [
        Link("a:0", "b:0", 1.0, LinkKind.EXACT),
        Link("c:0", "d:0", 1.0, LinkKind.EXACT),
        Link("a:0", "m:0", 0.8, LinkKind.PARTIAL),
        Link("c:0", "m:0", 0.7, LinkKind.PARTIAL),
    ]
    documents = [
        Document(id=d, path=f"{d}.txt", published=datetime(2023, 1, 10 - n))
        for n, d in enumerate("abcdm")
    ]
    groups = build_groups(quotes, links, documents)
    assert sorted(sorted(g.quotes) for g in groups) == [["a:0", "b:0", "m:0"], ["c:0", "d:0"]]
    assert {g.earliest for g in groups} == {"m:0", "d:0"}


def test_unnamed_sources_are_no_speakers_of_the_library_and_say_so_in_json(tmp_path: Path) -> None:
    for name, outlet in (("a.txt", "Wire"), ("b.txt", "Herald")):
        (tmp_path / name).write_text(
            f"{outlet} reports on the strike.\n\n\u201cThe owners are split down the middle,\u201d"
            " a senior official said.\n\n\u201cWe will close every quay,\u201d union leader"
            " Hanna Berg said.\n",
            encoding="utf-8",
        )
    documents, _ = load_paths([tmp_path])
    analysis = analyse(documents)
    assert set(analysis.speakers()) == {"Hanna Berg"}
    said = {q["speaker"]: q["unnamed"] for q in analysis.to_json()["quotes"]}
    assert said == {"unnamed senior official": True, "Hanna Berg": False}
