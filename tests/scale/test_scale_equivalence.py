"""The Spark job answers what `reader.quotes.analyse` answers: same quotes, speakers, links and
groups, on the seeds (a folder) and on a generated corpus (JSONL and Parquet), in local mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.documents.loading import load_paths
from reader.quotes import analyse
from reader.scale.inputs import read_records
from reader.scale.job import run
from tests.benchmarks.corpus import iter_articles
from tests.scale.conftest import SEEDS
from tests.scale.equality import assert_same

ARTICLES = 80  # a generated corpus with variants across articles, split quotes, speakers by role


@pytest.fixture(scope="module")
def articles_jsonl(tmp_path_factory) -> Path:
    """Generated articles as JSONL records, with one broken line and one record without text."""
    path = tmp_path_factory.mktemp("jsonl") / "articles.jsonl"
    lines = [
        json.dumps({"text": text, "title": name, "outlet": f"Outlet {n % 7}", "url": f"u{n}"})
        for n, (name, text) in enumerate(iter_articles(ARTICLES, seed=11, words=300))
    ]
    lines[5:5] = ["{not json", json.dumps({"title": "no text"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_seeds_folder_gives_the_desktop_answer(spark, tmp_path):
    summary = run(SEEDS, tmp_path, session=spark)
    documents, errors = load_paths([SEEDS])
    desktop = analyse(documents)
    job = assert_same(tmp_path, desktop)
    assert not errors and summary["problems"] == []
    assert summary["partitions"] == spark.sparkContext.defaultParallelism == 4
    assert summary["links"] == len(desktop.links) > 10 and len(job.groups) == len(desktop.groups)
    assert json.loads((tmp_path / "summary.json").read_text())["quotes"] == len(desktop.quotes)


def test_generated_jsonl_gives_the_desktop_answer_on_several_partitions(
    spark, articles_jsonl, tmp_path
):
    summary = run(articles_jsonl, tmp_path, session=spark, partitions=3)
    desktop = analyse(read_records(articles_jsonl))
    assert_same(tmp_path, desktop)
    assert len(desktop.groups) > ARTICLES / 4
    kinds = {str(link.kind) for link in desktop.links}
    assert {"exact", "variant", "partial"} <= kinds
    reasons = sorted(reason for _, reason in summary["problems"])
    assert len(reasons) == 2 and reasons[0] == "no text" and reasons[1].startswith("not a JSON")


def test_parquet_input_with_ids_gives_the_desktop_answer(spark, articles_jsonl, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    lines = [line for line in articles_jsonl.read_text().splitlines()[:30] if line[:2] == '{"']
    records = [
        {"text": None} | json.loads(line) | {"id": f"art{n}"} for n, line in enumerate(lines)
    ]
    source = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(records), source)
    run(source, tmp_path / "out", session=spark)
    reference = tmp_path / "same.jsonl"
    reference.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    desktop = analyse(read_records(reference))
    assert desktop.links and [d.id for d in desktop.documents][:2] == ["art0", "art1"]
    assert_same(tmp_path / "out", desktop)
