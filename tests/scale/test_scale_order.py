"""Answers that do not depend on where the work ran: how many partitions, which process.

A score is rounded to three decimals, so a sum of word weights one ulp off moves a score that
sits on a rounding edge (0.9775) by 0.001. The job's Python workers run with their own hash seed
(Spark sets 0) and see each quote in another partition than its neighbours; the desktop runs with
a random one. Every sum of weights must therefore add its words in one fixed order, never in a
set's (which follows the hash seed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.documents.loading import load_paths
from reader.quotes import QuoteAnalysis, analyse
from reader.quotes.candidates import unit
from reader.scale.job import ShingleIds, run
from tests.benchmarks.corpus import write_corpus
from tests.scale.equality import assert_same

ARTICLES = 120  # generated articles: variants, partials, split quotes across documents
PARTITIONS = 19  # six articles a partition: most pairs of quotes meet across partitions
OTHER_SEED = "1"  # a hash seed other than the workers' (0)

WORDS_OF = """  # the desktop's words of each text (its ids read back as words), in order
import json, sys
from reader.quotes.candidates import unit
texts = json.load(sys.stdin)
table = {}
units = [unit(text, table) for text in texts]
word = {number: key for key, number in table.items() if isinstance(key, str)}
print(json.dumps([[[word[i] for i in u.content_words], [word[i] for i in u.root_words]]
                  for u in units]))
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("order"), ARTICLES, seed=5, words=400)


@pytest.fixture(scope="module")
def desktop(corpus) -> QuoteAnalysis:
    documents, errors = load_paths([corpus])
    assert not errors
    return analyse(documents)


def test_generated_corpus_on_many_partitions_gives_the_desktop_answer(
    spark, corpus, desktop, tmp_path
):
    summary = run(corpus, tmp_path, session=spark, partitions=PARTITIONS)
    assert_same(tmp_path, desktop)
    assert summary["partitions"] == PARTITIONS
    kinds = {str(link.kind) for link in desktop.links}
    assert {"exact", "variant", "partial"} <= kinds and len(desktop.groups) > ARTICLES / 4


def test_quotes_are_made_comparable_alike_in_the_workers_and_under_another_hash_seed(
    spark, desktop
):
    """Each quote's content words and roots, in the order their weights are summed, are the
    same in the job's workers as in a desktop process of another hash seed."""
    texts = [quote.text for quote in desktop.quotes]

    def words(text: str) -> list[list[str]]:
        made = unit(text, ShingleIds())
        return [list(made.content_words), list(made.root_words)]

    job = spark.sparkContext.parallelize(texts, PARTITIONS).map(words).collect()
    env = os.environ | {"PYTHONHASHSEED": OTHER_SEED}
    other = subprocess.run([sys.executable, "-c", WORDS_OF], input=json.dumps(texts), env=env,
                           capture_output=True, text=True, check=True)  # fmt: skip
    assert len(texts) > 300 and json.loads(other.stdout) == job
