"""Where the speaker stands around a quotation: the words before or after it, read as a phrase.

`phrase_after` reads `“…,” Lavrov said` / `“…,” said the minister, Tomas Heller` / `…, according
to Lavrov`; `phrase_before` reads `Lavrov told reporters, “…”` / `The leader, a former nurse,
added: “…”`. Each gives a `Found`: the words naming the speaker and the evidence tag; resolving
them to a person is `reader.quotes.attribution`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.quotes.names import (
    AFTER_NAME,
    AUXILIARIES,
    BODY_NAME_WORDS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    INDEFINITE,
    LISTENER_MARKS,
    LISTENER_VERBS,
    LY_NOUNS,
    NAMING_AS_VERBS,
    NAMING_VERBS,
    ORG_WORDS,
    PARTICIPLES,
    PARTICLES,
    POSSESSIVE_ENDS,
    PRONOUNS,
    QUANTIFIERS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    STOP_CAPS,
    SUBORDINATORS,
    clean_token,
    fold,
    is_capitalised,
    is_head,
    is_person_name,
    is_speech_verb,
    names_a_body,
    one_of,
    split_name,
)
from reader.quotes.nonnames import PLATFORMS

CONNECTORS = frozenset(["of", "for", "to", "and", "&"])  # words joining a name's parts
# Words that may open a sentence before its subject: "And the judge...", "But Reed...".
_LINKS = frozenset(["of", "from", "at"])
CLAUSE_OPENERS = SUBORDINATORS | frozenset(["where", "who", "whom", "which", "that"])
LEADING_WORDS = frozenset(["and", "but", "then", "so", "yet", "now", "still", "meanwhile"])
OWNED_VOICES = GROUP_NOUNS | STATEMENT_NOUNS  # who speak for the owner named before them
SPOKESPEOPLE = frozenset(["spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen"])
MARKS_AND_SPACE = " \"'\u201c\u2018\u00ab\u201e\u00bb\u2039\u203a\u201a"
WINDOW = 250  # characters read on each side of a quotation
# Words placing a source left unnamed after its description: "a source close to the club".
UNNAMED_TAIL = frozenset(
    ["at", "in", "of", "on", "from", "with", "close", "familiar", "inside", "outside", "near"]
)
TAIL_REACH = 8  # words of such a place before the speech verb
# Verbs whose subject issues a document that may speak later: "X sued", "Y released a report".
ISSUING_VERBS = frozenset(
    ("sued", "sues", "filed", "files", "issued", "issues", "released", "releases", "published",
     "publishes", "sent", "wrote", "brought")
)  # fmt: skip
SUING_VERBS = frozenset(("sued", "sues", "filed", "files", "brought"))  # issue a suit unnamed
_CLAIMS = frozenset(
    ["claims", "claimed", "alleges", "alleged", "reads", "read", "states", "found", "finds"]
)
PHRASAL_SPEECH_VERBS = frozenset(
    f"{verb} {particle}"
    for verbs, particle in (
        ("shot shoots fired fires hit hits pushed pushes snapped", "back"),
        ("went goes", "on"),
        ("chimed chimes weighed weighs", "in"),
    )
    for verb in verbs.split()
)
_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)")
APPOSITIVE = 30  # words of a description set off by commas between a name and its verb
DOCUMENT_REACH = 20  # words after a document's noun searched for its issuer and its verb
REPORTED_REACH = 60  # words between a speech verb and the reported clause quoting its subject


@dataclass(slots=True)
class Found:
    """Words naming a speaker, where they are, and which pattern found them."""

    words: list[str]
    pos: int
    tag: str
    role: list[str] = field(default_factory=list)  # a role given apart: "Reed, the mayor,"


@dataclass(slots=True)
class Result:
    speaker: str | None
    role: str
    guess: str | None


def _se_word(word: str) -> bool:
    low = word.lower().rstrip(".")
    if low in ROLE_HEADS or low in ROLE_MODIFIERS or low in HONORIFICS or low in GROUP_NOUNS:
        return True
    if _ORDINAL_RE.fullmatch(low):  # a rank: "Air Force 1st Lt. Tyler Livingston"
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
        if low in ("the", "and") or (low in CONNECTORS and j == k):
            break
        titled = low == "in" and words[j + 1 : j + 2] == ["Charge"]  # "Special Agent in Charge"
        joins = (low in CONNECTORS or titled) and j + 1 < len(words) and _se_word(words[j + 1])
        particle = low in PARTICLES and (j > k or _particles_open_name(words, j))
        if not (_se_word(words[j]) or particle or joins):
            break
        j += 1
    while j > k + 1 and words[j - 1].lower() in CONNECTORS:  # "Ana Ruiz of the Institute"
        j -= 1
    if words[k].lower() in INDEFINITE and _describing(words, k) > j:
        return _describing(words, k)  # "a Grennock forklift driver": someone unnamed
    if j > k and _names_someone(words[k:j]):
        return j
    return _describing(words, k)


def _particles_open_name(words: list[str], k: int) -> bool:
    """True when words[k] opens a surname with particles ("de la Peña said", "van der Linde")."""
    j = k
    while j < len(words) and j - k < 3 and words[j].lower() in PARTICLES:
        j += 1
    return j > k and j < len(words) and is_capitalised(words[j])


def _backward(words: list[str], k: int) -> int:
    """Start of the speaker expression that ends just before words[k], or k if there is none."""
    if k > 0 and words[k - 1].lower() in PRONOUNS:
        return k - 1
    j = k
    while j > 0 and k - j < 10:
        word = words[j - 1]
        low = word.lower()
        if _se_word(word) or (low in PARTICLES | CONNECTORS and j < k):
            j -= 1
        else:
            break
    while j < k and words[j].lower() in CONNECTORS:
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
    if k >= len(words) or words[k].lower() not in DETERMINERS | QUANTIFIERS:
        return k
    counted = words[k].lower() in QUANTIFIERS  # "two officials", "several residents"
    if _plain_speaker(words, k):  # "a bystander said", "one commuter told"
        return k + 2
    member = member_end(words, k)  # "one of our drivers"
    if member > k:
        return member
    for h in range(k + 1, min(len(words), k + 6)):
        owned = words[h - 1].endswith(POSSESSIVE_ENDS) and words[h].lower() in OWNED_VOICES
        grouped = counted and words[h].lower() in GROUP_NOUNS
        if is_head(words[h]) or owned or grouped:  # "the museum's trustees", "two officials"
            while h + 1 < len(words) and words[h + 1].lower() in ROLE_HEADS:
                h += 1  # "the trust's chief executive"
            return h + 1
        if not words[h][0].isalnum() or words[h].lower() in DETERMINERS:
            break  # "a decision the rider says he understands": the rider's words are not it
    return k


def member_end(words: list[str], k: int) -> int:
    """End of "one of our drivers", "one of the nurses" (one member of a group of people, up
    to one modifier before its plural head) starting at words[k], or k."""
    if words[k].lower() not in INDEFINITE or words[k + 1 : k + 2] != ["of"]:
        return k
    if k + 2 >= len(words) or words[k + 2].lower() not in DETERMINERS:
        return k
    for h in (k + 3, k + 4):
        if h < len(words) and words[h].endswith("s") and is_head(one_of(words[h].lower())):
            return h + 1
    return k


def _plain_speaker(words: list[str], k: int) -> bool:
    """True for "a" / "one" and a lower-case noun right before a speech verb or "who" ("a
    bystander said", "an angler who gave his name"): someone left unnamed whom no list of roles
    knows."""
    if k + 2 >= len(words) or words[k].lower() not in INDEFINITE:
        return False
    noun, verb = words[k + 1], words[k + 2]
    person = is_speech_verb(verb) or verb == "who"  # "said an angler who gave his name as"
    return noun.isalpha() and noun.islower() and person and noun not in PRONOUNS


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
        if end - lead < 2 or not all(is_capitalised(w) or w in CONNECTORS for w in words[lead:end]):
            return k
        break
    if end > k and words[end - 1].endswith(("\u2019s", "'s")):  # "said Jo Hale of the IRS's
        links = [j for j in range(k + 1, end) if words[j] in _LINKS]  # Detroit office": Jo Hale
        end = links[-1] if links else k
    if end == k:
        return k
    end = max(end, _role_then_name(words, end))  # "said Acme campaign spokesman Bo Lind"
    if end == len(words):
        return end
    after = words[end].lower()  # "said Ana Ruiz of the Policy Institute, an early voice"
    if _unnamed_at(words, k) and after in UNNAMED_TAIL:
        return end  # "said one fan outside the ground", "said two people familiar with it"
    if after == "for" and words[end - 1].lower() in SPOKESPEOPLE:  # "said a spokesman for X"
        body_end = _forward(words, end + 1)
        return body_end if body_end > end + 1 else k
    return end if not after[0].isalnum() or after in AFTER_NAME or after in _LINKS else k


def _unnamed_at(words: list[str], k: int) -> bool:
    """True when words[k] opens a description of people left unnamed ("a", "one", "two")."""
    return k < len(words) and words[k].lower() in INDEFINITE | QUANTIFIERS


def _past_tail(words: list[str], end: int) -> int:
    """The speech verb after the words that place an unnamed source ("an official at the
    ministry said", "one person familiar with the talks told"), or `end`."""
    if end >= len(words) or words[end].lower() not in UNNAMED_TAIL:
        return end
    for j in range(end + 1, min(len(words), end + TAIL_REACH)):
        if not words[j][0].isalnum() or is_speech_verb(words[j]):
            return j if is_speech_verb(words[j]) else end
    return end


def _spoken_for_end(words: list[str], end: int) -> int:
    """End of the body a spokesperson ending at words[end-1] speaks for, when a speech verb
    follows it ("a spokeswoman for the retailer said"), or `end`."""
    if end >= len(words) or words[end] != "for" or words[end - 1].lower() not in SPOKESPEOPLE:
        return end
    for j in range(end + 1, min(len(words), end + TAIL_REACH)):
        if not words[j][0].isalnum():
            return end
        if is_speech_verb(words[j]):
            return j if j > end + 1 else end
    return end


def _with_name(words: list[str], k: int, end: int, pos: int, tag: str) -> Found:
    """The speaker words[k:end]; a role followed by its holder's name set off by a comma ("the
    Minister of Health, Ana Ruiz,", "its chief executive, Dr Ken Mori") gives that name."""
    for link in range(k + 2, end - 1):  # "said Ana Ruiz of (the) Human Rights Watch"
        body = link + 2 if words[link + 1] == "the" and link + 2 < end else link + 1
        if words[link] in _LINKS and (words[body][0].isupper() or words[end - 1][0].isupper()):
            person, title = split_name(words[k:link])  # "said former Gov. Jo Hale of Iowa",
            if is_person_name(person) and _is_title(title):  # "Jo Hale of consulting firm IMGE"
                return Found(person, pos, tag, title + words[link:end])
            break
    own, _ = split_name(words[k:end])
    if not own and end + 1 < len(words) and words[end] == "," and any(map(is_head, words[k:end])):
        stop = _forward(words, end + 1)
        name, _ = split_name(words[end + 1 : stop])
        closed = stop == len(words) or not words[stop][0].isalnum()
        if name and stop > end + 1 and (closed or words[stop].lower() in AFTER_NAME):
            return Found(words[end + 1 : stop], pos, tag, words[k:end])
    return Found(words[k:end], pos, tag)


def _adverb(word: str) -> bool:
    """True for an -ly adverb between a subject and its verb ("had publicly stated")."""
    return word.islower() and len(word) >= 5 and word.endswith("ly") and word not in LY_NOUNS


def _is_title(words: list[str]) -> bool:
    """True for the words of a title before a name: none, role modifiers ("former Gov."), or
    words ending in a role head ("union leader", "CBC Chairman")."""
    if all(w.lower() in ROLE_MODIFIERS for w in words):
        return True
    while len(words) > 1 and words[-1].lower() in ROLE_MODIFIERS | {"in"}:  # "Agent in Charge"
        words = words[:-1]
    return is_head(words[-1]) and all(w[0].isalnum() for w in words)


PASSABLE = AUXILIARIES | frozenset(("himself", "herself", "themselves", "itself"))


def _skip_aux(words: list[str], k: int, step: int) -> int:
    """Past up to three auxiliaries, adverbs and reflexives ("Varga herself said") from words[k]
    in direction `step`."""
    n = 0
    while 0 <= k < len(words) and n < 3 and (words[k].lower() in PASSABLE or _adverb(words[k])):
        k += step
        n += 1
    return k


_RELAYING = frozenset(["press", "media", "reports", "newspapers", "papers", "outlets"])


def phrase_after(words: list[str], pos: int, ended: bool) -> Found | None:
    """`“…,” Lavrov said`, `“…,” said the minister`, `“…”, according to Lavrov`."""
    k = 0
    while k < len(words) and not words[k][0].isalnum():
        ended = ended or words[k] in ".!?"
        k += 1
    if k >= len(words):
        return None
    document = _document(words, k, pos)
    opens_next = (
        ended
        and is_capitalised(words[k])
        and (":" in words[k : k + DOCUMENT_REACH + 3] or not any(w in ".!?" for w in words[k:]))
    )  # "The statement added: “…”", "The complaint alleges that “…”": the next quote's
    if document is not None and not opens_next:
        return document
    if words[k].lower() == "it":
        verb = _skip_aux(words, k + 1, 1)
        if verb < len(words) and (is_speech_verb(words[verb]) or words[verb] in _CLAIMS):
            return Found([], pos, "it")  # '“…,” it says': the document or the body before
    if words[k].lower() in ("one", "another") and not ended:  # '“…,” one said': one of a group
        verb = _skip_aux(words, k + 1, 1)
        if verb < len(words) and is_speech_verb(words[verb]):
            return Found([words[k].lower()], pos, "said-after")
    if words[k].lower() == "according" and k + 1 < len(words) and words[k + 1] == "to":
        end = _forward(words, k + 2)
        relayed = words[end - 1].lower() in _RELAYING  # "according to the British press": who
        if end == k + 2 or relayed:  # reported the words, not who said them
            return None
        return _with_name(words, k + 2, end, pos, "according-to")
    if is_speech_verb(words[k]) and not (ended and is_capitalised(words[k])):
        owned = _owned_name(words, k + 1)  # "said Rubio's campaign manager, Rich Beeson,"
        if owned is not None:
            start, end, _ = owned
            role = [w for w in words[k + 1 : start] if w != ","]
            return Found(words[start:end], pos, "said-before-name", role)
        end = _inverted(words, k + 1)
        if [w.lower() for w in words[k + 1 : k + 4]] == ["one", "of", "them"]:  # "said one of
            described = _describing(words, k + 5) if words[k + 4 : k + 5] == [","] else k + 5
            span = (k + 5, described) if described > k + 5 else (k + 1, k + 4)  # them, a nurse"
            return Found(words[span[0] : span[1]], pos, "said-before-name")
        if end == k + 1:  # "said his best friend at Lehigh, Bruce Turry, who"
            return _named_after_description(words, k + 1, pos)
        if not split_name(words[k + 1 : end])[0]:  # "said the chairman of the X, Paul Moss"
            named = _named_after_description(words, k + 1, pos)
            if named is not None:
                return named
        return _with_name(words, k + 1, end, pos, "said-before-name")
    kin = _modified_name(words, k)  # "his friend Mahamat Saleh Oumar told", "a beaming Kovac"
    if kin is not None:
        return Found(words[kin[0] : kin[1]], pos, "said-after", words[k : kin[0]])
    owned = _owned_name(words, k)  # "Reed's campaign manager, Jo Hale, said"
    if owned is not None:
        start, end, rest = owned
        verb = _skip_aux(words, rest, 1)
        if verb < len(words) and is_speech_verb(words[verb]):
            return Found(words[start:end], pos, "said-after", words[k:start])
    end = _forward(words, k)
    start = k
    if end == k:
        end = _role_then_name(words, k)
    elif _role_then_name(words, end) > end:  # "Acme Capital fund manager Bo Lind said"
        start, end = end, _role_then_name(words, end)
    # "Bo Lind, a former aide, said" / "the White House spokesman, Josh Earnest, said"
    described = _description_after(words, end) or _name_after_role(words, start, end)
    end = _spoken_for_end(words, end)  # "a spokeswoman for the retailer said"
    placed = _past_tail(words, end) if _unnamed_at(words, start) else end  # "an official at
    verb = _skip_aux(words, described or placed, 1)  # the ministry said"
    if end > k and not described:  # "Iain Mackle of the Aldermark Fishermen's Federation said"
        past_body = _skip_aux(words, _body_tail(words, end), 1)
        if past_body < len(words) and is_speech_verb(words[past_body]):
            verb = past_body
    if end == k or verb >= len(words) or not is_speech_verb(words[verb]):
        if end == k or not _phrasal_speech(words, verb):
            return None
        verb += 1  # "Bennett shot back", "Trump went on"
    if ended and is_capitalised(words[k]):
        after = words[verb + 1] if verb + 1 < len(words) else "."
        listener = words[verb].lower() in LISTENER_VERBS  # "Reed told reporters."
        circumstance = (listener or _circumstance(after)) and _clause_ends(words, verb + 1)
        if after not in (".", ",", ";", "!") and not circumstance:
            return None  # a new sentence about something else
    role = words[k:start] or (words[end + 1 : described - 1] if described else [])
    found = _with_name(words, start, end, pos, "said-after")  # "Jo Hale of Iowa said"
    found.role = found.role or role
    return found


def _body_tail(words: list[str], end: int) -> int:
    """End of the body a name belongs to, named right after it ("of the Aldermark Fishermen's
    Federation", "at Acme Corp"), or `end` when none follows."""
    if end >= len(words) or words[end] not in _LINKS:
        return end
    j = end + 2 if words[end + 1 : end + 2] == ["the"] else end + 1
    stop = j
    while stop < len(words) and stop - j < BODY_NAME_WORDS and is_capitalised(words[stop]):
        stop += 1
    return stop if stop > j else end


CIRCUMSTANCES = frozenset(
    ("to", "in", "on", "at", "during", "after", "before", "from", "while", "when", "via",
     "earlier", "later", "last", "this", "yesterday", "today", "tonight", "monday", "tuesday",
     "wednesday", "thursday", "friday", "saturday", "sunday")
)  # fmt: skip


def _circumstance(word: str) -> bool:
    """True for a word opening where, when or to whom something was said ("said to People",
    "said on Monday")."""
    return word.lower() in CIRCUMSTANCES


def _clause_ends(words: list[str], k: int) -> bool:
    """True when the clause from words[k] ends within a few words with no reported clause of its
    own ("to People.", not "to him that it was", nor "Wednesday she, too, wants")."""
    for word in words[k : k + 8]:
        if word in (".", "!", "?", ";", ","):
            return True
        if word.lower() in PRONOUNS or word.lower() in ("that", "it", "we", "i"):
            return False
    return False


def _named_after_description(words: list[str], k: int, pos: int) -> Found | None:
    """The person named after a description and a comma from words[k] ("his best friend at
    Lehigh, Bruce Turry,", "another leading advocate, Andrew J. Pincus of Mayer Brown"), or
    None."""
    comma = next((j for j in range(k + 1, min(len(words), k + 10)) if words[j] == ","), -1)
    described = words[k:comma]
    if (
        comma < 0
        or words[k].lower() not in DETERMINERS
        or not all(w[0].isalnum() for w in described)
    ):
        return None  # a description of words only, in one sentence
    end = _forward(words, comma + 1)
    name, _ = split_name(words[comma + 1 : end])
    if not is_person_name(name):
        return None
    after = words[end].lower() if end < len(words) else "."
    if after[0].isalnum() and after not in AFTER_NAME and after not in _LINKS:
        return None
    return Found(words[comma + 1 : end], pos, "said-before-name", described)


def _phrasal_speech(words: list[str], k: int) -> bool:
    """True for a two-word speech verb at words[k] ("shot back", "went on", "chimed in")."""
    pair = " ".join(w.lower() for w in words[k : k + 2])
    return pair in PHRASAL_SPEECH_VERBS


def _document(words: list[str], k: int, pos: int) -> Found | None:
    """`the lawsuit filed by the Harbour Trust says` (the issuer speaks), `the statement said`
    or `according to the filing` (nobody named: tagged "document", never the last person named),
    starting at words[k]; None for anything else."""
    j = k + 2 if words[k].lower() == "according" and words[k + 1 : k + 2] == ["to"] else k
    if j >= len(words) or words[j].lower() not in DETERMINERS:
        return None
    noun = document_end(words, j)
    if noun < 0:
        return None
    if words[j].lower() == "its":  # "Its post added": the body's, as "It added"
        return Found([], pos, "it")
    rest = words[noun : noun + DOCUMENT_REACH]
    by = rest.index("by") if "by" in rest else -1
    by = 0 if rest[:1] == ["from"] else by  # "An email from Dale Houghton to the board read"
    verb = next(  # "a letter from X confirming that"
        (i for i, w in enumerate(rest) if is_speech_verb(w) or w in _CLAIMS | PARTICIPLES), -1
    )
    if (j == k and verb < 0) or any(_negates(w) for w in rest[: max(0, verb)]):
        return None  # "The statement did not say when": nothing it said
    if by >= 0 and (verb < 0 or by < verb):
        agent = _issued_by(words, noun + by + 1, pos)
        if agent is not None:
            return agent
    return Found(_issuing_body(words, j, noun), pos, "document")


_QUOTING_VERBS = frozenset(["quoted", "quotes", "quoting", "cited", "cites", "citing"])


def _quoted_as(words: list[str], k: int, pos: int) -> Found | None:
    """Whom a source quoted "as saying" at words[k] ("The Herald quoted him as saying:", "the
    website quotes coach Owain Thomas as saying"), or None."""
    if k < 3 or words[k - 1].lower() != "as":
        return None
    verb = next((j for j in range(k - 2, max(-1, k - 8), -1) if words[j] in _QUOTING_VERBS), -1)
    return Found(words[verb + 1 : k - 1], pos, "said-that") if verb >= 0 else None


def _sent_document(words: list[str], k: int, pos: int) -> Found | None:
    """The sender of a document named from or by someone just before the participle at words[k]
    ("has received a letter from the minister, Helen Crossley, confirming that"), or None."""
    for j in range(k - 1, max(-1, k - DOCUMENT_REACH), -1):
        noun = document_end(words, j) if words[j].lower() in DETERMINERS else -1
        if noun > 0 and words[noun : noun + 1] in (["from"], ["by"]):
            found = _document(words, j, pos)
            return found if found is not None and found.words else None
    return None


def _negates(word: str) -> bool:
    """True for "not", "never" and a verb's "n't" ("didn't", "doesn’t")."""
    low = word.lower()
    return low in ("not", "never") or low.endswith(("n't", "n\u2019t"))


def document_end(words: list[str], j: int) -> int:
    """Where a document named from words[j] ends ("the lawsuit", "the class-action complaint",
    "the federal court filing": up to two modifiers; "a 2014 House Intelligence Committee
    report": a year and a body's name), or -1 when words[j:] name none."""
    for n in range(j + 1, min(len(words), j + 4 + BODY_NAME_WORDS)):
        if words[n] in DOCUMENT_NOUNS or (words[n].lower() in DOCUMENT_NOUNS - {"post"}):
            return n + 1  # not "the Washington Post"
        modifier = words[n].islower() and words[n][0].isalnum() and n < j + 3
        named = is_capitalised(words[n]) or words[n].isdigit()
        if not (modifier or named) or words[n].endswith(POSSESSIVE_ENDS):
            return -1  # "the video's release" is no document that speaks
    return -1


def _issuing_body(words: list[str], j: int, end: int) -> list[str]:
    """The body whose name stands before the document's noun ("a 2014 House Intelligence
    Committee report"), or []."""
    name = [w for w in words[j + 1 : end - 1] if is_capitalised(w)]
    return name if name and names_a_body(" ".join(name)) else []


def _issued_by(words: list[str], start: int, pos: int) -> Found | None:
    """The issuer named after "by" at words[start], past a description of it ("by the Houston
    firm Bell & Ocampo"), or None."""
    for n in range(start + 1, min(len(words) - 1, start + 4)):
        if words[start].lower() in DETERMINERS and words[n].lower() in ORG_WORDS | ROLE_HEADS:
            if is_capitalised(words[n + 1]):
                start = n + 1
            break
    end = _forward(words, start)
    end = end if end > start else _role_then_name(words, start)  # "by city councillor Jo Hale"
    return Found(words[start:end], pos, "document") if end > start else None


def issuer(words: list[str], pos: int) -> Found | None:
    """Who a sentence says issued a document: its subject before an issuing verb ("The Ohio
    Democratic Party sued the state", "Police released a statement"), or the agent of a
    document filed by it ("A lawsuit filed Tuesday by Bell & Ocampo seeks...", "The case was
    brought by Orme & Castellan"), or None."""
    verb = next((i for i, w in enumerate(words) if w in ISSUING_VERBS), -1)
    if verb <= 0:
        return None
    by = next((i for i in range(verb + 1, min(len(words), verb + 4)) if words[i] == "by"), -1)
    opens = next((i for i in range(verb) if words[i].lower() in DETERMINERS), -1)
    passive = words[verb - 1].lower() in ("was", "were", "been", "is", "are")  # "was brought by"
    if by > 0 and (passive or (opens >= 0 and document_end(words, opens) == verb)):
        return _issued_by(words, by + 1, pos)
    return _subject(words[:verb], pos, "document")


def _opens_with_it(words: list[str], end: int) -> bool:
    """True when the clause ending at words[end] is "it" alone, opening a sentence or after a
    comma ("It added:", "In a statement, it said:")."""
    return end > 0 and words[end - 1].lower() == "it" and (end == 1 or words[end - 2] in ",;")


def _document_before(words: list[str], k: int, pos: int) -> Found | None:
    """`The lawsuit (filed by X) claims Y “…”`: the document whose verb is words[k] speaks for
    its issuer, never for Y, the subject of the reported clause."""
    for j in range(k - 2, max(-1, k - DOCUMENT_REACH - 2), -1):
        joined = words[j - 1].lower() in ("and", "but") and (j == 1 or words[j - 2] == ",")
        opens = j == 0 or not words[j - 1][0].isalnum() or joined  # ", and the suit says"
        if opens and words[j].lower() in DETERMINERS and document_end(words, j) > 0:
            return _document(words, j, pos)  # not "Mackler issued a statement saying"
        if not words[j][0].isalnum() and words[j] not in (",", "&"):
            break
    return None


def closes_sentence(words: list[str]) -> bool:
    """True when the words after a phrase are a comma and a speech clause ending its sentence
    ("…,” said Reed, a senior fellow." / "…,” Reed said on Monday."), not a clause of its own
    ("…,” Biden warned his counterpart that…")."""
    words = [w for w in words if w[0].isalnum() or w in ",.;:!?"]  # no quotation marks
    if not words or words[0] != ",":
        return False
    stop = next((i for i, w in enumerate(words) if w in ".!?"), len(words))
    verb = next((i for i in range(stop) if is_speech_verb(words[i])), -1)
    if verb < 0:
        return False
    rest = words[verb + 1 : stop]
    inverted = verb == 1 or (verb == 2 and words[1].lower() in AUXILIARIES)
    return inverted or ("that" not in rest and len(rest) <= 4)


def closing_clause(words: list[str], pos: int) -> Found | None:
    """The speech clause that closes a sentence after its last comma (`… in the 2008 primary,
    said Paul Beck.`), read from `words` after a phrase quoted inside that sentence."""
    stop = next((i for i, w in enumerate(words) if w in ".!?"), -1)
    commas = [i for i in range(max(0, stop)) if words[i] == ","]
    verbs = [i for i in commas if i + 1 < len(words) and is_speech_verb(words[i + 1])]
    comma = (verbs or commas or [-1])[-1]  # "…” that X can win, said Jo Hale, a strategist."
    if comma < 0 or (any(map(is_capitalised, words[:comma])) and not verbs):
        return None  # "Ramos, 58, told AFP": the clause of a name standing before it
    found = phrase_after(words[comma : stop + 1], pos, False)
    return found if found is not None and found.tag.startswith("said") else None


def _modified_name(words: list[str], k: int) -> tuple[int, int] | None:
    """(start, end) of the name in "his friend Ann Hale told" / "her longtime aide Jo Roe said"
    (his/her/their, a few lower-case words, a person's full name) or "a beaming Kovac told" /
    "an angry Hollande said" (a/an/the, one or two lower-case words, a name) or "tight-lipped
    Reed said" (a hyphened modifier, a name) from words[k], followed by a speech verb."""
    opener = words[k].lower()
    owned = opener in ("his", "her", "their")
    hyphened = "-" in opener and opener.islower()  # "warm-and-fuzzy Trump said"
    if not owned and opener not in ("a", "an", "the") and not hyphened:
        return None
    start = k + 1
    while start < len(words) and start - k <= (4 if owned else 2) and words[start].isalpha():
        if not words[start].islower():
            break
        start += 1
    end = _forward(words, start)
    name, role = split_name(words[start:end])
    verb = _skip_aux(words, end, 1)
    named = is_person_name(name) or (not owned and len(name) == 1 and end == start + 1)
    if (start == k + 1 and not hyphened) or role or not named or verb >= len(words):
        return None
    return (start, end) if is_speech_verb(words[verb]) else None


def _owned_name(words: list[str], k: int) -> tuple[int, int, int] | None:
    """`Reed's campaign manager, Jo Hale,` or `Reed's spokesman Jo Hale` (or any noun before a
    full name set off by a comma: `Clinton's introducer, actress Jamie Lee Curtis`) from
    words[k]: (start, end) of the name and where the words after it start; None otherwise."""
    owner = next((j for j in range(k, min(len(words), k + 3)) if _possessive(words[j])), -1)
    if owner < 0 or not all(is_capitalised(w) for w in words[k : owner + 1]):
        return None
    role = owner + 1
    while (
        role < len(words) and role - owner <= 4 and words[role].isalpha() and words[role].islower()
    ):
        role += 1
    if role == owner + 1 or role >= len(words):
        return None
    headed = is_head(words[role - 1])
    if not headed and words[role] != ",":
        return None
    start = role + 1 if words[role] == "," else role
    while not headed and start < len(words) and start - role <= 2 and words[start].islower():
        start += 1  # "Clinton's introducer, actress Jamie Lee Curtis"
    end = _forward(words, start)
    name, _ = split_name(words[start:end])
    if end == start or not name or not (headed or is_person_name(name)):
        return None
    if start > role:  # the name set off by commas, or closing the sentence
        return (start, end, end + 1) if words[end : end + 1] in ([","], ["."], []) else None
    return start, end, end


def _possessive(word: str) -> bool:
    return word.endswith(POSSESSIVE_ENDS) and is_capitalised(word)


def _description_after(words: list[str], end: int) -> int:
    """After a name ending at words[end], the end of a description set off by commas (", a
    former aide,", ", who ran the campaign,"), or 0 when there is none."""
    if end >= len(words) or words[end] != "," or end + 2 >= len(words):
        return 0
    opening = words[end + 1]  # "a former aide", "who ran", "Mr. Obama's deputy adviser", "58"
    owned = any(map(_possessive, words[end + 1 : end + 4]))
    if not (
        _describes(opening) or opening.lower() in ("who", "whose") or owned or opening.isdigit()
    ):
        return 0
    for c in range(end + 2, min(len(words), end + APPOSITIVE)):
        if words[c] == ",":
            return c + 1
        if not words[c][0].isalnum() and words[c] not in "-'’":
            return 0
    return 0


def _name_after_role(words: list[str], k: int, end: int) -> int:
    """After a role words[k:end] naming nobody ("the White House spokesman"), the end of its
    holder's name set off by commas (", Josh Earnest,"), or 0 when there is none."""
    if end + 2 >= len(words) or words[end] != "," or not any(map(is_head, words[k:end])):
        return 0
    stop = _forward(words, end + 1)
    name, _ = split_name(words[end + 1 : stop])
    own, _ = split_name(words[k:end])
    if own or not name or stop >= len(words) or words[stop] != ",":
        return 0
    return stop + 1


def _role_then_name(words: list[str], k: int) -> int:
    """End of a lower-case role followed by a name ("presiding judge Ilse Varga", "club
    president Marco Bellucci", or any word before a full name: "screenwriter Cole Haddon")
    starting at words[k], or k."""
    j = k
    while j < len(words) and j - k < 4 and words[j][0].islower() and words[j][0].isalpha():
        if words[j] in DETERMINERS or words[j] in PRONOUNS or is_speech_verb(words[j]):
            return k
        j += 1
    if j == k or j >= len(words) or not is_capitalised(words[j]):
        return k
    end = _forward(words, j)
    name, _ = split_name(words[j:end])
    titled = is_head(words[j - 1]) or (j == k + 1 and is_person_name(name))
    return end if name and titled else k


def phrase_before(words: list[str], pos: int) -> Found | None:
    """`Lavrov said: “…”`, `Lavrov told reporters, “…”`, `Lavrov concluded that “…”`."""
    if not words:
        return None
    last = words[-1]
    for k in range(len(words) - 1, -1, -1):
        low = words[k].lower()
        if low == "according" and k + 1 < len(words) and words[k + 1] == "to":
            document = _document(words, k, pos)  # "According to the complaint filed by X,"
            if document is not None:
                return document
            end = _forward(words, k + 2)
            if end > k + 2:
                return _with_name(words, k + 2, end, pos, "according-to")
        naming = _names_phrase(words, k)  # what Psaki called "…", dismissed it as "…"
        claims = low in _CLAIMS  # "A 2014 House committee report found"
        if not (_verb_at(words, k) or naming or claims) or _too_far(words, k):
            continue
        if _passive(words, k):  # "Ruiz was accused of “lying”": by someone else
            continue
        if claims and not _verb_at(words, k):
            document = _document_before(words, k, pos)
            if document is None:
                continue
            return document
        tag = {":": "intro-colon", ",": "intro"}.get(last, "said-that")
        document = _document_before(words, k, pos)
        if document is not None:
            return document
        if k > 1 and words[k - 1].lower() in COORDINATING:  # "Lazar said he ... and added,"
            first = next((j for j in range(k - 1) if _verb_at(words, j)), -1)
            opens = [j + 1 for j in range(k - 1) if words[j].lower() in SUBORDINATORS]
            commas = [j for j in range(k - 1) if words[j] == ","]
            opens = opens if opens and opens[-1] > max(commas, default=-1) else []
            if first > 0:
                found = phrase_before([*words[: first + 1], last], pos)
            else:  # "…, when the minister turned to Renaud and said": the clause's subject
                found = _subject(words[opens[-1] : k - 1], pos, tag) if opens else None
            found = found or _subject(words[: k - 1], pos, tag)  # "Clinton, who was speaking
            # to the mayors, did not mention Trump by name, but told": the sentence's subject
            if found is not None:
                return Found(found.words, pos, tag, found.role)
        end_se = _skip_aux(words, k - 1, -1) + 1
        if end_se == k:  # "Byrne went on to say,", "Mr. Trump was prompted to say,"
            end_se = _verbs_before_to(words, k)
        if _opens_with_it(words, end_se):  # "In a statement, it said:": the body before
            return Found([], pos, "it")
        start = _backward(words, end_se)
        if start >= end_se and k > 0 and words[k - 1] == ",":
            end_se = k - 1
            start = _comma_role(words, end_se)
        reported = "that" in (w.lower() for w in words[:end_se])  # "Keane reminded the judge
        if start >= end_se and end_se < k and reported and words[end_se - 1] == ",":
            end_se -= 1  # that its chief, Victor Amsel, had said:"
            start = _comma_role(words, end_se)
        if start >= end_se and k > 1 and words[k - 1].lower() in STATEMENT_NOUNS:
            owner = clean_token(words[k - 2])
            if owner != words[k - 2] and is_capitalised(owner):
                start, end_se = _backward(words, k - 1), k - 1  # "Eklund's statement said"
        if start >= end_se:
            start, end_se = _relative(words, end_se)
        if start >= end_se:
            start, end_se = _placed_unnamed(words, end_se)
        if start < end_se:
            return _member_of(words, start, end_se, pos, tag) or _appositive(
                words, start, end_se, pos, tag
            )
        end = _inverted(words, k + 1) if low not in LISTENER_VERBS else k + 1
        if end > k + 1 and (end == len(words) or words[end] in ",:"):
            return _with_name(words, k + 1, end, pos, tag)
        if k > 0 and words[k - 1] == ",":  # "Zelensky, however, reaffirmed that “…”"
            return _nearest(words, k - 1, pos, tag)
    if last == ":":  # past a label of its own: "CLAIM 2: Desert Crest CEO Richard Paxton:"
        label = max((j for j in range(len(words) - 1) if words[j] == ":"), default=-1)
        clause = words[label + 1 :]
        return (
            _sender(clause, pos)
            or _signed(clause, pos)
            or _quoted_as(clause, len(clause) - 2, pos)
            or _relative_speaker(clause, pos)
            or _subject(clause, pos, "colon-intro")
        )
    participles = [k for k, w in enumerate(words) if w.lower() in PARTICIPLES]
    if not participles:
        return None
    k = participles[-1]
    quoted = _quoted_as(words, k, pos)  # "The website quoted him as saying:": him
    if quoted is not None:
        return quoted
    sent = _sent_document(words, k, pos)  # "received a letter from Jo Hale, confirming that"
    if sent is not None:
        return sent
    if k > 0 and (words[k - 1] == "," or words[k - 1] in _PARTICIPLE_LINKS):
        # "Trump went after Bush, calling him", "X dodged questions about Y before saying": X's
        found = _subject(words[: k - 1], pos, "subject-participle")
        if found is not None:
            return found
    return _nearest(words, k, pos, "subject-participle")


DASHES = frozenset(["-", "\u2013", "\u2014"])
BE_FORMS = frozenset(["is", "are", "was", "were", "be", "been", "being"])


def _passive(words: list[str], k: int) -> bool:
    """True for a speech verb in the passive at words[k] ("was accused", "were told")."""
    if not 0 < k < len(words):
        return False
    return words[k - 1].lower() in BE_FORMS and words[k].lower().endswith(("ed", "ld"))


def _verb_at(words: list[str], k: int) -> bool:
    """True for a speech verb at words[k], not a capitalised word of a name that reads like one
    ("told the Washington Post,", "the New York Post reported")."""
    inside_name = k > 0 and is_capitalised(words[k]) and is_capitalised(words[k - 1])
    return is_speech_verb(words[k]) and not inside_name


_MESSAGES = DOCUMENT_NOUNS | STATEMENT_NOUNS | frozenset(["text", "texts", "messages", "emails"])


def _sender(words: list[str], pos: int) -> Found | None:
    """Who sent the message a colon opens: "One, sent by Carl Brandt to Ferris, read:", "a text
    message, from Carl Brandt to Ferris:"; None when no sender is named."""
    for k in range(len(words) - 1):
        sent = words[k].lower() == "sent" and words[k + 1] == "by"
        noted = any(w.lower() in _MESSAGES for w in words[max(0, k - 3) : k])
        if sent or (words[k] == "from" and noted):
            start = k + 2 if sent else k + 1
            end = _forward(words, start)
            end = next((j for j in range(start, end) if words[j] == "to"), end)  # not whom to
            if end > start and is_capitalised(words[start]):
                return Found(words[start:end], pos, "colon-intro")
    return None


def _relative_speaker(words: list[str], pos: int) -> Found | None:
    """The name a relative clause running to the colon speaks for ("Contrast that with Sen. Jo
    Hale (R-Ohio), who went on the radio to announce:"), when nothing before it speaks."""
    who = next((j for j in range(len(words) - 2, 0, -1) if words[j : j + 2] == [",", "who"]), 0)
    if not who or "," in words[who + 1 :] or any(_verb_at(words, j) for j in range(who)):
        return None
    end = who
    if words[end - 1] == ")" and "(" in words[:end]:  # a party tag: "(R-Ohio)"
        end = max(j for j in range(end) if words[j] == "(")
    start = end
    while start > 0 and is_capitalised(words[start - 1]):
        start -= 1
    name, _ = split_name(words[start:end])
    return Found(words[start:end], pos, "colon-intro") if is_person_name(name) else None


def _signed(words: list[str], pos: int) -> Found | None:
    """The name signing an excerpt between a dash or "from" and the colon ("HEADLINE - Jeffrey
    M. Jones:", "More from Jones:"); with two names ("X and Y:") the first."""
    if len(words) > 2 and words[-3].lower() in ("from", "by"):
        cut = len(words) - 3
    else:
        cut = next((j for j in range(len(words) - 2, -1, -1) if words[j] in DASHES), -1)
    if cut < 0:
        return None
    name = words[cut + 1 : -1]
    if "and" in name:
        name = name[: name.index("and")]
    shouted = any(w.isupper() and len(w.rstrip(".")) > 1 for w in name)  # not "K."
    if not 0 < len(name) <= 5 or shouted or not all(map(is_capitalised, name)):
        return None
    return Found(name, pos, "colon-intro")


def _verbs_before_to(words: list[str], k: int) -> int:
    """Where the verbs leading up to "to" and the speech verb at words[k] start ("went on to
    say", "was prompted to say"), or k when "to" does not stand right before it."""
    if k < 2 or words[k - 1].lower() != "to":
        return k
    j = k - 1
    while j > 0 and k - j <= 4 and words[j - 1].isalpha() and words[j - 1].islower():
        if words[j - 1] in CLAUSE_OPENERS or words[j - 1] in DETERMINERS:
            return k
        j -= 1
    return j if j < k - 1 else k


def _too_far(words: list[str], k: int) -> bool:
    """True when the verb at words[k] is too far from the quotation to govern it: more than 30
    words, or 60 when a reported clause ("his view that") leads up to it."""
    reach = len(words) - k
    if reach > 30 and (reach > REPORTED_REACH or "that" not in words[k + 1 :]):
        return True
    return _main_clause_after(words, k)


def _main_clause_after(words: list[str], k: int) -> bool:
    """True when a clause with a subject of its own follows the verb at words[k] after a comma
    ("where Ruiz spoke Sunday, Brenner landed a dig at “…”"): the quotation is that clause's."""
    for i in range(k + 1, len(words) - 2):
        if words[i] != ",":
            continue
        end = _forward(words, i + 1)
        if i + 1 < end < len(words) and any(map(is_capitalised, words[i + 1 : end])):
            verb = words[end]
            if verb.isalpha() and verb.islower() and verb not in CONNECTORS | {"and", "the"}:
                return True
    return False


def _names_phrase(words: list[str], k: int) -> bool:
    """True when the verb at words[k] names the phrase that ends `words` ("called the strike",
    "branded the whole thing a", "dismissed it as")."""
    low = words[k].lower()
    if low in NAMING_AS_VERBS and words[-1].lower() != "as":
        return False
    return (low in NAMING_VERBS or low in NAMING_AS_VERBS) and _object_only(words[k + 1 :])


def _object_only(words: list[str]) -> bool:
    """True for nothing or a short object ("the strike") between a naming verb and its phrase."""
    return len(words) <= 4 and all(clean_token(w).isalpha() and w.islower() for w in words)


PLACE_PREPOSITIONS = frozenset(("at", "in", "from", "of", "near", "on"))
# Prepositions of a phrase set before the subject: "About Çelik, Núñez was prudent:".
TOPIC_PREPOSITIONS = frozenset(("about", "regarding", "on", "of", "unlike", "like", "with"))
# A second verb of the sentence's subject: "Lazar said he would plead and added, “…”".
COORDINATING = frozenset(["and", "but", "then"])
# Prepositions that tie a participle to the sentence's subject: "before saying", "while adding".
_PARTICIPLE_LINKS = frozenset(["before", "after", "while", "when", "by", "without", "in"])
# Words before a noun phrase that make it no subject: "Reflecting on his years as a lawyer, the
# leader said" (the lawyer is the leader, not a speaker set off before "the leader").
GOVERNING_WORDS = PLACE_PREPOSITIONS | frozenset(("as", "like", "than", "with", "by", "for", "to"))


def _relative(words: list[str], end: int) -> tuple[int, int]:
    """The speaker before a relative clause ending at words[end] ("an engineer who asked not to
    be named said"): (start, end) of the speaker, or (end, end)."""
    for w in range(end - 1, max(0, end - 12), -1):
        if not words[w][0].isalnum():
            break
        if words[w].lower() in ("who", "which"):  # "Halvern, which on Monday insisted that"
            stop = w - 1 if w > 0 and words[w - 1] == "," else w  # "Pike, who leads the group,"
            start = _backward(words, stop)
            around = words[max(0, start - 1) : start + 1]
            placed = stop == w and words[w].lower() == "who"  # "a toxicologist in Oslo who"
            placed = placed and any(word.lower() in PLACE_PREPOSITIONS for word in around)
            if start >= stop or placed:  # "a nurse at the Hallam ward, who ...": the nurse, the
                # toxicologist, not the place
                stop = _preposition_before(words, stop)
                start = _backward(words, stop)
            if start < stop and start > 1 and words[start - 1] == ",":  # "Jo Hale, the local
                named = _backward(words, start - 1)  # MP, who said": Jo Hale
                if words[start].lower() in DETERMINERS and is_person_name(
                    split_name(words[named : start - 1])[0]
                ):
                    return named, start - 1
            return (start, stop) if start < stop else (end, end)
    return end, end


def _placed_unnamed(words: list[str], end: int) -> tuple[int, int]:
    """Someone left unnamed whose place or standing ends at words[end] ("one official close to
    the talks", "a person familiar with the matter"): (start, end) of the description before it,
    or (end, end)."""
    for t in range(end - 1, max(0, end - TAIL_REACH), -1):
        if not words[t][0].isalnum():
            break
        if words[t].lower() in UNNAMED_TAIL:
            start = next((d for d in range(t - 1, max(-1, t - 4), -1) if _unnamed_at(words, d)), t)
            plain = all(w.isalpha() and w.islower() for w in words[start + 1 : t])
            if start < t - 1 and plain and (t == start + 2 or is_head(words[t - 1])):
                return start, t
    return end, end


def _preposition_before(words: list[str], k: int) -> int:
    """Index of the preposition opening a short place phrase that ends before words[k] ("at the
    Hallam ward"), or k."""
    for i in range(k - 1, max(0, k - 6), -1):
        if words[i].lower() in PLACE_PREPOSITIONS:
            return i
        if not words[i][0].isalnum():
            break
    return k


def _nearest(words: list[str], k: int, pos: int, tag: str) -> Found | None:
    """The speaker expression nearest before words[k] ("Moravec spent the day explaining", "a
    recording captured a controller shouting")."""
    for j in range(k - 1, max(-1, k - 20), -1):
        word = words[j]
        if word.lower() in PRONOUNS or (_se_word(word) and is_capitalised(word)):
            start = _backward(words, j + 1)
            if start <= j:
                return Found(words[start : j + 1], pos, tag)
        start = _unnamed_before(words, j) if j == k - 1 else j
        if start < j:  # "a controller shouting"
            return Found(words[start : j + 1], pos, tag)
    return None


def _unnamed_before(words: list[str], j: int) -> int:
    """Start of "a" / "one" and up to two words before the noun words[j] ("a controller"),
    someone left unnamed; j for a thing ("issued a statement saying") or a phrase governed by a
    preposition ("at one point saying")."""
    word = words[j]
    if not (word.isalpha() and word.islower()) or word in DOCUMENT_NOUNS | STATEMENT_NOUNS:
        return j
    start = next((d for d in range(j - 1, max(-1, j - 4), -1) if _unnamed_at(words, d)), j)
    placed = start > 0 and words[start - 1].lower() in GOVERNING_WORDS
    plain = all(w.isalpha() and w not in GOVERNING_WORDS for w in words[start + 1 : j + 1])
    return start if start < j and plain and not placed else j  # not "made a point of saying"


def _comma_role(words: list[str], end: int) -> int:
    """Start of `, the army chief of staff` or `, who advised the mayor` (a description set off
    by commas, up to APPOSITIVE words) ending at words[end]."""
    found = 0
    for c in range(end - 1, max(0, end - APPOSITIVE), -1):
        if words[c] != ",":
            continue
        described = words[c + 1 : end]
        if (
            any(w.lower() in ROLE_HEADS and w.islower() for w in described)
            or (len(described) > 1 and _opens_description(described[0]))
            or _office_of(described)
        ):
            found = c + 1
            name, _ = split_name(words[_backward(words, c) : c])
            if is_person_name(name):  # else a further description: "X, the editor, Y, said"
                return found
        elif not found and not _names_a_body(described):
            break  # a place in the description goes on: "Hale, in Columbus, Ohio, said"
    return found or _backward(words, end)


_OFFICE_WORDS = (ROLE_HEADS | ROLE_MODIFIERS) - ORG_WORDS - CONNECTORS  # "Chief Executive"


def _office_of(described: list[str]) -> bool:
    """True for a capitalised office in a body set off after a name ("Sir Mal Rudd, Chair of
    Calloway Bank, said", "Jo Hale, Chief Executive of Ofwat,")."""
    k = 0
    while k < len(described) and described[k].lower() in _OFFICE_WORDS:
        k += 1
    office = any(w.lower() in ROLE_HEADS for w in described[:k])
    return office and described[k : k + 1] in (["of"], ["for"])


def _names_a_body(words: list[str]) -> bool:
    """True for capitalised words that name no person ("Ohio", "Columbus")."""
    name, _ = split_name(words)
    return bool(words) and all(map(is_capitalised, words)) and not is_person_name(name)


def _opens_description(word: str) -> bool:
    """True for the first word of a description set off by commas: "a former aide", "who ran
    the campaign", "71"."""
    return _describes(word) or word.lower() in ("who", "whose") or word.isdigit()  # an age


def _describes(word: str) -> bool:
    """True for a word opening a description of someone ("a former aide", "who ran",
    "playing the senator")."""
    low = word.lower()
    opener = low in SUBORDINATORS or low == "where"  # ", where Reed, appearing in person, told"
    return word.isalpha() and word.islower() and not opener and low not in PRONOUNS


def _member_of(words: list[str], start: int, end: int, pos: int, tag: str) -> Found | None:
    """`Rosa Lindqvist of the housing charity Safe Harbour said`: the person named before "of",
    "from" or "at" and a body, with the body as the role, or before where they stood ("Ana Ruiz
    outside the hospital said"); None when no person stands there."""
    links = _LINKS | UNNAMED_TAIL
    j = start
    while j > 0 and start - j < 4 and words[j - 1].islower() and words[j - 1] not in links:
        j -= 1
    if j == 0 or words[j - 1] not in links or any(w in CLAUSE_OPENERS for w in words[j:start]):
        return None  # "at the rally where Ana Ruiz spoke": Ruiz speaks, not who was at it
    before = _backward(words, j - 1)
    if before >= j - 1:  # "A woman selling programmes outside the Kop told": the woman
        before = next(
            (d for d in range(j - 2, max(-1, j - 6), -1) if _unnamed_at(words, d)), before
        )
    name, role = split_name(words[before : j - 1])
    if not name and before < j - 1 and any(map(is_head, words[before : j - 1])):
        return Found(words[before:end], pos, tag)  # "A source at the museum told", "one
        # resident outside the hospital told": not the museum, not the hospital
    if not name or role or before >= j - 1:
        return None
    return Found(name, pos, tag, words[j - 1 : end] if words[j - 1] in _LINKS else [])


def _appositive(words: list[str], start: int, end: int, pos: int, tag: str) -> Found:
    """`Felix Reed, the mayor, said`: the name before a role set off by commas."""
    described = words[start:end]
    has_role = any(w.lower() in ROLE_HEADS and w.islower() for w in described)
    has_role = has_role or (len(described) > 1 and _opens_description(described[0]))
    has_role = has_role or _office_of(described)
    has_role = has_role or (described[0].islower() and described[0].endswith("ing"))  # ", speaking"
    lower = not is_capitalised(described[0]) or _office_of(described)
    if start > 1 and words[start - 1] == "," and has_role and lower:
        before = _backward(words, start - 1)
        link = before - 1 if before > 1 and words[before - 1] in _LINKS else -1
        if before >= start - 1:  # "A former engineer at the mill,": a place naming no one
            link = _preposition_before(words, start - 1)
        if 0 < link < start - 1:  # "A senior official at the ministry,"
            holder = _backward(words, link)
            before = holder if any(map(is_head, words[holder:link])) else before
        name, _ = split_name(words[before : start - 1])
        subject = any(map(is_head, words[before : start - 1]))  # "The union leader, a nurse,"
        governed = before > 0 and words[before - 1] in GOVERNING_WORDS  # "as a lawyer,", not "As"
        if (name or subject) and before < start - 1 and not governed:
            found = _with_name(words, before, start - 1, pos, tag)  # "Prof Jo Hale of the
            return Found(found.words, pos, tag, found.role or words[start:end])  # University …,"
    return _with_name(words, start, end, pos, tag)  # "Jo Hale of Iowa said that"


def _subject(words: list[str], pos: int, tag: str) -> Found | None:
    """The speaker expression that opens a sentence (after an introductory phrase); whom it
    was said to ("speaking to the Herald,") and a possessive modifier ("Fans' group
    spokesperson Kieran Doyle") and places ("At a rally in Ames, Iowa, on Sunday,") are skipped."""
    k = _after_intro(words)
    place_end = -1  # where the last place skipped ends
    while k < min(len(words), 25):
        end = _forward(words, k)
        end = max(end, _role_then_name(words, end)) if end > k else end  # "Slate columnist X"
        end = _name_after_description(words, k, end)  # "The opposition deputy Marek Haldun"
        said_to = _listener(words, k)
        owner = end > k and words[end - 1].endswith(POSSESSIVE_ENDS)
        placed = k > 0 and words[k - 1].lower() in PLACE_PREPOSITIONS  # "Here in Columbia,"
        placed = placed or (
            k - 1 == place_end and words[k - 1] == "," and words[end : end + 1] == [","]
        )
        fronted = words[k].lower() in TOPIC_PREPOSITIONS or (
            k > 0 and words[k - 1].lower() in TOPIC_PREPOSITIONS
        )
        placed = placed or (fronted and words[end : end + 1] == [","])  # a topic set first
        shouted = end - k > 1 and all(w.isupper() for w in words[k:end])  # a headline's words
        if end == k and words[k].lower() in DETERMINERS and k + 1 < len(words):
            end = k + 2 if words[k + 1].endswith(POSSESSIVE_ENDS) else k  # "The council's"
            owner = end > k
        if owner and not (said_to or placed) and _owns_document(words, end):
            return Found([*words[k : end - 1], clean_token(words[end - 1])], pos, tag)
        skipped = said_to or owner or placed or shouted
        member = member_end(words, k) == end > k  # "one of our drivers radioed in and said"
        if end > k and not skipped and (member or any(map(_subject_word, words[k:end]))):
            return _with_name(words, k, end, pos, tag)  # "its general secretary, Jo Hale,"
        if placed and end > k:
            place_end = end
        k = max(end, k + 1) if skipped else k + 1
    return None


def _name_after_description(words: list[str], k: int, end: int) -> int:
    """The end of the full name right after the description words[k:end] ("the opposition
    deputy Marek Haldun"), or `end`."""
    if end <= k or end >= len(words) or not is_head(words[end - 1]):
        return end
    named = _forward(words, end)
    return named if is_person_name(split_name(words[end:named])[0]) else end


def _owns_document(words: list[str], k: int) -> bool:
    """True when words[k:] name a document or a statement a possessive before them owns
    ("The council's own press release", "Reed's written statement")."""
    for n in range(k, min(len(words), k + 3)):
        if words[n].lower() in DOCUMENT_NOUNS | STATEMENT_NOUNS:
            return True
        if not words[n].islower():
            return False
    return False


def post_owner(span: list[str]) -> list[str]:
    """The owner of a post, not its platform: ["Bush’s", "Facebook"] → ["Bush"] ("From Bush’s
    Facebook post:"); [] when the span is no such thing."""
    for i, word in enumerate(span[:-1]):
        if word.endswith(POSSESSIVE_ENDS) and all(fold(w) in PLATFORMS for w in span[i + 1 :]):
            return [*span[:i], clean_token(word)]
    return []


# Past participles opening a sentence with a question put to its subject: "Asked about X, she".
ASKED_OPENERS = frozenset(
    ["asked", "pressed", "questioned", "challenged", "confronted", "quizzed", "reached"]
)


def _after_intro(words: list[str]) -> int:
    """Where the clause proper starts after an opening participle, adverb or subordinate clause
    ("Standing on the court steps, she fumed", "Visibly angry, he said", "When Trump suggested
    a deal, Rubio fired back", "Asked whether X would budge, Reed was blunt"): after its comma,
    else 0. A capitalised word ending in -ing/-ly
    that opens a sentence is such a clause, not a name; "As X put it," is the source's own."""
    if len(words) < 3 or not is_capitalised(words[0]):
        return 0
    opener = words[0].lower()
    asked = opener in ASKED_OPENERS and words[1].islower()  # "Asked what would happen if X,"
    if opener in SUBORDINATORS or asked:  # "When Trump suggested a deal, Rubio fired back:"
        if opener == "as" and _as_source(words):
            return 0
        return next((j + 1 for j in range(1, min(len(words), 25)) if words[j] == ","), 0)
    if len(words[0]) < 5 or not words[0].lower().endswith(("ing", "ly", "wise")):
        return 0
    nxt = words[1].lower()
    if not (words[1] == "," or words[1].islower()) or nxt in SPEECH_VERBS or nxt in AUXILIARIES:
        return 0
    for j in range(1, min(len(words), 14)):
        if words[j] == ",":
            return j + 1
    return 0


def _as_source(words: list[str]) -> bool:
    """True for a clause naming a source: "As Politico reported,", "As John Cornyn, the No. 2
    in the leadership, put it:"."""
    for j in range(2, min(len(words) - 1, 20)):
        cites = is_speech_verb(words[j]) or words[j].lower() in ("put", "puts")
        if cites and words[j + 1].lower() in (",", ":", "it"):
            return True
    return False


def sentence_subject(words: list[str], pos: int) -> Found | None:
    """The subject opening a narrative sentence ("And the judge did not hold back when she
    turned to...", "Rhea Osei is standing outside"), when a verb follows it; else None."""
    k = _after_intro(words)
    skipped = 0
    while k < len(words) and words[k].lower() in LEADING_WORDS and skipped < 2:
        k, skipped = k + 1, skipped + 1
    if k < len(words) and words[k] == ",":
        k += 1
    end = _forward(words, k)
    if end == k or end >= len(words) or words[end - 1].endswith(POSSESSIVE_ENDS):
        return None
    verb = words[end]
    bare = verb.replace("\u2019", "").replace("'", "")  # "didn't"
    if not (bare.isalpha() and verb.islower()) or verb in CONNECTORS:
        return None
    if _passive(words, end + 1):  # "Ruiz was accused of “lying”": the words are another's
        return None
    if not any(_subject_word(w) for w in words[k:end]):
        return None
    return Found(words[k:end], pos, "previous-sentence")


def _subject_word(word: str) -> bool:
    return is_capitalised(word) or word.lower() in PRONOUNS or is_head(word)


def _listener(words: list[str], k: int) -> bool:
    """True when words[k] starts the object of "told", "speaking to", "in an interview with"."""
    j = k - 1
    if j >= 0 and words[j].lower() in DETERMINERS:
        j -= 1
    return j >= 0 and words[j].lower() in LISTENER_MARKS
