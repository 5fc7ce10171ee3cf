"""PolNeAR train split into a tuned part and a held-aside part, scored with the shared scorer.

Usage: polnear.py QUOTES.json [-v]   (QUOTES.json: `source-reader quotes DOCS --json` over
../shared/data/polnear-train/docs; SOURCE_READER_SHARED names another shared folder). Prints the scorer's figures for each part plus the wrong-name
rate (quotes given a speaker who is not the gold one, over scored quotes).

The held-aside part is every article published from 2016-07-01 on (183 of 840, all seven
outlets): never tuned on, measured only to report. The tuned part (657) is where rules are
studied and the speaker ranker is trained. "held-adjudicated" scores the held part against its
gold with the adjudicated speakers of `data/polnear_held_adjudicated.json` put in (122 quotes
where an earlier engine and the converted annotation disagreed, judged by a reader blind to the
engine; an unnamed source there is left unscored), so it corrects only the gold's errors that
such a disagreement exposed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("SOURCE_READER_SHARED", ROOT.parent / "shared"))
POLNEAR = SHARED / "data" / "polnear-train"
SCORER = SHARED / "tools" / "score_attribution.py"
HELD_FROM = "2016-07-01"  # articles published on or after this day are held aside
ADJUDICATED = Path(__file__).with_name("data") / "polnear_held_adjudicated.json"


def part_of(document: dict[str, Any]) -> str:
    """ "held" for a held-aside article, "tuned" for the others."""
    return "held" if document["published"] >= HELD_FROM else "tuned"


def split_gold(gold: dict[str, Any], part: str) -> dict[str, Any]:
    """The gold restricted to one part's articles."""
    docs = {d["doc"] for d in gold["documents"] if part_of(d) == part}
    return {
        key: [row for row in rows if row["doc"] in docs] if isinstance(rows, list) else rows
        for key, rows in gold.items()
    }


def adjudicated(gold: dict[str, Any]) -> dict[str, Any]:
    """`gold` with the adjudicated speaker of each judged quote (see the module's docstring)."""
    cases = json.loads(ADJUDICATED.read_text(encoding="utf-8"))["cases"]
    judged = {(c["doc"], c["pos"]): c for c in cases if c["verdict"] not in ("A", "unclear")}
    quotes = []
    for quote in gold["quotes"]:
        case = judged.get((quote["doc"], quote["start"]))
        if case is not None:
            right = case["right"].split()[-1] if case["right"] else None
            both = case["verdict"] == "both" and quote["speaker_key"] and right
            key = f"{quote['speaker_key']}|{right}" if both else right
            quote = quote | {"speaker": case["right"] or None, "speaker_key": key}
        quotes.append(quote)
    return gold | {"quotes": quotes}


def score(gold: dict[str, Any], quotes_path: Path, verbose: bool) -> dict[str, Any]:
    """The shared scorer's figures, with the wrong-name rate added."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_path = Path(tmp) / "gold.json"
        gold_path.write_text(json.dumps(gold), encoding="utf-8")
        run = subprocess.run(
            [sys.executable, SCORER, gold_path, quotes_path, "-v", "--docs", POLNEAR / "docs"],
            capture_output=True,
            text=True,
            check=True,
        )
    figures: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    errors = [line.split("\t") for line in run.stderr.splitlines() if line.startswith("SPEAKER")]
    given = [field for row in errors for field in row if field.startswith("app=")]
    named = sum(1 for field in given if field not in ("app=None", "app=''"))
    scored = sum(1 for q in gold["quotes"] if q.get("speaker_key"))
    figures["wrong_name_rate"] = round(named / max(1, scored), 3)
    if verbose:
        sys.stderr.write(run.stderr)
    return figures


def main(argv: list[str]) -> None:
    gold = json.loads((POLNEAR / "gold.json").read_text(encoding="utf-8"))
    quotes_path = Path(argv[0])
    parts = {part: split_gold(gold, part) for part in ("tuned", "held")}
    parts["held-adjudicated"] = adjudicated(parts["held"])
    for part, part_gold in parts.items():
        figures = score(part_gold, quotes_path, "-v" in argv)
        keep = ("extract_recall", "speaker_acc", "wrong_name_rate", "app_speaker_missing")
        print(part, json.dumps({k: figures.get(k) for k in keep} | {"all": figures}))


if __name__ == "__main__":
    main(sys.argv[1:])
