"""Benchmark: article text and metadata of real web pages (the extraction development set).

Reads every page of `../shared/data/extraction-dev/` (real pages saved from news sites and blogs,
with the body a person extracted) through the app's own `load_document`, scores the bodies with
`../shared/tools/score_extraction.py` (the Zyte benchmark's word-4-gram metric) and counts pages
whose metadata breaks the rules: a date that is a placeholder, in the future, or not the calendar
day the page's address names; an author that is a URL, starts with "By", holds digits or a job
title; a title still carrying a "Site |" or "| Site" part; a page URL missing or not the page's.
Writes tests/benchmarks/results/extraction.json and prints a summary. Target: F1 >= 0.96, no
empty body (the app's own rules alone, before trafilatura: F1 0.753, 27 empty bodies). SHARED names the shared folder (default: `../shared` beside the checkout).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.documents.loading import load_document  # noqa: E402
from reader.documents.model import Document  # noqa: E402

SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
DEV = SHARED / "data" / "extraction-dev"
SCORER = SHARED / "tools" / "score_extraction.py"
RESULTS = Path(__file__).resolve().parent / "results"
_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)/")
_AUTHOR_RULES = [
    ("url", re.compile(r"https?:|www\.|\.com\b|/|@")),
    ("by", re.compile(r"^by\b", re.IGNORECASE)),
    (
        "date",
        re.compile(
            r"\d|\b(?:\w+day|january|february|march|april|june|july|august|september|"
            r"october|november|december)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "job title",
        re.compile(
            r"\b(?:correspondent|editor|reporter|writer|journalist|columnist|contributor|"
            r"staff|producer|analyst|bureau|desk)\b",
            re.IGNORECASE,
        ),
    ),
]


def date_problem(document: Document, url: str) -> str:
    """Why the document's date breaks the rules, or ""."""
    moment = document.published
    if moment is None:
        return ""
    now = datetime.now(moment.tzinfo)
    if moment.year < 1990:
        return "placeholder"
    if moment > now:
        return "future"
    day = _URL_DAY.search(url)
    if day and moment.date().isoformat() != "-".join(day.groups()):
        return "not the page's day"
    return ""


def author_problem(author: str) -> str:
    """Why an author field is not a list of person names, or ""."""
    return next((kind for kind, rule in _AUTHOR_RULES if rule.search(author)), "")


def title_problem(title: str) -> str:
    """Why a title is not a bare headline, or ""."""
    if not title:
        return "missing"
    if re.search(r"\s[|｜]\s", title):
        return "site or section part"
    return ""


def url_problem(document: Document, url: str) -> str:
    """ "missing" when the page declares no URL of its own ("<link rel=canonical>", "og:url").

    A declared URL other than the address the page was saved from is the page's own choice
    (a syndicated copy names the original): it is counted apart, not as a break.
    """
    if not document.url:
        return "missing"
    fold = lambda u: re.sub(r"^https?://(www\.)?|[?#].*$|/$", "", u.strip().lower())  # noqa: E731
    return "" if fold(document.url) == fold(url) else "another address"


def read_pages(folder: Path) -> tuple[dict[str, dict], dict[str, Document], list[list[float]]]:
    """Every page of the set loaded as the app loads a file, with the wall and CPU time of each."""
    truth = json.loads((DEV / "ground-truth.json").read_text(encoding="utf-8"))
    documents: dict[str, Document] = {}
    times: list[list[float]] = []
    for key in sorted(truth):
        path = folder / f"{key}.html"
        path.write_bytes(gzip.decompress((DEV / "html" / f"{key}.html.gz").read_bytes()))
        started, cpu = time.perf_counter(), time.process_time()
        documents[key] = load_document(path)
        times.append([time.perf_counter() - started, time.process_time() - cpu])
    return truth, documents, times


def score(truth_path: Path, predictions: dict[str, dict], folder: Path) -> dict:
    """The scorer's figures for `predictions`."""
    out = folder / "predictions.json"
    out.write_text(json.dumps(predictions), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(truth_path), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def metadata_counts(truth: dict[str, dict], documents: dict[str, Document]) -> dict[str, dict]:
    """For each field, how many pages break its rule, by kind of break."""
    counts: dict[str, dict[str, int]] = {"date": {}, "author": {}, "title": {}, "url": {}}
    for key, document in documents.items():
        url = truth[key].get("url", "")
        for field, problem in (
            ("date", date_problem(document, url)),
            ("author", author_problem(document.author)),
            ("title", title_problem(document.title)),
            ("url", url_problem(document, url)),
        ):
            if problem:
                counts[field][problem] = counts[field].get(problem, 0) + 1
    return counts


def main() -> int:
    if not (DEV / "ground-truth.json").exists() or not SCORER.exists():
        print(f"extraction: skipped, no development set at {DEV} or scorer at {SCORER}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        truth, documents, times = read_pages(folder)
        predictions = {k: {"articleBody": d.body} for k, d in documents.items()}
        figures = score(DEV / "ground-truth.json", predictions, folder)
    counts = metadata_counts(truth, documents)
    moved = counts["url"].pop("another address", 0)
    result = {
        **figures,
        "median_ms_per_page": round(1000 * statistics.median(t[0] for t in times), 1),
        "median_cpu_ms_per_page": round(1000 * statistics.median(t[1] for t in times), 1),
        "warned_pages": sum(1 for d in documents.values() if d.warnings),
        "metadata_rule_breaks": counts,
        "url_other_than_saved_address": moved,
        "dated_pages": sum(1 for d in documents.values() if d.published),
        "authored_pages": sum(1 for d in documents.values() if d.author),
        "measured": datetime.now(UTC).isoformat(timespec="seconds"),
        "target": {"f1": 0.96, "empty": 0},
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "extraction.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    breaks = {f: sum(c.values()) for f, c in counts.items()}
    print(
        f"extraction: {figures['pages']} pages, F1 {figures['f1']:.3f} (P {figures['precision']:.3f}"
        f" R {figures['recall']:.3f}), {figures['empty']} empty, median "
        f"{result['median_ms_per_page']} ms/page ({result['median_cpu_ms_per_page']} ms CPU); metadata rule breaks {breaks}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
