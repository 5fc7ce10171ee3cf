"""The people one document names: full names, the roles given with them, and who was named when.

Built once per document from the text outside its quotations, so that "Lavrov" can be given its
fullest form ("Sergey Lavrov"), "the Kremlin spokesman" can be matched to the person introduced as
"Kremlin spokesman Dmitry Peskov", and "he" can be resolved to the person last named as the subject
of a sentence or of a speech verb.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from reader.quotes.names import (
    ABBREVIATED,
    AUXILIARIES,
    BODY_KINDS,
    BUILT_PLACES,
    DETERMINERS,
    FEMALE_FIRST_NAMES,
    FEMALE_WORDS,
    GENERIC_ROLES,
    GROUP_NOUNS,
    HANDLE,
    HONORIFICS,
    INDEFINITE,
    LAY_PEOPLE,
    LISTENER_MARKS,
    LIVE_STAMP,
    MALE_FIRST_NAMES,
    MALE_WORDS,
    OFFICE_TITLES,
    ORG_WORDS,
    PARTICLES,
    PERSON_ROLES,
    PLACE_NOUNS,
    PLACE_WORDS,
    POSSESSIVE_ENDS,
    PRONOUNS,
    QUANTIFIERS,
    ROLE_HEADS,
    ROLE_HINTS,
    ROLE_MODIFIERS,
    ROLE_SYNONYMS,
    SPEECH_VERBS,
    STOP_CAPS,
    SUBORDINATORS,
    WORD_RE,
    clean_token,
    fold,
    is_capitalised,
    is_head,
    is_person_name,
    is_speech_verb,
    names_a_body,
    one_of,
    sentence_starts,
    split_name,
)
from reader.quotes.nonnames import is_party_member, speaker_or_none

_CAP = (  # initials ("J.J.", "U.S."), an abbreviation ("Sen."), a capitalised word
    rf"(?:(?:[A-Z]\.){{2,}}(?=\s[A-Z])|{ABBREVIATED}(?=\s[A-Z])"
    r"|[A-Z\u00c0-\u00d6\u00d8-\u00de][\w\u2019'\-]*(?:\u2013[A-Z][\w\u2019'\-]*)*)"
)
_PARTICLES = "|".join(sorted(PARTICLES, key=len, reverse=True))
NAME_RUN_RE = re.compile(  # "Elena de la Peña": up to two particles between capitalised words
    rf"(?<![\w\u2019'.])(?:{_CAP})(?:[ \t\u00a0]+(?:(?:{_PARTICLES})[ \t\u00a0]+){{0,2}}{_CAP})*"
)
# A person introduced by name after a description: "a process engineer named " Priya Chandran.
_NAMED_RE = re.compile(r"\b(?:a|an|the)\s+(?:[a-z\-]+\s+){0,2}[a-z\-]+\s+named\s+$")
# A firm's name of names joined by "&" ("Castellanos & Reed"), and the end of one's first part.
_AMPERSAND_RE = re.compile(rf"{_CAP}(?:[ \t]+{_CAP})*(?:[ \t]+&[ \t]+{_CAP}(?:[ \t]+{_CAP})*)+")
_AMPERSAND_END_RE = re.compile(rf"{_CAP}[ \t]+&[ \t]+$")
# "the leader of the Progressive Front", "Center for X": a body's or a place's name follows
_PLACE_BEFORE = re.compile(r"\b(?:of|at|in|from|near)\s+(?:the\s+)?$|[A-Z]\w*\s+for\s+$")
_LOCATED_RE = re.compile(r"\b(?:at|in|from|near|outside|inside)\s+(?:the\s+)?$")
_ORG_NOUN_RE = re.compile(r"\b([a-z][a-z\-]+)\s+$")
_NAMED_PLACE_RE = re.compile(r"\s+([a-z]+)(?:\s+([a-z]+))?")  # "the Gateway shopping centre"
_OWNED_RE = re.compile(r"(?<=[\u2019']s)\s+([a-z]+)(?:\s+([a-z]+))?")
_JOINERS = frozenset(["of", "for", "to", "and", "the"])
_TITLE_ENDS = ROLE_HEADS | ROLE_MODIFIERS - _JOINERS  # last word of a title
# Words that make a title someone else's second: "the governor" is not the deputy governor.
SUBORDINATE_TITLES = frozenset(["deputy", "vice", "assistant", "associate", "under"])
LOOK_BACK = 200  # mentions searched back from a pronoun or a description
SUBJECT_REACH = 60  # a sentence's subject is named within this many characters of its start
_AFTER_RE = re.compile(r"(?:\s+[a-z]+){1,3}")
_FIRM_THINGS_RE = re.compile(  # what only a firm has, after its name
    r"(?:[\u2019']s)?\s+(?:parent\s+company|factory|factories|plant|plants|workers|employees|"
    r"headquarters|shareholders|subsidiary|subsidiaries|stores|products|chief\s+executive|"
    r"chief\s+operating\s+officer|ceo|shares|share\s+price)\b"
)
# What a firm is, set off after its name: ", the Toulouse rocket start-up", ", a Leeds insurer".
_FIRM_APPOSED_RE = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w\-\u2019']+\s+){0,4}?(?:company|firm|start-up|startup|"
    r"manufacturer|insurer|lender|retailer|carrier|airline|conglomerate|utility|chain)"
    r"(?=\s*[,.;)]|\s+(?:that|which|whose|in|from|with|run|[\w\-]+ed)\b)"  # "a firm co-owned
    # by"; not "Ruth Hale, the company's chief executive", "Jo Hale, the company chief executive,"
)
_SHARES_IN_RE = re.compile(r"\b[Ss]hares\s+in\s+$")  # "Shares in Halvern closed lower"
_ARTICLES = ("the", "a", "an")
_AND_BODY_RE = re.compile(  # "Midwives and " before "Nurses Alliance", "Food & " before ...
    r"(?<![\w\u2019'])((?:[A-Z][\w\u2019'\-]*[ \t]+){1,3}?)(and|&)[ \t]+$"
)
_ORG_OF_RE = re.compile(r"\b([A-Z][\w\u2019'\-]*)\s+of\s+(?:the\s+)?$")  # "Ministry of "
_OF_BODY_RE = re.compile(
    r"[ \t]+(of|for)[ \t]+(?:the[ \t]+)?"
    r"([A-Z][\w\u2019'\-]*(?:[ \t]+(?:and[ \t]+|&[ \t]+)?[A-Z][\w\u2019'\-]*)*)"
)
_PLACED_AFTER_RE = re.compile(r",?\s+(?:on|in|at|beside|near|behind|outside|inside|under|with)\s")
# A name right after a description, which names the person after all: "His wife, Maureen, said".
_NAMED_AFTER_RE = re.compile(
    r",?\s+[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){0,3}\s*(?:,|\s(?:said|says|told)\b)"
)
# Words opening a phrase that sets a scene before a sentence's subject ("At the pharmacy, ...").
_SCENE_OPENERS = frozenset(
    [
        "at",
        "in",
        "on",
        "outside",
        "inside",
        "near",
        "nearby",
        "after",
        "before",
        "during",
        "back",
        "later",
        "earlier",
        "meanwhile",
        "elsewhere",
        "across",
        "among",
        "from",
        "by",
        "with",
        "since",
        "today",
        "yesterday",
        "overnight",
        "afterwards",
        "then",
    ]
)
# A person left unnamed: an indefinite, owned or definite description ("one pharmacist", "A
# senior museum official", "A spokeswoman for the commission", "Her neighbour", "the owner"),
# group 2 its head (no body).
_HEADS = "|".join(sorted((ROLE_HEADS - ORG_WORDS) | LAY_PEOPLE, key=len, reverse=True))
_UNNAMED_RE = re.compile(
    r"\b(?:[Oo]ne|[Aa]n?|[Aa]nother|[Hh]er|[Hh]is|[Tt]heir|[Tt]he)\s+((?:[\w\-]+\s+){0,3}?)"
    rf"({_HEADS})\b(?:\s+for\s+(?:the\s+)?[A-Za-z][\w\-]*(?:\s+[A-Z][\w\-]*){{0,4}})?"
)
# A group of people left unnamed: "Two people familiar with the talks", "one of the officials".
_GROUP_RE = re.compile(
    rf"\b(?i:{'|'.join(sorted(QUANTIFIERS))}|one\s+of\s+the)\s+(?:[a-z\-]+\s+){{0,2}}?"
    rf"({'|'.join(sorted(GROUP_NOUNS, key=len, reverse=True))})\b"
)
_WHO_RE = re.compile(r"\s+who\s")
_PRONOUN_SUBJECT_RE = re.compile(r"[^.!?\n\u201c\"]{0,120}?,\s+(?:he|she)\s+[a-z]")
_PERSONAL_RE = re.compile(
    r"\b(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+([A-Z][\w\u2019'\-]*)"
    r"|\b([A-Z][\w\u2019'\-]*)(?=,\s+\d{1,3},|\s+(?:her|him)self\b)"
)
_COPULA_RE = re.compile(r"\b(?:is|was|are|were|been|became|becomes|remains|remained)\s+$")
_NEXT_WORD_RE = re.compile(r"[ \t]+([a-z][a-z\-]*)\b")
_APPOSED_RE = re.compile(rf",\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,3}}?(?:{_HEADS})\b")
_TOLD_GENDER_RE = re.compile(r"\s+(?:said|says|told\s+\w+|claimed|insisted)\s+(he|she)\b")
# A participle opening the sentence with its agent: "Asked by Cho why she ..., Ferris paused",
# "Reached by La Voix, the manager ... rejected": the agent is not the sentence's subject.
_FRONTED_AGENT_RE = re.compile(r"[A-Z][a-z]+ed\s+by\s+(?:the\s+)?")
_TOPIC_WORDS = frozenset(["Of", "About", "Regarding", "On", "Unlike", "Like"])
_HANDLE_RE = re.compile(rf"(?<![\w@/]){HANDLE}\b")
_SCENE_RE = re.compile(r"(?:^|[.!?]\s+|\n)(?:In|At|From|Near|Outside|Inside)\s+(?:the\s+)?$")
_HEAD_FROM_RE = re.compile(rf"\b(?:{_HEADS})\s+from\s+$")  # "the coach from " Almoraz
# What follows a dateline's place: "SANDVÅG — ", "PORT ELLERY, Skellan (Wire) - ".
_DATELINE_RE = re.compile(
    r"(?:,[ \t][A-Z][^\n,()]{0,30})?(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*[-\u2013\u2014][ \t]"
)
# A sentence opens here: after a full stop, a line break or a dateline ("LONDON (Wire) - ").
_SENTENCE_OPEN_RE = re.compile(
    rf"(?:^|[.!?\n][\"\u201d\u2019']?\s*|\)\s*[-\u2013\u2014]\s*|{LIVE_STAMP})$"
)


@dataclass(slots=True)
class Mention:
    """A person named at `pos`; `subject` when named as a sentence's subject or a speaker."""

    pos: int
    name: str
    subject: bool


@dataclass(slots=True)
class People:
    """The people named in one document."""

    full: dict[str, list[str]] = field(default_factory=dict)  # folded surname -> full names
    first: dict[str, list[str]] = field(default_factory=dict)  # folded first name -> full names
    roles: dict[str, list[str]] = field(default_factory=dict)  # full name -> roles given
    mentions: list[Mention] = field(default_factory=list)  # in text order
    positions: list[int] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)  # full name -> "m" / "f" when stated
    places: set[str] = field(default_factory=set)  # folded names used as places or bodies
    bodies: list[tuple[int, str, bool]] = field(default_factory=list)  # (pos, name, opens a
    # sentence) of named bodies
    short_bodies: set[str] = field(default_factory=set)  # first words of bodies named in full
    firms: set[str] = field(default_factory=set)  # names that own a firm's things
    named_times: Counter[str] = field(default_factory=Counter)  # folded first word of each
    # capitalised run -> how often the article uses it
    unnamed: list[tuple[int, str, str]] = field(default_factory=list)  # (pos, description,
    # gender "m", "f" or "") of people left unnamed as a sentence's subject ("One pharmacist
    # said", "Her neighbour, who", "The first caller said he was")
    described: list[tuple[int, str, str]] = field(default_factory=list)  # (pos, head, words)
    # of every person introduced unnamed ("spoke to a former employee")

    def is_place(self, name: str) -> bool:
        """True for a capitalised phrase the article uses as a place or a body ("at Calder
        Lane", "the charity Safe Harbour"), unless it also names a person."""
        return fold(name) in self.places

    def is_body(self, name: str) -> bool:
        """True for a name that stands for a body, never "he" or "she": one with an
        organisation word, the short form of a body the article names in full ("Northway" of
        "Northway Health"), or a word the article gives a firm's things ("Carrier's plant",
        "Carrier workers") and never a first name."""
        return names_a_body(name) or name in self.short_bodies or self.is_firm(name.split())

    def is_firm(self, name: list[str]) -> bool:
        """True for a name the article gives a firm's things ("Castellan chief executive"), or
        one opening with such a name that is no first name ("Castellan Hydro")."""
        if " ".join(name) in self.firms:
            return True
        return len(name) > 1 and name[0] in self.firms and not _first_name_gender(" ".join(name))

    def fullest(self, name: list[str], pos: int, role: list[str] | None = None) -> str:
        """The fullest form of `name` in this document (the nearest one before `pos` on ties);
        a bare surname given with a role ("Mayor Brandt") skips people given other roles."""
        given = " ".join(name)
        candidates = self.full.get(fold(name[-1]), [])
        if len(name) == 1 and not candidates:  # "Daniel said" after "nurse Daniel Okafor"
            candidates = self.first.get(fold(name[0]), [])
        core = [w for w in name if w.lower() not in PARTICLES]  # "de la Peña" is a surname
        if len(core) > 1:
            first = fold(core[0])[:1]
            candidates = [c for c in candidates if fold(c)[:1] == first]
        elif role:
            candidates = [c for c in candidates if self.may_hold(c, role)]
        if not candidates:
            return self.joined_body(given, pos) or given
        if len({fold(c.split()[0]) for c in candidates}) > 1:
            recent = self.last_named(pos, lambda n: n in candidates)
            if recent:
                return recent
        best = max(candidates, key=lambda c: len(c.split()))
        return best if len(best.split()) >= len(name) else given

    def joined_body(self, given: str, pos: int) -> str | None:
        """The body named before `pos` that joins `given` to another name ("Midwives" or
        "Nurses Alliance" of "the Midwives and Nurses Alliance"), or None."""
        for at, body, _ in reversed(self.bodies):
            if at < pos and any(
                body.startswith(f"{given} {joiner} ") or body.endswith(f" {joiner} {given}")
                for joiner in ("and", "&")
            ):
                return body
        return None

    def in_full(self, short: str, pos: int) -> str:
        """The body last named before `pos` in full whose name ends with the one word `short`
        ("the Commission" after "the Fair Trading Commission"), or `short`."""
        ends = [name for at, name, _ in self.bodies if at < pos and name.endswith(f" {short}")]
        return ends[-1] if ends and " " not in short else short

    def body_named(self, noun: str, pos: int, floor: int) -> str | None:
        """The body last named before `pos` whose name holds `noun` ("the council" after "the
        Northern Trade Council", "the ministry" after "the Ministry of Culture") or a word of
        its kind ("the company" after "Callan Harbour Holdings"), else the last body after
        `floor` that opened a sentence ("the union said" after "The Nurses Alliance, which
        represents 60 nurses, said"), or None."""
        kind = BODY_KINDS.get(fold(noun), frozenset()) | {fold(noun)}
        before = [(at, name, opens) for at, name, opens in self.bodies if at < pos]
        firm = fold(noun) in ("company", "firm")
        named = [
            name
            for _, name, _ in before
            if kind.intersection(_heads(fold(name))) or (firm and self.is_firm(name.split()))
        ]
        subjects = [name for at, name, opens in before if opens and at >= floor]
        found = named or subjects
        if not found:
            return None
        recent = any(at >= floor and name == named[-1] for at, name, _ in before) if named else 1
        if len(set(named)) > 1 and not recent:  # "the company" a paragraph after Novaterre and
            # its investor Ardent Ventures: the one the article names most (the last of those)
            most = max(self.named_times[fold(n.split()[0])] for n in named)
            found = [n for n in named if self.named_times[fold(n.split()[0])] == most]
        longer = [name for _, name, _ in before if name.startswith(f"{found[-1]} ")]
        return max(longer, key=len) if longer else found[-1]  # "Brennock" of "Brennock Marine"

    def remember(self, name: list[str]) -> None:
        """Know `name` as a person's (when it is a person's name), for its short forms."""
        if is_person_name(name):
            for key, table in ((name[-1], self.full), (name[0], self.first)):
                names = table.setdefault(fold(key), [])
                if " ".join(name) not in names:
                    names.append(" ".join(name))

    def may_hold(self, name: str, role: list[str]) -> bool:
        """False when `name` was given roles and none shares a head word with `role`."""
        heads = {fold(w) for w in role if w.lower() in ROLE_HEADS}
        given = {fold(w) for r in self.roles.get(name, []) for w in r.split()} & ROLE_HEADS
        return not heads or not given or bool(heads & given)

    def before(self, pos: int) -> list[Mention]:
        """The mentions before `pos`, nearest first (at most LOOK_BACK of them)."""
        i = bisect.bisect_left(self.positions, pos)
        return self.mentions[max(0, i - LOOK_BACK) : i][::-1]

    def last_named(self, pos: int, accept=lambda name: True, subject: bool = False) -> str | None:
        """The last person named before `pos` (only subjects if `subject`) that `accept`s."""
        for m in self.before(pos):
            if (m.subject or not subject) and accept(m.name):
                return m.name
        return None

    def last_position(self, name: str | None, pos: int) -> int:
        """Where `name` (None: any person as a subject) was last named before `pos` (-1 if not)."""
        wanted = (lambda m: m.subject) if name is None else (lambda m: m.name == name)
        return next((m.pos for m in self.before(pos) if wanted(m)), -1)

    def referent(
        self, pos: int, pronoun: str, floor: int = -1, never: frozenset[str] = frozenset()
    ) -> str | None:
        """Who `pronoun` (he, she, they) at `pos` means: the last subject whose known gender
        does not contradict it, or a later person whose known gender matches it. When the
        pronoun's gender rules out the last subject, the nearest person named since `floor` (the
        start of the previous paragraph) whose gender fits comes first. It is none of `never`."""
        want = {"he": "m", "she": "f"}.get(pronoun)
        excluded = False
        fitting: Mention | None = None  # the nearest non-subject whose known gender fits
        for m in self.before(pos):
            if (want and self.is_body(m.name)) or m.name in never:
                continue
            known = self.gender.get(m.name)
            if want and known and known != want:
                excluded = excluded or m.subject
                continue
            if m.subject or (excluded and m.pos >= floor):
                # past a subject the pronoun's gender ruled out, a nearer person whose gender
                # fits beats a subject whose gender is unknown, or one named before `floor`
                nearer = fitting is not None and (not known or fitting.pos >= floor > m.pos)
                return fitting.name if excluded and fitting and nearer else m.name
            if fitting is None and want and known == want:
                fitting = m
        person = lambda name: not (want and self.is_body(name)) and name not in never  # noqa: E731
        return fitting.name if fitting else self.last_named(pos, person)

    def unnamed_after(self, lo: int, pos: int, pronoun: str) -> str | None:
        """The last person left unnamed as a subject between `lo` and `pos` whom `pronoun` may
        mean (the description: "one pharmacist"), or None."""
        want = {"he": "m", "she": "f"}.get(pronoun)
        i = bisect.bisect_left(self.unnamed, (pos, "", ""))
        for at, description, said in reversed(self.unnamed[:i]):
            if at < lo:
                return None
            if not (want and said and said != want):
                return description
        return None

    def described_before(self, head: str | None, lo: int, pos: int) -> str | None:
        """The last description with `head` (None: any) of a person left unnamed between `lo`
        and `pos` ("museum official" from "A museum official, who declined to be named")."""
        i = bisect.bisect_left(self.described, (pos, "", ""))
        earlier = [w for at, said, w in self.described[:i] if at >= lo and head in (None, said)]
        return earlier[-1] if earlier else None

    def knows(self, name: str) -> bool:
        """True when `name` is a person this document names."""
        return any(m.name == name for m in self.mentions)

    def learn_gender(self, name: str, pronoun: str) -> None:
        """Record the gender a resolved pronoun ("she said" meaning `name`) gives a person."""
        gender = {"he": "m", "she": "f"}.get(pronoun)
        if gender:
            self.gender.setdefault(name, gender)

    def add(self, pos: int, name: str, subject: bool = True) -> None:
        """Record a mention (a speaker found by attribution counts as one)."""
        i = bisect.bisect_right(self.positions, pos)
        self.positions.insert(i, pos)
        self.mentions.insert(i, Mention(pos, name, subject))

    def by_role(self, words: list[str], pos: int) -> str | None:
        """The person whose given role best fits a description such as "the top diplomat"."""
        low = [fold(w) for w in words if w.lower() not in ("the", "a", "an")]
        heads = [fold(w) for w in words if fold(w) in ROLE_HEADS or w in LAY_PEOPLE]
        if not heads:
            return None
        head = heads[-1]
        wanted = ROLE_SYNONYMS.get(head, frozenset([head]))
        best: tuple[int, int, str] | None = None
        seen: set[str] = set()
        for m in self.before(pos):  # people named lately, nearest first
            if m.name in seen:
                continue
            seen.add(m.name)
            have = {fold(w) for role in self.roles.get(m.name, []) for w in role.split()}
            pairs = {fold(r) for role in self.roles.get(m.name, []) for r in _pairs(role)}
            if not (wanted & (have | pairs)):  # "press secretary" for "the spokesman"
                continue
            score = len(set(low) & have) + len(ROLE_HINTS.get(head, frozenset()) & have)
            score -= len((have & SUBORDINATE_TITLES) - set(low))  # "the governor": not the deputy
            if best is None or (score, m.pos) > best[:2]:
                best = (score, m.pos, m.name)
        return best[2] if best else None

    def role_of(self, name: str) -> str:
        """The first role the document gives `name`, or ""."""
        roles = self.roles.get(name)
        return roles[0] if roles else ""


def _pairs(role: str) -> list[str]:
    """The two-word phrases of `role` ("deputy press secretary" → "deputy press", "press
    secretary")."""
    words = role.split()
    return [f"{a} {b}" for a, b in itertools.pairwise(words)]


_SEATS = frozenset(["in", "at", "from"])  # before where a person sits: "a judge in Boston"


def _role_before(body: str, start: int, floor: int, given: list[str]) -> list[str]:
    """Role words before a name: "Kremlin spokesman", "US Secretary of State", "the U.S. ambassador
    to Russia," (`given` are role words already inside the capitalised run)."""
    tokens = WORD_RE.findall(body[max(floor, start - 70) : start])
    if not given and tokens and tokens[-1] in (",", "\u2013", "\u2014", "-"):
        tokens = tokens[:-1]
        placed = len(tokens)  # "a federal judge in San Francisco, Harriet Lam": where they sit
        while placed > 0 and is_capitalised(tokens[placed - 1]):
            placed -= 1
        if 2 <= placed < len(tokens) and tokens[placed - 1] in _SEATS:
            tokens = tokens[: placed - 1]
    role: list[str] = []
    for word in reversed(tokens[-7:]):
        low = word.lower().rstrip(".")
        if (
            low in ROLE_HEADS
            or word in LAY_PEOPLE  # "His wife, Audrey,"
            or low in ROLE_MODIFIERS
            or (is_capitalised(word) and low not in STOP_CAPS)
        ):
            role.insert(0, word)
        else:
            break
    role = [clean_token(w) for w in role + given]
    while role and role[0].lower() in ("of", "for", "to", "and", "the"):
        role = role[1:]
    return role if any(w.lower() in ROLE_HEADS or w in LAY_PEOPLE for w in role) else []


_APPOSITION_RE = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?([\w\u2019'. \-]{2,90}?)\s*[,.;]")


# First words of a phrase after a name that tell what the person did, not who they are.
_NOT_DESCRIBING = frozenset(
    ("through", "via", "with", "by", "for", "to", "from", "at", "in", "on", "like", "as",
     "according")
)  # fmt: skip


def _gender(body: str, start: int, end: int, role: list[str]) -> str:
    """ "m" or "f" when the words given with the name say so: a title or role noun before it (Mr,
    Ms, spokeswoman, actress) or in an apposition after it ("Reed, a former actress,"), not in
    words about someone else ("Reed, through a spokeswoman,", "a surrogate for Mr. Sanders")."""
    before = body[max(0, start - 25) : start].split()
    after = _APPOSITION_RE.match(body, end, min(len(body), end + 70))
    described = _own(after.group(1).split()) if after else []
    words = before[-1:] + role + described
    for word in words:
        low = word.lower().rstrip(".")
        if low in MALE_WORDS:
            return "m"
        if low in FEMALE_WORDS:
            return "f"
    return ""


def _own(words: list[str]) -> list[str]:
    """The words of a description up to the first that starts someone else's ("surrogate for
    Mr. Sanders" -> "surrogate")."""
    cut = next((i for i, w in enumerate(words) if w.lower() in _NOT_DESCRIBING), len(words))
    return words[:cut]


def _first_name_gender(name: str) -> str:
    """ "m" or "f" when a full name's first name is a common one of that gender ("Hillary
    Clinton", "Ted Cruz")."""
    words = name.split()
    first = fold(words[0]) if len(words) > 1 else ""
    return "m" if first in MALE_FIRST_NAMES else "f" if first in FEMALE_FIRST_NAMES else ""


_NOT_MODIFYING = STOP_CAPS | {"whose", "which", "has", "had", "is", "was"}  # before a place noun


def _located(body: str, start: int, end: int) -> bool:
    """True when the capitalised phrase at body[start:end] is used as a place or a body: after
    "at/in/from/near", after a body's noun ("the housing charity Safe Harbour") or as the owner
    of a place ("Harrow Field's stands"), or before what kind of place it is ("the Brackenfield
    Gateway shopping centre")."""
    if _LOCATED_RE.search(body, max(0, start - 10), start):
        return True
    noun = _ORG_NOUN_RE.search(body, max(0, start - 20), start)
    if noun and noun.group(1) in ORG_WORDS:
        return True
    named = _NAMED_PLACE_RE.match(body, end)  # "the Calder Lane ground", "... leisure centre"
    if named and (
        named.group(1) in BUILT_PLACES
        or (named.group(2) in BUILT_PLACES and named.group(1) not in _NOT_MODIFYING)
    ):
        return True  # not "fans of Ida Rae whose stadium tour"
    owned = _OWNED_RE.match(body, end)
    return owned is not None and bool(PLACE_NOUNS.intersection(owned.groups()))


def _role_after(body: str, end: int) -> list[str]:
    """A role given after a name between commas: "Felix Reed, the city's mayor, said"."""
    m = _APPOSITION_RE.match(body, end, min(len(body), end + 100))
    if not m:
        return []
    words = m.group(1).split()
    low = [w.lower() for w in words]
    if low[0] in _NOT_DESCRIBING:  # "Reed, through a spokeswoman, declined"
        return []
    headed = any(  # "president of Redmoor Athletic"
        w in ROLE_HEADS and n in ("of", "at", "for") for w, n in itertools.pairwise(low[:4])
    )
    return [clean_token(w) for w in words] if low and (low[-1] in ROLE_HEADS or headed) else []


def _is_subject(body: str, start: int, end: int, floor: int, named_before: int) -> bool:
    """Named right before a speech verb, or as the first person near the start of a sentence
    ("Army chief of staff Andrei Fischer resumed...", "On Monday, Peskov told..."); never whom
    something was said to ("told the Herald", "speaking to Mayor Reed")."""
    lead = body[max(floor, start - 20) : start].lower().split()
    if lead and lead[-1] in DETERMINERS:
        lead = lead[:-1]
    if lead and lead[-1] in LISTENER_MARKS:
        return False
    if _inverted_speaker(body, start, end, floor):
        return True
    if _speaks_after(body, end):
        return True
    set_off = body[max(floor, start - 3) : start].rstrip().endswith(",")  # "its chief, Jo Hale,
    if set_off and body.startswith(",", end) and _speaks_after(body, end + 1):  # apologised"
        return True
    lo = max(floor, start - SUBJECT_REACH)
    breaks = _sentence_breaks(body, lo, start)
    cut = breaks[-1] if breaks else floor
    if not breaks and lo > floor:  # a long phrase set first: "Speaking to 200 supporters
        breaks = _sentence_breaks(body, floor, start)  # at a union hall on Decatur Street on
        cut = breaks[-1] if breaks else floor  # Wednesday night, Okafor ... struck"
        return named_before <= cut and _after_fronted(body, cut, start, end)
    if named_before > cut:
        return False  # named someone before
    opening = body[cut:start]
    words = [w.strip(",;:") for w in opening.lower().split()]
    if _after_fronted(body, cut, start, end):
        return True
    if words and words[0].endswith("ing") and _PLACED_AFTER_RE.match(body, end):
        return False  # "Standing beside the officer, Margaret Oakes, on the stage, the ..."
    stops = SPEECH_VERBS | PRONOUNS | {"that", "whom", "who", "than"}  # "He sided with Reed"
    return not any(w in stops for w in words)


def _after_fronted(body: str, cut: int, start: int, end: int) -> bool:
    """True for a name (and its title) right after a clause set before its sentence's subject:
    "As he was led away, Halloran turned", "When … announced, U.S. Attorney Renee Caldwell",
    "Asked by Cho why she …, Ferris paused", "Speaking to supporters on Monday, Okafor"."""
    opening = body[cut:start]
    words = [w.strip(",;:") for w in opening.lower().split()]
    participle = bool(words) and words[0].endswith("ing") and not _PLACED_AFTER_RE.match(body, end)
    subordinate = words and (words[0] in SUBORDINATORS or _FRONTED_AGENT_RE.match(opening))
    if not (subordinate or participle) or "," not in opening:
        return False
    title = opening.rsplit(",", 1)[1].split()
    return all(w[0].isupper() or w.lower() in DETERMINERS or is_head(w) for w in title)


# Titles a speaker puts before a surname: "Mister Malloy", "President Obama".
ADDRESS_TITLES = frozenset(
    ["mister", "senator", "president", "governor", "mayor", "judge", "minister", "secretary"]
)


_VOCATIVE_RE = re.compile(  # a name called out first: "Claire,", "Councillor Brandt,"
    r"\W*(?:[A-Z][\w\u2019'.\-]+\s){0,2}([A-Z][\w\u2019'\-]+),\s"
)


def named_in_quote(text: str, names: set[str]) -> frozenset[str]:
    """Those of `names` that `text` names in full, by a title and the surname ("Sean Malloy",
    "Mister Malloy") or by calling out to them first ("Sean, we lost"); a bare surname ("the
    Trump supporters") names nobody for sure."""
    words = [fold(w) for w in WORD_RE.findall(text)]
    pairs = set(itertools.pairwise(words))
    titled = {b for a, b in pairs if a.rstrip(".") in HONORIFICS | ADDRESS_TITLES}
    called = _VOCATIVE_RE.match(text)  # "Claire, I called it a setback": whom it is said to
    calls = fold(called.group(1)) if called else None
    return frozenset(
        name
        for name in names
        if len(parts := [fold(w) for w in name.split()]) > 1
        and (
            (parts[-2], parts[-1]) in pairs or parts[-1] in titled or calls in (parts[0], parts[-1])
        )
    )


def _opens_clause(body: str, start: int, floor: int) -> bool:
    """True when `start` opens its sentence, or follows only an opening phrase set off by a
    comma ("At the pharmacy on High Street, one pharmacist said")."""
    lo = max(floor, start - 2 * SUBJECT_REACH)
    breaks = _sentence_breaks(body, lo, start)
    if not breaks and lo > floor:
        return False
    lead = body[breaks[-1] if breaks else floor : start].strip()
    if not lead:
        return True
    first = lead.split()[0].lower()  # "At the pharmacy,", not "Jo Hale, a nurse," (apposition)
    return first in _SCENE_OPENERS and lead.endswith(",") and lead.count(",") == 1


def _sentence_breaks(body: str, lo: int, hi: int) -> list[int]:
    """Where sentences or lines start in body[lo:hi]; a title's full stop ("Sen.") is none."""
    lines = [m.end() for m in re.finditer("\n", body[lo:hi])]
    starts = [s for s in sentence_starts(body, lo, min(len(body), hi + 2)) if s <= hi]
    return sorted(starts + [lo + end for end in lines])


def _owner_part(name: str) -> str:
    """A body's name up to a possessive ("Teaching Staff" of "Teaching Staff's Eastfield")."""
    words = name.split()
    for n, word in enumerate(words):
        if word.endswith(POSSESSIVE_ENDS):
            return " ".join([*words[:n], clean_token(word)])
    return name


def find_people(
    body: str, paragraphs: list[tuple[int, int]], masked: list[tuple[int, int]]
) -> People:
    """Scan `body` outside the `masked` spans (the quotations) for people and their roles."""
    people = People()
    found: list[tuple[int, int, list[str], list[str], list[str], list[str]]] = []
    starts = [p[0] for p in paragraphs]
    mask_starts = [s for s, _ in masked]
    personal = _personal(body)
    for m in NAME_RUN_RE.finditer(body):
        run = m.group().split()
        if len(run) == 1 and run[0].lower() in STOP_CAPS:
            continue  # "The", "However": the commonest capitalised words are no names
        named_first = run[1] if run[0].lower() in _ARTICLES and len(run) > 1 else run[0]
        people.named_times[fold(clean_token(named_first))] += 1
        name, role = split_name(run)
        quoted = _inside(masked, mask_starts, m.start())
        opening = m.start() == 0 or body[m.start() - 1] == "\n"
        if opening and all(w.isupper() for w in run) and _DATELINE_RE.match(body, m.end()):
            people.places.add(fold(" ".join(run)))  # "SANDVÅG — The shipping company ...":
            continue  # a dateline's place, never a body or a speaker
        body_name = run[1:] if run[0].lower() in _ARTICLES else run
        acronym = len(body_name) == 1 and body_name[0].isupper() and len(body_name[0]) > 1
        of = _OF_BODY_RE.match(body, m.end())  # "the Ministry of Culture", "Office for …"
        org_word = run[-1].lower() in ORG_WORDS
        joined = org_word and _AND_BODY_RE.search(body, max(0, m.start() - 60), m.start())
        organised = org_word and (len(run) > 1 or bool(of or joined))
        labels = opening and body.startswith(":", m.end())  # a transcript's "SANDHU:"
        if (acronym and body_name[0].isalpha() and not labels) or organised:  # "Federation of …"
            opens = not quoted and _opens_sentence(body, m.start())
            start = m.start()
            first = (
                [w for w in joined.group(1).split() if w.lower() not in _ARTICLES] if joined else []
            )
            other = any((w.isupper() and len(w) > 1) or w.lower() in ORG_WORDS for w in first)
            if joined and organised and first and not other:  # "the Midwives and Nurses
                start = joined.start()  # Alliance" is one body, "the FBI and Justice Department"
                body_name = [*first, joined.group(2), *body_name]  # two
            after = f" {of.group(1)} {_owner_part(of.group(2))}" if of else ""
            full = " ".join(body_name) + after  # "the Office for Medicines Oversight"
            people.bodies.append((start, full, opens))
        shares_in = _SHARES_IN_RE.search(body, max(0, m.start() - 12), m.start())
        firm_said = _FIRM_THINGS_RE.match(body, m.end()) or _FIRM_APPOSED_RE.match(body, m.end())
        if not quoted and (firm_said or shares_in):
            firm_name = clean_token(" ".join(body_name))  # "Carrier's parent company", "the
            people.firms.add(firm_name)  # Corvane Agrochem plant": a firm the article names
            people.bodies.append((m.start(), firm_name, _opens_sentence(body, m.start())))
        first_named = _first_name_gender(" ".join(name))  # "reporting from Nina Castell"
        located = _located(body, m.start(), m.end())
        streets = len(name) > 1 and name[-1].lower() in PLACE_WORDS - {"park"}  # "Quay Street"
        if len(name) > 1 and not role and not first_named and (located or streets):
            people.places.add(fold(" ".join(name)))  # inside a quotation too
        lead = run[: len(run) - len(name)]  # "In Radomir", or "At the Camping du Lac,"
        opened = " ".join(lead) if lead else body[max(0, m.start() - 12) : m.start()]
        if name and body.startswith(",", m.end()) and _SCENE_RE.search(opened + " "):
            people.places.add(fold(" ".join(name)))  # "In Radomir, the president said": a place
        firm = _AMPERSAND_RE.match(body, m.start())  # "Castellanos & Reed": a firm's name
        heading = firm and opening and body.startswith("\n", firm.end())  # an outlet's line
        if firm and not (quoted or heading):
            people.bodies.append((m.start(), firm.group(), _opens_sentence(body, m.start())))
        if quoted or firm or _AMPERSAND_END_RE.search(body[max(0, m.start() - 40) : m.start()]):
            continue
        after_of = _PLACE_BEFORE.search(body, max(0, m.start() - 30), m.start())
        honorific = run[0].lower().rstrip(".")
        placed = after_of and honorific not in HONORIFICS and not first_named  # "a call from
        placed = placed and not (name and name[-1] in personal)  # Sam Reyes", "fans of
        if not name or (len(name) > 1 and not role and placed):  # Ida Rae" are people
            continue  # "the Confederation of Estravan Workers": a body or a place
        owner = _ORG_OF_RE.search(body, max(0, m.start() - 40), m.start())
        if owner and owner.group(1).lower() in ORG_WORDS:
            continue  # "the Ministry of Education": no person called Education
        para = starts[max(0, bisect.bisect_right(starts, m.start()) - 1)] if starts else 0
        title = _role_before(body, m.start(), para, role)
        if not title and honorific in OFFICE_TITLES:  # "Gov. Mike Pence": the governor
            title = [OFFICE_TITLES[honorific]]
        if not title and role and role[-1].lower() == "justice":  # "Mrs Justice Ames": a judge
            title = role
        if len(name) == 1 and _HEAD_FROM_RE.search(body, max(0, m.start() - 40), m.start()):
            people.places.add(fold(name[0]))  # "the coach from Almoraz": where the coach is from
            continue
        found.append((m.start(), m.end(), name, title or _role_after(body, m.end()), run, title))
    for m in _UNNAMED_RE.finditer(body):  # "One pharmacist said", "Her neighbour, who"
        quoted = _inside(masked, mask_starts, m.start())
        head, end = m.group(2), m.end()
        while body.startswith(head, end - len(head)) and (more := _NEXT_WORD_RE.match(body, end)):
            if not is_head(more.group(1)) or more.group(1) in GROUP_NOUNS:
                break
            head, end = more.group(1), more.end()  # "A veteran promoter", not "A veteran"
        para = starts[max(0, bisect.bisect_right(starts, m.start()) - 1)] if starts else 0
        fronted = m.group()[0].isupper() and m.group().split()[0].lower() in INDEFINITE
        someone = _NAMED_AFTER_RE.match(body, end) or (
            fronted and _PRONOUN_SUBJECT_RE.match(body, end)
        )
        someone = someone or _COPULA_RE.search(body, max(0, m.start() - 12), m.start())  # "The
        # vice-chancellor is a former chemist who": what someone named is
        if quoted or not is_head(head) or head in GROUP_NOUNS or someone:
            continue  # "His wife, Maureen, was less sure": named after all; "A lawyer whose
            # parents came from Kessane, she began": a description of someone named before
        if m.group().split()[0].lower() in INDEFINITE:  # "a museum official", not "her rival"
            people.described.append((m.start(), head, body[m.start(1) : end]))
        introduced = _WHO_RE.match(body, end)  # "I met a retired nurse who lost her home"
        speaks = _speaks_after(body, end)
        opens = _opens_clause(body, m.start(), para)
        if m.group().split()[0].lower() == "the":  # "At the bar, the owner, who …, said he had
            anyone = head in GENERIC_ROLES | LAY_PEOPLE  # …": not a title ("the minister")
            opens, speaks, introduced = anyone and opens and speaks, False, None
        if opens or speaks or introduced:
            described = body[m.start() : end].strip()
            people.unnamed.append((m.start(), described, _gender_of(body, described, end)))
    for m in _GROUP_RE.finditer(body):  # "the person said" after "Two people familiar with"
        if not _inside(masked, mask_starts, m.start()):
            member = one_of(m.group(1).lower())
            people.described.append((m.start(), member, member))
    people.described.sort()
    people.places -= {  # "came from Jonah Whitcombe, a senior engineer" / "Whitcombe added"
        fold(" ".join(f[2]))
        for f in found
        if is_person_name(f[2])
        and f[2][-1].lower() not in PLACE_WORDS  # "Quay Street, the owner, said": a street
        and (_speaks_after(body, f[1]) or _APPOSED_RE.match(body, f[1]))
    }
    found = [f for f in found if not people.is_place(" ".join(f[2]))]
    for start, _, name, *_ in found:  # "Castellan Hydro ... Castellan chief executive": a firm
        if people.is_firm(name):
            people.bodies.append((start, " ".join(name), _opens_sentence(body, start)))
    people.bodies.sort()
    people.short_bodies = {n.split()[0] for _, n, _ in people.bodies if len(n.split()) > 1}
    found = [f for f in found if not people.is_firm(f[2])]
    kept = [(f, speaker_or_none(" ".join(f[2]))) for f in found]  # "Is Google Stadia"
    found = [  # none: "In her New Year speech", "a Colorado Republican"
        (f[0], f[1], name.split(), *f[3:]) for f, name in kept if name and not is_party_member(f[2])
    ]
    for _, _, name, _, _, _ in found:
        people.remember(name)
    speaking = {fold(f[2][0]) for f in found if len(f[2]) == 1 and _speaks_after(body, f[1])}
    named = 0  # a person named earlier in the sentence is its subject, not a later one
    for n, (start, end, name, role, run, title) in enumerate(found):
        titled = bool(role) and role[-1].lower() in _TITLE_ENDS
        person = (
            is_person_name(name)
            or fold(name[-1]) in people.full
            or (len(name) == 1 and fold(name[0]) in people.first)
        )
        person = person or run[0].lower().rstrip(".") in HONORIFICS  # "Mr. Trump"
        person = person or (len(name) == 1 and fold(name[0]) in speaking)  # "Cruz admitted"
        if not person and not (titled and any(w.lower() in PERSON_ROLES for w in role)):
            continue
        full = people.fullest(name, start, title)  # "Ferrante, a businessman": any Ferrante
        gender = _gender(body, start, end, _own(role) + run) or _first_name_gender(full)
        if gender:
            people.gender.setdefault(full, gender)
        if role:
            roles = people.roles.setdefault(full, [])
            if " ".join(role) not in roles:
                roles.append(" ".join(role))
        para = starts[max(0, bisect.bisect_right(starts, start) - 1)] if starts else 0
        employer = n + 1 < len(found) and _employs(body[end : found[n + 1][0]])
        topic = run[0] in _TOPIC_WORDS and len(run) > len(name) and body.startswith(",", end)
        aside = topic or _fronted_agent(body, start, para)  # "Of Adjei,", "Asked by Marsh why"
        introduced = _NAMED_RE.search(body, max(0, start - 30), start)  # "an engineer named X"
        subject = not (employer or aside) and (
            bool(introduced) or _is_subject(body, start, end, para, named)
        )
        people.add(start, full, subject)
        if not (employer or aside or run[-1].endswith(("'s", "\u2019s"))):  # "Reed's lawyer X"
            named = end
    for m in _HANDLE_RE.finditer(body):  # "On TikTok, @rae_22 held up her ticket": an account
        if not _inside(masked, mask_starts, m.start()):
            para = starts[max(0, bisect.bisect_right(starts, m.start()) - 1)] if starts else 0
            people.add(m.start(), m.group(), _opens_clause(body, m.start(), para))
    _add_role_subjects(people, body, masked)
    return people


def _heads(name: str) -> set[str]:
    """The words of a body's name that say what kind of body it is: its last, and the one
    before "of" or "for" ("regional water authority" is an authority, "ministry of culture" a
    ministry)."""
    words = name.split()
    return {words[-1], *(w for w, after in itertools.pairwise(words) if after in ("of", "for"))}


def _personal(body: str) -> set[str]:
    """The words the article treats as a person's surname somewhere: with an honorific ("Ms
    Rae"), an age ("Rae, 29,") or a reflexive ("Rae herself")."""
    return {m.group(1) or m.group(2) for m in _PERSONAL_RE.finditer(body)}


def _fronted_agent(body: str, start: int, floor: int) -> bool:
    """True when the name at `start` is the agent of a participle opening its sentence."""
    lo = max(floor, start - 24)
    breaks = _sentence_breaks(body, lo, start)
    cut = breaks[-1] if breaks else floor
    return cut >= lo and _FRONTED_AGENT_RE.fullmatch(body, cut, start) is not None


def _opens_sentence(body: str, pos: int) -> bool:
    """True when a sentence opens at `pos` (after a full stop, a line break or a dateline)."""
    return _SENTENCE_OPEN_RE.search(body, max(0, pos - 20), pos) is not None


def _inside(masked: list[tuple[int, int]], mask_starts: list[int], pos: int) -> bool:
    """True when `pos` lies inside one of the `masked` spans (whose starts are `mask_starts`)."""
    k = bisect.bisect_right(mask_starts, pos) - 1
    return k >= 0 and masked[k][0] <= pos < masked[k][1]


# A definite description opening a sentence: "The judge was alive to the stakes."
_ROLE_SUBJECT_RE = re.compile(rf"\bThe\s+((?:[a-z][\w\-]*\s+){{0,2}}?)({_HEADS})\b")


def _add_role_subjects(people: People, body: str, masked: list[tuple[int, int]]) -> None:
    """Count "The judge ..." opening a sentence as a mention, as a subject, of the one person
    the article gave that role before ("Judge Ann Mowbray ... The judge was alive to it.")."""
    mask_starts = [s for s, _ in masked]
    for m in _ROLE_SUBJECT_RE.finditer(body):
        quoted = _inside(masked, mask_starts, m.start())
        if quoted or not _opens_sentence(body, m.start()) or _NAMED_AFTER_RE.match(body, m.end()):
            continue  # "The party's leader, Jo Hale, said": named there
        holder = people.by_role(m.group().split(), m.start())
        if holder is not None:
            people.add(m.start(), holder)


_INVERTED_RE = re.compile(r"[,\u201d\"'\u2019]\s*([a-z]+)\s+$")


def _inverted_speaker(body: str, start: int, end: int, floor: int) -> bool:
    """True for a name right after a quotation's speech verb and ending its clause ("…,” said
    Christine Link, a director"), not the subject of a reported clause ("says Obama knows")."""
    verb = _INVERTED_RE.search(body, max(floor, start - 20), start)
    return bool(verb and is_speech_verb(verb.group(1))) and body[end : end + 1] in (",", ".")


_DESCRIBED_RE = re.compile(r",[ \t]+(?:[a-z]|\d)[^,;.!?\n\"\u201c\u201d]{0,80},")


def described_gender(described: str) -> str:
    """The gender a description gives ("a spokeswoman", "his father"): "m", "f" or ""."""
    words = {fold(w) for w in described.split()}
    if words & (MALE_WORDS | FEMALE_WORDS):
        return "m" if words & MALE_WORDS else "f"
    return ""


def _gender_of(body: str, described: str, end: int) -> str:
    """The gender of a person left unnamed: its description's ("a spokeswoman", "his father")
    or the pronoun its speech verb reports ("The first caller said he was"): "m", "f" or ""."""
    if described_gender(described):
        return described_gender(described)
    told = _TOLD_GENDER_RE.match(body, end)
    return ("m" if told.group(1) == "he" else "f") if told else ""


def _speaks_after(body: str, end: int) -> bool:
    """True when a speech verb follows body[:end], past a description set off by commas,
    auxiliaries and -ly adverbs ("Cruz openly admitted", "Roberta Lange, the state party
    chairwoman, said")."""
    described = _DESCRIBED_RE.match(body, end, min(len(body), end + 90))
    end = described.end() if described else end
    after = _AFTER_RE.match(body, end, min(len(body), end + 40))
    for word in after.group().split() if after else []:
        if is_speech_verb(word):
            return True
        if word not in AUXILIARIES and not (word.endswith("ly") and len(word) > 4):
            break
    return False


def _employs(between: str) -> bool:
    """True for the role words between a name and the next one when the first is whom the
    second works for ("Obama consultant Cornell Belcher", "McConnell spokesman Don Stewart")."""
    words = between.split()
    return (
        0 < len(words) <= 3
        and all(w.islower() and w.isalpha() for w in words)
        and (words[-1] in ROLE_HEADS)
    )
