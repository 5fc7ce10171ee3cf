"""Turning core data into the small pieces of marked-up text the views draw (no Qt here).

Document text is untrusted: everything that reaches a rich-text renderer goes through `escape`,
and search snippets are taken apart at their `<mark>` tags and rebuilt from escaped text, so no
markup from an article can ever be live.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from reader.quotes.model import AlignedWord

_MARK = re.compile(r"(<mark[^>]*>|</mark>)", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def escape(text: str) -> str:
    """Text made safe for Qt's rich-text subset."""
    return html.escape(text, quote=True)


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (plain text, is_match) pieces; any other tag is dropped."""
    parts: list[tuple[str, bool]] = []
    inside = False
    for piece in _MARK.split(snippet):
        if _MARK.fullmatch(piece):
            inside = not piece.startswith("</")
            continue
        text = html.unescape(_TAG.sub("", piece))
        if text:
            parts.append((text, inside))
    return parts


def snippet_html(snippet: str, style: str) -> str:
    """A snippet rebuilt as safe rich text, matches wrapped in `<span style=…>`."""
    return "".join(
        f'<span style="{style}">{escape(text)}</span>' if hit else escape(text)
        for text, hit in snippet_parts(snippet)
    )


def date_text(moment: datetime | str | None) -> str:
    """A short, sortable date ("2022-01-28") or an en dash when unknown (ISO strings too)."""
    if isinstance(moment, str):
        return moment[:10] or "–"
    return moment.date().isoformat() if moment is not None else "–"


def byline(source: str, author: str, published: datetime | str | None) -> str:
    """ "Outlet · Author · 2022-01-28", leaving out what is unknown."""
    parts = [p for p in (source, author) if p]
    if published:
        parts.append(date_text(published))
    return " · ".join(parts)


def variant_words(alignment: Iterable[AlignedWord], side: str) -> list[tuple[str, bool]]:
    """The words of one side ("a" or "b") of an alignment, each flagged when it differs."""
    words: list[tuple[str, bool]] = []
    own_only = "removed" if side == "a" else "added"
    for word in alignment:
        if word.op == "same":
            words.append((getattr(word, side), False))
        elif word.op in ("changed", own_only):
            text = getattr(word, side)
            if text:
                words.append((text, True))
    return words


def words_html(words: Iterable[tuple[str, bool]], style: str) -> str:
    """Words joined by spaces, the differing ones wrapped in `<span style=…>`."""
    return " ".join(
        f'<span style="{style}">{escape(w)}</span>' if marked else escape(w) for w, marked in words
    )


def fuzzy_score(pattern: str, text: str) -> int | None:
    """How well `pattern` matches `text` as a subsequence (higher is better), None if not at all.

    Consecutive letters and matches at word starts score more, so "nm" ranks "Next match" above
    "Zoom in".
    """
    if not pattern:
        return 0
    pattern, lowered = pattern.lower(), text.lower()
    score, position, previous = 0, 0, -2
    for char in pattern:
        if char == " ":
            continue
        found = lowered.find(char, position)
        if found < 0:
            return None
        score += 1
        if found == previous + 1:
            score += 3
        if found == 0 or not lowered[found - 1].isalnum():
            score += 5
        previous, position = found, found + 1
    return score * 100 - len(text)


class Layout:
    """Where each character of a document's body sits in the text the reader shows.

    The reader shows the body, optionally with the removed boilerplate lines put back (greyed)
    where they stood in the raw file. Qt counts text positions in UTF-16 units, so positions
    returned here are UTF-16 offsets into `text`.
    """

    def __init__(self, body: str, pieces: list[tuple[int, int, int]], text: str) -> None:
        self.body = body
        self.text = text
        self.pieces = pieces  # (clean start, view start, length), both in code points
        self.removed: list[tuple[int, int]] = []  # view spans (code points) of removed lines
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def _to_qt(self, position: int) -> int:
        return position + bisect.bisect_left(self._astral, position)

    def _from_qt(self, position: int) -> int:
        point = position
        for index in self._astral:
            if self._to_qt(index) < position:
                point -= 1
        return point

    def view(self, clean: int) -> int:
        """The Qt position of body offset `clean`."""
        starts = [p[0] for p in self.pieces]
        i = max(0, bisect.bisect_right(starts, clean) - 1)
        start, view_start, _length = self.pieces[i]
        return self._to_qt(view_start + clean - start)

    def view_span(self, start: int, end: int) -> tuple[int, int]:
        return self.view(start), self.view(end)

    def clean(self, position: int) -> int | None:
        """The body offset at Qt position `position`, or None inside removed boilerplate."""
        point = self._from_qt(position)
        for start, view_start, length in self.pieces:
            if view_start <= point <= view_start + length:
                return start + point - view_start
        return None

    def qt_removed(self) -> list[tuple[int, int]]:
        return [(self._to_qt(a), self._to_qt(b)) for a, b in self.removed]


def compose(
    body: str,
    paragraphs: list[tuple[int, int]],
    removed: list[tuple[int, str]],
    raw_offset: Callable[[int], int],
) -> Layout:
    """Lay out `body`, putting `removed` (raw offset, text) lines back between its paragraphs."""
    if not removed:
        return Layout(body, [(0, 0, len(body))], body)
    items: list[tuple[int, int, Any]] = [(raw_offset(s), 1, (s, e)) for s, e in paragraphs]
    items += [(raw, 0, text) for raw, text in removed]
    items.sort(key=lambda item: (item[0], item[1]))
    parts: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    spans: list[tuple[int, int]] = []
    position, previous_removed = 0, False
    for _raw, is_paragraph, payload in items:
        if parts:
            gap = "\n" if previous_removed and not is_paragraph else "\n\n"
            parts.append(gap)
            position += len(gap)
        text = body[payload[0] : payload[1]] if is_paragraph else payload
        if is_paragraph:
            pieces.append((payload[0], position, len(text)))
        else:
            spans.append((position, position + len(text)))
        parts.append(text)
        position += len(text)
        previous_removed = not is_paragraph
    layout = Layout(body, pieces or [(0, 0, 0)], "".join(parts))
    layout.removed = spans
    return layout
