"""One name per person across the library.

"Sergei Lavrov", "Sergey Lavrov", "Lavrov", "Mr. Lavrov" and "Russian Foreign Minister Sergey
Lavrov" become one speaker. Full names are grouped by surname, then by first name: first names
that are transliterations of each other (compared after folding common spelling variants, with a
fuzzy ratio) are one person, clearly different ones ("Joe" / "Hunter") are not. Each person is
named by their most frequent full form; a bare surname maps to it only when the library has
exactly one person with that surname. Titles found in a name move to `role`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio

from reader.quotes.model import Quote
from reader.quotes.names import ROLE_HEADS, WORD_RE, fold, split_name

FIRST_NAME_SIMILARITY = 82  # rapidfuzz ratio of folded first names of one person
_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("x", "ks"), ("kh", "h"), ("ph", "f"), ("w", "v"), ("ck", "k"), ("ou", "u"), ("ey", "ei"),
    ("iy", "i"), ("yi", "i"), ("y", "i"), ("ii", "i"), ("th", "t"),
)  # fmt: skip


@dataclass(slots=True)
class _Person:
    first: str  # folded first name of the first full form seen
    forms: Counter[str] = field(default_factory=Counter)
    roles: set[str] = field(default_factory=set)  # role head words given with the full forms


def _spelling(first: str) -> str:
    text = fold(first).rstrip(".")
    for old, new in _SPELLINGS:
        text = text.replace(old, new)
    return text


def same_first_name(a: str, b: str) -> bool:
    """True when two first names may be one person's (an initial, or a transliteration)."""
    x, y = _spelling(a), _spelling(b)
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
    if not name:
        return text.strip(), ""
    return " ".join(name), " ".join(role)


def _people(names: Counter[str]) -> dict[str, list[_Person]]:
    by_surname: dict[str, list[_Person]] = {}
    for name, count in names.most_common():
        words = name.split()
        if len(words) < 2:
            continue
        people = by_surname.setdefault(fold(words[-1]), [])
        person = next((p for p in people if same_first_name(p.first, words[0])), None)
        if person is None:
            person = _Person(words[0])
            people.append(person)
        person.forms[name] += count
    return by_surname


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


def canonical_names(quotes: list[Quote]) -> None:
    """Rewrite `speaker` and `speaker_guess` of `quotes` to one canonical name per person."""
    names: Counter[str] = Counter()
    parsed: dict[str, tuple[str, str]] = {}
    for q in quotes:
        for value in (q.speaker, q.speaker_guess):
            if value:
                parsed.setdefault(value, parse_speaker(value))
                names[parsed[value][0]] += 1
    by_surname = _people(names)
    person_of: dict[str, _Person] = {}
    for people in by_surname.values():
        for person in people:
            person_of.update(dict.fromkeys(person.forms, person))
    for q in quotes:
        name, role = parsed.get(q.speaker or "", ("", ""))
        if name in person_of:
            person_of[name].roles |= _heads(q.role or role)

    def canonical(name: str, role: str) -> str:
        if name in person_of:
            return _canonical(person_of[name])
        person = _for_surname(by_surname.get(fold(name.split()[-1]), []), role)
        return _canonical(person) if person and len(name.split()) == 1 else name

    for q in quotes:
        if q.speaker:
            name, role = parsed[q.speaker]
            q.role = q.role or role
            q.speaker = canonical(name, q.role)
        if q.speaker_guess:
            q.speaker_guess = canonical(parsed[q.speaker_guess][0], "")
