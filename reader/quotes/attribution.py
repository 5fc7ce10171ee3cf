"""Who said each quotation.

Each quotation is read against the words on both sides of it, in its own paragraph:
  after it   `“…,” Lavrov said` / `“…,” said Lavrov` / `“…,” the top diplomat explained` /
             `“…”, according to Lavrov`
  before it  `Lavrov told reporters, “…”` / `Lavrov said: “…”` / `Lavrov concluded that “…”` /
             `Reed, the mayor, said “…”` / `according to Lavrov, “…”` / `what Psaki called “…”` /
             a sentence ending with a colon (`Peskov echoed the charge:`)
  an embedded post (`— Name (@handle) date` under it) is its author's; a transcript's turn
  (`SMITH: …`, `RESIDENT (Jane Roe, nurse): …`) is its label's.
Then by position: a quotation standing alone right after a sentence whose subject is a person
("And the judge did not hold back." / "Osei is standing outside.") is that person's, and so is
one inside a sentence whose subject is a person ("Bush referred to Rubio as “…”"); one with no
words of its own otherwise continues the one before it in the same
paragraph, is claimed by the next one there, takes the speaker introduced at the end of the
previous paragraph (a colon, or reported speech: `Natarajan said the numbers...`), or continues
the previous paragraph's speaker. Pronouns go to the person last named as a subject (skipping
people whose gender (Mr/Ms, actress, an earlier "she said") does not fit); roles ("the Kremlin
spokesman") to the person given that role in the article. When the evidence is weak the speaker
stays unknown and `speaker_guess` holds the best guess; `attribution` names the evidence
(said-after, said-before-name, intro, intro-colon, said-that, according-to, colon-intro, post, turn,
document, it ("“…,” it says": the document or body before),
subject-participle, previous-sentence, sentence-subject, continues, continued-by, reported-before,
previous-paragraph, guess; with
"-unsure" when the words found name nobody the article identifies).

Where the rules are least sure — "he said" and quotes attributed by position — the speaker
ranker (`ranker`) then chooses among the candidates (tag "ranked-candidates" for another person,
"-unsure" added when it is not sure enough to name anyone).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise

from reader.documents.model import Document
from reader.quotes.extraction import (
    BROADCAST_ROLES,
    QA_LABELS,
    TWEET_RE,
    Turn,
    transcript_turns,
    without_nicknames,
)
from reader.quotes.model import UNNAMED, Quote, QuoteKind, is_unnamed
from reader.quotes.names import (
    BODY_NOUNS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    EPITHET_MODIFIERS,
    GENERIC_ROLES,
    GROUP_NOUNS,
    HANDLE,
    INDEFINITE,
    LAY_PEOPLE,
    NAMING_VERBS,
    ORG_WORDS,
    PERSON_ROLES,
    PLACE_WORDS,
    POSSESSIVE_ENDS,
    POSTNOMINALS,
    PRONOUNS,
    QUANTIFIERS,
    ROLE_HEADS,
    STATEMENT_NOUNS,
    STOP_CAPS,
    SUBORDINATORS,
    WORD_RE,
    clean_token,
    fold,
    is_capitalised,
    is_document_source,
    is_head,
    is_person_name,
    is_speech_verb,
    names_a_body,
    one_of,
    sentence_starts,
    split_name,
)
from reader.quotes.nonnames import PARTY_MEMBERS, is_party_member, speaker_or_none
from reader.quotes.people import People, described_gender, find_people, named_in_quote
from reader.quotes.ranker import Ranker, rank, shipped_ranker
from reader.quotes.speaker_candidates import GENDER, Evidence
from reader.quotes.speech import (
    CIRCUMSTANCES,
    CLAUSE_OPENERS,
    CONNECTORS,
    COORDINATING,
    DASHES,
    ISSUING_VERBS,
    MARKS_AND_SPACE,
    SPOKESPEOPLE,
    SUING_VERBS,
    TOPIC_PREPOSITIONS,
    UNNAMED_TAIL,
    WINDOW,
    Found,
    Result,
    closes_sentence,
    closing_clause,
    issuer,
    member_end,
    phrase_after,
    phrase_before,
    post_owner,
    sentence_subject,
)

# Prepositions opening a phrase set before a sentence's subject ("In a statement issued on the
# day of Varga’s sentencing, she said"), whose people the subject is not.
FRONTING = TOPIC_PREPOSITIONS | frozenset(("in", "at", "from", "during", "despite", "amid"))
# Words after which a description of an unnamed source goes on about something else.
DESCRIPTION_ENDS = CLAUSE_OPENERS | UNNAMED_TAIL | frozenset(["of", "for"])
# Documents a court issues, which speak for its judge: "the ruling states".
COURT_DOCUMENTS = frozenset(["ruling", "judgment", "judgement", "order", "verdict"])
# Heads that describe a source as unnamed, with or without "the": "the insider said".
ANONYMOUS_HEADS = frozenset(["source", "sources", "insider", "insiders"])
# A programme's presenter named in its header: "Presented by Ruth Calloway", "Host: Jo Hale".
PRESENTED_BY_RE = re.compile(
    r"\b(?:[Pp]resented|[Hh]osted|[Aa]nchored) by ([A-Z][\w'\u2019\-]+(?: [A-Z][\w'\u2019\-]+)+)"
)
PRESENTING = frozenset(["presenter", "host", "anchor"])  # the labels of the programme's presenter
# Words of a transcript label's note in capitals that direct rather than name: "(THROUGH
# INTERPRETER)", "(OFF CAMERA)", "(VIA PHONE)".
DIRECTIONS = frozenset(
    ("through", "via", "on", "off", "in", "by", "interpreter", "translator", "translation",
     "camera", "phone", "tape", "mic", "voice", "live", "continuing")
)  # fmt: skip
# Transcript labels naming no one: "UNIDENTIFIED MALE", "UNKNOWN SPEAKER", "CROWD".
UNNAMED_FIRST = frozenset({"unidentified", "unknown", "unnamed", "anonymous"})
UNNAMED_LABELS = frozenset(
    {"crowd", "audience", "group", "protesters", "voices", "chorus", "all", "both", "several"}
)
# A line naming who spoke the quotation above it, as in vox-pops: "Maria Lopez, 42, teacher".
SIGNATURE_RE = re.compile(
    r"[\u2014\u2013-]?[ \t]*((?:[A-Z][\w'\u2019-]*\.?[ \t]+){0,3}[A-Z][\w'\u2019-]*)"
    r"(?:[ \t]*,[ \t]*[^\n.!?,]{1,40}){0,3}\.?[ \t]*$"
)
LABEL_RE = re.compile(r"[A-Z]{2,}(?:[ \t][A-Z]{2,})?:")  # a fact-check's "CLAIM:"
CLOSING = MARKS_AND_SPACE + "\n\u201d\u2019.,"  # what may close a quotation before its signature
# A paragraph naming whose the quotation standing before it was: "That was the view of Kenji
# Morrow", "Those were the words of Ana Ruiz", "The words are Tariq Saleem’s".
_NAME = r"([A-Z][\w'\u2019\-]*(?: [A-Z][\w'\u2019\-]*){0,3})"
NAMED_AFTER_RE = re.compile(
    r"(?:(?:[Tt]hat|[Tt]his|Those|These|Such) (?:was|is|were|are) (?:the )?(?:view|verdict|words?|"
    rf"assessment|warning|message|judge?ment|opinion|conclusion|reaction|response) of {_NAME}"
    rf"|The words (?:are|were) {_NAME}[\u2019']s\b)"
)
# A social account's handle as a post's speaker, after the quotation ("“…,” wrote @gina on X")
# or before it ("u/kid replied: “…”").
_HANDLE = f"({HANDLE})"
_POSTED = r"(?:wrote|writes|posted|posts|replied|replies|tweeted|tweets|commented|said|says)"
HANDLE_AFTER_RE = re.compile(rf"[,.!?]?[\u201d\u2019\"']*\s+{_POSTED}\s+{_HANDLE}\b")
HANDLE_BEFORE_RE = re.compile(rf"{_HANDLE}\s+{_POSTED}[:,]?\s*[\u201c\u2018\"']?$")
PARTY_TAG_RE = re.compile(
    r"\s*\((?:[RDI]|Ind|Dem|Rep)(?:[-\u2013,]\s?[A-Z][A-Za-z.]*)?\)|,\s*[RDI]-[A-Z][A-Za-z.]*,"
)


THEIR_RE = re.compile(r"\b(?:their|they|them|themselves)\b")
_NOT_MORE = CIRCUMSTANCES | {"of", "as", "with", "by"}  # "said of the plan", "said as"


def _words(text: str) -> list[str]:
    """The words of `text`, a party tag after a name dropped ("Rep. Jane Doe (R-Fla.) said",
    "Sen. Ed Roe, D-Ore., said", "Sen. Jo Hale (D) said")."""
    return WORD_RE.findall(PARTY_TAG_RE.sub(" ", text))


def _resolve(
    found: Found,
    people: People,
    last_speaker: str | None,
    recent: Callable[[str], bool] = lambda name: False,
    floor: int = -1,
    addressed: frozenset[str] = frozenset(),
) -> Result:
    """Turn the words naming a speaker into a full name (or an unknown with a guess).

    A title with no match among the roles the article gives ("the general said") goes to the
    last named subject only when that person is the last speaker or was named (`recent`) in this
    paragraph or the one before. A pronoun never means one of the people the quote itself names
    (`addressed`: "“Mister Malloy knows what was said,” he said")."""
    words, pos = post_owner(found.words) or found.words, found.pos
    first = words[0].lower()
    aged = first not in INDEFINITE and any(w.lower().endswith("-year-old") for w in words)
    if (len(words) == 1 and first in PRONOUNS) or aged:  # "he", "the 51-year-old"
        name = people.referent(pos, first, floor, addressed)
        described = people.described_before(None, floor, pos) if name is None else None
        fits = first in GENDER and described_gender(described or "") in ("", GENDER[first])
        if described and fits:  # "I spoke to a woman who … She told me, “…”"
            return Result(UNNAMED + described, "", None)
        if first == "they" or name is None:
            return Result(None, "", name)
        people.learn_gender(name, first)
        return Result(name, people.role_of(name), None)
    if member_end(words, 0) == len(words):  # "one of our drivers": one of them, unnamed
        return Result(UNNAMED + one_of(words[-1].lower()), "", None)
    parts, role = split_name(words)
    if parts and role and role[-1].lower() == "from" and is_head(role[-2] if len(role) > 1 else ""):
        parts, role = [], role[:-1]  # "the coach from Almoraz": where the coach is from
    whole = [w for w in role + parts if w.lower() not in DETERMINERS]
    joined = "of" in whole or "for" in whole  # "the National Union of Maritime Workers said",
    if parts and role and _proper(whole) and joined and names_a_body(" ".join(whole)):
        return Result(" ".join(whole), "", None)  # "the Office for Medicines Oversight said"
    if parts and _holds_office_in(role) and not people.knows(" ".join(parts)):
        parts, role = [], role + parts  # "the general secretary of the Dockers' Union told",
        # "Chief Executive of Grennock Polymers": the office, whose holder the article names
    if is_party_member(parts):  # "the Florida Republican": a description, not a name
        if first in INDEFINITE:
            return Result(UNNAMED + " ".join(parts), "", None)  # "a Nevada Democrat said"
        parts, role = [], parts
    if not parts and len(role) == 1 and is_capitalised(role[0]) and fold(role[0]) in people.full:
        parts, role = role, []  # "King says" after "Billie Jean King": a title as a surname
    if not parts and role and all(w.lower() in GROUP_NOUNS | DETERMINERS for w in role):
        group = " ".join(w.lower() for w in role if w.lower() not in DETERMINERS)
        if first in INDEFINITE or first == role[0].lower():  # "sources said", not "the staff"
            return Result(UNNAMED + group, group, None)
        return Result(None, group, None)
    role = role or found.role
    while role and role[0].lower() in DETERMINERS:
        role = role[1:]
    while role and role[-1].lower() in CONNECTORS | DETERMINERS:  # "a spokesman for the" X
        role = role[:-1]
    heads = [w.lower() for w in role if w.lower() in ROLE_HEADS | PARTY_MEMBERS or w in LAY_PEOPLE]
    member = bool(role) and role[0].lower() in ("of", "from", "at")  # "of the charity X"
    role_text = " ".join(role) if heads or member else ""
    at = first in INDEFINITE and len(role) > 1 and role[-1].lower() in UNNAMED_TAIL
    if parts and at and not SPOKESPEOPLE.intersection(w.lower() for w in role):
        described = _described_as(role)  # "an analyst at Corlan Securities", "one resident of
        # Sorvik": where they work or live
        if described:
            return Result(UNNAMED + described, " ".join(role + parts), None)
    placed = people.is_place(" ".join(parts)) and found.tag != "document"  # "by the firm X"
    if parts and placed and not _speaking_body(parts):
        return Result(None, "", None)
    if len(parts) == 1 and parts[0].lower() in ORG_WORDS:  # "the Commission said"
        return Result(people.in_full(parts[0], pos), role_text, None)
    if parts:
        full = people.fullest(parts, pos, role)
        return Result(full, role_text or people.role_of(full), None)
    proper = role and all(is_capitalised(w) or w.lower() in CONNECTORS for w in role)
    if proper and (
        any(w.lower() in ORG_WORDS for w in role) or (heads and heads[-1] not in PERSON_ROLES)
    ):
        named = " ".join(role)  # a named body: "the White House", or the whole of one
        return Result(people.joined_body(named, pos) or named, "", None)  # "Food and Drug ..."
    definite = first not in INDEFINITE
    owners = [fold(clean_token(w)) for w in words[1:-1] if w.endswith(POSSESSIVE_ENDS)]
    if definite and not parts and len(owners) == 1 and owners[0] in BODY_NOUNS | ORG_WORDS:
        role = owners  # "the museum's trustees said", "the company's spokesman said": the body
    national = _national_body(role)  # "the Corvenne sea ministry", "a spokesperson for the
    if national and not parts and (definite or _spoken_for(role, national)):  # Aldermark
        return Result(national, role_text if national not in role_text else "", None)  # …"
    spoken_for = _spoken_for(role)  # "a spokeswoman for the commission": the commission
    if spoken_for and not parts:
        body = people.body_named(spoken_for, pos, floor)
        if body:
            return Result(body, role_text, None)
    if definite and len(role) == 1 and role[0].islower() and role[0] in BODY_NOUNS | ORG_WORDS:
        body = people.body_named(
            role[0], pos, floor
        )  # "the council said": the council named before
        if body:
            return Result(body, "", None)
    match = people.by_role(role, pos) or (found.role and people.by_role(found.role, pos))
    if match and definite:
        return Result(match, people.role_of(match) or role_text, None)
    described = _described_as(role) if heads else _plain_noun(first, role)  # a new person: "one
    # executive", not the CEO; "a controller shouting"
    if described and _leaves_unnamed(first, described):  # "a senior official said"
        return Result(UNNAMED + described, role_text, None)
    if described and definite and not match and found.role[:1] == ["who"]:  # "the owner, who
        return Result(UNNAMED + described, role_text, None)  # has run it for years, said"
    if described and definite and _owned_spokesperson(words):  # "the Prime Minister's
        return Result(UNNAMED + described.split()[-1], role_text, None)  # spokesman said"
    head = described.split()[-1].lower() if described and definite else ""
    earlier = head and people.described_before(head, floor, pos)
    if earlier:  # "the official said" after "A museum official, who declined to be named"
        return Result(UNNAMED + (_described_as(earlier.split()) or described), role_text, None)
    if head in GENERIC_ROLES | LAY_PEOPLE and people.described_before(None, floor, pos):
        return Result(UNNAMED + described, role_text, None)  # "a former member ..., who asked
        # not to be named" before "the former employee said"
    guess = match or (people.last_named(pos, subject=True) if definite else None)
    epithet = any(w.lower() in EPITHET_MODIFIERS for w in role)  # "the former pilot"
    titled = heads and heads[-1] in PERSON_ROLES and (heads[-1] not in GENERIC_ROLES or epithet)
    if definite and titled and guess and (guess == last_speaker or recent(guess)):
        return Result(guess, role_text, None)
    return Result(None, role_text, guess)


def _says_more(words: list[str]) -> bool:
    """True when the first speech verb in `words` goes on to say something of its own ("said
    the two cases differed"), not where or when ("said on Tuesday", "said.")."""
    verb = next((k for k, w in enumerate(words) if is_speech_verb(w)), -1)
    after = words[verb + 1] if 0 <= verb < len(words) - 1 else "."
    return after[0].isalnum() and after.lower() not in _NOT_MORE


def _holders(quotes: list[Quote]) -> dict[str, Quote]:
    """The innermost quotation holding each quotation that another holds, by id."""
    held: dict[str, Quote] = {}
    open_: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        while open_ and open_[-1].end < q.end:
            open_.pop()
        if open_:
            held[q.id] = open_[-1]
        open_.append(q)
    return held


def _unquoted(body: str, quotes: list[Quote]) -> str:
    """`body` with its quotations' words blanked out, offsets kept."""
    parts, at = [], 0
    for q in sorted(quotes, key=lambda q: q.start):
        if q.start >= at:
            parts += [body[at : q.start], " " * (q.end - q.start)]
            at = q.end
    return "".join([*parts, body[at:]])


def _unnamed(words: list[str]) -> Result:
    """The speaker an unnamed person's description gives ("Her daughter" → unnamed daughter)."""
    role = [w for w in words if w.lower() not in DETERMINERS]
    described = _described_as(role)
    return Result(UNNAMED + described if described else None, " ".join(role), None)


def _proper(words: list[str]) -> bool:
    """True for a proper name's words: capitalised, joined by "of", "and", "&"."""
    return bool(words) and all(is_capitalised(w) or w.lower() in CONNECTORS for w in words)


def _plain_noun(first: str, role: list[str]) -> str:
    """The noun of an indefinite description that no list knows ("a controller", "a
    bystander"), or "" when it is something else ("a statement", "a report")."""
    if first not in INDEFINITE or len(role) != 1:
        return ""
    last = role[-1].lower()
    things = DOCUMENT_NOUNS | STATEMENT_NOUNS | ORG_WORDS | PLACE_WORDS
    plain = all(w.isalpha() and w.islower() for w in role) and last not in things
    return role[0] if plain else ""


def _document_nouns(text: str) -> frozenset[str]:
    """The document nouns `text` uses ("statement", "lawsuit")."""
    return DOCUMENT_NOUNS.intersection(w.lower() for w in WORD_RE.findall(text))


def _leaves_unnamed(first: str, described: str) -> bool:
    """True for a description of someone the article does not name: "a senior official",
    "one fan", "two officials", "sources" (a bare plural), "the insider", not "the official"."""
    bare_plural = described == first and first.endswith("s")
    anonymous = described.split()[-1].lower() in ANONYMOUS_HEADS  # "the insider said"
    mine = first == "my"  # "my manager said" in someone's words: someone they leave unnamed
    return first in INDEFINITE or first in QUANTIFIERS or bare_plural or anonymous or mine


def _owned_spokesperson(words: list[str]) -> bool:
    """True for a spokesperson described by whom they speak for ("the minister's spokesman",
    "the spokeswoman for the retailer"): someone of their own, whom the article leaves unnamed
    when no one it names holds the post."""
    low = [w.lower() for w in words]
    at = next((j for j, w in enumerate(low) if w in SPOKESPEOPLE), -1)
    owned = any(w.endswith(POSSESSIVE_ENDS) for w in low[:at]) or low[at + 1 : at + 2] == ["for"]
    return at > 0 and owned


def _described_as(role: list[str]) -> str:
    """A description up to its head ("retired docker in the Anchor Inn" → "retired docker"), or
    "" when no head comes before what it goes on to say ("Trump who questions the judge")."""
    words: list[str] = []
    for word in role[1:] if role and role[0].lower() in QUANTIFIERS else role:
        if word.lower() in DESCRIPTION_ENDS or not word[0].isalnum():
            break
        words.append(word)
    while words and not (is_head(words[-1]) or words[-1].lower() in PARTY_MEMBERS):
        words.pop()
    return " ".join(words[-4:])


def _spoken_for(role: list[str], body: str | None = None) -> str | None:
    """The body noun a spokesperson speaks for ("spokeswoman for the commission" → commission),
    or the `body` described after "for" ("a spokesperson for the Aldermark fisheries ministry")."""
    low = [w.lower() for w in role]
    for k in range(len(low) - 2):
        if low[k] in SPOKESPEOPLE and low[k + 1] == "for":
            rest = [w for w in low[k + 2 :] if w not in DETERMINERS]
            if body is not None:
                return body if " ".join(rest) == body.lower() else None
            return rest[0] if len(rest) == 1 and rest[0] in BODY_NOUNS | ORG_WORDS else None
    return None


def _national_body(role: list[str]) -> str | None:
    """A body described by the country it serves and its kind, ending the description ("the
    Corvenne sea ministry", "Aldermark fisheries ministry"), or None."""
    words = role
    for k in range(len(role) - 1, -1, -1):  # after "for" or a determiner
        if role[k].lower() in DETERMINERS or role[k].lower() == "for":
            words = role[k + 1 :]
            break
    if not 2 <= len(words) <= 4 or words[-1] not in ORG_WORDS or not words[-1].islower():
        return None
    first, middle = words[0], words[1:-1]
    proper = is_capitalised(first) and first.lower() not in STOP_CAPS
    return " ".join(words) if proper and all(w.islower() for w in middle) else None


def _holds_office_in(role: list[str]) -> bool:
    """True for a title held in the body named after it ("the general secretary of the")."""
    low = [w.lower() for w in role]
    return "of" in low and any(w in PERSON_ROLES for w in low[: low.index("of")])


def _speaking_body(parts: list[str]) -> bool:
    """True for a body that issues words even where the article places something in it ("in the
    Global Times", "at the White House"), not a street or a city ("Calder Lane")."""
    last = parts[-1].lower()
    return len(parts) > 1 and last in ORG_WORDS and last not in PLACE_WORDS


def _label_words(turn: Turn) -> list[str]:
    """The speaker a transcript label names: the name in its note ("RESIDENT (Jane Roe, nurse)"),
    unless the label is a full name and the note where they work ("JAVIER MOLINA (El Correo)"),
    else the label itself in title case ("SEN. ROE" → Sen. Roe); none for a label naming no one
    ("UNIDENTIFIED MALE", "CROWD"). A note in capitals is a direction ("(VOICE-OVER)")."""
    named = turn.note.split(",")[0]
    words = WORD_RE.findall(named)
    titled = WORD_RE.findall(turn.label.title())
    role = any(is_head(w.lower()) or w.lower() in BROADCAST_ROLES for w in titled)
    full_name = is_person_name(titled) and not role  # "JAVIER MOLINA", not "HARBOUR RESIDENT"
    if words and all(is_capitalised(w) for w in words) and not named.isupper() and not full_name:
        return words
    shouted = WORD_RE.findall(named.title())  # "REPORTER (FARAH LINDQVIST)": a role's holder
    if (
        role
        and named.isupper()
        and is_person_name(shouted)
        and not DIRECTIONS.intersection(w.lower() for w in shouted)
    ):
        return shouted
    if turn.label in QA_LABELS:
        return []  # an interview's "Q:" / "A:" with no key naming who asks and who answers
    words = WORD_RE.findall(turn.label.title() if turn.label.isupper() else turn.label)
    label = " ".join(words).lower()
    if words[0].lower() in UNNAMED_FIRST or label in UNNAMED_LABELS or label in BROADCAST_ROLES:
        return []  # "HOST:", "Presenter:": a role, its holder unnamed
    return words


class _Attributor:
    """Attribution state for one document."""

    def __init__(self, doc: Document, quotes: list[Quote]) -> None:
        self.body = doc.body
        self.quotes = quotes
        self.paragraphs = doc.paragraphs() or [(0, len(doc.body))]
        self.starts = [s for s, _ in self.paragraphs]
        self.turns = {t.start: t for t in transcript_turns(self.body)}
        self.holders = _holders(quotes)
        self.narration = _unquoted(self.body, [q for q in quotes if q.start not in self.turns])
        spoken = [(q.start, q.end) for q in quotes if q.start not in self.turns]
        named = without_nicknames(self.body)  # 'Juan "Chico" Manriquez' is Juan Manriquez
        self.people = find_people(named, self.paragraphs, spoken)  # turns name people too
        for turn in self.turns.values():  # "JANE ROE, HOST: …" names the later "ROE: …"
            self.people.remember(_label_words(turn))
        self.interviewee = self.named_in(doc.title) or self.interview_subject()
        presented = PRESENTED_BY_RE.search(self.body)
        self.presenter = presented.group(1).split() if presented else []
        self.last_speaker: str | None = None
        self.found: dict[str, Found] = {}  # quote id -> the words its speaker was read from
        self.stated_gender = dict(self.people.gender)  # before any pronoun was resolved

    def resolve(self, found: Found, quote: Quote | None = None) -> Result:
        """`_resolve` with what this document knows around `found` (a document naming no
        issuer is its issuer's as a sentence before names it, else nobody's) and the people
        `quote` names."""
        floor = self.paragraphs[max(0, self.para(found.pos) - 1)][0]
        if not found.words and found.tag in ("document", "it"):
            found = self.issuer(found.pos, self.documents_at(found.pos, quote)) or found
        if not found.words:  # no issuer named: a ruling's judge, else the body a sentence
            if found.tag not in ("document", "it"):  # opened with, if any
                return Result(None, "", None)
            body = self.subject_body(found.pos) if found.tag == "it" else None
            body = body or self.people.body_named("", found.pos, self.issue_floor(found.pos))
            return (
                self.judge(found.pos, quote)
                or (Result(body, "", None) if body else None)
                or self.document_itself(found.pos, quote)
            )
        if [w.lower() for w in found.words] in (["one"], ["another"], ["one", "of", "them"]):
            return self.one_of(found.pos, quote)
        recent = lambda name: self.people.last_position(name, found.pos) >= floor  # noqa: E731
        addressed = self.named_inside(quote) if quote is not None else frozenset()
        holder = self.holder(quote) if quote is not None else None
        if holder is not None and holder.speaker:  # "FARROW: … he said “…”": never Farrow
            addressed |= {holder.speaker}
        addressed |= self.topic(found.pos)  # "Of Adjei, he said:": never Adjei
        result = _resolve(found, self.people, self.last_speaker, recent, floor, addressed)
        if result.speaker in addressed and not split_name(found.words)[0]:  # "“Councillor
            return Result(None, result.role, None)  # Ashdown, you will have your turn,” said
            # the chair": not Ashdown, whom the quote speaks to
        if result.speaker is None and quote is not None and found.words[0].lower() == "the":
            said = [q.speaker for q in self.quotes if floor <= q.start < quote.start and q.speaker]
            head = f" {found.words[-1].lower()}"
            if said and is_unnamed(said[-1]) and said[-1].endswith(head):  # "the engineer
                return Result(said[-1], result.role, None)  # added" after
                # "The engineer, who asked not to be named, told the Courier: “…”"
        return result

    def topic(self, pos: int) -> frozenset[str]:
        """The people a prepositional phrase fronting the sentence at `pos` names ("Of Adjei,",
        "About Celik,", "In a statement issued on the day of Varga’s sentencing,"): whom a
        pronoun after it does not mean."""
        lo = self.paragraphs[self.para(pos)][0]
        starts = [lo, *sentence_starts(self.body, lo, pos)]
        lead = self.body[starts[-1] : pos]
        words = lead.split()
        if not words or words[0].lower() not in FRONTING or "," not in lead:
            return frozenset()
        end = starts[-1] + lead.index(",")
        return frozenset(m.name for m in self.people.mentions if starts[-1] <= m.pos < end)

    def named_inside(self, quote: Quote) -> frozenset[str]:
        """The people the article names whom `quote` names in full or by title and surname
        ("Mister Malloy knows", "Sean Malloy knows"; a bare "Malloy supporters" names nobody)."""
        return named_in_quote(quote.text, {m.name for m in self.people.mentions})

    def judge(self, pos: int, quote: Quote | None) -> Result | None:
        """The judge whose ruling speaks for `quote` at `pos` ("the ruling states", "the
        judgment says"): the person the article made its judge, or None."""
        if quote is None or not COURT_DOCUMENTS.intersection(self.documents_at(pos, quote)):
            return None
        judge = self.people.by_role(["judge"], pos)
        return Result(judge, self.people.role_of(judge), None) if judge else None

    def one_of(self, pos: int, quote: Quote | None) -> Result:
        """Who "one" (or "another") said means: one of the group last named before the quote,
        in its paragraph or the one before ("Sources close to the club say … “…,” one said":
        unnamed source), or nobody."""
        lo = self.paragraphs[max(0, self.para(pos) - 1)][0]
        hi = quote.start if quote is not None else pos
        groups = [w.lower() for w in WORD_RE.findall(self.body[lo:hi]) if w.lower() in GROUP_NOUNS]
        if not groups:
            return Result(None, "", None)
        return Result(UNNAMED + one_of(groups[-1]), "", None)

    def document_itself(self, pos: int, quote: Quote | None) -> Result:
        """A document no one is named as issuing speaks as an unnamed source ("The complaint,
        filed in 2022, alleges that …": unnamed complaint), or nobody when none is named."""
        nouns = self.documents_at(pos, quote)
        return Result(UNNAMED + nouns[0] if nouns else None, "", None)

    def documents_at(self, pos: int, quote: Quote | None) -> list[str]:
        """The document nouns of the attribution at `pos` (after the quote, or before it),
        nearest the quote first."""
        after = quote is not None and pos >= quote.end
        text = self.body[pos : pos + 40] if after else self.body[max(0, pos - 80) : pos]
        nouns = [w.lower() for w in WORD_RE.findall(text) if w.lower() in DOCUMENT_NOUNS]
        return nouns if after else nouns[::-1]

    def subject_body(self, pos: int) -> str | None:
        """The body the sentence before `pos`, in its paragraph, opens with ("The fire authority
        says … In a statement, it said:" → the Hollin County Fire Authority), or None."""
        lo = self.paragraphs[self.para(pos)][0]
        bounds = [lo, *sentence_starts(self.body, lo, pos)]
        if len(bounds) < 2:
            return None
        subject = sentence_subject(_words(self.body[bounds[-2] : bounds[-1]]), pos)
        if subject is None:
            return None
        speaker = _resolve(subject, self.people, None).speaker
        return speaker if speaker and self.people.is_body(speaker) else None

    def issue_floor(self, pos: int) -> int:
        """How far back a document's issuer is looked for: this paragraph and the two before."""
        return self.paragraphs[max(0, self.para(pos) - 2)][0]

    def issuer(self, pos: int, nouns: list[str]) -> Found | None:
        """The issuer of a document that speaks at `pos` naming no one ("the lawsuit claims"):
        the subject of the last sentence that issues something, in this paragraph or the two
        before it (None when that sentence names no issuer, or issues another kind of document
        than the `nouns` the attribution gives: "the statement said" after "the lawsuit filed
        by X"). A sentence naming no document issues one by suing, not by writing."""
        floor = self.issue_floor(pos)
        bounds = [floor, *sentence_starts(self.body, floor, pos), pos]
        for lo, hi in reversed(list(pairwise(bounds))):
            text = self.narration[lo:hi]  # not a name the quotation holds
            words = _words(text)
            verbs = ISSUING_VERBS.intersection(words)
            issued = _document_nouns(text)
            if nouns and not issued and not verbs & SUING_VERBS:
                continue  # "he wrote" issues no complaint
            if verbs:  # the nearest issuing names it, or nobody
                return None if nouns and issued and not issued & set(nouns) else issuer(words, pos)
        return None

    def unnamed_meant(self, q: Quote, found: Found) -> Found | None:
        """The description a pronoun means when a person left unnamed was the subject, in its
        paragraph (or the one before, for a quote opening its paragraph), of a sentence after the
        last one naming a person as a subject and before the quote's sentence ("One pharmacist
        said the phone had not stopped. “…,” she said."), or None."""
        pronoun = found.words[0].lower() if len(found.words) == 1 else ""
        if pronoun not in ("he", "she", "they"):  # they: one person when the article calls them
            return None  # so ("A former board member, who asked me not to use their name")
        here = self.para(found.pos)
        floor = self.paragraphs[max(0, here - 1)][0]
        name = self.people.referent(found.pos, pronoun, floor)
        lead = self.body[self.paragraphs[here][0] : q.start]
        if lead.strip(MARKS_AND_SPACE):  # the paragraph goes on from a sentence of its own
            floor = self.paragraphs[here][0]
        named = max(self.people.last_position(n, found.pos) for n in (name, None))
        after = sentence_starts(self.body, named, found.pos) if named >= floor else [floor]
        since = after[0] if after else found.pos  # the sentences after the last named subject
        opened = sentence_starts(self.body, self.paragraphs[here][0], q.start + 1)
        until = min(found.pos, opened[-1] if opened else self.paragraphs[here][0])
        unnamed = self.people.unnamed_after(since, until, pronoun)  # not in the quote's own
        # sentence: "A junior lecturer at Halloran, she told the Post, “earns less …”"
        singular = pronoun != "they" or THEIR_RE.search(self.body, since, until) is not None
        return Found(unnamed.split(), found.pos, found.tag) if unnamed and singular else None

    def interview_subject(self) -> list[str]:
        """The words of the person a transcript's introduction (the text before its first turn)
        names most often, the first of them on a tie: whom an interview's answers are by when
        its title names no one ("Dr Imogen Sallow … We spoke to Sallow …")."""
        first = min(self.turns, default=0)
        names = [m.name for m in self.people.mentions if m.pos < first]
        counts = Counter(name for name in names if not self.people.is_body(name))
        return counts.most_common(1)[0][0].split() if counts else []

    def named_in(self, text: str) -> list[str]:
        """The words of the first person this document names whose full name `text` holds."""
        at = {name: fold(text).find(fold(name)) for name in {m.name for m in self.people.mentions}}
        found = sorted((i, name) for name, i in at.items() if i >= 0 and len(name.split()) > 1)
        return found[0][1].split() if found else []

    def para(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def left_words(self, i: int) -> list[str]:
        q = self.quotes[i]
        lo = self.paragraphs[self.para(q.start)][0]
        if i > 0 and lo <= self.quotes[i - 1].end <= q.start:  # not the turn holding it
            lo = self.quotes[i - 1].end + 1
        holder = self.holder(q)
        lo = max(lo, holder.start) if holder is not None else lo
        end = q.start
        while end > lo and self.body[end - 1] in MARKS_AND_SPACE:
            end -= 1
        starts = sentence_starts(self.body, lo, min(len(self.body), q.start + 1))
        starts = [s for s in starts if s <= q.start]
        return _words(self.body[starts[-1] if starts else lo : max(end, lo)])

    def right_words(self, i: int) -> list[str]:
        q = self.quotes[i]
        hi = min(self.paragraphs[self.para(q.end)][1], q.end + WINDOW)
        if i + 1 < len(self.quotes):
            hi = min(hi, max(q.end, self.quotes[i + 1].start))
        holder = self.holder(q)
        if holder is not None:  # what a quotation quotes is read inside it
            hi = min(hi, holder.end)
        return _words(self.body[q.end : hi])

    def explicit(self, i: int) -> bool:
        """Attribute quote `i` from the words around it; False when they name no one (words
        that name someone who stays unknown, "a senior official", still count as evidence)."""
        q = self.quotes[i]
        turn = self.turns.get(q.start)
        if turn is not None:
            words = _label_words(turn)
            if not words and turn.label == "A":  # an interview's answers: whom its title names
                words = self.interviewee
            if not words and turn.label.lower() in PRESENTING:  # "Presented by Ruth Calloway"
                words = self.presenter
            self.found[q.id] = Found(words, q.start, "turn")
            self.apply(q, self.resolve(self.found[q.id]), "turn")
            return True
        post = TWEET_RE.match(self.body, q.start)
        if post and post.start(1) == q.start:
            author = Found(WORD_RE.findall(post.group(2)), q.start, "post")
            self.found[q.id] = author
            self.apply(q, _resolve(author, self.people, None), "post")
            return True
        handle = self.handle(q)
        if handle is not None:
            self.found[q.id] = Found([handle], q.start, "handle")
            self.apply(q, Result(handle, "", None), "handle")
            return True
        person = self.i_or_you(i)
        if person is not None:
            self.found[q.id] = Found(person.split(), q.start, "i-or-you")
            self.apply(q, Result(person, self.people.role_of(person), None), "i-or-you")
            return True
        signer = self.signature(q)
        if signer is not None:
            self.found[q.id] = signer
            self.apply(q, self.resolve(signer), "signature")
            return True
        ended = q.text.rstrip()[-1:] in (".", "!", "?")
        right = self.right_words(i)
        found = phrase_after(right, q.end, ended)
        if (
            found
            and q.kind is QuoteKind.PHRASE
            and found.tag not in ("according-to", "document")
            and not closes_sentence(right)
            and not self.in_opening_clause(q)
        ):  # a phrase inside a sentence is not the object of the clause after it, unless the
            found = None  # clause closes the sentence: 'It is "a disgrace," Reed said.' or
            # the phrase stands in the clause opening it: 'Although the two are "far apart",
            # the NATO chief outlined...'
        if found and found.tag == "said-after" and not ended and _says_more(right):
            framed = phrase_before(self.left_words(i), q.start)  # "As Trump claimed that “…,”
            found = framed if framed is not None and framed.tag == "said-that" else found
            # one of the prosecutors said the cases differed": the quote is the claim's
        if found is None and self.goes_on(i):  # "X told the rally that “…”, and ended: “…”"
            self.copy(q, self.quotes[i - 1], "continues")
            return True
        found = found or phrase_before(self.left_words(i), q.start)
        found = found or closing_clause(right, q.end)  # '"A disgrace" in May, said Reed.'
        if found is None:
            return False
        meant = self.unnamed_meant(q, found)  # "Her daughter, who ... . “…,” she said."
        self.found[q.id] = found = meant or found
        result = self.resolve(found, q)
        holder = self.holder(q)
        if holder is not None and result.speaker == holder.speaker:  # what a speaker quotes
            result = Result(None, result.role, None)  # is another's words
        if meant and result.speaker is None:
            result = _unnamed(meant.words)
        self.apply(q, result, found.tag)
        if q.speaker and not q.unnamed:
            self.people.add(found.pos, q.speaker)
            self.last_speaker = q.speaker
        return True

    def continue_documents(self) -> None:
        """Give a document naming no issuer (nobody, or the document itself) the body the quote
        before it, in its paragraph or the one before, speaks for, when it is "it" or the same
        document ("“…,” the recall notice reads. … “…,” it says."; "… said in a statement. The
        statement added that …")."""
        for prev, q in pairwise(self.quotes):
            found = self.found.get(q.id)
            stood_in = q.speaker is None or is_document_source(q.speaker)
            if not stood_in or found is None or found.words or found.tag not in ("it", "document"):
                continue
            near = self.para(prev.end) >= self.para(q.start) - 1
            if not (near and prev.speaker and self.people.is_body(prev.speaker)):
                continue
            lo = self.paragraphs[self.para(q.start)][0]
            named = _document_nouns(self.body[lo : q.end + WINDOW])
            opened = sentence_starts(self.body, prev.start, q.start)  # not q's own "The statement
            before = self.body[max(0, prev.start - WINDOW) : opened[-1] if opened else lo]  # added"
            if found.tag == "it" or named & _document_nouns(before):
                self.copy(q, prev, found.tag)

    def goes_on(self, i: int) -> bool:
        """True when quote `i` is introduced by a clause that goes on with the sentence of the
        attributed quote before it, its verb with no subject of its own ("…”, and ended with a
        line the pickets repeated: “…”")."""
        prev = self.quotes[i - 1] if i > 0 else None
        if prev is None or not prev.speaker or self.sentence_between(prev, self.quotes[i]):
            return False
        words = [w for w in self.left_words(i) if w[0].isalnum()]
        return (
            len(words) > 1
            and words[0].lower() in COORDINATING
            and words[1].islower()
            and (words[1] not in PRONOUNS)
        )

    def in_opening_clause(self, q: Quote) -> bool:
        """True when `q` stands in a subordinate clause opening its sentence, before its comma
        ("Although the positions are “far apart”, the chief said")."""
        lo = self.paragraphs[self.para(q.start)][0]
        starts = [s for s in sentence_starts(self.body, lo, q.start + 1) if s <= q.start]
        lead = self.body[starts[-1] if starts else lo : q.start]
        first = lead.split()[0].lower() if lead.split() else ""
        after = self.body[q.end : q.end + 3]
        return first in SUBORDINATORS and "," not in lead and "," in after

    def signature(self, q: Quote) -> Found | None:
        """The person named on the line under a quotation that is a paragraph of its own (or
        after a label: "CLAIM:") ("Maria Lopez, 42, teacher"), or ending the quotation's
        paragraph after a dash ("“…” — Maria Lopez") or, as a credit line (what they are, no
        full stop), after a quotation ending its sentence ("“…?” Maria Lopez, 42, teacher"), or
        None."""
        p = self.para(q.start)
        start, end = self.paragraphs[p]
        lead = self.body[start : q.start].strip(MARKS_AND_SPACE)
        alone = not lead or LABEL_RE.fullmatch(lead) is not None  # "CLAIM: “…” – Jo Hale MP"
        rest = self.body[q.end : end]
        tail = rest.strip(CLOSING)
        if not alone:
            return None
        if tail:
            credit = "," in tail and rest.rstrip()[-1:] not in ".?!"  # "Ana Ruiz, 42, nurse"
            ended = q.text.rstrip()[-1:] in ".?!" and credit
            said = any(is_speech_verb(w) for w in WORD_RE.findall(tail))
            if not (tail[0] in DASHES or ended) or said:
                return None
            line = SIGNATURE_RE.fullmatch(self.body, end - len(rest.lstrip(CLOSING)), end)
        elif p + 1 < len(self.paragraphs):
            line = SIGNATURE_RE.fullmatch(self.body, *self.paragraphs[p + 1])
        else:
            return None
        if line is None:
            return None
        name = [w for w in line.group(1).split() if w not in POSTNOMINALS]  # "Jo Hale MP"
        if is_person_name(name) or self._signed_surname(line.group(0), name, line.start(1)):
            return Found(name, line.start(1), "signature")
        return None

    def _signed_surname(self, line: str, name: list[str], pos: int) -> bool:
        """True for "— Sanders" under a quotation: a dash, then the surname of a person the
        article has named in full before."""
        if len(name) != 1 or line.lstrip()[:1] not in DASHES:
            return False
        return self.people.fullest(name, pos) != name[0]

    def apply(self, q: Quote, result: Result, tag: str) -> None:
        speaker, guess = speaker_or_none(result.speaker), speaker_or_none(result.guess)
        q.speaker, q.speaker_guess, q.attribution = speaker, guess, tag
        q.role = result.role
        if speaker is None and not tag.startswith("guess"):
            q.attribution = f"{tag}-unsure"

    def copy(self, q: Quote, source: Quote, tag: str) -> None:
        q.speaker, q.role, q.speaker_guess, q.attribution = source.speaker, source.role, None, tag

    def handle(self, q: Quote) -> str | None:
        """The account a post is quoted from when its handle stands as the speaker ("“…,”
        wrote @glasshousegina on X", "user u/shardsofrae wrote: “…”"), or None."""
        after = HANDLE_AFTER_RE.match(self.body, q.end)
        before = HANDLE_BEFORE_RE.search(self.body, max(0, q.start - 60), q.start)
        found = after or before
        return found.group(1) if found else None

    def i_or_you(self, i: int) -> str | None:
        """Whom "I" or "you" means in a quotation or turn quoting what "I said" (its speaker)
        or, in a turn, what "you said" ("FARROW: Denise, you told the Post, “…”"): the name the
        turn calls out before it, else the speaker of the next turn, who answers; None for a
        quotation no other holds or not said by "I" or "you"."""
        q = self.quotes[i]
        holder = self.holder(q)
        words = self.left_words(i) if holder is not None else []
        verbs = [k for k, w in enumerate(words) if is_speech_verb(w) or w in NAMING_VERBS]
        last = verbs[-1] if verbs else 0  # the verb nearest the quote: not "I would add that
        near = [k for k in range(max(0, last - 3), last) if words[k].lower() in ("you", "i")]
        said = near[-1] if near else -1  # Ms Varga herself said it was “…”"
        if holder is None or said < 0:
            return None
        if words[said] == "I":  # "On the day I said, “…”": the speaker quoting themselves
            return holder.speaker
        if holder.start not in self.turns:
            return None
        called = said > 1 and words[said - 1] == "," and is_capitalised(words[said - 2])
        if called:
            return self.people.fullest([words[said - 2]], q.start)
        later = sorted(t for t in self.turns if t > holder.start)
        words = _label_words(self.turns[later[0]]) if later else []
        answer = self.resolve(Found(words, later[0], "turn")).speaker if words else None
        return answer if answer != holder.speaker else None

    def held_groups(self, quotes: list[Quote]) -> list[list[Quote]]:
        """The `quotes` (in document order) each quotation or turn holds, one list per holder."""
        groups: dict[str, list[Quote]] = {}
        for q in quotes:
            if q.id in self.holders:
                groups.setdefault(self.holders[q.id].id, []).append(q)
        return list(groups.values())

    def holder(self, q: Quote) -> Quote | None:
        """The quotation or transcript turn holding `q`, a quotation its speaker quotes, or
        None."""
        return self.holders.get(q.id)

    def by_position(self, i: int) -> None:
        """Attribute quote `i`, which names no speaker itself, from the quotations around it."""
        q = self.quotes[i]
        p = self.para(q.start)
        prev = self.quotes[i - 1] if i > 0 else None
        nxt = self.quotes[i + 1] if i + 1 < len(self.quotes) else None
        same = nxt is not None and self.para(nxt.start) == self.para(q.end)
        claimed = nxt is not None and same and bool(nxt.speaker) and self.explicit_tag(nxt)
        if q.kind is QuoteKind.QUOTE and not claimed and self.after_subject(q, prev):
            return None
        if self.sentence_subject(i):
            return None
        if prev and prev.speaker and self.para(prev.end) == p and self.continues(prev, q):
            return self.copy(q, prev, "continues")
        if q.kind is QuoteKind.PHRASE:
            return self.guess(q)
        if nxt and claimed:
            return self.copy(q, nxt, "continued-by")
        lead = self.body[self.paragraphs[p][0] : q.start]
        opens_paragraph = len(lead) < 8 and not lead.strip(MARKS_AND_SPACE)
        if opens_paragraph and self.named_after(q, p):
            return None
        if opens_paragraph and p > 0:
            if self.introduced(q, p - 1, prev):
                return None
            if prev and prev.speaker and self.para(prev.end) == p - 1:
                return self.copy(q, prev, "previous-paragraph")
        return self.guess(q)

    @staticmethod
    def explicit_tag(q: Quote) -> bool:
        return bool(q.attribution) and not q.attribution.startswith(("continue", "previous"))

    def continues(self, prev: Quote, q: Quote) -> bool:
        """A quotation continues the one before it (a phrase only within the same sentence)."""
        if q.kind is QuoteKind.QUOTE:
            return True
        return not self.sentence_between(prev, q)

    def sentence_between(self, prev: Quote, q: Quote) -> bool:
        """True when a sentence starts between two quotations, also where the first one's
        words end it ('… called it “quite dangerous.” Christie called …')."""
        return bool(sentence_starts(self.body, max(prev.start, prev.end - 1), q.start))

    def guess(self, q: Quote) -> None:
        if q.speaker_guess is None:
            q.speaker_guess = self.people.last_named(q.start, subject=True) or self.last_speaker
        q.attribution = q.attribution or "guess"

    def after_subject(self, q: Quote, prev: Quote | None) -> bool:
        """A quotation standing alone right after a sentence whose subject is a person ("And the
        judge did not hold back when she turned to the defence." / "Osei is standing outside.")
        is that person's, when no other quotation lies in between."""
        span = self.sentence_before(q)
        if span is None or (prev is not None and prev.end > span[0]):
            return False
        found = sentence_subject(WORD_RE.findall(self.body[span[0] : span[1]]), span[0])
        return found is not None and self.known_subject(q, found)

    def sentence_subject(self, i: int) -> bool:
        """A quotation inside a sentence whose subject is a person the article names ("Bush
        referred to Rubio as “…”", "Ali called on Muslims to “…”") is that person's."""
        q = self.quotes[i]
        if i > 0 and not self.sentence_between(self.quotes[i - 1], q):
            return False  # the sentence began before the last quotation
        words = self.left_words(i)
        found = sentence_subject(words, q.start) if len(words) > 2 else None
        if found is None:
            return False
        return self.known_subject(q, Found(found.words, found.pos, "sentence-subject"))

    def known_subject(self, q: Quote, found: Found) -> bool:
        """Give `q` to the subject `found` when it is a person the article names."""
        result = self.resolve(found)
        if result.speaker is None or not self.people.knows(result.speaker):
            return False
        self.found[q.id] = found
        self.apply(q, result, found.tag)
        return True

    def sentence_before(self, q: Quote) -> tuple[int, int] | None:
        """The full sentence right before `q` (in its paragraph or ending the one before)."""
        p = self.para(q.start)
        lo = self.paragraphs[p][0]
        end = q.start
        while end > lo and self.body[end - 1] in MARKS_AND_SPACE:
            end -= 1
        if end == lo:  # `q` opens its paragraph
            if p == 0:
                return None
            lo, end = self.paragraphs[p - 1]
        text = self.body[lo:end].rstrip()
        if not text or text[-1] not in ".!?":
            return None
        end = lo + len(text)
        starts = [s for s in sentence_starts(self.body, lo, end) if s < end - 1]
        return (starts[-1] if starts else lo), end

    def named_after(self, q: Quote, p: int) -> bool:
        """A quotation opening paragraph `p` whose speaker the words right after it name ("‘…,’
        — that was the verdict of Priya Sandhu"), or the next paragraph does when it stands
        alone ("“…” || That was the view of Kenji Morrow, an analyst", "The words are Tariq
        Saleem’s."): attributed to that person."""
        rest = self.body[q.end : self.paragraphs[p][1]]
        lead = len(rest) - len(rest.lstrip(CLOSING + "\u2014\u2013-"))
        named = NAMED_AFTER_RE.match(self.body, q.end + lead)  # "‘…,’ — that was the verdict"
        if named is None and not rest.strip(CLOSING) and p + 1 < len(self.paragraphs):
            named = NAMED_AFTER_RE.match(self.body, self.paragraphs[p + 1][0])
        if named is None:
            return False
        found = Found((named.group(1) or named.group(2)).split(), named.start(), "named-after")
        self.apply(q, self.resolve(found), "named-after")
        self.found[q.id] = found
        return q.speaker is not None

    def introduced(self, q: Quote, p: int, prev: Quote | None) -> bool:
        """The last sentence of paragraph `p` introduces `q`: it ends with a colon ("Peskov
        echoed the charge:") or reports someone's words ("Natarajan said the numbers..."), not
        a question, which the quote after it answers ("A reporter asked: Did they talk?")."""
        start, end = self.paragraphs[p]
        text = self.body[start:end].rstrip()
        if text.endswith("?"):
            return False
        starts = sentence_starts(self.body, start, start + len(text))
        first = starts[-1] if starts else start
        if prev is not None and prev.end > first:
            return False  # the sentence holds a quotation of its own
        found = phrase_before(
            WORD_RE.findall(self.body[first : start + len(text)]), start + len(text)
        )
        if found is None or not (text.endswith(":") or found.tag == "said-that"):
            return False
        result = self.resolve(found)
        self.apply(q, result, "colon-intro" if text.endswith(":") else "reported-before")
        if q.speaker is not None:
            self.found[q.id] = found
        return q.speaker is not None


def by_rules(doc: Document, quotes: list[Quote]) -> Evidence:
    """Attribute `doc`'s quotes by the rules alone (in place); what they read, for the ranker."""
    state = _Attributor(doc, quotes)
    top = state.quotes = [q for q in quotes if q.id not in state.holders]
    for i in [i for i in range(len(top)) if not state.explicit(i)]:
        state.by_position(i)
    state.continue_documents()
    for held in state.held_groups(quotes):  # what a quotation quotes, read inside it, after it
        state.quotes = held
        for i in [i for i in range(len(held)) if not state.explicit(i)]:
            held[i].attribution = "held"  # named by nothing inside: unknown, no guess
    return Evidence(  # the ranker weighs the quotations no other holds
        state.body, state.paragraphs, state.people, top, state.found, state.stated_gender
    )


def attribute(doc: Document, quotes: list[Quote], ranker: Ranker | None = None) -> None:
    """Set speaker, role, speaker_guess and attribution on each of `doc`'s quotes (in place):
    the rules, then the shipped speaker ranker (or `ranker`) choosing among the candidates."""
    if not quotes:
        return
    evidence = by_rules(doc, quotes)
    ranker = ranker or shipped_ranker()
    if ranker is not None:
        rank(ranker, evidence)
