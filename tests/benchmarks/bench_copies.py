"""Benchmark: laundered copies — speed on generated corpora, quality on spin sets.

Usage: bench_copies.py [N ...]   (default sizes 1000 and 10000)

Speed: the corpus of corpus.write_corpus (templated articles, the hardest negatives there are:
every article reuses stock sentence templates) plus one spin (tests/copies/spins.py, kinds in
turn) of every 20th article. Reading the files is timed apart; `find_copies` is timed cold (empty
cache: quotations found and signatures computed), warm (every signature cached; median of three)
and after adding 1% new documents (incremental), in wall and CPU seconds (the machine is shared; CPU counts the worker processes too).
The spins at that size are scored too (pairs with no spin in them are listed apart: the corpus
has no copies of its own). Quality: spins of the articles written for the tests
(tests/data/copies; ten sets of two per kind, each searched on its own) and, when /work/shared/data is present, of 200 real PolNeAR
articles mixed with 400 more real ones (same campaign, other outlets); pairs of real articles the
detector finds are listed and count as one family. Writes tests/benchmarks/results/copies.json.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE)]

from corpus import write_corpus  # noqa: E402

from reader.copies import find_copies  # noqa: E402
from reader.documents.loading import load_paths  # noqa: E402
from reader.documents.model import Document  # noqa: E402
from tests.copies.spins import KINDS, Item, SpinSet, build_set, paragraphs, score, spin  # noqa: E402

RESULTS = HERE / "results" / "copies.json"
WRITTEN = HERE.parents[1] / "tests" / "data" / "copies"
POLNEAR = Path("/work/shared/data/polnear-train/docs")


def _spun(documents: list[Document], every: int, seed: int) -> tuple[list[Document], SpinSet]:
    """One spin of every `every`-th document, as documents, and the set to score them."""
    rng = random.Random(seed)
    filler = [d.body for d in documents[1::97][:20]]
    spins, made = SpinSet(), []
    for number, base in enumerate(documents[::every]):
        kind = KINDS[number % len(KINDS)]
        name = f"spin-{seed}-{number}"
        made.append(Document(id=name, path=name, body=spin(kind, base.body, rng, filler)))
        spins.items += [Item(base.id, "", base.id, "base"), Item(name, "", base.id, kind)]
    return made, spins


def _cpu() -> float:
    """CPU seconds of this process and of its finished worker processes."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _timed(documents: list[Document], cache: Path) -> tuple[dict[str, float], Any]:
    """Wall and CPU seconds of one `find_copies` (the machine is shared: CPU says more)."""
    started, cpu = time.perf_counter(), _cpu()
    analysis = find_copies(documents, cache_dir=cache)
    times = {"wall_s": time.perf_counter() - started, "cpu_s": _cpu() - cpu}
    return times, analysis


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: round(statistics.median(r[k] for r in runs), 2) for k in runs[0]}


def speed(n: int, repeat: int = 3) -> dict[str, Any]:
    """Cold (empty cache), warm (`repeat` runs, median) and incremental (+1% documents)."""
    folder = write_corpus(Path(tempfile.gettempdir()) / "source-reader-bench" / f"quotes-{n}", n)
    started = time.perf_counter()
    documents, _ = load_paths([folder])
    load_s = time.perf_counter() - started
    spun, spins = _spun(documents, 20, seed=1)
    added, _ = _spun(documents[3:], 100, seed=2)  # 1% more documents
    with tempfile.TemporaryDirectory() as cache:
        cold, analysis = _timed(documents + spun, Path(cache))
        warm = _median([_timed(documents + spun, Path(cache))[0] for _ in range(repeat)])
        incremental, _ = _timed(documents + spun + added, Path(cache))
    found = {frozenset((p.a, p.b)) for p in analysis.pairs}
    with_spin = {p for p in found if any(n.startswith("spin-") for n in p)}
    return {
        "articles": len(documents) + len(spun),
        "spins": len(spun),
        "added": len(added),
        "load_s": round(load_s, 2),
        "cold": _median([cold]),
        "warm": warm,
        "incremental": _median([incremental]),
        "pairs": len(analysis.pairs),
        "pairs_without_spin": len(found - with_spin),
        "quality": score(spins, with_spin),
    }


def _found(spins: SpinSet, extra: dict[str, str]) -> set[frozenset[str]]:
    """The pairs `find_copies` reports in one set (by item name), negatives added to `spins`."""
    with tempfile.TemporaryDirectory() as tmp:
        spins.write(Path(tmp))
        for name, text in extra.items():
            (Path(tmp) / f"{name}.txt").write_text(text, encoding="utf-8")
            spins.items.append(Item(name, text, name, "negative"))
        documents, _ = load_paths([Path(tmp)])
        analysis = find_copies(documents)
    name = {d.id: Path(d.path).stem for d in documents}
    return {frozenset((name[p.a], name[p.b])) for p in analysis.pairs}


def _quality(sets: list[tuple[SpinSet, dict[str, str]]], built: str) -> dict[str, Any]:
    """Each set searched on its own (a library holds one or two copies of an article, not
    fifty), scored together."""
    found: set[frozenset[str]] = set()
    for spins, extra in sets:
        found |= _found(spins, extra)
    every = SpinSet([item for spins, _ in sets for item in spins.items])
    kind = {i.name: i.kind for i in every.items}
    real = {p for p in found if all(kind[n] in ("base", "negative") for n in p)}
    kinds = [i.kind for i in every.items]
    return {
        "built": built,
        "sets": len(sets),
        "documents": len(every.items),
        "items_by_kind": {k: kinds.count(k) for k in sorted(set(kinds))},
        "raw": score(every, found),
        "real_pairs_found": sorted(" <> ".join(sorted(p)) for p in real),
        "with_real_pairs_joined": score(every, found, real),
    }


def quality() -> dict[str, Any]:
    bases = {p.stem: p.read_text(encoding="utf-8") for p in WRITTEN.glob("*.txt")}
    filler = paragraphs(bases.pop("filler"))
    built = (
        f"{len(bases)} articles written for the tests (two floods, two strikes: each pair one "
        "event told by two outlets sharing quotes); ten sets (seeds 0-9), each with every "
        "article, two spins of each kind per article and one same-event non-copy per article "
        "(another article given its quotations)"
    )
    sets = []
    for seed in range(10):
        named = {f"s{seed}-{name}": text for name, text in bases.items()}
        sets.append((build_set(named, filler, seed=seed, per_kind=2), {}))
    out = {"written": _quality(sets, built)}
    if POLNEAR.is_dir():
        files = sorted(POLNEAR.glob("*.txt"))
        random.Random(5).shuffle(files)
        real = {p.stem[:48]: p.read_text(encoding="utf-8") for p in files[:200]}
        extra = {f"neg-{p.stem[:44]}": p.read_text(encoding="utf-8") for p in files[200:600]}
        pool = [t for p in files[600:650] for t in paragraphs(p.read_text(encoding="utf-8"))]
        built = (
            "200 real PolNeAR news articles (2016 campaign, many outlets), one spin of each "
            "kind per article, one same-event non-copy per article, mixed with 400 more real "
            "articles of the same campaign as negatives; filler words from 50 others"
        )
        out["polnear"] = _quality([(build_set(real, pool, per_kind=1), extra)], built)
    return out


def main(sizes: list[int]) -> int:
    machine = {"cores": os.cpu_count(), "load_1min_at_start": round(os.getloadavg()[0], 1)}
    results = {"machine": machine, "speed": [speed(n) for n in sizes], "quality": quality()}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    for row in results["speed"]:
        print({k: v for k, v in row.items() if k != "quality"}, row["quality"]["all"], flush=True)
    for name, block in results["quality"].items():
        print(name, json.dumps(block["with_real_pairs_joined"]))
    return 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [1000, 10000]))
