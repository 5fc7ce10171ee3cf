"""Exact match spans in a document's clean body, and HTML snippets built from them.

Spans come from the index itself: the body field stores, for every term, its word positions in
`Document.body`, and the document's marks say where those words are (see `words`). A phrase
matches only where its terms sit at consecutive positions, so phrase hits mark the phrase and
nothing else; a word matches every stemmed form
(`analyse` marks "analysed"), because both were stemmed to the same term when indexed.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from reader.search import schema as fields
from reader.search import words
from reader.search.indexing import StoredDocument
from reader.search.postings import Occurrences, SegmentArrays
from reader.search.query import ParsedQuery, Pattern, analyse

MAX_PREFIX_TERMS = 64  # terms a prefix expands to when marking (the search itself takes all)
SNIPPETS = 3
SNIPPET_CHARS = 220

Span = tuple[int, int]


def find_spans(
    reader: Any, parsed: ParsedQuery, documents: dict[int, StoredDocument], arrays: SegmentArrays
) -> dict[int, list[Span]]:
    """The sorted, non-overlapping match spans in the body of each document (by docnum)."""
    docnums = sorted(documents)
    patterns = [_expand(reader, p) for p in parsed.patterns]
    terms = {t for slots, _ in patterns for slot in slots for t in slot}
    found = {term: arrays.occurrences(reader, fields.BODY, term, docnums) for term in terms}
    spans: dict[int, list[Span]] = {}
    for docnum in docnums:
        stored = documents[docnum]
        runs = [(_match(slots, found, docnum), in_quotes) for slots, in_quotes in patterns]
        where = words.locate(stored.body, stored.marks, _ends(run for run, _ in runs))
        hits: list[Span] = []
        for run, in_quotes in runs:
            matched = [(where[a][0], where[b][1]) for a, b in run if a in where and b in where]
            if in_quotes:
                matched = [s for s in matched if _inside(s, stored.quotes)]
            hits += matched
        if not hits and parsed.speakers:
            hits = [(a, b) for a, b, who in stored.quotes if _said_by(who, parsed.speakers)]
        spans[docnum] = merge(hits)
    return spans


def _expand(reader: Any, pattern: Pattern) -> tuple[list[frozenset[str]], bool]:
    """A pattern as slots of alternative terms (one slot per phrase word)."""
    if pattern.terms:
        return [frozenset([t]) for t in pattern.terms], pattern.in_quotes
    expanded: set[str] = set()
    for prefix in pattern.prefixes:
        terms = islice(reader.expand_prefix(fields.BODY, prefix), MAX_PREFIX_TERMS)
        expanded.update(t.decode() if isinstance(t, bytes) else t for t in terms)
    return [frozenset(expanded)], pattern.in_quotes


def _match(
    slots: list[frozenset[str]], found: dict[str, Occurrences], docnum: int
) -> list[tuple[int, int]]:
    """(first, last) word positions where the slots' terms occur at consecutive positions."""
    where: list[set[int]] = []
    for slot in slots:
        positions = {p for term in slot for p in found[term].get(docnum, ())}
        if not positions:
            return []
        where.append(positions)
    last = len(where) - 1
    return [
        (first, first + last)
        for first in where[0]
        if all(first + offset in positions for offset, positions in enumerate(where[1:], 1))
    ]


def _ends(runs: Iterable[list[tuple[int, int]]]) -> set[int]:
    """The positions whose words a span starts or ends at."""
    return {position for run in runs for pair in run for position in pair}


def _inside(span: Span, quotes: Sequence[tuple[int, int, str]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b, _ in quotes)


def _said_by(speaker: str, wanted: list[tuple[str, ...]]) -> bool:
    names = analyse(speaker, fields.SPEAKER)
    return any(
        any(tuple(names[i : i + len(w)]) == w for i in range(len(names) - len(w) + 1))
        for w in wanted
    )


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted spans with overlapping ones joined."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


# -- snippets ------------------------------------------------------------------------------------
def snippets(
    body: str, spans: list[Span], count: int = SNIPPETS, width: int = SNIPPET_CHARS
) -> list[str]:
    """Up to `count` passages around the best clusters of matches, HTML with <mark>ed matches.

    Without spans (a query on metadata only) the opening of the body is the one snippet.
    """
    if not spans:
        return [_render(body, *_window(body, 0, 0, width), [])] if body else []
    clusters: list[list[Span]] = []
    for span in spans:
        if clusters and span[1] - clusters[-1][0][0] <= width * 2 // 3:
            clusters[-1].append(span)
        else:
            clusters.append([span])
    ranked = sorted(clusters, key=lambda c: (-_distinct(body, c), -len(c), c[0][0]))[:count]
    passages = []
    for cluster in sorted(ranked, key=lambda c: c[0][0]):
        start, end = _window(body, cluster[0][0], cluster[-1][1], width)
        passages.append(
            _render(body, start, end, [s for s in spans if start <= s[0] and s[1] <= end])
        )
    return passages


def _distinct(body: str, cluster: list[Span]) -> int:
    return len({body[a:b].lower() for a, b in cluster})


def _window(body: str, first: int, last: int, width: int) -> tuple[int, int]:
    """A passage of about `width` characters centred on [first, last), never cutting a word."""
    pad = max(0, (width - (last - first)) // 2)
    start, end = max(0, first - pad), min(len(body), last + pad)
    while 0 < start < first and not body[start - 1].isspace():
        start += 1
    while start > 0 and not body[start - 1].isspace():  # a match that starts mid-word
        start -= 1
    while last < end < len(body) and not body[end].isspace():
        end -= 1
    while end < len(body) and not body[end].isspace():
        end += 1
    return start, end


def _render(body: str, start: int, end: int, spans: list[Span]) -> str:
    parts = ["…" if start > 0 else ""]
    cursor = start
    for a, b in spans:
        parts += [html.escape(body[cursor:a]), "<mark>", html.escape(body[a:b]), "</mark>"]
        cursor = b
    parts += [html.escape(body[cursor:end]), "…" if end < len(body) else ""]
    return " ".join("".join(parts).split())
