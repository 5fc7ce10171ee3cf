"""Search on the bundled sample articles, checked against the text itself with regular expressions."""

import re
from pathlib import Path

import pytest

from reader.documents.loading import load_paths
from reader.quotes import analyse
from reader.search import SearchIndex

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seeds():
    docs, errors = load_paths([SEEDS])
    assert errors == [] and len(docs) == 5
    return docs


@pytest.fixture(scope="module")
def seed_index(seeds, tmp_path_factory):
    index = SearchIndex(tmp_path_factory.mktemp("seeds") / "index")
    index.update(seeds)
    yield index
    index.close()


def occurrences(body, pattern):
    return [m.span() for m in re.finditer(pattern, body, re.IGNORECASE)]


@pytest.mark.parametrize(
    ("query", "pattern"),
    [
        ("lavrov", r"\blavrov\b"),
        ('"main issue"', r"\bmain\W+issue\b"),
        ('"the main problem is"', r"\bthe\W+main\W+problem\W+is\b"),
        ('"eastward expansion"', r"\beastward\W+expansion\b"),
        ("expansion", r"\bexpansion\b"),
        ("analyse", r"\banalys(?:e|ed|es|ing)\b"),
        ("analyze", r"\banalyz(?:e|ed|es|ing)\b"),
        ("guarantee", r"\bguarantee[sd]?\b"),
    ],
)
def test_seed_hits_and_spans_match_the_text(seeds, seed_index, query, pattern):
    result = seed_index.search(query)
    truth = {d.id: occurrences(d.body, pattern) for d in seeds}
    expected = {doc_id for doc_id, found in truth.items() if found}
    assert expected, "the pattern must occur in the seeds for the test to mean anything"
    # Words may also match titles only; every body hit must be marked exactly where it occurs.
    assert expected <= {h.doc for h in result.hits}
    for hit in result.hits:
        assert hit.spans == truth[hit.doc], hit.doc


def test_phrase_spans_cover_the_whole_phrase_only(seeds, seed_index):
    bodies = {d.id: d.body for d in seeds}
    for hit in seed_index.search('"foreign minister"').hits:
        assert hit.spans
        for start, end in hit.spans:
            assert re.fullmatch(r"foreign\W+minister", bodies[hit.doc][start:end], re.IGNORECASE)


def test_source_and_date_fields_on_the_seeds(seeds, seed_index):
    assert {h.doc for h in seed_index.search("source:cnn").hits} == {
        d.id for d in seeds if d.source == "CNN"
    }
    dated = {d.id for d in seeds if d.published and d.published.date().isoformat() == "2022-01-28"}
    assert dated
    assert {h.doc for h in seed_index.search("date:2022-01-28").hits} == dated
    by_date = [h.published for h in seed_index.search("nato", sort="date").hits]
    known = [p for p in by_date if p]
    assert known == sorted(known, reverse=True)
    assert by_date[: len(known)] == known


def test_did_you_mean_on_the_seeds(seed_index):
    result = seed_index.search("lavorv")
    assert result.total == 0
    assert result.suggestion == "lavrov"


def test_speaker_and_in_quotes_with_the_real_quote_analysis(seeds, tmp_path):
    analysis = analyse(seeds)
    index = SearchIndex(tmp_path / "index")
    index.update(seeds, quotes=analysis)
    by_lavrov = {
        d.id: [(q.start, q.end) for q in analysis.quotes_of(d.id) if "Lavrov" in (q.speaker or "")]
        for d in seeds
    }
    expected = {doc_id for doc_id, found in by_lavrov.items() if found}
    assert expected, "the analysis must attribute some seed quotes to Lavrov"
    result = index.search("speaker:lavrov")
    assert {h.doc for h in result.hits} == expected
    for hit in result.hits:
        assert hit.spans == sorted(by_lavrov[hit.doc])
    quoted = index.search('in:quotes "main issue"')
    for hit in quoted.hits:
        ranges = [(q.start, q.end) for q in analysis.quotes_of(hit.doc)]
        assert hit.spans and all(any(a <= s and e <= b for a, b in ranges) for s, e in hit.spans)
    index.close()
