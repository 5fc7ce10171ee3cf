"""Benchmark: the quote engine on the blind sets, hand-labelled articles nobody tuned on.

Each set under data/blind/ (set_j, set_k, ...) is a folder of articles with a gold.json in the
format of ../shared/tools/eval_quotes.py, written by a labeller who never saw the engine or its
output. The first figure of each set was measured once, on the engine as it stood before the
set existed, and is kept in data/blind/first.json; this script measures the engine as it is.

Per set: the shared scorer's figures (extraction recall, link precision/recall, speaker
accuracy) plus the wrong-name rate: gold quotations whose found quote names someone else, over
all gold quotations, counting a guess the engine marks uncertain (`wrong_any`) and leaving it out
(`wrong_named`, the issue's "a wrong name, not unknown"). Writes results/blind.json.

Usage: bench_blind.py [SET ...] [--quotes-from DIR]   (DIR holds SET.json outputs of
`source-reader quotes SET --json` to score instead of running the app)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = Path(os.environ.get("SOURCE_READER_SHARED", ROOT.parent / "shared"))
SCORER = SHARED / "tools" / "eval_quotes.py"
BLIND = HERE / "data" / "blind"

sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_links import words  # noqa: E402


def run_app(folder: Path, out: Path) -> None:
    """`source-reader quotes FOLDER --json` into `out`, in a library of its own."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "SOURCE_READER_HOME": home}
        with out.open("w", encoding="utf-8") as stream:
            command = [sys.executable, "-m", "reader", "quotes", str(folder), "--json"]
            subprocess.run(command, stdout=stream, env=env, check=True, cwd=ROOT)


def scorer_figures(gold: Path, answer: Path) -> dict[str, Any]:
    run = subprocess.run(
        [sys.executable, SCORER, gold, answer], capture_output=True, text=True, check=True
    )
    figures: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return figures


def wrong_names(gold: dict[str, Any], answer: dict[str, Any]) -> dict[str, float]:
    """Shares of gold quotations whose quotes name only other people (see the module doc)."""
    docs = {d["id"]: Path(d.get("path") or d["id"]).name for d in answer["documents"]}
    occurrences = gold["occurrences"]
    wrong_any = wrong_named = 0
    for occ in occurrences:
        anchor = " ".join(words(occ["anchor"]))
        found = [
            q
            for q in answer["quotes"]
            if docs.get(q["doc"], "").startswith(occ["doc"])
            and anchor in " ".join(words(q.get("text") or ""))
        ]
        named = [q for q in found if q.get("speaker")]
        right = [n for n in (" ".join(words(s)) for s in occ["speaker"].split("|")) if n]
        said = [(" ".join(words(q["speaker"])), q.get("uncertain", False)) for q in named]
        if not said or any(n in s for s, _ in said for n in right):
            continue
        wrong_any += 1
        wrong_named += any(not uncertain for _, uncertain in said)
    total = max(1, len(occurrences))
    return {"wrong_any": round(wrong_any / total, 3), "wrong_named": round(wrong_named / total, 3)}


def measure(folder: Path, answer_path: Path) -> dict[str, Any]:
    gold_path = folder / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    answer = json.loads(answer_path.read_text(encoding="utf-8"))
    figures = scorer_figures(gold_path, answer_path)
    keep = ("extract_recall", "link_precision", "link_recall", "speaker_acc", "quotes", "links")
    return {k: figures[k] for k in keep} | wrong_names(gold, answer)


def main(argv: list[str]) -> None:
    given = argv[argv.index("--quotes-from") + 1] if "--quotes-from" in argv else None
    names = [a for a in argv if a.startswith("set_")] or sorted(
        p.name for p in BLIND.iterdir() if (p / "gold.json").exists()
    )
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            answer = Path(given) / f"{name}.json" if given else Path(tmp) / f"{name}.json"
            if not given:
                run_app(BLIND / name, answer)
            results[name] = measure(BLIND / name, answer)
            print(name, json.dumps(results[name]))
    if not given:
        out = HERE / "results" / "blind.json"
        out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
