"""Who said each quotation.

Each quotation is read against the words on both sides of it, in its own paragraph:
  after it   `“…,” Lavrov said` / `“…,” said Lavrov` / `“…,” the top diplomat explained` /
             `“…”, according to Lavrov`
  before it  `Lavrov told reporters, “…”` / `Lavrov said: “…”` / `Lavrov concluded that “…”` /
             `Reed, the mayor, said “…”` / `according to Lavrov, “…”` / `what Psaki called “…”` /
             a sentence ending with a colon (`Peskov echoed the charge:`)
  an embedded post (`— Name (@handle) date` under it) is its author's.
Then by position: a quotation with no words of its own continues the one before it in the same
paragraph, is claimed by the next one there, takes the speaker introduced at the end of the
previous paragraph (a colon, or reported speech: `Natarajan said the numbers...`), or continues
the previous paragraph's speaker. Pronouns go to the person last named as a subject (skipping
people whose stated gender, Mr/Ms/spokeswoman, does not fit); role descriptions ("the Kremlin
spokesman") to the person given that role in the article. When the evidence is weak the speaker
stays unknown and `speaker_guess` holds the best guess; `attribution` names the evidence
(said-after, said-before-name, intro, intro-colon, said-that, according-to, colon-intro, post,
subject-participle, continues, continued-by, reported-before, previous-paragraph, guess; with
"-unsure" when the words found name nobody the article identifies).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.documents.model import Document
from reader.quotes.extraction import TWEET_RE
from reader.quotes.model import Quote, QuoteKind
from reader.quotes.names import (
    AFTER_NAME,
    AUXILIARIES,
    DETERMINERS,
    EPITHET_MODIFIERS,
    GENERIC_ROLES,
    GROUP_NOUNS,
    HONORIFICS,
    INDEFINITE,
    LISTENER_MARKS,
    LISTENER_VERBS,
    NAMING_VERBS,
    ORG_WORDS,
    PARTICIPLES,
    PARTICLES,
    PERSON_ROLES,
    PRONOUNS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    STATEMENT_NOUNS,
    STOP_CAPS,
    WORD_RE,
    clean_token,
    is_capitalised,
    is_head,
    is_speech_verb,
    sentence_starts,
    split_name,
)
from reader.quotes.people import People, find_people

_CONNECTORS = frozenset(["of", "for", "to", "and"])
_MARKS_AND_SPACE = " \"'\u201c\u2018\u00ab\u201e\u00bb\u2039\u203a\u201a"
WINDOW = 250  # characters read on each side of a quotation


@dataclass(slots=True)
class _Found:
    """Words naming a speaker, where they are, and which pattern found them."""

    words: list[str]
    pos: int
    tag: str
    role: list[str] = field(default_factory=list)  # a role given apart: "Reed, the mayor,"


@dataclass(slots=True)
class _Result:
    speaker: str | None
    role: str
    guess: str | None


def _se_word(word: str) -> bool:
    low = word.lower().rstrip(".")
    if low in ROLE_HEADS or low in ROLE_MODIFIERS or low in HONORIFICS or low in GROUP_NOUNS:
        return True
    return is_capitalised(word) and low not in STOP_CAPS


def _forward(words: list[str], k: int) -> int:
    """End (exclusive) of the speaker expression starting at words[k], or k if there is none."""
    if k >= len(words):
        return k
    if words[k].lower() in PRONOUNS:
        return k + 1
    j = k + 1 if words[k].lower() in ("the", "a", "an") else k
    while j < len(words) and j - k < 10:
        low = words[j].lower()
        if low in ("the", "and") or (low in _CONNECTORS and j == k):
            break
        joins = low in _CONNECTORS and j + 1 < len(words) and _se_word(words[j + 1])
        if not (_se_word(words[j]) or (low in PARTICLES and j > k) or joins):
            break
        j += 1
    if j > k and _names_someone(words[k:j]):
        return j
    return _describing(words, k)


def _backward(words: list[str], k: int) -> int:
    """Start of the speaker expression that ends just before words[k], or k if there is none."""
    if k > 0 and words[k - 1].lower() in PRONOUNS:
        return k - 1
    j = k
    while j > 0 and k - j < 10:
        word = words[j - 1]
        low = word.lower()
        if _se_word(word) or (low in PARTICLES | _CONNECTORS and j < k):
            j -= 1
        else:
            break
    while j < k and words[j].lower() in _CONNECTORS:
        j += 1
    if j > 0 and words[j - 1].lower() in ("the", "a", "an"):
        j -= 1
    j = min(j, _described(words, k))
    return j if j < k and _names_someone(words[j:k]) else k


def _described(words: list[str], k: int) -> int:
    """Start of a role description ending before words[k] ("the central bank governor"), or k."""
    if k == 0 or not is_head(words[k - 1]):
        return k
    for d in range(k - 2, max(-1, k - 7), -1):
        if words[d].lower() in DETERMINERS:
            return d
        if not words[d][0].isalnum():
            break
    return k


def _describing(words: list[str], k: int) -> int:
    """End of a role description starting at words[k] ("the opposition leader"), or k."""
    if k >= len(words) or words[k].lower() not in DETERMINERS:
        return k
    for h in range(k + 1, min(len(words), k + 6)):
        if is_head(words[h]):
            while h + 1 < len(words) and words[h + 1].lower() in ROLE_HEADS:
                h += 1  # "the trust's chief executive"
            return h + 1
        if not words[h][0].isalnum():
            break
    return k


def _names_someone(words: list[str]) -> bool:
    low = [w.lower().rstrip(".") for w in words]
    if len(low) == 1 and low[0] in PRONOUNS:
        return True
    return any(is_head(w) or w in GROUP_NOUNS for w in low) or any(
        is_capitalised(w) and w.lower() not in STOP_CAPS for w in words
    )


def _inverted(words: list[str], k: int) -> int:
    """End of a speaker named right after the verb at words[k-1] ("said Lavrov,", "said
    opposition councillor Dev Patel."), or k."""
    end = _forward(words, k)
    lead = k
    while end == k and lead < min(len(words), k + 3) and words[lead].isalpha():
        if words[lead].islower():
            lead += 1
            continue
        end = _forward(words, lead)
        if end - lead < 2 or not all(is_capitalised(w) for w in words[lead:end]):
            return k
        break
    if end == k or words[end - 1].endswith(("\u2019s", "'s")):
        return k
    if end == len(words):
        return end
    after = words[end]
    return end if not after[0].isalnum() or after.lower() in AFTER_NAME else k


def _with_name(words: list[str], k: int, end: int, pos: int, tag: str) -> _Found:
    """The speaker words[k:end]; a role followed by its holder's name set off by a comma ("the
    Minister of Health, Ana Ruiz,", "its chief executive, Dr Ken Mori") gives that name."""
    own, _ = split_name(words[k:end])
    if not own and end + 1 < len(words) and words[end] == "," and any(map(is_head, words[k:end])):
        stop = _forward(words, end + 1)
        name, _ = split_name(words[end + 1 : stop])
        closed = stop == len(words) or not words[stop][0].isalnum()
        if name and stop > end + 1 and (closed or words[stop].lower() in AFTER_NAME):
            return _Found(words[end + 1 : stop], pos, tag, words[k:end])
    return _Found(words[k:end], pos, tag)


def _skip_aux(words: list[str], k: int, step: int) -> int:
    n = 0
    while 0 <= k < len(words) and words[k].lower() in AUXILIARIES and n < 2:
        k += step
        n += 1
    return k


def _right(words: list[str], pos: int, ended: bool) -> _Found | None:
    """`“…,” Lavrov said`, `“…,” said the minister`, `“…”, according to Lavrov`."""
    k = 0
    while k < len(words) and not words[k][0].isalnum():
        ended = ended or words[k] in ".!?"
        k += 1
    if k >= len(words):
        return None
    if words[k].lower() == "according" and k + 1 < len(words) and words[k + 1] == "to":
        end = _forward(words, k + 2)
        return _with_name(words, k + 2, end, pos, "according-to") if end > k + 2 else None
    if is_speech_verb(words[k]) and not (ended and is_capitalised(words[k])):
        end = _inverted(words, k + 1)
        return _with_name(words, k + 1, end, pos, "said-before-name") if end > k + 1 else None
    end = _forward(words, k)
    verb = _skip_aux(words, end, 1)
    if end == k or verb >= len(words) or not is_speech_verb(words[verb]):
        return None
    if ended and is_capitalised(words[k]):
        after = words[verb + 1] if verb + 1 < len(words) else "."
        if after not in (".", ",", ";", "!"):
            return None  # a new sentence about something else
    return _Found(words[k:end], pos, "said-after")


def _left(words: list[str], pos: int) -> _Found | None:
    """`Lavrov said: “…”`, `Lavrov told reporters, “…”`, `Lavrov concluded that “…”`."""
    if not words:
        return None
    last = words[-1]
    for k in range(len(words) - 1, -1, -1):
        low = words[k].lower()
        if low == "according" and k + 1 < len(words) and words[k + 1] == "to":
            end = _forward(words, k + 2)
            if end > k + 2:
                return _with_name(words, k + 2, end, pos, "according-to")
        naming = low in NAMING_VERBS and _object_only(words[k + 1 :])  # what Psaki called "…"
        if not (is_speech_verb(words[k]) or naming) or len(words) - k > 30:
            continue
        tag = {":": "intro-colon", ",": "intro"}.get(last, "said-that")
        end_se = _skip_aux(words, k - 1, -1) + 1
        start = _backward(words, end_se)
        if start >= end_se and k > 0 and words[k - 1] == ",":
            end_se = k - 1
            start = _comma_role(words, end_se)
        if start >= end_se and k > 1 and words[k - 1].lower() in STATEMENT_NOUNS:
            owner = clean_token(words[k - 2])
            if owner != words[k - 2] and is_capitalised(owner):
                start, end_se = _backward(words, k - 1), k - 1  # "Eklund's statement said"
        if start >= end_se:
            start, end_se = _relative(words, end_se)
        if start < end_se:
            return _appositive(words, start, end_se, pos, tag)
        end = _inverted(words, k + 1) if low not in LISTENER_VERBS else k + 1
        if end > k + 1 and (end == len(words) or words[end] in ",:"):
            return _with_name(words, k + 1, end, pos, tag)
        if k > 0 and words[k - 1] == ",":  # "Zelensky, however, reaffirmed that “…”"
            return _nearest(words, k - 1, pos, tag)
    if last == ":":
        return _subject(words, pos, "colon-intro")
    participles = [k for k, w in enumerate(words) if w.lower() in PARTICIPLES]
    if participles:
        return _nearest(words, participles[-1], pos, "subject-participle")
    return None


def _object_only(words: list[str]) -> bool:
    """True for nothing or a short object ("the strike") between a naming verb and its phrase."""
    return len(words) <= 4 and all(clean_token(w).isalpha() and w.islower() for w in words)


def _relative(words: list[str], end: int) -> tuple[int, int]:
    """The speaker before a relative clause ending at words[end] ("an engineer who asked not to
    be named said"): (start, end) of the speaker, or (end, end)."""
    for w in range(end - 1, max(0, end - 12), -1):
        if not words[w][0].isalnum():
            break
        if words[w].lower() == "who":
            stop = w - 1 if w > 0 and words[w - 1] == "," else w  # "Pike, who leads the group,"
            start = _backward(words, stop)
            return (start, stop) if start < stop else (end, end)
    return end, end


def _nearest(words: list[str], k: int, pos: int, tag: str) -> _Found | None:
    """The speaker expression nearest before words[k] ("Moravec spent the day explaining")."""
    for j in range(k - 1, max(-1, k - 20), -1):
        word = words[j]
        if word.lower() in PRONOUNS or (_se_word(word) and is_capitalised(word)):
            start = _backward(words, j + 1)
            if start <= j:
                return _Found(words[start : j + 1], pos, tag)
    return None


def _comma_role(words: list[str], end: int) -> int:
    """Start of `, the army chief of staff` (a role set off by commas) ending at words[end]."""
    for c in range(end - 1, max(0, end - 10), -1):
        if words[c] == ",":
            if any(w.lower() in ROLE_HEADS and w.islower() for w in words[c + 1 : end]):
                return c + 1
            break
    return _backward(words, end)


def _appositive(words: list[str], start: int, end: int, pos: int, tag: str) -> _Found:
    """`Felix Reed, the mayor, said`: the name before a role set off by commas."""
    described = words[start:end]
    has_role = any(w.lower() in ROLE_HEADS and w.islower() for w in described)
    if start > 1 and words[start - 1] == "," and has_role and not is_capitalised(described[0]):
        before = _backward(words, start - 1)
        name, _ = split_name(words[before : start - 1])
        subject = any(map(is_head, words[before : start - 1]))  # "The union leader, a nurse,"
        if (name or subject) and before < start - 1:
            return _Found(words[before : start - 1], pos, tag, words[start:end])
    return _Found(words[start:end], pos, tag)


def _subject(words: list[str], pos: int, tag: str) -> _Found | None:
    """The speaker expression that opens a sentence (after an introductory phrase); whom it
    was said to ("speaking to the Herald,") is skipped."""
    k = 0
    while k < min(len(words), 25):
        end = _forward(words, k)
        said_to = _listener(words, k)
        if end > k and not said_to and any(_subject_word(w) for w in words[k:end]):
            return _Found(words[k:end], pos, tag)
        k = max(end, k + 1) if said_to else k + 1
    return None


def _subject_word(word: str) -> bool:
    return is_capitalised(word) or word.lower() in PRONOUNS or is_head(word)


def _listener(words: list[str], k: int) -> bool:
    """True when words[k] starts the object of "told", "speaking to", "in an interview with"."""
    j = k - 1
    if j >= 0 and words[j].lower() in DETERMINERS:
        j -= 1
    return j >= 0 and words[j].lower() in LISTENER_MARKS


def _resolve(
    found: _Found,
    people: People,
    last_speaker: str | None,
    recent: Callable[[str], bool] = lambda name: False,
) -> _Result:
    """Turn the words naming a speaker into a full name (or an unknown with a guess).

    A title with no match among the roles the article gives ("the general said") goes to the
    last named subject only when that person is the last speaker or was named (`recent`) in this
    paragraph or the one before."""
    words, pos = found.words, found.pos
    first = words[0].lower()
    aged = first not in INDEFINITE and any(w.lower().endswith("-year-old") for w in words)
    if (len(words) == 1 and first in PRONOUNS) or aged:  # "he", "the 51-year-old"
        name = people.referent(pos, first)
        if first == "they" or name is None:
            return _Result(None, "", name)
        return _Result(name, people.role_of(name), None)
    parts, role = split_name(words)
    if not parts and all(w.lower() in GROUP_NOUNS | DETERMINERS for w in role):
        return _Result(
            None, " ".join(w.lower() for w in role if w.lower() not in DETERMINERS), None
        )
    role = role or found.role
    while role and role[0].lower() in DETERMINERS:
        role = role[1:]
    heads = [w.lower() for w in role if w.lower() in ROLE_HEADS]
    role_text = " ".join(role) if heads else ""
    if parts:
        full = people.fullest(parts, pos, role)
        return _Result(full, role_text or people.role_of(full), None)
    proper = role and all(is_capitalised(w) or w.lower() in _CONNECTORS for w in role)
    if proper and (
        any(w.lower() in ORG_WORDS for w in role) or (heads and heads[-1] not in PERSON_ROLES)
    ):
        return _Result(" ".join(role), "", None)  # a named body: "the White House"
    match = people.by_role(role, pos) or (found.role and people.by_role(found.role, pos))
    definite = first not in INDEFINITE
    if match and definite:
        return _Result(match, people.role_of(match) or role_text, None)
    guess = match or (people.last_named(pos, subject=True) if definite else None)
    epithet = any(w.lower() in EPITHET_MODIFIERS for w in role)  # "the former pilot"
    titled = heads and heads[-1] in PERSON_ROLES and (heads[-1] not in GENERIC_ROLES or epithet)
    if definite and titled and guess and (guess == last_speaker or recent(guess)):
        return _Result(guess, role_text, None)
    return _Result(None, role_text, guess)


class _Attributor:
    """Attribution state for one document."""

    def __init__(self, doc: Document, quotes: list[Quote]) -> None:
        self.body = doc.body
        self.quotes = quotes
        self.paragraphs = doc.paragraphs() or [(0, len(doc.body))]
        self.starts = [s for s, _ in self.paragraphs]
        self.people = find_people(self.body, self.paragraphs, [(q.start, q.end) for q in quotes])
        self.last_speaker: str | None = None

    def recent_to(self, pos: int) -> Callable[[str], bool]:
        """Whether a person was named in the paragraph of `pos` or the one before."""
        floor = self.paragraphs[max(0, self.para(pos) - 1)][0]
        return lambda name: self.people.last_position(name, pos) >= floor

    def para(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def left_words(self, i: int) -> list[str]:
        q = self.quotes[i]
        lo = self.paragraphs[self.para(q.start)][0]
        if i > 0 and self.quotes[i - 1].end >= lo:
            lo = self.quotes[i - 1].end + 1
        end = q.start
        while end > lo and self.body[end - 1] in _MARKS_AND_SPACE:
            end -= 1
        starts = sentence_starts(self.body, lo, min(len(self.body), q.start + 1))
        starts = [s for s in starts if s <= q.start]
        return WORD_RE.findall(self.body[starts[-1] if starts else lo : max(end, lo)])

    def right_words(self, i: int) -> list[str]:
        q = self.quotes[i]
        hi = min(self.paragraphs[self.para(q.end)][1], q.end + WINDOW)
        if i + 1 < len(self.quotes):
            hi = min(hi, max(q.end, self.quotes[i + 1].start))
        return WORD_RE.findall(self.body[q.end : hi])

    def explicit(self, i: int) -> bool:
        """Attribute quote `i` from the words around it; False when they name no one (words
        that name someone who stays unknown, "a senior official", still count as evidence)."""
        q = self.quotes[i]
        post = TWEET_RE.match(self.body, q.start)
        if post and post.start(1) == q.start:
            author = WORD_RE.findall(post.group(2))
            self.apply(q, _resolve(_Found(author, q.start, "post"), self.people, None), "post")
            return True
        ended = q.text.rstrip()[-1:] in (".", "!", "?")
        found = _right(self.right_words(i), q.end, ended)
        if found and q.kind is QuoteKind.PHRASE and found.tag != "according-to":
            found = None  # a phrase inside a sentence is not the object of the clause after it
        found = found or _left(self.left_words(i), q.start)
        if found is None:
            return False
        result = _resolve(found, self.people, self.last_speaker, self.recent_to(found.pos))
        self.apply(q, result, found.tag)
        if result.speaker:
            self.people.add(found.pos, result.speaker)
            self.last_speaker = result.speaker
        return True

    def apply(self, q: Quote, result: _Result, tag: str) -> None:
        q.speaker, q.speaker_guess, q.attribution = result.speaker, result.guess, tag
        q.role = result.role
        if result.speaker is None and not tag.startswith("guess"):
            q.attribution = f"{tag}-unsure"

    def copy(self, q: Quote, source: Quote, tag: str) -> None:
        q.speaker, q.role, q.speaker_guess, q.attribution = source.speaker, source.role, None, tag

    def by_position(self, i: int) -> None:
        """Attribute quote `i`, which names no speaker itself, from the quotations around it."""
        q = self.quotes[i]
        p = self.para(q.start)
        prev = self.quotes[i - 1] if i > 0 else None
        nxt = self.quotes[i + 1] if i + 1 < len(self.quotes) else None
        if prev and prev.speaker and self.para(prev.end) == p and self.continues(prev, q):
            return self.copy(q, prev, "continues")
        if q.kind is QuoteKind.PHRASE:
            return self.guess(q)
        same = nxt is not None and self.para(nxt.start) == self.para(q.end)
        if nxt and same and nxt.speaker and self.explicit_tag(nxt):
            return self.copy(q, nxt, "continued-by")
        lead = self.body[self.paragraphs[p][0] : q.start]
        opens_paragraph = len(lead) < 8 and not lead.strip(_MARKS_AND_SPACE)
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
        return not sentence_starts(self.body, prev.end, q.start)

    def guess(self, q: Quote) -> None:
        if q.speaker_guess is None:
            q.speaker_guess = self.people.last_named(q.start, subject=True) or self.last_speaker
        q.attribution = q.attribution or "guess"

    def introduced(self, q: Quote, p: int, prev: Quote | None) -> bool:
        """The last sentence of paragraph `p` introduces `q`: it ends with a colon ("Peskov
        echoed the charge:") or reports someone's words ("Natarajan said the numbers...")."""
        start, end = self.paragraphs[p]
        text = self.body[start:end].rstrip()
        starts = sentence_starts(self.body, start, start + len(text))
        first = starts[-1] if starts else start
        if prev is not None and prev.end > first:
            return False  # the sentence holds a quotation of its own
        found = _left(WORD_RE.findall(self.body[first : start + len(text)]), start + len(text))
        if found is None or not (text.endswith(":") or found.tag == "said-that"):
            return False
        result = _resolve(found, self.people, self.last_speaker, self.recent_to(found.pos))
        self.apply(q, result, "colon-intro" if text.endswith(":") else "reported-before")
        return result.speaker is not None


def attribute(doc: Document, quotes: list[Quote]) -> None:
    """Set speaker, role, speaker_guess and attribution on each of `doc`'s quotes (in place)."""
    if not quotes:
        return
    state = _Attributor(doc, quotes)
    for i in [i for i in range(len(quotes)) if not state.explicit(i)]:
        state.by_position(i)
