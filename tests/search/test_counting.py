"""Totals counted from cached bitmaps agree with Whoosh's own matching, deletions included."""

import random

from whoosh import query as wq

from reader.search import SearchIndex
from reader.search.counting import MatchCounter
from reader.search.query import parse_query
from tests.search.conftest import make_doc

WORDS = [
    "harbour",
    "strike",
    "ferry",
    "port",
    "union",
    "talks",
    "wages",
    "minister",
    "said",
    "delay",
]


def test_counts_agree_with_whoosh_on_random_queries(tmp_path):
    rng = random.Random(3)
    docs = [make_doc(f"d{i:03}", " ".join(rng.choices(WORDS, k=12))) for i in range(120)]
    index = SearchIndex(tmp_path / "ix")
    index.update(docs)
    index.update(docs[:100])  # leaves deleted documents in the segment
    queries = ["NOT harbour", '"ferry port"', "harb*", "(talks OR wages) -minister"]
    queries += [" ".join(rng.sample(WORDS, 2)) for _ in range(10)]
    queries += [f"{a} OR {b}" for a, b in (rng.sample(WORDS, 2) for _ in range(5))]
    with index.store.searcher() as searcher:
        counter = MatchCounter(searcher)
        for text in queries:
            query = parse_query(text).query
            assert counter.count(query) == len(set(query.docs(searcher))), text
        assert counter.count(wq.Every()) == 100


def test_bitmaps_turn_back_into_document_numbers(tmp_path):
    index = SearchIndex(tmp_path / "ix")
    index.update([make_doc(f"d{i}", "word" if i % 3 else "other") for i in range(30)])
    with index.store.searcher() as searcher:
        counter = MatchCounter(searcher)
        query = parse_query("word").query
        assert counter.docnums(counter.bits(query)) == set(query.docs(searcher))
