"""Finding the quotations in a document's clean body.

One pass over the quotation marks (a regular expression finds them, so the cost is linear in the
text): a mark opens a quotation when its neighbours allow it, and only a mark of the same family
closes it; marks of other families inside are nested quotes and stay in. A paragraph that ends
inside a quotation continues it when the next paragraph reopens with the same mark; otherwise the
quotation ends with its paragraph and is flagged uncertain. A closing double mark with nothing open
is recovered back to the start of its sentence (or, when the paragraph already had a quotation, to
the first sentence after it) and flagged uncertain. Apostrophes never open or close.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reader.documents.model import Document
from reader.quotes.marks import MARK_RE, Family, closes, is_separator, opener, orphan_closer
from reader.quotes.model import Quote, QuoteKind
from reader.quotes.names import SPEECH_VERBS, is_person_name, sentence_starts

# An embedded post as scraped pages keep it: its text, then "— Name (@handle) Month D, YYYY".
TWEET_RE = re.compile(
    r"(?m)^([^\n]+)\n\n[\u2014\u2013]\s*([^()\n]{2,80}?)\s*\(@\w{1,30}\)[^\n]{0,40}\d{4}[ \t]*$"
)
LINK_END_RE = re.compile(r"(?:\s+(?:https?://|pic\.twitter\.com/)\S+)+\s*$")
# A blog's comment-section header: 2 thoughts on "Title", One response to "Title".
COMMENT_HEADER_RE = re.compile(
    r"(?i)(?:\d+|no|one|two|three|four|five)\s+(?:thoughts?|responses?|comments?|repl(?:y|ies))"
    r"\s+(?:on|to)\s*"
)
# Capital and small letters, accented ones too ("DE LA PEÑA", "Sofía Rendón", "ЛАВРОВ").
CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x530)) if c.isupper())
SMALL = "a-z" + "".join(c for c in map(chr, range(0xDF, 0x530)) if c.islower())
LETTERS = f"{CAPITALS}{SMALL}'\u2019\\-"  # a name's letters, apostrophes and hyphens
# A nickname in marks inside a name: 'Juan "Chico" Manriquez', "Robert ‘Bob’ Hale" (group 1).
NICKNAME_RE = re.compile(
    rf"(?<![\w'\u2019])[{CAPITALS}][{SMALL}]+ ([\"\u201c'\u2018][{CAPITALS}][{SMALL}.\-]{{1,15}}"
    rf"[\"\u201d'\u2019])(?= [{CAPITALS}][{SMALL}])"
)


def without_nicknames(body: str) -> str:
    """`body` with each nickname inside a name blanked out (same length, same offsets)."""
    for start, end in [m.span(1) for m in NICKNAME_RE.finditer(body)]:
        body = body[:start] + " " * (end - start) + body[end:]
    return body


# A transcript's turn: a speaker label in capitals opening a paragraph ("SMITH: …", "SEN. ROE:",
# "JANE ROE, CNN CORRESPONDENT: …", "RESIDENT (Jane Roe, nurse): …"); a body is a transcript
# when it has TURNS_MIN of them by at least two labels, so a lone "UPDATE:" or "WATCH:" line is
# no turn.
TURN_RE = re.compile(
    rf"(?m)^([{CAPITALS}][{CAPITALS}'\u2019.\-]+"
    rf"(?:[ \t][{CAPITALS}][{CAPITALS}'\u2019.\-]*){{0,3}})"
    rf"(?:,[ \t]+([{CAPITALS}0-9][{CAPITALS}0-9'\u2019.&\-]*"
    rf"(?:[ \t][{CAPITALS}0-9][{CAPITALS}0-9'\u2019.&\-]*){{0,5}}))?"
    r"(?:[ \t]\(([^()\n]{2,80})\))?:[ \t]+(?=\S)"
)
# The same in title case ("Presenter: …", "Jane Roe, Reporter: …"), read only when one of its
# labels is a broadcast role or two full names take turns, so a page's "Photo:", "Source:",
# "Tags:" lines and its headings ("Jeb Bush: Student loans") are no transcript.
TITLE_TURN_RE = re.compile(
    rf"(?m)^((?:[{CAPITALS}][{LETTERS}]*[{SMALL}][{LETTERS}]*)"
    rf"(?:[ \t](?:[{CAPITALS}][{LETTERS}]*[{SMALL}][{LETTERS}]*|[{CAPITALS}]\.)){{0,2}})"
    rf"(?:,[ \t]+([{CAPITALS}][\w'\u2019&.\-]*(?:[ \t][\w'\u2019&.\-]+){{0,4}}))?"
    r"(?:[ \t]\(([^()\n]{2,80})\))?:[ \t]+(?=\S)"
)
# An interview printed as questions and answers: "Q: …" / "A: …" lines, read as a transcript
# when it has TURNS_MIN of them with both labels; a key sentence may name who asks and who
# answers ("Q is Simon Greaves; A is Carla Benning").
QA_LABELS = ("Q", "A")
QA_TURN_RE = re.compile(r"(?m)^([QA])[:.][ \t]+(?=\S)")  # "Q: …" or "Q. …"
QA_KEY_RE = re.compile(
    r"\b([QA])\s+(?:is|=)\s+([A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*){0,3})"
)
PAGE_LABELS = frozenset(  # a page's own labels, never a speaker's
    [
        "photo",
        "photos",
        "image",
        "caption",
        "credit",
        "source",
        "sources",
        "tags",
        "tag",
        "update",
        "updated",
        "related",
        "watch",
        "read",
        "share",
        "note",
        "correction",
        "video",
        "advertisement",
        "listen",
        "subscribe",
        "claim",  # a fact-check's own labels
        "verdict",
        "rating",
        "context",
        "background",
        "fact",
        "facts",
    ]
)
BROADCAST_ROLES = frozenset(
    [
        "presenter",
        "reporter",
        "host",
        "anchor",
        "interviewer",
        "correspondent",
        "moderator",
        "narrator",
    ]
)
# A stage direction on its own line: "(BEGIN VIDEO CLIP)", "[CROSSTALK]", "(SOUNDBITE OF MUSIC)".
DIRECTION_RE = re.compile(r"[(\[][^()\[\]\n]*[)\]]")
LABEL_LIKE_RE = re.compile(r"[A-Z][^a-z:\n]{1,80}:\s")  # a label TURN_RE does not read
TURNS_MIN = 3
NESTED_MIN = 12  # characters of a quotation that may quote another inside it
PHRASE_MAX_WORDS = 5  # a scare-quoted phrase is a few words embedded in a sentence
STRIP_END = " \t\r\n\u00a0\u202f,;:"


@dataclass(slots=True)
class _Span:
    mark: int  # offset of the opening mark, -1 when recovered
    start: int
    end: int
    para: int  # start of the paragraph the quotation begins in
    uncertain: bool


class _Scanner:
    """The state of one pass over a body's quotation marks."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.spans: list[_Span] = []
        self.para = 0  # start of the current paragraph
        self.family: Family | None = None
        self.open_at = -1
        self.open_para = 0
        self.weak = -1  # a possible closer (plural possessive) waiting for a better one
        self.skip = -1  # a reopening mark at the start of a continued paragraph
        self.floor = 0  # recovery never reaches back before this offset
        self.last_close = -1  # closing mark of the last quotation

    def run(self) -> list[_Span]:
        body = self.body
        for m in MARK_RE.finditer(body):
            i = m.start()
            if body[i] == "\n":
                self._paragraph_break(i)
            elif i != self.skip and not is_separator(body, i):
                if self.family is not None:
                    self._inside(i)
                else:
                    self._outside(i)
        if self.family is not None:
            self._close(self.weak if self.weak >= 0 else len(body), self.weak < 0)
        return self.spans

    def _paragraph_break(self, i: int) -> None:
        body = self.body
        j = i + 2
        while j < len(body) and body[j].isspace():
            j += 1
        if self.family is not None:
            if j < len(body) and self.weak < 0 and opener(body, j) is self.family:
                self.skip = j
            elif self.weak >= 0:
                self._close(self.weak, False)
            else:
                self._close(i, True)
        self.para = j
        self.floor = max(self.floor, j)

    def _inside(self, i: int) -> None:
        assert self.family is not None
        how = closes(self.family, self.body, i, self.open_at)
        if how == "strong":
            self._close(i, False)
        elif how == "weak":
            if self.weak < 0:
                self.weak = i
        elif opener(self.body, i) is self.family and (self.weak >= 0 or self._after_stop(i)):
            # The same mark again: the last quotation lost its closing mark.
            self._close(self.weak if self.weak >= 0 else i, self.weak < 0)
            self._outside(i)

    def _after_stop(self, i: int) -> bool:
        j = i - 1
        while j > self.open_at and self.body[j].isspace():
            j -= 1
        return j > self.open_at + 1 and j < i - 1 and self.body[j] in ".!?"

    def _outside(self, i: int) -> None:
        family = opener(self.body, i)
        if family is not None:
            self.family, self.open_at, self.open_para, self.weak = family, i, self.para, -1
        elif orphan_closer(self.body, i):
            self._recover(i)

    def _close(self, end: int, uncertain: bool) -> None:
        self.spans.append(_Span(self.open_at, self.open_at + 1, end, self.open_para, uncertain))
        self.family, self.weak = None, -1
        self.last_close = end
        self.floor = max(self.floor, end + 1)

    def _recover(self, i: int) -> None:
        lo = self.floor
        self.floor = i + 1
        starts = sentence_starts(self.body, lo, i)
        start = lo
        if starts:  # after a quotation in this paragraph, its continuation
            start = starts[0] if self.last_close >= self.para else starts[-1]
        text = self.body[start:i].strip()
        if _is_stray(text):
            return
        self.spans.append(_Span(-1, start, i, self.para, True))
        self.last_close = i


def _with_posts(body: str, spans: list[_Span]) -> list[_Span]:
    """Add embedded posts (quoted by their signature line, not by marks); marks inside stay in."""
    posts: list[_Span] = []
    for m in TWEET_RE.finditer(body):
        start, end = m.span(1)
        link = LINK_END_RE.search(body, start, end)
        posts.append(_Span(-1, start, link.start() if link else end, start, False))
    if not posts:
        return spans
    kept = [s for s in spans if not any(p.start <= s.start < p.end for p in posts)]
    return sorted(kept + posts, key=lambda s: s.start)


@dataclass(slots=True, frozen=True)
class Turn:
    """One speaker's turn in a transcript: the label's words and the span of what was said."""

    label: str  # "SMITH", "RESIDENT", "JANE ROE" (of "JANE ROE, CNN CORRESPONDENT")
    note: str  # the label's parenthesis: "Jane Roe, nurse", or ""
    start: int
    end: int
    role: str = ""  # what follows the label's comma: "CNN CORRESPONDENT"


def transcript_turns(body: str) -> list[Turn]:
    """The turns of a transcript in `body`, in order; [] when `body` is no transcript.

    An unlabelled paragraph between two turns goes on with the turn before it (one turn per
    paragraph), unless a stage direction ("(END VIDEO CLIP)") came between or it quotes someone
    with marks (a reporter's narration between excerpts)."""
    turns = _labelled(body, TURN_RE)
    if turns:  # a clip's speakers in title case among labels in capitals: "Moira Ashdown: …"
        named = [t for t in _lines(body, TITLE_TURN_RE) if is_person_name(t.label.split())]
        turns = sorted(turns + named, key=lambda t: t.start)
    if not turns:
        turns = _labelled(body, TITLE_TURN_RE)
        words = {w.lower() for t in turns for w in f"{t.label} {t.role}".split()}
        people = [t.label for t in turns if is_person_name(t.label.split())]
        talk = len(set(people)) >= 2 and len(people) > len(set(people))  # names speak again
        turns = turns if words & BROADCAST_ROLES or talk else []
    if not turns:
        turns = _interview(body)
    if not turns:
        return []
    nexts: list[Turn | None] = [*turns[1:], None]
    return [t for pair in zip(turns, nexts, strict=True) for t in _going_on(body, *pair)]


def _interview(body: str) -> list[Turn]:
    """The "Q:" / "A:" turns of an interview, each with the name its key gives the label as its
    note ("" when there is no key)."""
    turns = _labelled(body, QA_TURN_RE)
    key = {m.group(1): m.group(2) for m in QA_KEY_RE.finditer(body)}
    return [replace(t, note=key.get(t.label, "")) for t in turns]


def _labelled(body: str, pattern: re.Pattern[str]) -> list[Turn]:
    """The lines `pattern` reads as turns, when there are TURNS_MIN of them by two labels."""
    turns = _lines(body, pattern)
    if len(turns) < TURNS_MIN or len({t.label for t in turns}) < 2:
        return []
    return turns


def _lines(body: str, pattern: re.Pattern[str]) -> list[Turn]:
    """Every line `pattern` reads as a turn."""
    turns = []
    for m in pattern.finditer(body):
        label = m.group(1)
        role, note = (*m.groups()[1:], None, None)[:2]
        short = pattern is not QA_TURN_RE and len(label.replace(".", "")) < 2
        if short or label.lower() in PAGE_LABELS:
            continue  # "Q.:" outside an interview carries no speaker; "Photo:" is the page's
        end = body.find("\n", m.end())
        end = len(body) if end < 0 else end
        turns.append(Turn(label, note or "", m.end(), end, role or ""))
    return turns


def _going_on(body: str, turn: Turn, after: Turn | None) -> list[Turn]:
    """`turn` and the unlabelled paragraphs that continue it before the next turn `after`."""
    found = [turn]
    if after is None:
        return found
    lines = body[turn.end : body.rfind("\n", 0, after.start) + 1]
    offset = turn.end
    for line in lines.split("\n"):
        start, text = offset, line.strip()
        offset += len(line) + 1
        if not text:
            continue
        if (
            DIRECTION_RE.fullmatch(text)
            or LABEL_LIKE_RE.match(text)
            or TITLE_TURN_RE.match(text)
            or any(mark in text for mark in '"\u201c\u201d')
        ):
            break
        start += len(line) - len(line.lstrip())
        found.append(Turn(turn.label, turn.note, start, start + len(text), turn.role))
    return found


def _with_nested(body: str, spans: list[_Span]) -> list[_Span]:
    """Add the quotations a marked quotation quotes in marks of another kind (“He said, ‘We
    need your details’”), each after the one holding it; recovered ones are left out."""
    nested = []
    for span in spans:
        if span.mark < 0 or span.uncertain or span.end - span.start < NESTED_MIN:
            continue
        inner = _Scanner(body[span.start : span.end]).run()
        nested += [
            _Span(s.mark + span.start, s.start + span.start, s.end + span.start, span.para, False)
            for s in inner
            if s.mark >= 0 and not s.uncertain
        ]
    return sorted(spans + nested, key=lambda s: s.start) if nested else spans


def _with_turns(body: str, spans: list[_Span]) -> list[_Span]:
    """Add a transcript's turns as quotations (quoted by their label, not by marks); the
    quotations a turn quotes in marks stay quotations of their own ("KEMBLE: She came back with,
    “I will not be lectured”"), each after the turn holding it."""
    turns = [_Span(-1, t.start, t.end, t.start, False) for t in transcript_turns(body)]
    return sorted(spans + turns, key=lambda s: s.start)


def _is_stray(text: str) -> bool:
    """True for recovered text that is no quotation: empty, or only an attribution ("he said.")."""
    words = text.lower().replace(",", " ").replace(".", " ").split()
    if not any(c.isalnum() for c in text):
        return True
    return len(words) <= 5 and any(w in SPEECH_VERBS for w in words)


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1] in STRIP_END:
        end -= 1
    return start, end


def _kind(body: str, span: _Span, start: int, end: int) -> QuoteKind:
    """PHRASE for a few scare-quoted words inside a sentence, QUOTE otherwise."""
    if span.mark < 0 or end - start > 80:  # recovered quotations and posts are full quotes
        return QuoteKind.QUOTE
    text = body[start:end]
    words = text.split()
    if len(words) > PHRASE_MAX_WORDS or sentence_starts(text, 0, len(text)):
        return QuoteKind.QUOTE
    before = body[max(span.para, span.mark - 60) : span.mark].rstrip().rstrip("'\u2018").rstrip()
    if not before or before[-1] in ":.!?\u2026":
        return QuoteKind.QUOTE
    last = before.rstrip(",").split()[-1:]
    if last and last[0].lower() in SPEECH_VERBS and (before[-1] == "," or text[0].isupper()):
        return QuoteKind.QUOTE  # 'he said, “…”' or 'he said “We never comment.”'
    if len(words) >= 3 and text[0].isupper() and text.rstrip()[-1] in ".!?":
        return QuoteKind.QUOTE
    return QuoteKind.PHRASE


def extract_quotes(doc: Document) -> list[Quote]:
    """Every quotation in `doc.body`, in document order, with ids f"{doc.id}:{n}"."""
    body = doc.body
    quotes: list[Quote] = []
    nicknames = [m.span(1) for m in NICKNAME_RE.finditer(body)]
    for span in _with_turns(body, _with_nested(body, _with_posts(body, _Scanner(body).run()))):
        start, end = _trim(body, span.start, span.end)
        if end <= start or not any(c.isalnum() for c in body[start:end]):
            continue
        if span.mark >= 0 and COMMENT_HEADER_RE.fullmatch(body, span.para, span.mark):
            continue
        if any(lo < start < hi for lo, hi in nicknames):
            continue  # 'Juan "Chico" Manriquez': a nickname, not a quotation
        quotes.append(
            Quote(
                id=f"{doc.id}:{len(quotes)}",
                doc=doc.id,
                start=start,
                end=end,
                text=body[start:end],
                kind=_kind(body, span, start, end),
                uncertain=span.uncertain,
            )
        )
    return quotes
