"""Score `source-reader quotes --json` output against a hand-labelled gold file.

The gold format is the one of `eval_quotes.py` (see tests/data/quotes/*/gold.json): occurrences with
`doc` (the file-name prefix before the first "_"), an `anchor` of words inside the quote, a
`speaker` ("Surname", "A|B" for either, an empty alternative for "nobody named"), `clusters` (ids
shared by variants of one utterance across documents) and `hard`; plus `neutral_pairs` whose links
are not scored. A quote matches an occurrence when it lies in the same document and contains the
anchor once case, quote marks, dashes and spacing are normalised.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import PurePath
from typing import Any

_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_DASHES = re.compile(r"[\u2010-\u2015]")
_MAX_SPEAKER_WORDS = 5  # a longer "speaker" is a list of names, not one person
_NO_SPEAKER = {"", "unknown"}

Json = Mapping[str, Any]
Pair = frozenset[str]


def normalise(text: str | None) -> str:
    """Lower-case text with unified quote marks, dashes and spacing."""
    text = unicodedata.normalize("NFKC", text or "").translate(_MARKS)
    return " ".join(_DASHES.sub("-", text).split()).lower()


@dataclass(slots=True)
class Scores:
    """Quality figures of one run; ratios are 1.0 when there is nothing to measure."""

    extraction_recall: float  # share of non-hard occurrences found
    extraction_recall_hard: float
    speaker_accuracy: float  # share of non-hard occurrences found with the right speaker
    speaker_accuracy_hard: float
    link_precision: float  # share of scored links joining variants of one utterance
    link_recall: float  # share of (utterance, document pair) linked, hard pairs included
    link_recall_easy: float  # the same without pairs whose side is only hard occurrences
    quotes: int
    links: int
    missed: list[str] = field(default_factory=list)  # occurrence ids
    wrong_speakers: list[str] = field(default_factory=list)  # "id: gold != said"
    false_links: list[tuple[str, str]] = field(default_factory=list)  # quote texts

    def summary(self) -> dict[str, float | int]:
        """The figures without the detail lists, rounded for a report."""
        return {
            name: round(value, 3) if isinstance(value, float) else value
            for name, value in (
                ("extraction_recall", self.extraction_recall),
                ("extraction_recall_hard", self.extraction_recall_hard),
                ("speaker_accuracy", self.speaker_accuracy),
                ("speaker_accuracy_hard", self.speaker_accuracy_hard),
                ("link_precision", self.link_precision),
                ("link_recall", self.link_recall),
                ("link_recall_easy", self.link_recall_easy),
                ("quotes", self.quotes),
                ("links", self.links),
            )
        }


def gold_prefix(path_or_id: str) -> str:
    """The gold `doc` of a document: its file name up to the first "_" (or the whole stem)."""
    return PurePath(path_or_id).name.split("_", 1)[0].split(".", 1)[0]


def score(gold: Json, output: Json) -> Scores:
    """Compare one `quotes --json` output with its gold labels."""
    occurrences = {o["id"]: o for o in gold["occurrences"]}
    quotes = {q["id"]: q for q in output.get("quotes", [])}
    matches = _match(occurrences, quotes, _document_prefixes(output))
    found = _found_by(occurrences, matches)
    links = _links(output, quotes)
    easy = [o for o in occurrences.values() if not o.get("hard")]
    hard = [o for o in occurrences.values() if o.get("hard")]
    speaker_ok = {
        oid for oid, qids in found.items() if _speaker_right(occurrences[oid], quotes, qids)
    }
    neutral = {frozenset(pair) for pair in gold.get("neutral_pairs", [])}
    precision, false_links = _precision(occurrences, neutral, links, matches, quotes)
    recall, recall_easy = _recall(occurrences.values(), found, links)
    return Scores(
        extraction_recall=_share(o["id"] in found for o in easy),
        extraction_recall_hard=_share(o["id"] in found for o in hard),
        speaker_accuracy=_share(o["id"] in speaker_ok for o in easy),
        speaker_accuracy_hard=_share(o["id"] in speaker_ok for o in hard),
        link_precision=precision,
        link_recall=recall,
        link_recall_easy=recall_easy,
        quotes=len(quotes),
        links=len(links),
        missed=[o["id"] for o in occurrences.values() if o["id"] not in found],
        wrong_speakers=[
            f"{oid}: {occurrences[oid]['speaker']!r} != {[quotes[q].get('speaker') for q in qids]}"
            for oid, qids in found.items()
            if oid not in speaker_ok
        ],
        false_links=false_links,
    )


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 1.0


def _document_prefixes(output: Json) -> dict[str, str]:
    """Output document id -> gold `doc` prefix, read from the document's path."""
    return {d["id"]: gold_prefix(d.get("path") or d["id"]) for d in output.get("documents", [])}


def _match(
    occurrences: Mapping[str, Json], quotes: Mapping[str, Json], prefixes: Mapping[str, str]
) -> dict[str, list[str]]:
    """Quote id -> ids of the gold occurrences whose anchor it contains."""
    by_doc: dict[str, list[Json]] = {}
    for occurrence in occurrences.values():
        by_doc.setdefault(occurrence["doc"], []).append(occurrence)
    matches: dict[str, list[str]] = {}
    for qid, quote in quotes.items():
        text = normalise(quote.get("text"))
        candidates = by_doc.get(prefixes.get(quote["doc"], gold_prefix(quote["doc"])), [])
        matches[qid] = [o["id"] for o in candidates if normalise(o["anchor"]) in text]
    return matches


def _found_by(
    occurrences: Mapping[str, Json], matches: Mapping[str, list[str]]
) -> dict[str, list[str]]:
    """Occurrence id -> the quotes that found it (only occurrences found at least once)."""
    found: dict[str, list[str]] = {}
    for qid, oids in matches.items():
        for oid in oids:
            found.setdefault(oid, []).append(qid)
    return {oid: found[oid] for oid in occurrences if oid in found}


def _speaker_right(occurrence: Json, quotes: Mapping[str, Json], qids: list[str]) -> bool:
    names = [normalise(name) for name in str(occurrence["speaker"]).split("|")]
    for qid in qids:
        said = normalise(quotes[qid].get("speaker"))
        if said in _NO_SPEAKER:
            if "" in names:
                return True
        elif len(said.split()) <= _MAX_SPEAKER_WORDS and any(_names(n, said) for n in names):
            return True
    return False


def _names(name: str, said: str) -> bool:
    """Whether the words of `name` appear together, as whole words, in `said`."""
    return bool(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", said) is not None


def _links(output: Json, quotes: Mapping[str, Json]) -> set[Pair]:
    """Links between known quotes of different documents, each pair once."""
    pairs: set[Pair] = set()
    for link in output.get("links", []):
        a, b = link["a"], link["b"]
        if a in quotes and b in quotes and quotes[a]["doc"] != quotes[b]["doc"]:
            pairs.add(frozenset((a, b)))
    return pairs


def _clusters(occurrences: Mapping[str, Json], oids: list[str]) -> set[str]:
    return {c for oid in oids for c in occurrences[oid]["clusters"]}


def _precision(
    occurrences: Mapping[str, Json],
    neutral: set[Pair],
    links: set[Pair],
    matches: Mapping[str, list[str]],
    quotes: Mapping[str, Json],
) -> tuple[float, list[tuple[str, str]]]:
    """Share of links whose quotes share an utterance; links of neutral pairs are not scored."""
    right, false_links = 0, []
    for pair in links:
        a, b = sorted(pair)
        if _clusters(occurrences, matches[a]) & _clusters(occurrences, matches[b]):
            right += 1
        elif not any(frozenset((x, y)) in neutral for x in matches[a] for y in matches[b]):
            false_links.append((quotes[a]["text"][:60], quotes[b]["text"][:60]))
    scored = right + len(false_links)
    return (right / scored if scored else 1.0), false_links


def _recall(
    occurrences: Iterable[Json], found: Mapping[str, list[str]], links: set[Pair]
) -> tuple[float, float]:
    """Share of (utterance, document pair) joined by at least one link: all, and easy only."""
    per_cluster: dict[str, dict[str, list[Json]]] = {}
    for occurrence in occurrences:
        for cluster in occurrence["clusters"]:
            per_cluster.setdefault(cluster, {}).setdefault(occurrence["doc"], []).append(occurrence)
    hits: list[bool] = []
    easy_hits: list[bool] = []
    for per_doc in per_cluster.values():
        for x, y in combinations(sorted(per_doc), 2):
            qx = {q for o in per_doc[x] for q in found.get(o["id"], [])}
            qy = {q for o in per_doc[y] for q in found.get(o["id"], [])}
            hit = any(frozenset((a, b)) in links for a in qx for b in qy)
            hits.append(hit)
            if not any(all(o.get("hard") for o in per_doc[d]) for d in (x, y)):
                easy_hits.append(hit)
    return _share(hits), _share(easy_hits)
