"""Training the speaker ranker (`ranker`) on articles whose quotations have known speakers.

    python -m reader.quotes.ranker_training GOLD.json DOCS OUT.json [--before 2016-07-01]

GOLD.json uses the PolNeAR-derived format of ../shared/data/polnear-train (`documents` with
`doc` and `published`; `quotes` with `doc`, `segments` as offsets into DOCS/<doc> and
`speaker_key`, a surname or a body's whole name). Only articles published before `--before` are
read: by default PolNeAR's tuning part, so the held-aside part (2016-07-01 on) stays unseen.
Each quotation found by the engine is matched to the gold quotation it lies in; its candidates are
labelled right when the key appears as whole words in their name (the scorer's rule). Speakers
found by automatic coreference that the nearest named source does not confirm are left out
(with them: held-aside accuracy 0.759, wrong names 0.114; without: 0.774, 0.116). A logistic
regression is fitted on the rest. The threshold under which a name stays unknown is set on
out-of-fold predictions (five folds by article) to maximise right names less WRONG_COST per wrong
one; the report also gives the stricter threshold keeping wrong names under MAX_WRONG. Needs
scikit-learn (`pip install -e '.[train]'`); the app reads the JSON it writes without it.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.documents.loading import load_document
from reader.quotes.attribution import by_rules
from reader.quotes.extraction import extract_quotes
from reader.quotes.ranker import Ranker, decides
from reader.quotes.speaker_candidates import Candidate, candidates

HELD_FROM = "2016-07-01"  # PolNeAR articles published from this day on are held aside
WRONG_COST = 2.0  # a wrong name costs as much as two unknown speakers
MAX_WRONG = 0.03  # the target: wrong names per quote with a known speaker
FOLDS = 5
REGULARISATION = 1.0  # scikit-learn's C
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


@dataclass(slots=True)
class Example:
    """One quotation with a known speaker: its candidates and what the rules said."""

    doc: str
    learned: bool  # the model chooses its speaker (else the rules do)
    options: list[Candidate]
    labels: list[bool]
    key: str  # the gold speaker's key
    rules: str | None  # the speaker the rules gave


def _name_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).replace("\u2019", "'").lower()
    return [re.sub(r"'s$", "", w) for w in _WORD.findall(folded)]


def names_key(name: str | None, key: str) -> bool:
    """True when `key` ("Trump", "A|B" for either) appears as whole words in `name` (at most 5
    words): the shared scorer's test of a right speaker."""
    words = _name_words(name or "")
    if not words or len((name or "").split()) > 5:
        return False
    for part in key.split("|"):
        want = _name_words(part)
        n = len(want)
        if n and any(words[i : i + n] == want for i in range(len(words) - n + 1)):
            return True
    return False


def examples_of(path: Path, gold: list[dict[str, Any]]) -> list[Example]:
    """The engine's quotations of one article that lie in a gold quotation with a speaker."""
    doc = load_document(path, path.name)
    quotes = extract_quotes(doc)
    if not quotes:
        return []
    evidence = by_rules(doc, quotes)  # the quotations no other holds, which the ranker weighs
    choices = candidates(evidence)
    found = []
    for q, choice in zip(evidence.quotes, choices, strict=True):
        lo, hi = doc.raw_offset(q.start), doc.raw_offset(q.end)
        best, best_overlap = None, 0
        for g in gold:
            overlap = sum(max(0, min(hi, b) - max(lo, a)) for a, b in g["segments"])
            size = sum(b - a for a, b in g["segments"])
            if overlap > best_overlap and (2 * overlap >= size or 2 * overlap >= hi - lo):
                best, best_overlap = g, overlap
        if best is not None and best.get("speaker_key") and _trusted(best):
            key = best["speaker_key"]
            labels = [names_key(o.name, key) for o in choice.options]
            found.append(
                Example(path.name, decides(choice.cue, q), choice.options, labels, key, q.speaker)
            )
    return found


def _trusted(gold: dict[str, Any]) -> bool:
    """False for a speaker found by automatic coreference that the nearest earlier named source
    does not confirm (a spot check found a third of those wrong)."""
    return gold.get("resolved_by") != "coref" or bool(gold.get("coref_agrees"))


def read_examples(gold_path: Path, docs: Path, before: str = HELD_FROM) -> list[Example]:
    """Every labelled quotation of the gold's articles published before `before`."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    chosen = {d["doc"] for d in gold["documents"] if d["published"] < before}
    by_doc: dict[str, list[dict[str, Any]]] = {name: [] for name in sorted(chosen)}
    for g in gold["quotes"]:
        if g["doc"] in by_doc:
            by_doc[g["doc"]].append(g)
    return [e for name, rows in by_doc.items() for e in examples_of(docs / name, rows)]


def fit(examples: Sequence[Example], threshold: float = 0.5) -> Ranker:
    """A logistic regression over the candidates of `examples`."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [o.features for e in examples for o in e.options]
    labels = [label for e in examples for label in e.labels]
    vectoriser = DictVectorizer()
    model = LogisticRegression(C=REGULARISATION, max_iter=2000)
    model.fit(vectoriser.fit_transform(rows), labels)
    names = vectoriser.get_feature_names_out()
    weights = {str(n): round(float(w), 5) for n, w in zip(names, model.coef_[0], strict=True)}
    return Ranker(weights, round(float(model.intercept_[0]), 5), threshold)


def outcomes(ranker: Ranker, examples: Sequence[Example]) -> list[tuple[float, bool]]:
    """For each example, the best candidate's probability (-1 when it is not clearly ahead, see
    `Ranker.clear`) and whether it is right; where the rules decide, 1 (or -1 when they name
    nobody) and whether they are right."""
    found: list[tuple[float, bool]] = []
    for e in examples:
        if not e.learned:
            found.append((1.0, names_key(e.rules, e.key)) if e.rules else (-1.0, False))
            continue
        best, score = ranker.best(e.options)
        right = best is not None and e.labels[[o.name for o in e.options].index(best)]
        found.append((score if ranker.clear(e.options) else -1.0, right))
    return found


def figures(results: Sequence[tuple[float, bool]], threshold: float) -> dict[str, float]:
    """Accuracy and wrong-name rate when names under `threshold` stay unknown."""
    n = max(1, len(results))
    right = sum(1 for p, ok in results if p >= threshold and ok)
    wrong = sum(1 for p, ok in results if p >= threshold and not ok)
    return {"accuracy": round(right / n, 3), "wrong_name_rate": round(wrong / n, 3)}


def tune_threshold(results: Sequence[tuple[float, bool]], cost: float = WRONG_COST) -> float:
    """The threshold (in hundredths) with the most right names less `cost` per wrong one."""

    def gain(threshold: float) -> float:
        found = figures(results, threshold)
        return found["accuracy"] - cost * found["wrong_name_rate"]

    return max((step / 100 for step in range(101)), key=lambda t: (gain(t), -t))


def strict_threshold(results: Sequence[tuple[float, bool]]) -> float:
    """The lowest threshold (in hundredths) keeping wrong names at or under MAX_WRONG."""
    fitting = (
        s / 100 for s in range(101) if figures(results, s / 100)["wrong_name_rate"] <= MAX_WRONG
    )
    return next(fitting, 1.0)


def out_of_fold(examples: Sequence[Example]) -> list[tuple[float, bool]]:
    """Each example's outcome under a model fitted on the folds without its article."""
    docs = sorted({e.doc for e in examples})
    folds = min(FOLDS, len(docs))
    fold_of = {doc: n % folds for n, doc in enumerate(docs)}
    results: list[tuple[float, bool]] = [(0.0, False)] * len(examples)
    for k in range(folds):
        model = fit([e for e in examples if fold_of[e.doc] != k])
        for index, e in enumerate(examples):
            if fold_of[e.doc] == k:
                results[index] = outcomes(model, [e])[0]
    return results


def rules_figures(examples: Sequence[Example]) -> dict[str, float]:
    """The rules' own accuracy and wrong-name rate on `examples`."""
    n = max(1, len(examples))
    right = sum(1 for e in examples if names_key(e.rules, e.key))
    wrong = sum(1 for e in examples if e.rules and not names_key(e.rules, e.key))
    return {"accuracy": round(right / n, 3), "wrong_name_rate": round(wrong / n, 3)}


def train(examples: Sequence[Example]) -> tuple[Ranker, dict[str, Any]]:
    """The model fitted on all `examples` with its threshold tuned out of fold, and figures."""
    oof = out_of_fold(examples)
    threshold, strict = tune_threshold(oof), strict_threshold(oof)
    model = fit(examples, threshold)
    report = {
        "quotes": len(examples),
        "articles": len({e.doc for e in examples}),
        "candidates": sum(len(e.options) for e in examples),
        "gold_among_candidates": round(sum(any(e.labels) for e in examples) / len(examples), 3),
        "rules": rules_figures(examples),
        "threshold": threshold,
        "quotes_the_model_decides": sum(e.learned for e in examples),
        "ranker_out_of_fold": figures(oof, threshold),
        "ranker_out_of_fold_no_threshold": figures(oof, 0.0),
        "strict_threshold": strict,
        "ranker_out_of_fold_strict": figures(oof, strict),
    }
    return model, report


def main(argv: list[str]) -> None:
    args, before = list(argv), HELD_FROM
    if "--before" in args:
        at = args.index("--before")
        before = args[at + 1] if at + 1 < len(args) else ""
        del args[at : at + 2]
    if len(args) != 3 or not before:
        sys.exit(__doc__)
    gold, docs, out = Path(args[0]), Path(args[1]), Path(args[2])
    model, report = train(read_examples(gold, docs, before))
    data = model.to_json() | {"trained_on": f"{gold.parent.name}, published before {before}"}
    out.write_text(json.dumps(data | {"training": report}, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1:])
