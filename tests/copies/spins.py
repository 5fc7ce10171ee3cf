"""Seeded spins of news articles, mixed with same-event non-copies, and their scoring.

A spin is what a content farm makes of an article: synonyms swapped in ("synonyms"), the text
passed through a translation round trip (synonyms, function words changed, neighbouring words
swapped, long sentences split, short ones joined: "roundtrip"), sentences shuffled ("reorder"), only 30–100% of the
sentences kept plus paragraphs of its own ("partial"), or all of it ("mixed"). A non-copy
("same-event") is another article given the base's quotations and attribution phrases: it
shares what two reports of one event share, and no more. The same (articles, seed) always gives
the same set.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("synonyms", "roundtrip", "reorder", "partial", "mixed")
MARK_RE = re.compile(r"[“”\"]")
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
SYNONYMS = {
    "said": "stated",
    "about": "around",
    "after": "following",
    "again": "once more",
    "almost": "nearly",
    "announced": "declared",
    "asked": "requested",
    "began": "started",
    "big": "large",
    "blamed": "faulted",
    "called": "urged",
    "cost": "price",
    "country": "nation",
    "crowded": "packed",
    "damaged": "harmed",
    "dangerous": "hazardous",
    "day": "date",
    "expect": "anticipate",
    "families": "households",
    "fast": "quickly",
    "fell": "dropped",
    "government": "administration",
    "heavy": "intense",
    "help": "assistance",
    "homes": "houses",
    "increase": "rise",
    "leave": "depart",
    "leader": "chief",
    "lost": "forfeited",
    "meeting": "gathering",
    "most": "the majority of",
    "never": "not ever",
    "night": "evening",
    "offer": "proposal",
    "people": "persons",
    "promised": "pledged",
    "quick": "rapid",
    "ready": "prepared",
    "reported": "indicated",
    "residents": "inhabitants",
    "return": "go back",
    "rose": "climbed",
    "run": "operate",
    "running": "operating",
    "say": "state",
    "says": "claims",
    "several": "various",
    "show": "display",
    "small": "little",
    "started": "commenced",
    "stay": "remain",
    "stop": "halt",
    "strike": "walkout",
    "talks": "negotiations",
    "town": "municipality",
    "trains": "railcars",
    "travellers": "passengers",
    "warned": "cautioned",
    "water": "waters",
    "week": "seven days",
    "whole": "entire",
    "workers": "employees",
    "wages": "salaries",
    "rain": "rainfall",
    "river": "waterway",
    "closed": "shut",
    "crews": "teams",
    "emergency": "urgent",
    "flooding": "inundation",
    "campaign": "drive",
    "voters": "electors",
    "candidate": "contender",
    "president": "head",
    "support": "backing",
    "plan": "proposal",
    "win": "victory",
    "told": "informed",
    "important": "significant",
    "believe": "think",
    "problem": "issue",
    "answer": "response",
    "decision": "ruling",
    "start": "begin",
    "major": "key",
    "recent": "latest",
    "political": "partisan",
    "party": "faction",
    "state": "nation",
    "city": "town",
}
FUNCTION_SWAPS = {
    "the": "a",
    "of": "from",
    "on": "upon",
    "in": "within",
    "that": "which",
    "to": "towards",
    "and": "as well as",
    "but": "however",
    "for": "in favour of",
}


@dataclass(slots=True)
class Item:
    """One article of a set: its text, family (base article) and kind ("base" for the original)."""

    name: str
    text: str
    family: str
    kind: str


@dataclass(slots=True)
class SpinSet:
    items: list[Item] = field(default_factory=list)

    def write(self, folder: Path) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for item in self.items:
            path = folder / f"{item.name}.txt"
            path.write_text(item.text, encoding="utf-8")
            paths.append(path)
        return paths


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _swap_words(sentence: str, table: dict[str, str], rate: float, rng: random.Random) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        new = table.get(word.lower())
        if new is None or rng.random() >= rate:
            return word
        return new.capitalize() if word[0].isupper() else new

    return re.sub(r"[A-Za-z]+", swap, sentence)


def _outside_quotes(text: str, change) -> str:
    """Apply `change` to the text between quotations (a spin keeps what people said)."""
    pieces = re.split(r"([“\"][^”\"]*[”\"])", text)
    return "".join(p if i % 2 else change(p) for i, p in enumerate(pieces))


def synonyms(text: str, rng: random.Random, rate: float = 0.6) -> str:
    return _outside_quotes(text, lambda t: _swap_words(t, SYNONYMS, rate, rng))


def roundtrip(text: str, rng: random.Random) -> str:
    """Like a machine translation there and back: words changed and moved, sentences split in
    two at a conjunction and neighbouring sentences joined into one."""

    def change(piece: str) -> str:
        piece = _swap_words(piece, SYNONYMS, 0.45, rng)
        piece = _swap_words(piece, FUNCTION_SWAPS, 0.3, rng)
        words = piece.split(" ")
        for k in range(len(words) - 1):
            if rng.random() < 0.08 and words[k].isalpha() and words[k + 1].isalpha():
                words[k], words[k + 1] = words[k + 1], words[k]
        piece = " ".join(words)
        piece = re.sub(r", (and|but|while) ", lambda m: ". " if rng.random() < 0.5 else m[0], piece)
        return re.sub(r"\. ([A-Z])", lambda m: join(m) if rng.random() < 0.2 else m[0], piece)

    def join(match: re.Match[str]) -> str:
        return ", and " + match[1].lower()

    return _outside_quotes(text, change)


def reorder(text: str, rng: random.Random) -> str:
    blocks = paragraphs(text)
    head, body = blocks[:1], blocks[1:]
    rng.shuffle(body)
    sentences = [s for b in body for s in SENTENCE_RE.split(b)]
    rng.shuffle(sentences)
    size = max(1, len(sentences) // max(1, len(body)))
    regrouped = [" ".join(sentences[k : k + size]) for k in range(0, len(sentences), size)]
    return "\n\n".join(head + regrouped)


def partial(text: str, rng: random.Random, filler: Sequence[str]) -> str:
    """A contiguous 30–100% of the paragraphs, with one or two paragraphs of its own."""
    blocks = paragraphs(text)
    keep = max(2, round(len(blocks) * rng.uniform(0.3, 1.0)))
    start = rng.randrange(0, len(blocks) - keep + 1)
    kept = blocks[start : start + keep]
    vocabulary = sorted({w for block in filler for w in re.findall(r"[a-z]{4,}", block)})
    for _ in range(rng.randint(1, 2)):
        words = [" ".join(rng.sample(vocabulary, 10)) for _ in range(3)]
        kept.insert(rng.randint(0, len(kept)), ". ".join(w.capitalize() for w in words) + ".")
    return "\n\n".join(kept)


def quotations(block: str) -> list[str]:
    """Each quotation of a paragraph with a short attribution ("…,” Carson said.")."""
    marks = [m.start() for m in MARK_RE.finditer(block)]
    found = []
    for opening, closing in zip(marks[::2], marks[1::2], strict=False):
        after = block[closing + 1 :].split()[:3]
        found.append(block[opening : closing + 1] + " " + " ".join(after).rstrip(".,") + ".")
    return found


def same_event(base: str, other: str, rng: random.Random) -> str:
    """`other` given the quotations (with their attributions) of `base`."""
    quoted = [q for block in paragraphs(base) for q in quotations(block)]
    blocks = paragraphs(other)
    for sentence in quoted:
        blocks.insert(rng.randint(1, len(blocks)), sentence)
    return "\n\n".join(blocks)


def spin(kind: str, text: str, rng: random.Random, filler: Sequence[str]) -> str:
    if kind == "synonyms":
        return synonyms(text, rng)
    if kind == "roundtrip":
        return roundtrip(text, rng)
    if kind == "reorder":
        return reorder(text, rng)
    if kind == "partial":
        return partial(text, rng, filler)
    return reorder(roundtrip(partial(text, rng, filler), rng), rng)


def build_set(
    bases: dict[str, str], filler: Sequence[str], seed: int = 18, per_kind: int = 1
) -> SpinSet:
    """Each base, `per_kind` spins of every kind, and one same-event non-copy per base."""
    rng = random.Random(seed)
    out = SpinSet()
    names = sorted(bases)
    for number, name in enumerate(names):
        out.items.append(Item(name, bases[name], name, "base"))
        for kind in KINDS:
            for k in range(per_kind):
                text = spin(kind, bases[name], rng, filler)
                out.items.append(Item(f"{name}.{kind}{k}", text, name, kind))
        other = names[(number + 1) % len(names)]
        text = same_event(bases[name], bases[other], rng)
        out.items.append(Item(f"{name}.same-event", text, f"{other}", "same-event"))
    return out


def score(
    spins: SpinSet, found: set[frozenset[str]], joined: set[frozenset[str]] | None = None
) -> dict[str, dict[str, float]]:
    """Recall of (base, spin) pairs by kind and precision over every reported pair.

    A reported pair is right when both items are of one family (two spins of one base are
    copies of each other too); a same-event item belongs to the family of the text it was
    built on, so pairing it with the base it took its quotations from is wrong. `joined` names
    pairs of real articles known to reuse each other: their families count as one.
    """
    family = {i.name: i.family for i in spins.items}
    kind = {i.name: i.kind for i in spins.items}
    for name in {n for pair in found for n in pair} - family.keys():  # a document of no set
        family[name], kind[name] = name, "other"
    for pair in sorted(sorted(p) for p in joined or ()):
        old, new = family[pair[1]], family[pair[0]]
        family = {name: new if f == old else f for name, f in family.items()}
    right = {p for p in found if len({family[n] for n in p}) == 1}
    table: dict[str, dict[str, float]] = {}
    for k in KINDS:
        wanted = {frozenset((i.family, i.name)) for i in spins.items if i.kind == k}
        involved = {p for p in found if any(kind[n] == k for n in p)}
        table[k] = {
            "pairs": len(wanted),
            "recall": round(len(wanted & found) / max(1, len(wanted)), 3),
            "precision": round(len(involved & right) / max(1, len(involved)), 3),
        }
    wanted_all = sum(t["pairs"] for t in table.values())
    table["all"] = {
        "pairs": wanted_all,
        "recall": round(
            sum(t["recall"] * t["pairs"] for t in table.values()) / max(1, wanted_all), 3
        ),
        "precision": round(len(right) / max(1, len(found)), 3),
    }
    return table
