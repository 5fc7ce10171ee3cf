"""Choosing a quotation's speaker among its candidates with a small learned model.

Where the rules are unsure — a quote attributed only by "he"/"she" said, or by its position (no
words of its own) — a logistic regression over the candidates' features (`speaker_candidates`)
gives each a probability; the best one becomes the speaker when it reaches the model's threshold
and is clearly ahead of the others (`Ranker.clear`), else the speaker is unknown and it is the
guess (a softmax share among the candidates as the confidence measured no better on PolNeAR and
worse on the hand-labelled sets). Where the words around the quote name someone ("Lavrov said",
"a senior official said") the rules decide. The weights are plain JSON under resources/models/
(written by `ranker_training` from PolNeAR's tuning part), read with no scikit-learn and no
network; without the file the rules decide.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.quotes.model import Quote
from reader.quotes.names import sentence_starts
from reader.quotes.speaker_candidates import Candidate, Candidates, Evidence
from reader.resources import resource_path

MODEL_FILE = "models/speaker_ranker.json"
LEARNED_CUES = frozenset(["pronoun", "none"])  # where the model decides
COPIED_TAGS = frozenset(["continues", "previous-paragraph"])  # the rules copied the quote before
# Unknown beats wrong: a best candidate less than this far ahead of the next stays a guess. Set
# on PolNeAR's tuned part (3,098 quotes) as the cut with the most right names less two per wrong
# one (the training's WRONG_COST): 0.30 gave 20 fewer right names and 21 fewer wrong ones.
MIN_MARGIN = 0.30
MIN_WORDS = 4  # shorter quotes (scare quotes) were not in the training data: the rules decide


@dataclass(slots=True, frozen=True)
class Ranker:
    """A logistic regression over candidate features, and the probability a name needs."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def logit(self, candidate: Candidate) -> float:
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in candidate.features.items())

    def probability(self, candidate: Candidate) -> float:
        """How likely the model finds `candidate` the speaker, on its own."""
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.logit(candidate)))))

    def best(self, options: list[Candidate]) -> tuple[str | None, float]:
        """The most probable candidate and its probability (None, 0 when there is none)."""
        name, score = None, 0.0
        for option in options:
            p = self.probability(option)
            if p > score:
                name, score = option.name, p
        return name, score

    def clear(self, options: list[Candidate]) -> bool:
        """True when the most probable candidate stands MIN_MARGIN ahead of the next one and
        its stated gender does not contradict "he" / "she" (such a person is no rival either)."""
        scored = sorted(((self.probability(o), o) for o in options), key=lambda t: -t[0])
        if not scored or "gender_clashes" in scored[0][1].features:
            return False
        rivals = [p for p, o in scored[1:] if "gender_clashes" not in o.features]
        return scored[0][0] - max(rivals, default=0.0) >= MIN_MARGIN

    def to_json(self) -> dict[str, object]:
        return {"weights": self.weights, "bias": self.bias, "threshold": self.threshold}


def load_ranker(path: Path) -> Ranker:
    """The model in a JSON file written by `ranker_training`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    return Ranker(weights, float(data["bias"]), float(data["threshold"]))


@lru_cache(maxsize=1)
def shipped_ranker() -> Ranker | None:
    """The model shipped under resources/, or None when it is missing."""
    path = resource_path(MODEL_FILE)
    return load_ranker(path) if path else None


def decides(cue: str, quote: Quote) -> bool:
    """True when the model, not the rules, chooses the speaker of `quote` (see `Choice.cue`):
    not for a pronoun the rules read as a source left unnamed ("a woman who … She told me"),
    whom no candidate of the model names."""
    unnamed = cue == "pronoun" and quote.unnamed
    return cue in LEARNED_CUES and len(quote.text.split()) >= MIN_WORDS and not unnamed


def _continues_sentence(evidence: Evidence, found: Candidates, i: int) -> bool:
    """True when quote `i` goes on with the sentence of the quote before it, whose speaker the
    words named (or a document: nobody): `The lawsuit claims X "knew" and "chose to ..."`."""
    if i == 0 or found.cue(i - 1) in LEARNED_CUES:
        return False
    prev, q = evidence.quotes[i - 1], evidence.quotes[i]
    same_paragraph = evidence.para(prev.end) == evidence.para(q.start)
    return same_paragraph and not sentence_starts(evidence.body, prev.end, q.start)


def rank(ranker: Ranker, evidence: Evidence) -> None:
    """Give each quotation the rules were unsure of its best candidate, or leave it unknown with
    that candidate as the guess when the model is not sure enough. A quotation the rules gave the
    speaker of the one before it ("continues") follows that one when the model changed it."""
    found = Candidates(evidence)
    changed: set[str] = set()  # quotes whose speaker the model changed
    for i, q in enumerate(evidence.quotes):
        prev = evidence.quotes[i - 1] if i else None
        if prev is not None and prev.id in changed and q.attribution in COPIED_TAGS:
            q.speaker, q.speaker_guess, q.role = prev.speaker, prev.speaker_guess, prev.role
            changed.add(q.id)  # the rules copied the quote before: they copy its new speaker
            continue
        if not decides(found.cue(i), q) or _continues_sentence(evidence, found, i):
            continue
        options = found.of(i).options
        best, score = ranker.best(options)
        if best is None:
            continue
        if score < ranker.threshold or not ranker.clear(options):
            if q.speaker is not None:
                q.attribution = f"{q.attribution}-unsure"
                changed.add(q.id)
            q.speaker, q.speaker_guess = None, best
        elif best != q.speaker:
            q.speaker, q.speaker_guess, q.attribution = best, None, "ranked-candidates"
            q.role = evidence.people.role_of(best)
            changed.add(q.id)
