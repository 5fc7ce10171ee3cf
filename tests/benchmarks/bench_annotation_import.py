"""Measure: Hypothesis-style annotations made on real web pages, imported onto the app's copies.

Uses the 95 real pages of ../shared/data/extraction-dev (data we did not write). For each page,
three sentences of the person-extracted article text (what a reader selects in a browser) become
Hypothesis rows (`uri` = the page's URL, TextQuoteSelector with 32 characters of context,
TextPositionSelector in the page's text), and the same quotes become W3C annotations with no
source. Both files are imported into a library holding the pages; the page URL stands in, through
the metadata sidecar, for the canonical/og:url that the HTML reader reads. Also exports every page
as CSL-JSON and BibTeX and counts the fields filled. Writes results/annotation_import.json.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.annotations import AnnotationStore  # noqa: E402
from reader.annotations.importing import import_file  # noqa: E402
from reader.export.bibtex import to_bibtex  # noqa: E402
from reader.export.csl import csl_items  # noqa: E402
from reader.library import Library  # noqa: E402

SHARED = Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared"))  # ../shared beside the checkout
DATA = SHARED / "data" / "extraction-dev"
RESULTS = Path(__file__).resolve().parent / "results"
CONTEXT = 32


def quotes(text: str) -> list[tuple[int, int]]:
    """Three sentences (40-200 characters) at a quarter, half and three quarters of the text."""
    spans = [m.span() for m in re.finditer(r"[^.!?\n]{40,200}[.!?]", text)]
    if not spans:
        return []
    picks = {spans[min(len(spans) - 1, int(len(spans) * f))] for f in (0.25, 0.5, 0.75)}
    return sorted(picks)


def rows_and_items(truth: dict) -> tuple[list[dict], list[dict]]:
    rows, items = [], []
    for page, entry in truth.items():
        text = entry["articleBody"]
        for n, (start, end) in enumerate(quotes(text)):
            quote = {
                "type": "TextQuoteSelector",
                "exact": text[start:end].strip(),
                "prefix": text[max(0, start - CONTEXT) : start],
                "suffix": text[end : end + CONTEXT],
            }
            position = {"type": "TextPositionSelector", "start": start, "end": end}
            target = {"source": entry["url"], "selector": [position, quote]}
            rows.append({"id": f"{page[:12]}-{n}", "uri": entry["url"], "target": [target]})
            items.append({"type": "Annotation", "target": {"selector": quote}})
    return rows, items


def import_figures(store: AnnotationStore, library: Library, path: Path) -> dict:
    report = import_file(store, library, path)
    reasons = Counter(
        re.sub(r" [^ ]*://\S+| \S+ \(document \S+\)", " X", u.reason) for u in report.unattached
    )
    return {
        "entries": report.imported + len(report.unattached) + len(report.errors),
        "placed": report.imported - len(report.orphaned),
        "orphaned": len(report.orphaned),
        "unattached": len(report.unattached),
        "unattached_reasons": dict(reasons.most_common()),
    }


def main() -> int:
    if not DATA.exists():
        print(f"no data at {DATA}", file=sys.stderr)
        return 1
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        src = Path(scratch) / "pages"
        src.mkdir()
        for page, entry in truth.items():
            html = gzip.decompress((DATA / "html" / f"{page}.html.gz").read_bytes())
            (src / f"{page}.html").write_bytes(html)
            (src / f"{page}.meta.json").write_text(json.dumps({"url": entry["url"]}))
        library = Library(Path(scratch) / "lib", seed=False)
        library.import_paths([src])
        documents = library.documents()
        rows, items = rows_and_items(truth)
        hyp, w3c = Path(scratch) / "h.json", Path(scratch) / "w.json"
        hyp.write_text(json.dumps({"total": len(rows), "rows": rows}), encoding="utf-8")
        w3c.write_text(json.dumps(items), encoding="utf-8")
        with AnnotationStore(Path(scratch) / "h.sqlite") as store:
            by_url = import_figures(store, library, hyp)
        with AnnotationStore(Path(scratch) / "w.sqlite") as store:
            by_quote = import_figures(store, library, w3c)
        cited = csl_items(documents)
        fields = Counter(k for item in cited for k in item)
        bib = to_bibtex(cited)
    result = {
        "pages": len(truth),
        "documents": len(documents),
        "hypothesis_by_url": by_url,
        "w3c_quote_only": by_quote,
        "csl_fields_filled": {
            k: fields[k]
            for k in ("title", "author", "issued", "container-title", "URL", "accessed")
        },
        "bibtex_entries": bib.count("\n@") + bib.startswith("@"),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "annotation_import.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
