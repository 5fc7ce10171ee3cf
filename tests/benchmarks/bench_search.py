"""Search benchmark: indexing time, index size, query latency with highlighting, incremental update.

Builds the generated news corpora (tests/benchmarks/corpus.py, fixed seed) of 1,000, 10,000 and
50,000 articles of about 700 words, indexes each from scratch, then times `SearchIndex.search` — which
includes snippets and spans of the first 20 hits — for single words, two-word AND, phrases, field
queries and date queries, and the update after one article changed. Queries are drawn from the
corpus with a fixed seed and each is run several times; "frequent word" is a stress case (one of
the corpus's 50 most common words). The same corpus and queries also go through tantivy (see
tantivy_reference.py; skipped with a note when the `bench` extra is not installed) and each
figure gets its ratio to tantivy's beside it: the machine is shared, so ratios measured in the
same run are what hold. Updates results/search.json (sizes not run this time keep their recorded
figures, each with the machine load it ran under) and prints a summary. The update is timed
UPDATES times (median): every few updates also merge small segments.

Usage: bench_search.py [--sizes 1000 10000 50000] [--runs 5] [--work DIR] [--build-only]

--build-only times the build alone (no queries, no updates, no tantivy) and records its figures
under "build_only" beside the size's full figures.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
UPDATES = 20
sys.path[:0] = [str(HERE.parents[1]), str(HERE)]

from corpus import write_corpus  # noqa: E402

from reader.documents.loading import load_paths  # noqa: E402
from reader.documents.model import Document  # noqa: E402
from reader.search import SearchIndex  # noqa: E402

try:
    from tantivy_reference import Reference
except ImportError:  # the bench extra is not installed
    Reference = None  # type: ignore[assignment,misc]

QUERIES_PER_KIND = 20
WORD = re.compile(r"[A-Za-z]{4,}")


def queries(documents: list[Document], seed: int = 7) -> dict[str, list[str]]:
    """Queries of each kind, drawn from the corpus itself so that most of them find something."""
    rng = random.Random(seed)
    sample = rng.sample(documents, min(200, len(documents)))
    counts = Counter(w.lower() for d in sample for w in WORD.findall(d.body))
    ranked = [w for w, _ in counts.most_common()]
    common = ranked[:400]
    vocabulary = sorted(w for w, c in counts.items() if c >= 2)  # any word seen twice
    singles = rng.sample(vocabulary, QUERIES_PER_KIND)
    frequent = rng.sample(ranked[:50], QUERIES_PER_KIND)
    pairs = [" ".join(rng.sample(common, 2)) for _ in range(QUERIES_PER_KIND)]
    phrases = []
    for doc in rng.sample(sample, QUERIES_PER_KIND):
        tokens = re.findall(r"[A-Za-z]+", doc.body)
        start = rng.randrange(max(1, len(tokens) - 3))
        phrases.append('"' + " ".join(tokens[start : start + rng.choice((2, 3))]) + '"')
    fielded = []
    for doc in rng.sample(sample, QUERIES_PER_KIND):
        title_word = rng.choice(WORD.findall(doc.title) or ["news"]).lower()
        surname = (doc.author.split() or ["smith"])[-1].lower()
        outlet = f'source:"{doc.source}" {rng.choice(common)}' if doc.source else ""
        fielded.append(
            rng.choice([f"title:{title_word}", f"author:{surname}", outlet or title_word])
        )
    days = sorted({d.published.date() for d in documents if d.published})
    dated = []
    for _ in range(QUERIES_PER_KIND):
        first = rng.choice(days)
        last = days[min(len(days) - 1, days.index(first) + rng.randrange(1, 5))]
        dated.append(
            rng.choice(
                [
                    f"date:{first.isoformat()}",
                    f"date:{first.isoformat()}..{last.isoformat()} {rng.choice(common)}",
                    f"after:{last.isoformat()} {rng.choice(common)}",
                ]
            )
        )
    return {
        "single word": singles,
        "frequent word": frequent,
        "two-word AND": pairs,
        "phrase": phrases,
        "field": fielded,
        "date": dated,
    }


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def time_queries(search: Callable[[str], int], kinds: dict[str, list[str]], runs: int) -> dict:
    """Median, p95 and max milliseconds of `search(text) -> total` for each kind of query."""
    results = {}
    for kind, texts in kinds.items():
        times, totals = [], []
        for text in texts:
            search(text)  # first run warms the OS cache and the stemmer
            for _ in range(runs):
                started = time.perf_counter()
                total = search(text)
                times.append((time.perf_counter() - started) * 1000)
            totals.append(total)
        times.sort()
        results[kind] = {
            "queries": len(texts),
            "runs_each": runs,
            "median_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
            "max_ms": round(times[-1], 2),
            "median_hits": statistics.median(totals),
            "examples": texts[:3],
        }
    return results


def project_search(index: SearchIndex) -> Callable[[str], int]:
    def search(text: str) -> int:
        result = index.search(text)
        assert result.error is None, (text, result.error)
        return result.total

    return search


def time_incremental(index: SearchIndex, documents: list[Document], runs: int) -> dict:
    times = []
    current = list(documents)
    for n in range(runs):
        i = (n * 7919) % len(current)
        current[i] = dataclasses.replace(current[i], body=current[i].body + f"\n\nCorrection {n}.")
        started = time.perf_counter()
        report = index.update(current)
        times.append((time.perf_counter() - started) * 1000)
        assert report.updated == [current[i].id], report
    return {
        "runs": runs,
        "median_ms": round(statistics.median(times), 1),
        "max_ms": round(max(times), 1),
    }


def bench_size(n: int, runs: int, work: Path, build_only: bool = False) -> dict:
    corpus_dir = write_corpus(work / f"corpus-{n}", n)
    started = time.perf_counter()
    documents, errors = load_paths([corpus_dir])
    load_s = time.perf_counter() - started
    loaded_mb = current_rss_mb()
    index_dir = work / f"index-{n}"
    shutil.rmtree(index_dir, ignore_errors=True)
    index = SearchIndex(index_dir)
    started = time.perf_counter()
    with WorkerMemory(loaded_mb) as workers:
        report = index.update(documents)
    index_s = time.perf_counter() - started
    process_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    assert len(report.added) == len(documents), report.skipped
    figures = {
        "documents": len(documents),
        "unreadable": len(errors),
        "words": sum(d.words for d in documents),
        "load_s": round(load_s, 1),
        "index_s": round(index_s, 1),
        "docs_per_s": round(len(documents) / index_s, 1),
        "loaded_rss_mb": loaded_mb,  # the documents held; the peak minus this is the index's
        "peak_rss_mb": {
            "process": process_mb,
            "largest_worker": workers.largest,
            "workers_together": workers.together,
            "indexing": process_mb - loaded_mb + workers.together,
            "indexing_at_once": workers.at_once,
        },
        "index_mb": round(folder_size(index_dir) / 2**20, 1),
        "text_mb": round(sum(len(d.body.encode()) for d in documents) / 2**20, 1),
    }
    if build_only:
        index.close()
        return figures
    kinds = queries(documents)
    figures |= {
        "queries": time_queries(project_search(index), kinds, runs),
        "incremental_update": time_incremental(index, documents, UPDATES),
    }
    index.close()
    if Reference is not None:
        figures["tantivy"] = tantivy_figures(documents, kinds, runs, work / f"tantivy-{n}")
        add_ratios(figures)
    return figures


def current_rss_mb() -> int:
    """Resident memory of this process now."""
    status = Path("/proc/self/status").read_text(encoding="utf-8")
    return round(
        int(next(x for x in status.splitlines() if x.startswith("VmRSS:")).split()[1]) / 1024
    )


class WorkerMemory:
    """The peak resident memory of this process's child processes (the index's workers) while
    the block runs, read from /proc every 20 ms; and the peak of this process's growth over
    `base` MB plus its children's memory at the same moment (`at_once`): "indexing" adds the
    two processes' peaks, which may come at different moments.

    Not `getrusage(RUSAGE_CHILDREN)`: a child started by fork and exec keeps, as its peak, the
    parent's size at the fork, so the "worker" peak was the parent's.
    """

    def __init__(self, base: int) -> None:
        self.base = base
        self.largest = 0
        self.together = 0
        self.at_once = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> WorkerMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        me = str(os.getpid())
        while not self._stop.wait(0.02):
            sizes = []
            for stat in Path("/proc").glob("[0-9]*/stat"):
                with contextlib.suppress(OSError, IndexError, ValueError, StopIteration):
                    if stat.read_text().rsplit(")", 1)[1].split()[1] == me:
                        status = (stat.parent / "status").read_text()
                        line = next(x for x in status.splitlines() if x.startswith("VmRSS:"))
                        sizes.append(round(int(line.split()[1]) / 1024))
            self.largest = max(self.largest, *sizes, 0)
            self.together = max(self.together, sum(sizes))
            self.at_once = max(self.at_once, current_rss_mb() - self.base + sum(sizes))


def tantivy_figures(documents: list[Document], kinds: dict, runs: int, folder: Path) -> dict:
    reference = Reference(folder)
    index_s = reference.build(documents)
    return {
        "index_s": round(index_s, 2),
        "index_mb": round(folder_size(folder) / 2**20, 1),
        "queries": time_queries(reference.search, kinds, runs),
    }


def add_ratios(figures: dict) -> None:
    """Project ÷ tantivy beside each figure (build time, index size, query median and p95)."""
    reference = figures["tantivy"]
    figures["ratio_to_tantivy"] = {
        "index_s": round(figures["index_s"] / reference["index_s"], 1),
        "index_mb": round(figures["index_mb"] / reference["index_mb"], 2),
        "queries": {
            kind: {
                key: round(ours[key] / max(reference["queries"][kind][key], 0.01), 1)
                for key in ("median_ms", "p95_ms")
            }
            for kind, ours in figures["queries"].items()
        },
    }


def recorded(out: Path) -> dict:
    """The sizes recorded by earlier runs (each with the machine load it ran under)."""
    try:
        return json.loads(out.read_text(encoding="utf-8")).get("sizes", {})
    except (OSError, ValueError):
        return {}


def machine() -> dict:
    model = ""
    with contextlib.suppress(OSError):
        info = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        model = next(
            (
                line.split(":", 1)[1].strip()
                for line in info.splitlines()
                if line.startswith("model name")
            ),
            "",
        )
    return {
        "cpus": os.cpu_count(),
        "cpu": model or platform.processor(),
        "python": platform.python_version(),
    }


def summary(figures: dict) -> list[str]:
    """The printed lines for one corpus size, with tantivy's figures and the ratios if run."""
    ratios = figures.get("ratio_to_tantivy")
    reference = figures.get("tantivy")
    build = f" (tantivy {reference['index_s']} s, {ratios['index_s']}×)" if ratios else ""
    peak = figures["peak_rss_mb"]
    lines = [
        f"  indexed {figures['documents']} docs in {figures['index_s']} s{build}, peak "
        f"{peak['process']} MB, {figures['loaded_rss_mb']} MB of it the documents (workers "
        f"{peak['workers_together']} MB together; indexing {peak['indexing']} MB, "
        f"{peak['indexing_at_once']} MB at once), index {figures['index_mb']} MB "
        f"for {figures['text_mb']} MB of text"
    ]
    if "queries" not in figures:
        return lines
    for kind, q in figures["queries"].items():
        line = f"  {kind:<13} p50 {q['median_ms']:>7} ms  p95 {q['p95_ms']:>7} ms"
        if ratios:
            theirs, ratio = reference["queries"][kind], ratios["queries"][kind]
            line += (
                f"  | tantivy {theirs['median_ms']:>6} / {theirs['p95_ms']:>6} ms"
                f"  = {ratio['median_ms']}× / {ratio['p95_ms']}×"
            )
        lines.append(line + f"  (median hits {q['median_hits']})")
    update = figures["incremental_update"]["median_ms"]
    lines.append(f"  one-document update: median {update} ms")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "source-reader-bench"
    )
    parser.add_argument("--build-only", action="store_true", help="time the build alone")
    args = parser.parse_args(argv)
    out = HERE / "results" / "search.json"
    results: dict = {"machine": machine(), "sizes": recorded(out)}
    if Reference is None:
        print("tantivy is not installed (pip install -e '.[bench]'): no reference figures")
    for n in args.sizes:
        print(f"search benchmark: {n} articles…", flush=True)
        load_before = os.getloadavg()
        figures = bench_size(n, args.runs, args.work, args.build_only)
        figures["load"] = {"before": load_before, "after": os.getloadavg()}
        if args.build_only:
            results["sizes"].setdefault(str(n), {})["build_only"] = figures
        else:
            results["sizes"][str(n)] = figures
        print("\n".join(summary(figures)), flush=True)
    results["sizes"] = dict(sorted(results["sizes"].items(), key=lambda item: int(item[0])))
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
