"""The generated benchmark corpus: deterministic, with gold quotations the reader keeps."""

import json
from collections import Counter

import pytest

from reader.documents.loading import load_document
from tests.benchmarks.corpus import iter_articles, main, write_corpus

N = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = write_corpus(tmp_path_factory.mktemp("corpus"), N, seed=3, words=300)
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    return out, truth["occurrences"]


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not(corpus, tmp_path):
    out, _ = corpus
    again = write_corpus(tmp_path / "again", N, seed=3, words=300)
    assert _files(again) == _files(out)
    other = write_corpus(tmp_path / "other", N, seed=4, words=300)
    assert _files(other)["truth.json"] != _files(out)["truth.json"]


def test_iter_articles_matches_the_written_files(corpus):
    out, _ = corpus
    for name, text in iter_articles(N, seed=3, words=300):
        assert (out / name).read_text(encoding="utf-8") == text
    assert len(list(out.glob("a*.txt"))) == N


def test_a_complete_folder_is_reused_and_a_different_one_rewritten(tmp_path):
    out = write_corpus(tmp_path, 5, words=200)
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    write_corpus(tmp_path, 5, words=200)
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps
    write_corpus(tmp_path, 7, words=200)
    assert len(list(tmp_path.glob("a*.txt"))) == 7
    assert json.loads((tmp_path / "corpus.json").read_text())["n"] == 7


def test_anchors_are_unique_inside_their_article(corpus):
    out, occurrences = corpus
    texts = {p.name[:7]: p.read_text(encoding="utf-8") for p in out.glob("a*.txt")}
    assert len(occurrences) >= 2 * N
    for occurrence in occurrences:
        text = texts[occurrence["doc"]]
        assert 5 <= len(occurrence["anchor"].split()) <= 12
        assert text.count(occurrence["anchor"]) == 1, occurrence
        assert occurrence["speaker"] in text


def test_pooled_utterances_recur_and_merged_quotes_carry_two_clusters(corpus):
    _, occurrences = corpus
    docs_per_cluster: Counter[str] = Counter()
    for cluster in {c for o in occurrences for c in o["clusters"] if c.startswith("U")}:
        docs_per_cluster[cluster] = len({o["doc"] for o in occurrences if cluster in o["clusters"]})
    assert sum(1 for n in docs_per_cluster.values() if n >= 2) >= len(docs_per_cluster) * 0.8
    merged = [o for o in occurrences if len(o["clusters"]) == 2]
    assert merged
    for occurrence in merged:
        assert all(c in docs_per_cluster for c in occurrence["clusters"])


def test_every_article_loads_and_keeps_its_quotes_in_the_clean_body(corpus):
    out, occurrences = corpus
    by_doc: dict[str, list[str]] = {}
    for occurrence in occurrences:
        by_doc.setdefault(occurrence["doc"], []).append(occurrence["anchor"])
    for path in sorted(out.glob("a*.txt")):
        document = load_document(path)
        assert document.words > 150
        assert "Related posts" not in document.body
        for anchor in by_doc[path.name[:7]]:
            assert anchor in document.body, (path.name, anchor)


def test_command_line_writes_a_corpus(tmp_path, capsys):
    assert main([str(tmp_path / "cli"), "3", "--words", "150"]) == 0
    assert "3 articles" in capsys.readouterr().out
    assert len(list((tmp_path / "cli").glob("a*.txt"))) == 3
