"""Who may have said a quotation, and what speaks for each: the speaker ranker's input.

Once the rules (`attribution`) have read a document, each quotation gets its candidates: every
person named from PARAGRAPHS_BACK paragraphs before it to the end of its paragraph, the rules'
speaker and guess, and the speakers the rules gave the quotations on either side. Each candidate
gets features (all 0/1 unless said): its nearest mention before the quote (rank among the people
named there, log distance, same or earlier paragraph, as a subject) and after it, its rank among
recent subjects, named inside the quote, the previous and next quotes' speaker, the speaker of the
last quote attributed by its own words, agreement with a "he"/"she" cue (gender stated with the
name, or learned by the rules), mentions in the article and nearby (log counts), first or most
mentioned, a full name or one word, an organisation word, a role given, and the rules' choice or
guess. Features that matter only with one cue are crossed with it (`subject_rank1_cue_pronoun`).
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from dataclasses import dataclass, field

from reader.quotes.model import Quote, QuoteKind
from reader.quotes.names import ORG_WORDS, PRONOUNS, WORD_RE, fold, split_name
from reader.quotes.people import People, named_in_quote
from reader.quotes.speech import MARKS_AND_SPACE, Found

PARAGRAPHS_BACK = 4  # candidates are named from this many paragraphs before the quote on
LAST_SAID_REACH = 6  # quotes looked back through for the last one attributed by its own words
# Tags of quotes whose speakers the rules read from the words around them.
EXPLICIT_TAGS = frozenset(
    {"said-after", "said-before-name", "intro", "intro-colon", "said-that", "according-to"}
    | {"post", "document", "it"}
)
GENDER = {"he": "m", "she": "f"}


@dataclass(slots=True)
class Evidence:
    """What the rules left for the ranker in one document."""

    body: str
    paragraphs: list[tuple[int, int]]
    people: People
    quotes: list[Quote]
    found: dict[str, Found]  # quote id -> the words the rules read its speaker from
    stated_gender: dict[str, str]  # name -> "m"/"f" from the words given with it (Mr, actress)
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.starts = [s for s, _ in self.paragraphs]

    def para(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)


@dataclass(slots=True)
class Candidate:
    """One person (or body) who may have said a quotation, with its features."""

    name: str
    features: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class Choice:
    """A quotation's candidates, and the kind of words the rules read its speaker from: "name"
    or "role" (the words name someone), "nobody" (a document naming no issuer: "the statement
    said"), "pronoun" ("he said"), "none" (no words: attributed by position)."""

    cue: str
    options: list[Candidate]


@dataclass(slots=True)
class _Article:
    """Counts over one article."""

    counts: Counter[str]  # mentions of each name
    first: str | None  # the first name mentioned
    top: str | None  # the most mentioned name
    said: Counter[str | None]  # quotes the rules gave each speaker from the words around them


@dataclass(slots=True)
class _Nearby:
    """The people named around one quotation."""

    before: dict[str, tuple[int, int, bool]]  # name -> (rank, position, subject), nearest first
    subjects: dict[str, int]  # name -> rank among the subjects before, nearest first
    after: dict[str, tuple[int, int]]  # name -> (rank, position) later in the paragraph
    local: Counter[str]  # mentions before the quote within reach


class Candidates:
    """The candidates of the quotations of one document, one quotation at a time."""

    def __init__(self, evidence: Evidence) -> None:
        self.evidence = evidence
        mentions = evidence.people.mentions
        counts = Counter(m.name for m in mentions)
        self.article = _Article(
            counts,
            mentions[0].name if mentions else None,
            counts.most_common(1)[0][0] if counts else None,
            Counter(q.speaker for q in evidence.quotes if _explicit(q)),
        )

    def cue(self, i: int) -> str:
        """The kind of words quotation `i`'s speaker was read from (see `Choice`)."""
        return cue_of(self.evidence.found.get(self.evidence.quotes[i].id))[0]

    def of(self, i: int) -> Choice:
        """Quotation `i`'s candidates."""
        return _choice(self.evidence, i, self.article)


def candidates(evidence: Evidence) -> list[Choice]:
    """The candidates of every quotation of one document, in document order."""
    found = Candidates(evidence)
    return [found.of(i) for i in range(len(evidence.quotes))]


def cue_of(found: Found | None) -> tuple[str, list[str]]:
    """The kind of words the rules read the speaker from, and the (folded) name words in them."""
    if found is None:
        return "none", []
    if not found.words:
        return "nobody", []
    if len(found.words) == 1 and found.words[0].lower() in PRONOUNS:
        return "pronoun", []
    parts, _ = split_name(found.words)
    return ("name", [fold(w) for w in parts]) if parts else ("role", [])


def _explicit(q: Quote) -> bool:
    return q.speaker is not None and q.attribution in EXPLICIT_TAGS


def _last_said(quotes: list[Quote], i: int) -> str | None:
    """The speaker of the nearest quote before `i` attributed by the words around it."""
    recent = reversed(quotes[max(0, i - LAST_SAID_REACH) : i])
    return next((q.speaker for q in recent if _explicit(q)), None)


def _nearby(ev: Evidence, q: Quote) -> _Nearby:
    people = ev.people
    lo = ev.paragraphs[max(0, ev.para(q.start) - PARAGRAPHS_BACK)][0]
    hi = ev.paragraphs[ev.para(q.end)][1]
    near = _Nearby({}, {}, {}, Counter())
    k = bisect.bisect_left(people.positions, q.start) - 1
    while k >= 0 and people.mentions[k].pos >= lo:
        m = people.mentions[k]
        near.local[m.name] += 1
        near.before.setdefault(m.name, (len(near.before) + 1, m.pos, m.subject))
        if m.subject:
            near.subjects.setdefault(m.name, len(near.subjects) + 1)
        k -= 1
    k = bisect.bisect_left(people.positions, q.end)
    while k < len(people.mentions) and people.mentions[k].pos < hi:
        near.after.setdefault(
            people.mentions[k].name, (len(near.after) + 1, people.mentions[k].pos)
        )
        k += 1
    return near


def _choice(ev: Evidence, i: int, article: _Article) -> Choice:
    q = ev.quotes[i]
    found = ev.found.get(q.id)
    cue, cue_names = cue_of(found)
    near = _nearby(ev, q)
    prev = ev.quotes[i - 1] if i > 0 else None
    nxt = ev.quotes[i + 1] if i + 1 < len(ev.quotes) else None
    names = (q.speaker, q.speaker_guess, *near.before, *near.after, prev and prev.speaker,
             nxt and nxt.speaker)  # fmt: skip
    p = ev.para(q.start)
    lead = ev.body[ev.paragraphs[p][0] : q.start]
    shared = {f"cue_{cue}": 1.0}
    if q.kind is QuoteKind.PHRASE:
        shared["phrase"] = 1.0
    if len(lead) < 8 and not lead.strip(MARKS_AND_SPACE):
        shared["opens_paragraph"] = 1.0
    said = {fold(w) for w in WORD_RE.findall(q.text)}
    last_said = _last_said(ev.quotes, i)
    want = GENDER.get(found.words[0].lower(), "") if cue == "pronoun" and found else ""
    options = []
    known = {n for n in names if n}
    addressed = named_in_quote(q.text, known) if want else frozenset()
    for name in dict.fromkeys(n for n in names if n and not (want and ev.people.is_body(n))):
        if name in addressed:
            continue  # “Mister Malloy knows what was said,” he said: never Malloy
        f = dict(shared)
        surname = fold(name.split()[-1])
        if name == q.speaker:
            f["rule"] = f[f"rule_cue_{cue}"] = 1.0
            tag = q.attribution.removesuffix("-unsure")
            f["rule_explicit" if tag in EXPLICIT_TAGS else "rule_positional"] = 1.0
        if name == q.speaker_guess:
            f["guess"] = 1.0
        if surname in cue_names:
            f["cue_names_it"] = 1.0
        if prev and prev.speaker == name:
            gap = p - ev.para(prev.end)
            f[("prev_same_paragraph", "prev_paragraph")[gap] if gap < 2 else "prev_far"] = 1.0
            f[f"prev_cue_{cue}"] = 1.0
        if nxt and nxt.speaker == name:
            f["next_same_paragraph" if ev.para(nxt.start) == p else "next_later"] = 1.0
        if name == last_said:
            f["last_said"] = f[f"last_said_cue_{cue}"] = 1.0
        if surname in said:
            f["named_in_quote"] = 1.0
        _mention_features(f, near, name, q, ev.paragraphs[p][0], cue)
        _gender_features(f, ev, name, want)
        _name_features(f, ev.people, article, name, near)
        options.append(Candidate(name, f))
    fitting = [c for c in options if "gender_agrees" in c.features]
    if len(fitting) == 1:  # the one candidate whose stated gender fits "he" / "she"
        fitting[0].features["gender_only_fit"] = 1.0
    return Choice(cue, options)


def _mention_features(
    f: dict[str, float], near: _Nearby, name: str, q: Quote, para_start: int, cue: str
) -> None:
    if name in near.before:
        rank, pos, subject = near.before[name]
        f[f"before_rank{min(rank, 4)}"] = 1.0
        f["before_distance"] = math.log1p((q.start - pos) / 100)
        f["before_same_paragraph" if pos >= para_start else "before_earlier_paragraph"] = 1.0
        if subject:
            f["before_subject"] = 1.0
        if cue == "pronoun" and rank == 1:
            f["pronoun_nearest"] = 1.0
    if name in near.subjects:
        rank = min(near.subjects[name], 3)
        f[f"subject_rank{rank}"] = f[f"subject_rank{rank}_cue_{cue}"] = 1.0
    if name in near.after:
        rank, pos = near.after[name]
        f[f"after_rank{min(rank, 3)}"] = f[f"after_rank{min(rank, 3)}_cue_{cue}"] = 1.0
        f["after_distance"] = math.log1p((pos - q.end) / 100)


def _gender_features(f: dict[str, float], ev: Evidence, name: str, want: str) -> None:
    stated, learned = ev.stated_gender.get(name), ev.people.gender.get(name)
    if want and stated:
        f["gender_agrees" if stated == want else "gender_clashes"] = 1.0
    elif want and learned:  # from the rules' earlier "he said" resolutions
        f["learned_gender_agrees" if learned == want else "learned_gender_clashes"] = 1.0


def _name_features(
    f: dict[str, float], people: People, article: _Article, name: str, near: _Nearby
) -> None:
    words = name.split()
    f["mentions"] = math.log1p(article.counts.get(name, 0))
    f["mentions_nearby"] = math.log1p(near.local[name])
    f["quotes_said"] = math.log1p(article.said[name])
    if name == article.top:
        f["most_mentioned"] = 1.0
    if name == article.first:
        f["first_mentioned"] = 1.0
    if name not in article.counts:
        f["never_mentioned"] = 1.0
    f["full_name" if len(words) > 1 else "one_word"] = 1.0
    if any(w.lower() in ORG_WORDS for w in words):
        f["organisation"] = 1.0
    if people.roles.get(name):
        f["has_role"] = 1.0
