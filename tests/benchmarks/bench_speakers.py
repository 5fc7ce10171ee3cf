"""Benchmark: speakers by the rules alone and with the learned ranker, on PolNeAR (real articles).

Reads the 840 articles of ../shared/data/polnear-train/docs (SOURCE_READER_SHARED names another
shared folder), extracts their quotes and attributes them twice: by the rules alone
(`attribution.by_rules`) and by the rules then the shipped speaker ranker (`attribute`), each
followed by the library-wide canonical names (no variant linking, so no speaker settled by a
link). Scores both with the shared scorer on the tuning part and the held-aside part (articles
from 2016-07-01 on, never trained on; see polnear.py) and times attribution per article (median
of RUNS runs over all articles, in this process, the extraction time apart). Writes
tests/benchmarks/results/speakers.json. Targets: speaker accuracy >= 0.90 and wrong names <= 3%
on the held-aside part; attribution with the ranker <= 1.5x the extraction + rules time.
"""

from __future__ import annotations

import copy
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.documents.loading import load_document  # noqa: E402
from reader.documents.model import Document  # noqa: E402
from reader.quotes.attribution import attribute, by_rules  # noqa: E402
from reader.quotes.extraction import extract_quotes  # noqa: E402
from reader.quotes.model import Quote  # noqa: E402
from reader.quotes.speakers import canonical_names  # noqa: E402
from tests.benchmarks.polnear import POLNEAR, score, split_gold  # noqa: E402

RUNS = 3
RESULTS = Path(__file__).resolve().parent / "results"
Attribute = Callable[[Document, list[Quote]], object]


def timed(docs: list[Document], extracted: list[list[Quote]], how: Attribute) -> list[float]:
    """Seconds per run to attribute every article's quotes (fresh copies each run)."""
    times = []
    for _ in range(RUNS):
        fresh = copy.deepcopy(extracted)
        started = time.perf_counter()
        for doc, quotes in zip(docs, fresh, strict=True):
            if quotes:
                how(doc, quotes)
        times.append(time.perf_counter() - started)
    return times


def figures(docs: list[Document], extracted: list[list[Quote]], how: Attribute) -> dict:
    quotes = copy.deepcopy(extracted)
    for doc, found in zip(docs, quotes, strict=True):
        if found:
            how(doc, found)
    flat = [q for found in quotes for q in found]
    canonical_names(flat)
    answer = {
        "documents": [{"id": d.id, "path": d.path} for d in docs],
        "quotes": [{"doc": q.doc, "start": q.start, "text": q.text, "speaker": q.speaker}
                   for q in flat],
    }  # fmt: skip
    gold = json.loads((POLNEAR / "gold.json").read_text(encoding="utf-8"))
    keep = ("extract_recall", "speaker_acc", "wrong_name_rate", "app_speaker_missing")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "quotes.json"
        path.write_text(json.dumps(answer), encoding="utf-8")
        parts = {part: score(split_gold(gold, part), path, False) for part in ("tuned", "held")}
    return {part: {k: found[k] for k in keep} for part, found in parts.items()}


def main() -> None:
    paths = sorted((POLNEAR / "docs").glob("*.txt"))
    docs = [load_document(p, p.name) for p in paths]
    started = time.perf_counter()
    extracted = [extract_quotes(d) for d in docs]
    extract_s = time.perf_counter() - started
    rules_s = statistics.median(timed(docs, extracted, by_rules))
    learned_s = statistics.median(timed(docs, extracted, attribute))
    result = {
        "articles": len(docs),
        "quotes": sum(len(q) for q in extracted),
        "runs": RUNS,
        "extract_s": round(extract_s, 2),
        "rules_s": round(rules_s, 2),
        "ranked_s": round(learned_s, 2),
        "per_article_ratio": round((extract_s + learned_s) / (extract_s + rules_s), 2),
        "rules": figures(docs, extracted, by_rules),
        "ranked": figures(docs, extracted, attribute),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "speakers.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
