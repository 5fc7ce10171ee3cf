"""Benchmark: laundered copies — speed on generated corpora, quality on spin sets.

Usage: bench_copies.py [N ...]   (default sizes 1000 and 10000)

Speed: the corpus of corpus.write_corpus (templated articles, the hardest negatives there are:
every article reuses stock sentence templates) plus one spin (tests/copies/spins.py, kinds in
turn) of every 20th article. Reading the files is timed apart; `find_copies` is timed cold (empty
cache), warm (every signature cached) and after adding 1% new documents (incremental). The spins
at that size are scored too. Quality: spins of the articles written for the tests
(tests/data/copies, ten per kind) and, when /work/shared/data is present, of 200 real PolNeAR
articles mixed with 400 more real ones (same campaign, other outlets); pairs of real articles the
detector finds are listed and count as one family. Writes tests/benchmarks/results/copies.json.
"""

from __future__ import annotations

import json
import random
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


def _timed(documents: list[Document], cache: Path) -> tuple[float, Any]:
    started = time.perf_counter()
    analysis = find_copies(documents, cache_dir=cache)
    return time.perf_counter() - started, analysis


def speed(n: int) -> dict[str, Any]:
    folder = write_corpus(Path(tempfile.gettempdir()) / "source-reader-bench" / f"quotes-{n}", n)
    started = time.perf_counter()
    documents, _ = load_paths([folder])
    load_s = time.perf_counter() - started
    spun, spins = _spun(documents, 20, seed=1)
    added, _ = _spun(documents[3:], 100, seed=2)  # 1% more documents
    with tempfile.TemporaryDirectory() as cache:
        cold_s, analysis = _timed(documents + spun, Path(cache))
        warm_s, _ = _timed(documents + spun, Path(cache))
        incremental_s, _ = _timed(documents + spun + added, Path(cache))
    found = {frozenset((p.a, p.b)) for p in analysis.pairs}
    table = score(spins, {p for p in found if any(n.startswith("spin-") for n in p)})
    return {
        "articles": len(documents) + len(spun),
        "spins": len(spun),
        "added": len(added),
        "load_s": round(load_s, 2),
        "cold_s": round(cold_s, 2),
        "warm_s": round(warm_s, 2),
        "incremental_s": round(incremental_s, 2),
        "pairs": len(analysis.pairs),
        "pairs_without_spin": len([p for p in found if not any(n.startswith("spin-") for n in p)]),
        "quality": table,
    }


def _quality(spins: SpinSet, extra: dict[str, str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        spins.write(Path(tmp))
        for name, text in extra.items():
            (Path(tmp) / f"{name}.txt").write_text(text, encoding="utf-8")
            spins.items.append(Item(name, text, name, "negative"))
        documents, _ = load_paths([Path(tmp)])
        analysis = find_copies(documents)
    name = {d.id: Path(d.path).stem for d in documents}
    kind = {i.name: i.kind for i in spins.items}
    found = {frozenset((name[p.a], name[p.b])) for p in analysis.pairs}
    real = {p for p in found if all(kind[n] in ("base", "negative") for n in p)}
    return {
        "documents": len(documents),
        "raw": score(spins, found),
        "real_pairs_found": sorted(" <> ".join(sorted(p)) for p in real),
        "with_real_pairs_joined": score(spins, found, real),
    }


def quality() -> dict[str, Any]:
    bases = {p.stem: p.read_text(encoding="utf-8") for p in WRITTEN.glob("*.txt")}
    filler = paragraphs(bases.pop("filler"))
    out = {"written": _quality(build_set(bases, filler, per_kind=10), {})}
    if POLNEAR.is_dir():
        files = sorted(POLNEAR.glob("*.txt"))
        random.Random(5).shuffle(files)
        real = {p.stem[:48]: p.read_text(encoding="utf-8") for p in files[:200]}
        extra = {f"neg-{p.stem[:44]}": p.read_text(encoding="utf-8") for p in files[200:600]}
        pool = [t for p in files[600:650] for t in paragraphs(p.read_text(encoding="utf-8"))]
        out["polnear"] = _quality(build_set(real, pool, per_kind=1), extra)
    return out


def main(sizes: list[int]) -> int:
    results = {"speed": [speed(n) for n in sizes], "quality": quality()}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    for row in results["speed"]:
        print({k: v for k, v in row.items() if k != "quality"}, row["quality"]["all"])
    for name, block in results["quality"].items():
        print(name, json.dumps(block["with_real_pairs_joined"]))
    return 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [1000, 10000]))
