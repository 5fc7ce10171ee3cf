"""Benchmark: quote extraction, attribution and variant linking on generated corpora.

Usage: bench_quotes.py [N ...] [--runs R]   (default sizes 1000 and 10000; add 50000 for the full
run; R runs, median, only up to 1,000 articles, one run above). Each size runs in its own process
(so peak memory is that size's: the peak once the documents are read, the peak of the whole run,
and the analysis' own share, the difference), on the corpus written by corpus.write_corpus
(cached in the temp folder). Reading the files is timed apart from the analysis; the analysis is split into extraction (with attribution), speaker naming and linking
(with groups) using the progress messages of `reader.quotes.analyse`. Links are scored against the
generated truth with the rules of eval_quotes.py (link precision over linked pairs, recall over
cluster/document pairs). Updates tests/benchmarks/results/quotes.json (sizes not run this time
keep their recorded rows; time ratios between neighbouring sizes) and prints a summary.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from itertools import combinations, pairwise
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE)]

from corpus import write_corpus  # noqa: E402

from reader.documents.loading import load_paths  # noqa: E402
from reader.quotes import QuoteAnalysis, analyse  # noqa: E402

RESULTS = HERE / "results" / "quotes.json"


def corpus_dir(n: int) -> Path:
    return Path(tempfile.gettempdir()) / "source-reader-bench" / f"quotes-{n}"


def measure(n: int, runs: int) -> dict[str, Any]:
    """Figures for one corpus size (run in a child process)."""
    folder = write_corpus(corpus_dir(n), n)
    started = time.perf_counter()
    documents, errors = load_paths([folder])
    load_seconds = time.perf_counter() - started
    loaded_mb = _peak_rss_mb()
    phases: list[dict[str, float]] = []
    analysis: QuoteAnalysis | None = None
    for _ in range(runs):
        marks: dict[str, float] = {}
        started = time.perf_counter()

        def progress(fraction: float, message: str, marks: dict[str, float] = marks) -> None:
            marks.setdefault(message.split()[0], time.perf_counter())

        analysis = analyse(documents, progress=progress)
        end = time.perf_counter()
        naming, linking = marks.get("naming", end), marks.get("linking", end)
        phases.append(
            {
                "extract_s": naming - started,
                "names_s": linking - naming,
                "link_s": end - linking,
                "total_s": end - started,
            }
        )
    assert analysis is not None
    figures = {key: round(statistics.median(p[key] for p in phases), 2) for key in phases[0]}
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return {
        "articles": n,
        "read_errors": len(errors),
        "quotes": len(analysis.quotes),
        "links": len(analysis.links),
        "groups": len(analysis.groups),
        "runs": runs,
        "load_s": round(load_seconds, 2),
        **figures,
        "loaded_rss_mb": loaded_mb,
        "peak_rss_mb": _peak_rss_mb(),
        "analysis_rss_mb": round(_peak_rss_mb() - loaded_mb, 1),
        **score(truth, analysis.to_json()),
    }


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(a, b)
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def score(gold: dict[str, Any], out: dict[str, Any]) -> dict[str, float]:
    """Link precision/recall and speaker accuracy by the rules of eval_quotes.py, indexed."""
    by_doc: dict[str, list[dict]] = {}
    for occurrence in gold["occurrences"]:
        by_doc.setdefault(occurrence["doc"], []).append(occurrence)
    gold_doc = {d["id"]: os.path.basename(d["path"]).split("_")[0] for d in out["documents"]}
    quotes = {q["id"]: q for q in out["quotes"]}
    matched: dict[str, list[dict]] = {}
    found: dict[str, list[str]] = {}
    for qid, quote in quotes.items():
        text = _norm(quote["text"])
        hits = [o for o in by_doc.get(gold_doc[quote["doc"]], []) if _norm(o["anchor"]) in text]
        matched[qid] = hits
        for occurrence in hits:
            found.setdefault(occurrence["id"], []).append(qid)
    links = {frozenset((k["a"], k["b"])) for k in out["links"]}
    clusters_of = {qid: {c for o in hits for c in o["clusters"]} for qid, hits in matched.items()}
    true_links = 0
    for pair in links:
        a, b = sorted(pair)
        true_links += bool(clusters_of[a] & clusters_of[b])
    clusters: dict[str, dict[str, list[dict]]] = {}
    for occurrence in gold["occurrences"]:
        for cluster in occurrence["clusters"]:
            clusters.setdefault(cluster, {}).setdefault(occurrence["doc"], []).append(occurrence)
    wanted = got = 0
    for per_doc in clusters.values():
        for x, y in combinations(sorted(per_doc), 2):
            qx = {q for o in per_doc[x] for q in found.get(o["id"], [])}
            qy = {q for o in per_doc[y] for q in found.get(o["id"], [])}
            wanted += 1
            got += any(frozenset((a, b)) in links for a in qx for b in qy)
    right = sum(
        1
        for o in gold["occurrences"]
        if any(_norm(o["speaker"]) in _norm(quotes[q]["speaker"]) for q in found.get(o["id"], []))
    )
    return {
        "extract_recall": round(len(found) / max(1, len(gold["occurrences"])), 3),
        "speaker_acc": round(right / max(1, len(gold["occurrences"])), 3),
        "link_precision": round(true_links / max(1, len(links)), 3),
        "link_recall": round(got / max(1, wanted), 3),
    }


def merged(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """This run's rows with the recorded rows of sizes not run this time, by size, with the
    time ratios (total and linking) between neighbouring sizes."""
    recorded = []
    if RESULTS.exists():
        recorded = json.loads(RESULTS.read_text(encoding="utf-8")).get("quotes", [])
    sizes = {row["articles"] for row in rows}
    rows = sorted([*rows, *(r for r in recorded if r["articles"] not in sizes)], key=_size)
    for small, large in pairwise(rows):
        large["size_ratio_vs_previous"] = round(large["articles"] / small["articles"], 2)
        for key in ("total_s", "link_s"):
            ratio = large[key] / max(small[key], 1e-9)
            large[f"{key[:-2]}_time_ratio_vs_previous"] = round(ratio, 2)
        large.pop("time_ratio_vs_previous", None)
    return rows


def _size(row: dict[str, Any]) -> int:
    return int(row["articles"])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="analysis runs per size (median)")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.sizes[0], args.runs)))
        return 0
    rows = []
    for n in args.sizes:
        runs = args.runs if n <= 1000 else 1
        child = subprocess.run(
            [sys.executable, __file__, str(n), "--one", "--runs", str(runs)],
            capture_output=True,
            text=True,
        )
        if child.returncode:
            print(child.stderr, file=sys.stderr)
            return 1
        rows.append(json.loads(child.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    rows = merged(rows)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"quotes": rows}, indent=1) + "\n", encoding="utf-8")
    for row in rows:
        print(
            f"{row['articles']:>6} articles: {row['quotes']} quotes, {row['links']} links; "
            f"analysis {row['total_s']} s (extract {row['extract_s']}, link {row['link_s']}), "
            f"read {row['load_s']} s, peak {row['peak_rss_mb']} MB (documents "
            f"{row.get('loaded_rss_mb', '?')}, analysis {row.get('analysis_rss_mb', '?')}); "
            f"link P {row['link_precision']}"
            f" R {row['link_recall']}, speakers {row['speaker_acc']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
