"""A generated news corpus for the benchmarks: plain-text pages with known quotations.

Every article looks like a news page saved as text (site header, menu, headline, byline, date,
body, related posts, footer) and carries 2–6 quotations. Quotations come from a pool of
utterances (about n // 3) said by a pool of speakers; each pooled utterance appears in several
articles as a variant: identical, re-translated (word-level synonyms), a trimmed fragment, merged
with another utterance of the same speaker, or split around its attribution. Speakers are named in
full, by surname, by role ("the minister said") or by pronoun. Articles also carry quotes found
nowhere else. No two utterances share a core (a sentence template with the same slot words), and a
trimmed fragment keeps one of its utterance's own words, so that every truth a reader could tell
apart is one the generator can tell apart. `write_corpus` writes the files plus `truth.json` in the gold format of
`eval_quotes.py`; the same (n, seed, words) always gives the same bytes.

Usage: python tests/benchmarks/corpus.py OUT_DIR N [--seed S] [--words W]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VERSION = 4
CORE_TRIES = 40  # draws of a quotation core before accepting one said before
MANIFEST = "corpus.json"
TRUTH = "truth.json"


# -- vocabulary (corpus_words.json: topic words, names, synonyms, sentence templates) -----------
_WORDS = json.loads(Path(__file__).with_name("corpus_words.json").read_text(encoding="utf-8"))
TOPICS: dict[str, list[str]] = _WORDS["topics"]
ADJECTIVES: list[str] = _WORDS["adjectives"]
VERBS: list[str] = _WORDS["verbs"]
PLACES: list[str] = _WORDS["places"]
ORGS: list[str] = _WORDS["orgs"]
FIRST: dict[str, list[str]] = _WORDS["first"]
SURNAMES: list[str] = _WORDS["surnames"]
ROLES: list[tuple[str, str]] = [(full, short) for full, short in _WORDS["roles"]]
SYNONYMS: dict[str, str] = _WORDS["synonyms"]
SITES: list[tuple[str, str]] = [(name, mission) for name, mission in _WORDS["sites"]]
MONTHS: list[str] = _WORDS["months"]
WEEKDAYS: list[str] = _WORDS["weekdays"]
NARRATIVE: list[str] = _WORDS["narrative"]
HEADLINES: list[str] = _WORDS["headlines"]
QUOTE_SENTENCES: list[str] = _WORDS["quote_sentences"]
OPENERS: list[str] = _WORDS["openers"]
TAILS: list[str] = _WORDS["tails"]
TEMPLATE_SLOTS = re.compile(r"\{(\w+)\}")
_SLOT_WORDS: dict[str, list[str]] = {
    "A": ADJECTIVES,
    "V": VERBS,
    "P": PLACES,
    "O": ORGS,
    "D": WEEKDAYS,
    "M": MONTHS,
    "K": ["3", "5", "8", "12", "15", "20", "40", "150", "300", "2000"],
}
_COMPILED: dict[str, list[tuple[str, str]]] = {}


def _compile(template: str) -> list[tuple[str, str]]:
    """A template as (literal text, slot name or "") pairs, cached."""
    pieces = TEMPLATE_SLOTS.split(template)
    parts = [
        (pieces[i], pieces[i + 1] if i + 1 < len(pieces) else "") for i in range(0, len(pieces), 2)
    ]
    _COMPILED[template] = parts
    return parts


@dataclass(slots=True)
class Speaker:
    first: str
    last: str
    role: str
    short_role: str
    pronoun: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(slots=True)
class Utterance:
    uid: str
    speaker: int
    sentences: list[str]
    keywords: list[set[str]]  # per sentence, the slot words of its core


@dataclass(slots=True)
class Slot:
    """One quotation placed in one article: which utterance, which variant."""

    utterance: int
    variant: str
    partner: int = -1


@dataclass(slots=True)
class Article:
    name: str
    text: str
    occurrences: list[dict[str, Any]] = field(default_factory=list)


class Words:
    """Slot fillers with a skewed (Zipf-like) distribution, as real text has."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.topics = TOPICS
        self.all_nouns = [w for ws in self.topics.values() for w in ws]
        self.weights = list(itertools.accumulate(1 / (r + 1) for r in range(len(self.all_nouns))))
        rng.shuffle(self.all_nouns)
        self.cores: set[tuple[str, ...]] = set()  # cores said so far (see `core`)

    def noun(self, topic: list[str]) -> str:
        rnd = self.rng.random
        if rnd() < 0.75:
            return topic[int(rnd() * len(topic))]
        return self.rng.choices(self.all_nouns, cum_weights=self.weights)[0]

    def fill(self, template: str, topic: list[str]) -> str:
        text = self.fill_slots(template, topic)[0]
        return text[0].upper() + text[1:]

    def fill_slots(self, template: str, topic: list[str]) -> tuple[str, dict[str, str]]:
        """The template with its slots filled (two slots of one kind get two values)."""
        parts = _COMPILED.get(template) or _compile(template)
        values: dict[str, str] = {}
        out = []
        for literal, slot in parts:
            out.append(literal)
            if slot:
                if slot not in values:
                    values[slot] = self._fresh(slot.rstrip("0123456789"), topic, values)
                out.append(values[slot])
        return "".join(out), values

    def core(self, topic: list[str]) -> tuple[str, dict[str, str]]:
        """A quotation core not said before (unless CORE_TRIES draws all were)."""
        for _ in range(CORE_TRIES):
            template = self.rng.choice(QUOTE_SENTENCES)
            text, values = self.fill_slots(template, topic)
            key = (template, *sorted(values.items()))
            if key not in self.cores:
                break
        self.cores.add(key)
        return text, values

    def _fresh(self, kind: str, topic: list[str], taken: dict[str, str]) -> str:
        value = self._value(kind, topic)
        for _ in range(5):
            if value not in taken.values():
                break
            value = self._value(kind, topic)
        return value

    def _value(self, kind: str, topic: list[str]) -> str:
        if kind == "N":
            return self.noun(topic)
        choices = _SLOT_WORDS.get(kind)
        if choices is not None:
            return choices[int(self.rng.random() * len(choices))]
        gender = self.rng.choice(("he", "she"))
        return f"{self.rng.choice(FIRST[gender])} {self.rng.choice(SURNAMES)}"


# -- planning: speakers, utterances, which article quotes what -----------------------------------
def _speakers(rng: random.Random, count: int) -> list[Speaker]:
    speakers: list[Speaker] = []
    seen: set[tuple[str, str]] = set()
    while len(speakers) < count:
        pronoun = rng.choice(("he", "she"))
        first, last = rng.choice(FIRST[pronoun]), rng.choice(SURNAMES)
        if (first, last) in seen and len(seen) < len(SURNAMES) * 40:
            continue
        seen.add((first, last))
        role, short = rng.choice(ROLES)
        if "spokes" in role:
            role = "government " + ("spokeswoman" if pronoun == "she" else "spokesman")
            short = role.split()[-1]
        speakers.append(Speaker(first, last, role, short, pronoun))
    return speakers


def _utterance(uid: str, speaker: int, words: Words) -> Utterance:
    topic = words.topics[words.rng.choice(list(words.topics))]
    drawn = [_quote_sentence(words, topic) for _ in range(2)]
    return Utterance(uid, speaker, [text for text, _ in drawn], [keys for _, keys in drawn])


def _quote_sentence(words: Words, topic: list[str]) -> tuple[str, set[str]]:
    """A quoted sentence (opener, a core said nowhere else, tail) and its core's slot words."""
    rng = words.rng
    opener, tail = rng.choice(OPENERS), rng.choice(TAILS)
    core, values = words.core(topic)
    if opener and not core.startswith("I "):
        core = core[0].lower() + core[1:]
    text = words.fill_slots(opener, topic)[0] + core + words.fill_slots(tail, topic)[0]
    keywords = {w.lower() for value in values.values() for w in value.split() if w != "the"}
    return text[0].upper() + text[1:], keywords


def _plan(n: int, words: Words) -> tuple[list[Speaker], list[Utterance], list[list[Slot]]]:
    rng = words.rng
    speakers = _speakers(rng, max(3, n // 12))
    pool = [_utterance(f"U{u}", rng.randrange(len(speakers)), words) for u in range(max(3, n // 3))]
    by_speaker: dict[int, list[int]] = {}
    for index, utterance in enumerate(pool):
        by_speaker.setdefault(utterance.speaker, []).append(index)
    slots: list[list[Slot]] = [[] for _ in range(n)]
    for index, utterance in enumerate(pool):
        places = rng.sample(range(n), min(n, rng.randint(2, 5)))
        for k, article in enumerate(places):
            variant = "identical" if k == 0 else _variant(rng)
            partners = [p for p in by_speaker[utterance.speaker] if p != index]
            partner = rng.choice(partners) if variant == "merged" and partners else -1
            if variant == "merged" and partner < 0:
                variant = "retranslated"
            slots[article].append(Slot(index, variant, partner))
    for article_slots in slots:
        rng.shuffle(article_slots)
        del article_slots[6:]
    return speakers, pool, slots


def _variant(rng: random.Random) -> str:
    return rng.choices(
        ("identical", "retranslated", "fragment", "merged", "split"), (3, 4, 2, 1, 1)
    )[0]


# -- writing one article ---------------------------------------------------------------------------
def _retranslate(text: str, rng: random.Random) -> str:
    out = []
    for word in text.split(" "):
        synonym = SYNONYMS.get(word.lower())
        out.append(synonym if synonym and rng.random() < 0.6 else word)
    return " ".join(out)


def _anchor(quote: str, article_text: str, rng: random.Random) -> str:
    """5–12 words from inside `quote` (not its first or last word unless needed) found once in
    the article."""
    words = quote.split()
    inner = words[1:-1] if len(words) >= 7 else words
    size = min(len(inner), rng.randint(6, 8))
    for pool, sizes in ((inner, range(size, min(12, len(inner)) + 1)), (words, range(5, 13))):
        for width in sizes:
            starts = list(range(len(pool) - width + 1))
            rng.shuffle(starts)
            for start in starts:
                anchor = " ".join(pool[start : start + width])
                if article_text.count(anchor) == 1:
                    return anchor
    return ""


class ArticleWriter:
    """Builds the text of one article from its planned quotation slots."""

    def __init__(self, speakers: list[Speaker], pool: list[Utterance], words: Words) -> None:
        self.speakers = speakers
        self.pool = pool
        self.words = words
        self.rng = words.rng

    def write(self, index: int, slots: list[Slot], extra: int, length: int) -> Article:
        rng = self.rng
        topic_name = rng.choice(list(self.words.topics))
        topic = self.words.topics[topic_name]
        site, mission = rng.choice(SITES)
        headline = self.words.fill(rng.choice(HEADLINES), topic)
        slug = "-".join(re.sub(r"[^a-z0-9 ]", "", headline.lower()).split()[:6])
        name = f"a{index:06d}_{slug}.txt"
        quotes = list(slots) + [Slot(-1, "single") for _ in range(extra)]
        rng.shuffle(quotes)
        body, spans = self._body(quotes, topic, length)
        text = "\n".join([*self._header(site, headline), *body, *self._footer(site, mission)])
        text += "\n"
        return Article(name, text, self._occurrences(f"a{index:06d}", spans, text))

    def _header(self, site: str, headline: str) -> list[str]:
        rng = self.rng
        gender = rng.choice(("he", "she"))
        author = f"{rng.choice(FIRST[gender])} {rng.choice(SURNAMES)}"
        lines = [site, ""]
        if rng.random() < 0.5:
            sections = rng.sample(sorted(TOPICS), 5)
            lines += ["Menu", "", *[f"  • {s.title()}" for s in ["home", *sections]], ""]
        lines += [headline, ""]
        lines += [f"By {author}", _date_line(rng), ""]
        return lines

    def _footer(self, site: str, mission: str) -> list[str]:
        rng = self.rng
        related = [
            self.words.fill(rng.choice(HEADLINES), rng.choice(list(self.words.topics.values())))
            for _ in range(rng.randint(2, 4))
        ]
        lines = ["", "Related posts:", ""]
        lines += [f"  {i}. {r}" for i, r in enumerate(related, 1)]
        lines += [""]
        if rng.random() < 0.5:
            lines += ["Leave a Reply", "", "Your email address will not be published.", ""]
        lines += [mission, f"© {rng.randint(2015, 2024)} {site}. All rights reserved."]
        return lines

    def _body(self, quotes: list[Slot], topic: list[str], length: int) -> tuple[list[str], list]:
        """Paragraphs, and for each quotation (slot, quoted text, clusters, speaker, hard)."""
        rng = self.rng
        per_gap = max(10, (length - 30 * len(quotes)) // (len(quotes) + 1))
        paragraphs: list[str] = []
        spans: list[tuple[str, list[str], str, bool]] = []
        introduced: set[int] = set()
        for slot in [*quotes, None]:
            written = 0
            while written < per_gap:
                count = rng.randint(1, 3)
                sentences = [self.words.fill(rng.choice(NARRATIVE), topic) for _ in range(count)]
                paragraphs += [" ".join(sentences), ""]
                written += sum(len(s.split()) for s in sentences)
            if slot is not None:
                paragraphs += self._quote(slot, topic, introduced, spans)
        return paragraphs, spans

    def _quote(self, slot: Slot, topic: list[str], introduced: set[int], spans: list) -> list[str]:
        rng = self.rng
        if slot.utterance < 0:
            speaker_index = rng.randrange(len(self.speakers))
            sentences = [_quote_sentence(self.words, topic)[0]]
            clusters: list[str] = []
        else:
            utterance = self.pool[slot.utterance]
            speaker_index = utterance.speaker
            sentences = list(utterance.sentences)
            clusters = [utterance.uid]
        speaker = self.speakers[speaker_index]
        lines: list[str] = []
        form = rng.choice(("full", "full", "surname", "role", "pronoun"))
        if form != "full" and speaker_index not in introduced:
            lines += [self._introduce(speaker, topic), ""]
        introduced.add(speaker_index)
        if slot.variant == "retranslated":
            sentences = [_retranslate(s, rng) for s in sentences]
        elif slot.variant == "merged":
            sentences += self.pool[slot.partner].sentences
            clusters.append(self.pool[slot.partner].uid)
        elif slot.variant == "fragment":
            fragment = _fragment(self.pool[slot.utterance], rng)
            open_, close = _marks(rng)
            lines += [
                f"{_capital(_who(speaker, form, True))} said the {self.words.noun(topic)} was "
                f"{open_}{fragment[0].lower() + fragment[1:]}{close}.",
                "",
            ]
            spans.append((fragment, clusters, speaker.last, True))
            return lines
        open_, close = _marks(rng)
        who = _who(speaker, form, False)
        if slot.variant == "split" and len(sentences) == 2:
            first, second = sentences
            lines.append(f"{open_}{first},{close} {who} said. {open_}{second}.{close}")
            spans += [
                (first, clusters, speaker.last, False),
                (second, clusters, speaker.last, False),
            ]
        else:
            quote = ". ".join(sentences)
            if rng.random() < 0.5:
                lines.append(f"{open_}{quote},{close} {who} said.")
            else:
                lines.append(f"{_capital(who)} said: {open_}{quote}.{close}")
            spans.append((quote, clusters, speaker.last, False))
        return [*lines, ""]

    def _introduce(self, speaker: Speaker, topic: list[str]) -> str:
        role = speaker.role[0].upper() + speaker.role[1:]
        return (
            f"{role} {speaker.name} {self.rng.choice(VERBS)} the {self.words.noun(topic)} "
            f"on {self.rng.choice(WEEKDAYS)}."
        )

    def _occurrences(self, doc: str, spans: list, text: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for quote, clusters, surname, hard in spans:
            anchor = _anchor(quote, text, self.rng)
            if not anchor:
                continue
            out.append(
                {
                    "id": f"{doc}:{len(out)}",
                    "doc": doc,
                    "anchor": anchor,
                    "speaker": surname,
                    "clusters": clusters or [f"{doc}:{len(out)}"],
                    "hard": hard,
                }
            )
        return out


def _fragment(utterance: Utterance, rng: random.Random) -> str:
    """7–10 words of one sentence of `utterance` (more when needed to hold all its core's slot
    words, so that the fragment could not have been cut from another utterance)."""
    which = rng.randrange(len(utterance.sentences))
    words = utterance.sentences[which].split()
    keys = utterance.keywords[which]
    held = [i for i, w in enumerate(words) if w.strip(",.").lower() in keys]
    first, last = (min(held), max(held)) if held else (len(words) // 2, len(words) // 2)
    size = max(last - first + 1, min(len(words), rng.randint(7, 10)))
    low, high = max(0, last + 1 - size), min(first, len(words) - size)
    start = rng.randint(low, max(low, high))
    return " ".join(words[start : start + size])


def _marks(rng: random.Random) -> tuple[str, str]:
    return ("\u201c", "\u201d") if rng.random() < 0.8 else ('"', '"')


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


def _who(speaker: Speaker, form: str, subject: bool) -> str:
    if form == "full":
        return f"{speaker.name}, the {speaker.role}," if subject else speaker.name
    if form == "surname":
        return speaker.last
    if form == "role":
        return f"the {speaker.short_role}"
    return speaker.pronoun


def _date_line(rng: random.Random) -> str:
    year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
    hour, minute = rng.randint(0, 23), rng.randint(0, 59)
    name = MONTHS[month - 1]
    return rng.choice(
        (
            f"{name} {day}, {year}",
            f"{day} {name} {year}",
            f"{name[:3]}. {day}, {year}",
            f"{year}-{month:02d}-{day:02d}",
            f"Published {day} {name} {year}, {hour:02d}:{minute:02d}",
            f"Updated {name} {day}, {year} {hour % 12 + 1}:{minute:02d} PM ET",
            f"{WEEKDAYS[(year + month + day) % 7][:3]}, {month:02d}/{day:02d}/{year} – "
            f"{hour:02d}:{minute:02d}",
        )
    )


# -- public API ------------------------------------------------------------------------------------
def _generate(n: int, seed: int, words: int) -> Iterator[Article]:
    rng = random.Random(seed)
    vocabulary = Words(rng)
    speakers, pool, slots = _plan(n, vocabulary)
    writer = ArticleWriter(speakers, pool, vocabulary)
    for index, article_slots in enumerate(slots):
        extra = max(0, rng.randint(2, 6) - len(article_slots))
        yield writer.write(index, article_slots, extra, words)


def iter_articles(n: int, seed: int = 7, words: int = 700) -> Iterator[tuple[str, str]]:
    """Yield (file name "a000123_some-slug.txt", text) for `n` articles, deterministically."""
    for article in _generate(n, seed, words):
        yield article.name, article.text


def write_corpus(out_dir: Path, n: int, seed: int = 7, words: int = 700) -> Path:
    """Write `n` articles and truth.json into `out_dir` (reused when already complete)."""
    out_dir = Path(out_dir)
    wanted = {"version": VERSION, "n": n, "seed": seed, "words": words}
    manifest = out_dir / MANIFEST
    if manifest.exists() and (out_dir / TRUTH).exists():
        try:
            same = json.loads(manifest.read_text(encoding="utf-8")) == wanted
        except ValueError:
            same = False
        if same and sum(1 for _ in out_dir.glob("a*.txt")) == n:
            return out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest.unlink(missing_ok=True)
    for old in out_dir.glob("a*.txt"):
        old.unlink()
    occurrences: list[dict[str, Any]] = []
    for article in _generate(n, seed, words):
        (out_dir / article.name).write_text(article.text, encoding="utf-8")
        occurrences += article.occurrences
    truth = {"occurrences": occurrences, "neutral_pairs": []}
    (out_dir / TRUTH).write_text(json.dumps(truth, ensure_ascii=False, indent=0), "utf-8")
    manifest.write_text(json.dumps(wanted), encoding="utf-8")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a generated news corpus.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--words", type=int, default=700)
    args = parser.parse_args(argv)
    out = write_corpus(args.out_dir, args.n, args.seed, args.words)
    truth = json.loads((out / TRUTH).read_text(encoding="utf-8"))
    print(f"{args.n} articles, {len(truth['occurrences'])} quotations in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
