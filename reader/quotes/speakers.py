"""One name per person across the library.

"Sergei Lavrov", "Sergey Lavrov", "Lavrov", "Mr. Lavrov" and "Russian Foreign Minister Sergey
Lavrov" become one speaker. Full names are grouped by surname, then by first name: first names
that are transliterations of each other (compared after folding common spelling variants, with a
fuzzy ratio) are one person, clearly different ones ("Joe" / "Hunter") are not. Each person is
named by their most frequent full form; a bare surname maps to it only when the library has
exactly one person with that surname. Surnames are compared by a transliteration-folded key
(Martschenko / Marchenko, Woronin / Voronine), keys differing by a letter or two match when their
first and last letters agree and their fuzzy ratio is high (Ivanov / Ivanova stay apart). Titles
found in a name move to `role`.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio

from reader.quotes.model import Quote, is_unnamed
from reader.quotes.names import (
    ORG_WORDS,
    PARTICLES,
    ROLE_HEADS,
    WORD_RE,
    fold,
    is_person_name,
    names_a_body,
    split_name,
)

FIRST_NAME_SIMILARITY = 82  # rapidfuzz ratio of folded first names of one person
SURNAME_SIMILARITY = 88  # rapidfuzz ratio of surname keys of one person
_TRANSLITERATIONS: tuple[tuple[str, str], ...] = (
    ("tsch", "ch"), ("tch", "ch"), ("sch", "sh"), ("j", "y"), ("w", "v"), ("x", "ks"),
    ("kh", "h"), ("ph", "f"), ("ck", "k"), ("ou", "u"), ("y", "i"),
)  # fmt: skip
_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("x", "ks"), ("kh", "h"), ("ph", "f"), ("w", "v"), ("ck", "k"), ("ou", "u"), ("ey", "ei"),
    ("iy", "i"), ("yi", "i"), ("y", "i"), ("ii", "i"), ("th", "t"),
)  # fmt: skip


@dataclass(slots=True)
class _Person:
    first: str  # folded first name of the first full form seen
    forms: Counter[str] = field(default_factory=Counter)
    roles: set[str] = field(default_factory=set)  # role head words given with the full forms


def _spelling(first: str, iotated: bool = False) -> str:
    """A first name folded across spellings; `iotated` drops a leading j/y before e (Jewgenija,
    Yevgenia -> Evgenia)."""
    text = fold(first).rstrip(".")
    if iotated and text[:2] in ("je", "ye"):
        text = text[1:]
    text = text[:1] + text[1:].replace("j", "y").replace("tsch", "ch").replace("sch", "sh")
    for old, new in _SPELLINGS:
        text = text.replace(old, new)
    return text


def surname_key(surname: str) -> str:
    """A surname folded across transliterations: "Martschenko", "Marchenko" -> "marchenko";
    "Woronin", "Voronine" -> "voronin" (German and French spellings, doubled letters)."""
    text = fold(surname).rstrip(".")
    for old, new in _TRANSLITERATIONS:
        text = text.replace(old, new)
    if len(text) > 4 and text.endswith("e") and text[-2] not in "aeiou":
        text = text[:-1]
    return "".join(c for i, c in enumerate(text) if i == 0 or c != text[i - 1])


def same_surname(a: str, b: str) -> bool:
    """True when two surname keys may spell one name (not Ivanov / Ivanova, not Heller / Keller)."""
    if a == b:
        return True
    if not a or not b or a[0] != b[0] or a[-1] != b[-1] or abs(len(a) - len(b)) > 1:
        return False
    return ratio(a, b) >= SURNAME_SIMILARITY


class _Surnames:
    """Surname keys merged when they spell one name; `key` gives the first key seen of each."""

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}
        self.buckets: dict[tuple[str, str], list[str]] = {}

    def key(self, surname: str) -> str:
        raw = surname_key(surname)
        if raw in self.keys:
            return self.keys[raw]
        bucket = self.buckets.setdefault((raw[:1], raw[-1:]), [])
        found = next((k for k in bucket if same_surname(raw, k)), raw)
        if found == raw:
            bucket.append(raw)
        self.keys[raw] = found
        return found


def same_first_name(a: str, b: str) -> bool:
    """True when two first names may be one person's (an initial, or a transliteration)."""
    return _same_spelling(_spelling(a), _spelling(b)) or _same_spelling(
        _spelling(a, iotated=True), _spelling(b, iotated=True)
    )


def _same_spelling(x: str, y: str) -> bool:
    if not x or not y:
        return False
    if x[0] != y[0] and not (x[0] in "aeiou" and y[0] in "aeiou"):
        return False
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x == y or ratio(x, y) >= FIRST_NAME_SIMILARITY


def parse_speaker(text: str) -> tuple[str, str]:
    """Split a speaker string into (name, role): "Russian Foreign Minister Sergey Lavrov" ->
    ("Sergey Lavrov", "Russian Foreign Minister"). A name with no person in it is kept whole."""
    name, role = split_name(WORD_RE.findall(text))
    body = not is_person_name(name) and (
        names_a_body(text)
        or any(w == "of" and r.lower() in ORG_WORDS for r, w in itertools.pairwise(role))
    )
    if not name or body:
        return text.strip(), ""  # a body's whole name: "Ashcombe Museum of World Cultures",
        # "Tees Vale Fire and Rescue"
    return " ".join(name), " ".join(role)


def _people(names: Counter[str], surnames: _Surnames) -> dict[str, list[_Person]]:
    by_surname: dict[str, list[_Person]] = {}
    for name, count in names.most_common():
        words = name.split()
        given = _given_names(words)
        if not given:
            continue
        people = by_surname.setdefault(surnames.key(words[-1]), [])
        person = next((p for p in people if same_first_name(p.first, given[0])), None)
        if person is None:
            person = _Person(given[0])
            people.append(person)
        person.forms[name] += count
    return by_surname


def _given_names(words: list[str]) -> list[str]:
    """The given names of a name's words: none in a surname alone ("Lavrov", "van Deventer")."""
    return [w for w in words[:-1] if w.lower() not in PARTICLES]


def _canonical(person: _Person) -> str:
    return max(person.forms.items(), key=lambda kv: (kv[1], len(kv[0].split()), kv[0]))[0]


def _heads(role: str) -> set[str]:
    return {w for w in role.lower().split() if w in ROLE_HEADS}


def _for_surname(people: list[_Person], role: str) -> _Person | None:
    """The one person a bare surname means: the only one, or the only one given that role."""
    if len(people) == 1:
        return people[0]
    heads = _heads(role)
    fitting = [p for p in people if heads & p.roles] if heads else []
    return fitting[0] if len(fitting) == 1 else None


class People:
    """The people a set of speaker names (with their counts) stands for, and the canonical name
    of each name. `names` is iterated most common first (ties: first seen first); `roles` holds
    the role head words given with each name."""

    def __init__(self, names: Counter[str], roles: dict[str, set[str]]) -> None:
        self.surnames = _Surnames()
        self.by_surname = _people(names, self.surnames)
        self.person_of: dict[str, _Person] = {}
        for people in self.by_surname.values():
            for person in people:
                self.person_of.update(dict.fromkeys(person.forms, person))
        for name, heads in roles.items():
            if name in self.person_of:
                self.person_of[name].roles |= heads

    def canonical(self, name: str, role: str) -> str:
        """The canonical name of `name` (a bare surname resolved by `role` when it must be)."""
        if name in self.person_of:
            return _canonical(self.person_of[name])
        people = self.by_surname.get(self.surnames.key(name.split()[-1]), [])
        person = _for_surname(people, role)
        return _canonical(person) if person and not _given_names(name.split()) else name


def role_heads(role: str) -> set[str]:
    """The role head words of a role ("Russian Foreign Minister" -> {"minister"})."""
    return _heads(role)


def canonical_names(quotes: list[Quote]) -> None:
    """Rewrite `speaker` and `speaker_guess` of `quotes` to one canonical name per person."""
    names: Counter[str] = Counter()
    parsed: dict[str, tuple[str, str]] = {}
    for q in quotes:
        for value in (q.speaker, q.speaker_guess):
            if value and not is_unnamed(value):
                parsed.setdefault(value, parse_speaker(value))
                names[parsed[value][0]] += 1
    roles: dict[str, set[str]] = {}
    for q in quotes:
        if q.speaker and not q.unnamed:
            name, role = parsed[q.speaker]
            roles.setdefault(name, set()).update(_heads(q.role or role))
    people = People(names, roles)
    for q in quotes:
        if q.speaker and not q.unnamed:
            name, role = parsed[q.speaker]
            q.role = q.role or role
            q.speaker = people.canonical(name, q.role)
        if q.speaker_guess and not is_unnamed(q.speaker_guess):
            q.speaker_guess = people.canonical(parsed[q.speaker_guess][0], "")
