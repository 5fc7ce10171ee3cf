"""The query language: text typed by a user → a Whoosh query, a readable form, and what to mark.

    nato expansion          both words (AND is the default); `OR`, `NOT` or `-word`, ( … )
    "main issue"            an exact phrase            expan*     a prefix
    title:  source:  author:  speaker:   a field (`outlet:` = source:), also `title:(a OR b)`
    in:quotes               words must occur inside quotations (and the article must have some)
    date:2022-01-28         one day; date:2022-01 a month, date:2022 a year, date:"jan 28 2022"
    date:2022-01-27..2022-01-29   inclusive range; open ends: date:2022-01-27.. or date:..2022-01-29
    after:2022-01-27  before:2022-01-29   inclusive; both use the article's own local date

Unfielded words search the body and the title. A query is never rejected for its shape: an
unclosed quotation mark or parenthesis, a stray `)` or a dangling `OR` is repaired and noted. Only
what cannot be guessed (an unknown field, a date that cannot be read) gives an error message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from dateutil import parser as dateparser
from whoosh import query as wq

from reader.search import schema as fields

QUOTE_MARKS = '"“”„'
FIELDS = {
    "title": fields.TITLE,
    "source": fields.SOURCE,
    "outlet": fields.SOURCE,
    "author": fields.AUTHOR,
    "speaker": fields.SPEAKER,
    "body": fields.BODY,
}
SPECIAL = ("date", "after", "before", "in")
KNOWN = ", ".join(sorted({*FIELDS, *SPECIAL}))
_NAME_FIELDS = {fields.SOURCE, fields.AUTHOR, fields.SPEAKER}
_FIELD_WORD = re.compile(r"([A-Za-z]+):(.*)\Z", re.S)


class QuerySyntaxError(Exception):
    """The query cannot be understood; the message says why."""


# -- the syntax tree ----------------------------------------------------------------------------
@dataclass(slots=True, frozen=True)
class Text:
    """A word, phrase or prefix (`kind`) in one field (None: body and title, or the quotes)."""

    field: str | None
    text: str
    kind: str  # "word", "phrase" or "prefix"
    start: int  # where it was typed, for "did you mean"
    end: int


@dataclass(slots=True, frozen=True)
class DateRange:
    start: datetime | None
    end: datetime | None  # exclusive


@dataclass(slots=True, frozen=True)
class InQuotes:
    pass


@dataclass(slots=True, frozen=True)
class Not:
    item: Node


@dataclass(slots=True, frozen=True)
class Group:
    op: str  # "AND" or "OR"
    items: tuple[Node, ...]


Node = Text | DateRange | InQuotes | Not | Group


@dataclass(slots=True, frozen=True)
class Token:
    kind: str  # "(", ")", "phrase", "word", "field", "not"
    text: str
    start: int
    end: int


@dataclass(slots=True, frozen=True)
class Pattern:
    """Body terms to mark: a sequence of terms (a phrase if several), or term prefixes."""

    terms: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    in_quotes: bool = False


@dataclass(slots=True)
class ParsedQuery:
    """A query ready to run: the Whoosh query, a readable form, what to highlight, notes."""

    query: wq.Query | None
    readable: str = ""
    patterns: list[Pattern] = field(default_factory=list)
    speakers: list[tuple[str, ...]] = field(default_factory=list)  # speaker: name tokens
    words: list[Text] = field(default_factory=list)  # plain positive words, for "did you mean"
    notes: list[str] = field(default_factory=list)
    error: str | None = None


# -- reading the text ---------------------------------------------------------------------------
def tokenize(text: str, notes: list[str]) -> list[Token]:
    """Split a query into tokens, closing an unclosed quotation mark."""
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(Token(char, char, i, i + 1))
            i += 1
        elif char in QUOTE_MARKS:
            close = min((p for m in QUOTE_MARKS if (p := text.find(m, i + 1)) >= 0), default=-1)
            if close < 0:
                notes.append("closed the unclosed quotation mark")
                close = len(text)
            tokens.append(Token("phrase", text[i + 1 : close], i, min(close + 1, len(text))))
            i = close + 1
        elif char == "-" and i + 1 < len(text) and text[i + 1] in QUOTE_MARKS + "(":
            tokens.append(Token("not", "-", i, i + 1))
            i += 1
        else:
            end = i
            while end < len(text) and not (text[end].isspace() or text[end] in "()" + QUOTE_MARKS):
                end += 1
            tokens += _word_tokens(text[i:end], i)
            i = end
    return tokens


def _word_tokens(word: str, start: int) -> list[Token]:
    if word.startswith("-") and len(word) > 1:
        return [Token("not", "-", start, start + 1), *_word_tokens(word[1:], start + 1)]
    if word.startswith("+") and len(word) > 1:
        return _word_tokens(word[1:], start + 1)
    match = _FIELD_WORD.match(word)
    if match:
        name, value = match.groups()
        found = [Token("field", name.lower(), start, start + len(name) + 1)]
        if value:
            found.append(Token("word", value, start + len(name) + 1, start + len(word)))
        return found
    return [Token("word", word, start, start + len(word))] if word.strip("-+") else []


class Parser:
    """Recursive descent over the tokens: OR binds loosest, then AND (implicit), then NOT."""

    def __init__(self, tokens: list[Token], notes: list[str]) -> None:
        self.tokens = tokens
        self.notes = notes
        self.i = 0

    def parse(self) -> Node | None:
        items = []
        while True:
            node = self.parse_or(None)
            if node is not None:
                items.append(node)
            if self.i >= len(self.tokens):
                break
            self.notes.append("ignored an unmatched closing parenthesis")
            self.i += 1
        return _group("AND", items)

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def _is_op(self, token: Token | None, op: str) -> bool:
        return token is not None and token.kind == "word" and token.text == op

    def parse_or(self, scope: str | None) -> Node | None:
        items = []
        while True:
            node = self.parse_and(scope)
            if node is not None:
                items.append(node)
            if not self._is_op(self.peek(), "OR"):
                break
            self.i += 1
            nxt = self.peek()
            if nxt is None or nxt.kind == ")" or node is None:
                self.notes.append("ignored an OR with nothing on one side")
        return _group("OR", items)

    def parse_and(self, scope: str | None) -> Node | None:
        items = []
        while (token := self.peek()) is not None and token.kind != ")":
            if self._is_op(token, "OR"):
                break
            if self._is_op(token, "AND"):
                self.i += 1
                continue
            node = self.parse_unary(scope)
            if node is not None:
                items.append(node)
        return _group("AND", items)

    def parse_unary(self, scope: str | None) -> Node | None:
        token = self.peek()
        assert token is not None
        if token.kind == "not" or self._is_op(token, "NOT"):
            self.i += 1
            nxt = self.peek()
            if nxt is None or nxt.kind == ")" or self._is_op(nxt, "OR"):
                self.notes.append("ignored a NOT with nothing after it")
                return None
            item = self.parse_unary(scope)
            return Not(item) if item is not None else None
        return self.parse_primary(scope)

    def parse_primary(self, scope: str | None) -> Node | None:
        token = self.tokens[self.i]
        self.i += 1
        if token.kind == "(":
            node = self.parse_or(scope)
            if self._take(")") is None:
                self.notes.append("closed the unclosed parenthesis")
            return node
        if token.kind == "field":
            return self.parse_field(token)
        if token.kind == "phrase":
            return Text(scope, token.text, "phrase", token.start, token.end) if token.text else None
        kind = "prefix" if token.text.endswith("*") and token.text.strip("*") else "word"
        return Text(scope, token.text.strip("*"), kind, token.start, token.end)

    def _take(self, kind: str) -> Token | None:
        token = self.peek()
        if token is not None and token.kind == kind:
            self.i += 1
            return token
        return None

    def parse_field(self, token: Token) -> Node | None:
        name = token.text
        if name not in FIELDS and name not in SPECIAL:
            raise QuerySyntaxError(f"unknown field '{name}:' (known fields: {KNOWN})")
        value = self.peek()
        adjacent = value is not None and value.start == token.end
        if not adjacent or value is None or value.kind not in ("word", "phrase", "("):
            self.notes.append(f"ignored '{name}:' with nothing after it")
            return None
        if name in FIELDS:
            return self.parse_primary(FIELDS[name])
        self.i += 1
        if value.kind == "(":
            raise QuerySyntaxError(f"'{name}:' takes one value, not a group")
        if name == "in":
            if value.text.lower() not in ("quotes", "quote", "quotations"):
                raise QuerySyntaxError(f"'in:{value.text}' is not known; use in:quotes")
            return InQuotes()
        return date_node(name, value.text)


def _group(op: str, items: list[Node]) -> Node | None:
    if not items:
        return None
    return items[0] if len(items) == 1 else Group(op, tuple(items))


# -- dates ---------------------------------------------------------------------------------------
_ISO_PARTS = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\Z")


def date_node(name: str, value: str) -> DateRange:
    """The range meant by `date:`, `after:` or `before:` followed by `value`."""
    if name == "date" and ".." in value:
        first, _, last = (part.strip() for part in value.partition(".."))
        if not first and not last:
            raise QuerySyntaxError("'date:..' needs a date on at least one side")
        start = day_range(first)[0] if first else None
        end = day_range(last)[1] if last else None
        if start and end and start >= end:
            raise QuerySyntaxError(f"the date range '{value}' ends before it starts")
        return DateRange(start, end)
    start, end = day_range(value)
    if name == "after":
        return DateRange(start, None)
    if name == "before":
        return DateRange(None, end)
    return DateRange(start, end)


def day_range(text: str) -> tuple[datetime, datetime]:
    """[start, end) of the year, month or day that `text` names."""
    text = text.strip()
    iso = _ISO_PARTS.match(text)
    try:
        if iso:
            year, month, day = (int(p) if p else None for p in iso.groups())
            start = datetime(year or 1, month or 1, day or 1)
            unit = "day" if day else "month" if month else "year"
        else:
            first = dateparser.parse(text, default=datetime(2000, 1, 1))
            second = dateparser.parse(text, default=datetime(2001, 2, 2))
            if first.year != second.year:
                raise QuerySyntaxError(f"the date '{text}' has no year")
            unit = (
                "year"
                if first.month != second.month
                else "month"
                if first.day != second.day
                else "day"
            )
            start = datetime(
                first.year, first.month if unit != "year" else 1, first.day if unit == "day" else 1
            )
    except (ValueError, OverflowError):
        raise QuerySyntaxError(f"cannot read the date '{text}' (try 2022-01-28)") from None
    if unit == "day":
        return start, start + timedelta(days=1)
    if unit == "month":
        return start, (start + timedelta(days=32)).replace(day=1)
    return start, start.replace(year=start.year + 1)


# -- from the tree to Whoosh ----------------------------------------------------------------------
def parse_query(text: str) -> ParsedQuery:
    """Parse a user's query; never raises (a problem is reported in `.error`)."""
    notes: list[str] = []
    try:
        node = Parser(tokenize(text, notes), notes).parse()
        in_quotes = _has_in_quotes(node)
        compiled = _compile(node, in_quotes, notes) if node is not None else None
    except QuerySyntaxError as error:
        return ParsedQuery(None, notes=notes, error=str(error))
    parsed = ParsedQuery(compiled, readable(node) if node is not None else "", notes=notes)
    if node is not None:
        _collect(node, in_quotes, parsed)
    return parsed


def analyse(text: str, field_name: str) -> list[str]:
    """The index terms of `text` in a field (stemmed for text fields, lower-cased for names)."""
    analyzer = fields.NAME_ANALYZER if field_name in _NAME_FIELDS else fields.TEXT_ANALYZER
    return [token.text for token in analyzer(text, mode="query")]


def _has_in_quotes(node: Node | None) -> bool:
    if isinstance(node, InQuotes):
        return True
    return isinstance(node, Group) and any(_has_in_quotes(item) for item in node.items)


def _targets(node: Text, in_quotes: bool) -> list[str]:
    if node.field is not None:
        return [node.field]
    return [fields.QUOTES] if in_quotes else [fields.BODY, fields.TITLE]


def _compile(node: Node, in_quotes: bool, notes: list[str]) -> wq.Query | None:
    if isinstance(node, Text):
        parts = [_text_query(node, name) for name in _targets(node, in_quotes)]
        found = [p for p in parts if p is not None]
        if not found:
            notes.append(f"ignored '{node.text}' (no searchable word in it)")
            return None
        return found[0] if len(found) == 1 else wq.Or(found)
    if isinstance(node, DateRange):
        return wq.DateRange(fields.PUBLISHED, node.start, node.end, endexcl=True)
    if isinstance(node, InQuotes):
        return wq.Term(fields.HAS_QUOTES, "yes")
    if isinstance(node, Not):
        inner = _compile(node.item, in_quotes, notes)
        return wq.AndNot(wq.Every(), inner) if inner is not None else None
    positive = [_compile(i, in_quotes, notes) for i in node.items if not isinstance(i, Not)]
    items = [q for q in positive if q is not None]
    if node.op == "OR":
        negated = [_compile(i, in_quotes, notes) for i in node.items if isinstance(i, Not)]
        items += [q for q in negated if q is not None]
        return wq.Or(items) if len(items) > 1 else (items[0] if items else None)
    negative = [_compile(i.item, in_quotes, notes) for i in node.items if isinstance(i, Not)]
    excluded = [q for q in negative if q is not None]
    base = (wq.And(items) if len(items) > 1 else items[0]) if items else wq.Every()
    if excluded:
        return wq.AndNot(base, wq.Or(excluded) if len(excluded) > 1 else excluded[0])
    return base if items else None


def _text_query(node: Text, name: str) -> wq.Query | None:
    if node.kind == "prefix":
        prefixes = _prefixes(node.text, name)
        if not prefixes:
            return None
        parts = [wq.Prefix(name, p) for p in prefixes]
        return parts[0] if len(parts) == 1 else wq.Or(parts)
    terms = analyse(node.text, name)
    if not terms:
        return None
    return wq.Term(name, terms[0]) if len(terms) == 1 else wq.Phrase(name, terms)


def _prefixes(text: str, name: str) -> list[str]:
    """`expan*` looks for terms starting with "expan" and with its stem (for stemmed fields)."""
    lowered = text.lower()
    stems = analyse(text, name)
    found = [lowered] if lowered.isalnum() else []
    if len(stems) == 1 and stems[0] not in found:
        found.append(stems[0])
    return found


def readable(node: Node) -> str:
    """The query as understood, written back in the query language."""
    if isinstance(node, Text):
        label = next((k for k, v in FIELDS.items() if v == node.field), "")
        label = f"{label}:" if label else ""
        if node.kind == "phrase":
            return f'{label}"{node.text}"'
        return f"{label}{node.text}{'*' if node.kind == 'prefix' else ''}"
    if isinstance(node, DateRange):
        if node.start and node.end and node.end - node.start == timedelta(days=1):
            return f"date:{node.start.date().isoformat()}"
        first = node.start.date().isoformat() if node.start else ""
        last = (node.end - timedelta(days=1)).date().isoformat() if node.end else ""
        return f"date:{first}..{last}"
    if isinstance(node, InQuotes):
        return "in:quotes"
    if isinstance(node, Not):
        return f"NOT {readable(node.item)}"
    inner = [readable(i) if not isinstance(i, Group) else f"({readable(i)})" for i in node.items]
    return f" {node.op} ".join(inner)


def _collect(node: Node, in_quotes: bool, parsed: ParsedQuery) -> None:
    """What the positive parts of the query ask to highlight in the body."""
    if isinstance(node, Group):
        for item in node.items:
            _collect(item, in_quotes, parsed)
        return
    if not isinstance(node, Text):
        return
    if node.field == fields.SPEAKER:
        names = tuple(analyse(node.text, fields.SPEAKER))
        if names and node.kind != "prefix":
            parsed.speakers.append(names)
        return
    if node.field not in (None, fields.BODY):
        return
    quoted = in_quotes and node.field is None
    if node.kind == "prefix":
        prefixes = tuple(_prefixes(node.text, fields.BODY))
        if prefixes:
            parsed.patterns.append(Pattern(prefixes=prefixes, in_quotes=quoted))
        return
    terms = tuple(analyse(node.text, fields.BODY))
    if terms:
        parsed.patterns.append(Pattern(terms=terms, in_quotes=quoted))
    if node.kind == "word" and len(terms) == 1:
        parsed.words.append(node)
