"""Benchmark: variant links on real news, PolNeAR's held-aside part, against hand-made clusters.

Runs `source-reader quotes --json` over the 840 articles of ../shared/data/polnear-train/docs
(SOURCE_READER_SHARED names another shared folder) and scores its links against
data/polnear_held_links.json: every direct quotation of 4+ words in the held-aside articles
(published from 2016-07-01 on; see polnear.py), clustered by hand into the same words of the same
speaker across articles, by a labeller who never saw the engine or its output.

A quote of the app (4+ words) stands for a gold quotation of its article when half the word
trigrams of the shorter one are in the other (a merged quote stands for each of its parts, a part
for the quotation it was split from). Precision: links
between two such quotes of different articles whose gold quotations share a cluster, over all
links between two such quotes (pairs the labeller marked unsure are left out). Recall: the
cluster's article pairs that some link joins, over all of them. Writes results/links.json.
Target (issue 15): recall >= 0.90 at precision >= 0.97.

Usage: bench_links.py [QUOTES.json] [-v]   (an existing output instead of running the app; -v
lists the false and the missed links)
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.benchmarks.polnear import POLNEAR, part_of  # noqa: E402

LABELS = HERE / "data" / "polnear_held_links.json"
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def words(text: str) -> list[str]:
    """Folded words: NFKC, curly apostrophes straight, lower case."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").lower()
    return WORD.findall(text)


def trigrams(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + 3]) for i in range(max(1, len(w) - 2))}


def stands_for(app_text: str, gold_text: str) -> bool:
    """Half the word trigrams of the shorter of the two are in the other: the app's quote holds
    the gold quotation, or is a part of it (the app split what the gold gives whole)."""
    gold, app = trigrams(gold_text), trigrams(app_text)
    return len(words(app_text)) >= 4 and len(gold & app) * 2 >= min(len(gold), len(app))


def matches(answer: dict[str, Any], gold: list[dict[str, Any]]) -> dict[str, set[str]]:
    """App quote id -> the ids of the judged gold quotations it stands for."""
    name_of = {d["id"]: Path(d.get("path") or d["id"]).name for d in answer["documents"]}
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for quote in gold:
        by_doc[quote["doc"]].append(quote)
    found: dict[str, set[str]] = {}
    for quote in answer["quotes"]:
        golds = by_doc.get(name_of.get(quote["doc"], ""), [])
        hit = {g["id"] for g in golds if stands_for(quote["text"], g["text"])}
        if hit:
            found[quote["id"]] = hit
    return found


def score(
    answer: dict[str, Any], labels: dict[str, Any], gold: dict[str, Any], verbose: bool = False
) -> dict[str, Any]:
    """Link precision and recall against the clusters (see the module docstring)."""
    held = {d["doc"] for d in gold["documents"] if part_of(d) == "held"}
    judged = [q for q in gold["quotes"] if q["doc"] in held and q["words"] >= 4]
    doc_of = {q["id"]: q["doc"] for q in judged}
    clusters_of: dict[str, set[str]] = defaultdict(set)
    for cluster in labels["clusters"]:
        for quote_id in cluster["quotes"]:
            clusters_of[quote_id].add(cluster["id"])
    unsure = {frozenset(pair) for pair in labels.get("unsure_pairs", [])}
    found = matches(answer, judged)
    text = {q["id"]: q["text"] for q in answer["quotes"]}
    true = false = 0
    linked: set[frozenset[str]] = set()  # gold quotation pairs joined by some link
    for link in answer["links"]:
        a, b = found.get(link["a"], set()), found.get(link["b"], set())
        pairs = [(x, y) for x in a for y in b if doc_of[x] != doc_of[y]]
        if not pairs:
            continue
        linked.update(frozenset(p) for p in pairs)
        if any(clusters_of[x] & clusters_of[y] for x, y in pairs):
            true += 1
        elif not any(frozenset(p) in unsure for p in pairs):
            false += 1
            if verbose:
                print(f"FALSE\t{text[link['a']][:70]}\t{text[link['b']][:70]}", file=sys.stderr)
    wanted = hit = 0
    for cluster in labels["clusters"]:
        per_doc: dict[str, list[str]] = defaultdict(list)
        for quote_id in cluster["quotes"]:
            per_doc[doc_of[quote_id]].append(quote_id)
        for x, y in combinations(sorted(per_doc), 2):
            wanted += 1
            joined = any(frozenset((a, b)) in linked for a in per_doc[x] for b in per_doc[y])
            hit += joined
            if verbose and not joined:
                print(f"MISSED\t{cluster['id']}\t{cluster.get('note', '')[:70]}", file=sys.stderr)
    return {
        "judged_quotes": len(judged),
        "clusters": len(labels["clusters"]),
        "pairs": wanted,
        "links_scored": true + false,
        "link_precision": round(true / max(1, true + false), 3),
        "link_recall": round(hit / max(1, wanted), 3),
    }


def run_app() -> dict[str, Any]:
    """`source-reader quotes --json` over every PolNeAR article, in a fresh app home."""
    with tempfile.TemporaryDirectory() as home:
        run = subprocess.run(
            [sys.executable, "-m", "reader", "quotes", str(POLNEAR / "docs"), "--json"],
            capture_output=True,
            text=True,
            check=True,
            cwd=HERE.parents[1],
            env=os.environ | {"SOURCE_READER_HOME": home},
        )
    answer: dict[str, Any] = json.loads(run.stdout)
    return answer


def main(argv: list[str]) -> None:
    paths = [a for a in argv if not a.startswith("-")]
    answer = json.loads(Path(paths[0]).read_text("utf-8")) if paths else run_app()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    gold = json.loads((POLNEAR / "gold.json").read_text(encoding="utf-8"))
    result = score(answer, labels, gold, "-v" in argv)
    if not paths:
        (HERE / "results").mkdir(exist_ok=True)
        (HERE / "results" / "links.json").write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
