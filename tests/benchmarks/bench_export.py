"""Benchmark: exporting 500 annotated excerpts to PDF (and Markdown, HTML).

Writes a generated corpus (tests/benchmarks/corpus.py, 100 articles) to a temporary folder, adds
five annotations to each article through the real store (one transaction each, as the window
does), then times, RUNS times: re-reading the annotations and building the report (anchoring
every annotation), writing the PDF, writing Markdown and HTML. The quotation analysis is run
once, untimed, and passed to the report when available so that variant lists are included.
Writes tests/benchmarks/results/export.json (median, min, max per step) and prints a summary.
Target: the whole PDF export of 500 excerpts in under 20 s.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.annotations import AnnotationStore  # noqa: E402
from reader.documents.loading import load_paths  # noqa: E402
from reader.export import build_report, write_html, write_markdown, write_pdf  # noqa: E402
from tests.benchmarks.corpus import write_corpus  # noqa: E402

ARTICLES = int(os.environ.get("ARTICLES", "100"))
PER_ARTICLE = 5
RUNS = int(os.environ.get("RUNS", "3"))
RESULTS = Path(__file__).resolve().parent / "results"


def annotate(store: AnnotationStore, documents: list) -> float:
    """Add PER_ARTICLE annotations (a sentence in every other paragraph) per document."""
    started = time.perf_counter()
    for doc in documents:
        for start, end in doc.paragraphs()[1 : 1 + 2 * PER_ARTICLE : 2]:
            stop = doc.body.find(". ", start, end)
            stop = end if stop < 0 else stop + 1
            store.add(doc, start, stop, note="Checked against the wire copy.", tags=["bench"])
    return time.perf_counter() - started


def analysis_of(documents: list):
    try:
        from reader.quotes import analyse

        return analyse(documents)
    except ImportError as error:
        print(f"(no quotation analysis: {error})")
        return None


def one_run(store: AnnotationStore, documents: list, analysis, out: Path) -> dict[str, float]:
    times = {}
    started = time.perf_counter()
    report = build_report(documents, annotations=store.list(), analysis=analysis)
    times["build"] = time.perf_counter() - started
    started = time.perf_counter()
    pages = write_pdf(report, out / "report.pdf")
    times["pdf"] = time.perf_counter() - started
    started = time.perf_counter()
    write_markdown(report, out / "report.md")
    write_html(report, out / "report.html")
    times["markdown_html"] = time.perf_counter() - started
    times["pages"] = pages
    times["excerpts"] = len(report.excerpts)
    times["variants"] = sum(len(q.variants) for e in report.excerpts for q in e.quotes)
    return times


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-export-") as scratch:
        folder = Path(scratch)
        corpus = write_corpus(folder / "corpus", ARTICLES)
        documents, _ = load_paths([corpus])
        store = AnnotationStore(folder / "annotations.sqlite")
        add_seconds = annotate(store, documents)
        analysis = analysis_of(documents)
        runs = [one_run(store, documents, analysis, folder) for _ in range(RUNS)]
        pdf_bytes = (folder / "report.pdf").stat().st_size
        store.close()
    steps = ("build", "pdf", "markdown_html")
    summary = {
        step: {
            "median_s": round(statistics.median(r[step] for r in runs), 3),
            "min_s": round(min(r[step] for r in runs), 3),
            "max_s": round(max(r[step] for r in runs), 3),
        }
        for step in steps
    }
    total = statistics.median(r["build"] + r["pdf"] for r in runs)
    result = {
        "articles": len(documents),
        "excerpts": runs[0]["excerpts"],
        "variants_listed": runs[0]["variants"],
        "runs": RUNS,
        "annotations_added_s": round(add_seconds, 3),
        "steps": summary,
        "pdf_export_total_median_s": round(total, 3),
        "pdf_pages": runs[0]["pages"],
        "pdf_bytes": pdf_bytes,
        "target_s": 20,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "export.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(
        f"export: {result['excerpts']} excerpts from {result['articles']} articles → "
        f"{result['pdf_pages']} pages, {pdf_bytes / 1e6:.1f} MB; build + PDF median "
        f"{total:.2f} s (target < 20 s) over {RUNS} runs; Markdown + HTML "
        f"{summary['markdown_html']['median_s']:.2f} s; adding {result['excerpts']} annotations {add_seconds:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
