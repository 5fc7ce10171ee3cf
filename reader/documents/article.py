"""Which blocks of an HTML page are its article: maintained extractors, mapped onto the page.

trafilatura (favouring precision) reads the article; its text is then aligned with the page's own
blocks (`reader.documents.html`), so every paragraph of the body keeps its offset in the page
source and everything else stays visible as removed text. When the article comes out near-empty
while the page has text, readability-lxml is asked next, then the densest run of prose blocks is
taken; each fallback leaves a warning on the document, so an article is never empty without one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.documents.boilerplate import mark_boilerplate, mark_closing_footer
from reader.documents.paragraphs import Unit

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
_MIN_CHARS = 500  # an article shorter than this, on a page with far more text, was missed
_PROSE_CHARS = 80  # a paragraph of prose, in any script (CJK has no spaces between words)
_GRAM = 3
_SHORT_CHARS = 20  # fewer than three words but this long: a line of CJK text
NOT_ARTICLE = "not article"
# What the page's own elements (not its class words) call furniture: <nav>, <aside>, <footer>…
_PAGE_FURNITURE = {"navigation", "aside", "footer", "header", "dialog"}


@dataclass(slots=True)
class Article:
    """What the extractor made of a page: its text and the metadata it read."""

    text: str = ""
    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    warnings: list[str] = field(default_factory=list)


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _trafilatura(source: str) -> Article:
    from trafilatura import bare_extraction

    found = bare_extraction(
        source,
        fast=True,  # its own fallback extractors: as good on the dev set, a quarter slower
        favor_precision=True,
        include_comments=False,
        with_metadata=True,
        # no guessing from loose years ("© 2023" would give 2023-01-01)
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    if found is None:
        return Article()
    found = found if isinstance(found, dict) else found.as_dict()
    text, title, author, day, url = (
        str(found.get(name) or "") for name in ("text", "title", "author", "date", "url")
    )
    return Article(text, title, author, day, url)


def _readability(source: str) -> Article:
    import lxml.html
    from readability import Document as Readable

    summary = Readable(source).summary(html_partial=True)
    return Article(lxml.html.fromstring(summary).text_content() if summary.strip() else "")


def mark_covered(units: list[Unit], text: str, keep_marks: bool = False) -> int:
    """Mark the units `text` does not hold as not article; return the characters left in it.

    A unit of three words or more is article text when at least half of its word trigrams occur
    in `text`; a shorter one when its words occur there in a row and, if it is short (a
    subheading, a table cell), it stands between two longer article units. With `keep_marks`,
    units the page's own elements call furniture (`<nav>`, `<aside>`…) stay out.
    """
    words = _tokens(text)
    grams = {tuple(words[i : i + n]) for n in (1, 2) for i in range(len(words) - n + 1)}
    trigrams = {tuple(words[i : i + _GRAM]) for i in range(len(words) - _GRAM + 1)}
    covered: list[bool | None] = []
    for unit in units:
        tokens = _tokens(unit.text)
        if len(tokens) >= _GRAM:
            own = [tuple(tokens[i : i + _GRAM]) for i in range(len(tokens) - _GRAM + 1)]
            covered.append(2 * sum(g in trigrams for g in own) >= len(own))
        elif tokens and tuple(tokens) in grams:
            covered.append(True if len(unit.text) >= _SHORT_CHARS else None)
        else:
            covered.append(False)
    long_kept = [i for i, c in enumerate(covered) if c]
    first, last = (long_kept[0], long_kept[-1]) if long_kept else (0, -1)
    kept = 0
    for index, (unit, inside) in enumerate(zip(units, covered, strict=True)):
        if keep_marks and unit.reason in _PAGE_FURNITURE:
            continue
        if inside or (inside is None and first < index < last):
            unit.reason = ""
            kept += len(unit.text)
        else:
            unit.reason = unit.reason or NOT_ARTICLE
    return kept


def mark_densest(units: list[Unit]) -> int:
    """Keep only the run of units with the most prose (short lines inside it may stay).

    Units the page's own elements call furniture (`<nav>`, `<aside>`…) stay out.
    """
    best, best_chars = (0, -1), 0
    start, chars, gap = 0, 0, 0
    for index, unit in enumerate(units):
        if len(unit.text) >= _PROSE_CHARS:
            if gap > 3 or chars == 0:
                start, chars = index, 0
            chars += len(unit.text)
            gap = 0
            if chars > best_chars:
                best, best_chars = (start, index), chars
        else:
            gap += 1
    for index, unit in enumerate(units):
        inside = best[0] <= index <= best[1]
        kept_out = unit.reason in _PAGE_FURNITURE or not inside
        unit.reason = (unit.reason or NOT_ARTICLE) if kept_out else ""
    return best_chars


def find_article(source: str, units: list[Unit]) -> Article:
    """Mark the units of `source` that are not its article; the extractor's reading of the page.

    `units` arrive with the reasons the page's own markup gives (navigation, aside…): the first
    extractor's choice replaces them, the fallbacks (less precise) keep them. While the article
    is near-empty the next extractor is asked; the longest article found wins, and the densest
    prose when none found any.
    """
    enough = min(_MIN_CHARS, sum(len(u.text) for u in units) // 2 or 1)
    marks = [u.reason for u in units]
    article: Article | None = None
    best: tuple[int, str, list[str]] = (0, "", marks)
    for name, extract in _EXTRACTORS:
        try:
            found = extract(source)
        except Exception as error:  # an extractor's bug must not cost the user the page
            log.warning("%s failed on a page: %s", name, error)
            continue
        article = article or found  # the metadata comes from the first extractor that ran
        _restore(units, marks)
        kept = mark_covered(units, found.text, keep_marks=name != _EXTRACTORS[0][0])
        if kept > best[0]:
            best = (kept, name, [u.reason for u in units])
        if kept >= enough:
            break
    article = article or Article()
    _restore(units, best[2])
    if best[1] == _EXTRACTORS[0][0]:
        mark_closing_footer(units)
        return article
    if best[1]:
        warning = f"article text found by {best[1]}: trafilatura found little"
    elif mark_densest(units):
        warning = "no article found by the extractors: showing the densest text"
    else:
        _restore(units, marks)
        text = any(u.text for u in units)
        warning = (
            "no article found by the extractors: showing the page's text"
            if text
            else ("the page holds no text")
        )
    mark_boilerplate(units)  # the fallbacks keep more furniture: our own rules apply
    article.warnings.append(warning)
    return article


def _restore(units: list[Unit], marks: list[str]) -> None:
    for unit, mark in zip(units, marks, strict=True):
        unit.reason = mark


_EXTRACTORS: list[tuple[str, Callable[[str], Article]]] = [
    ("trafilatura", _trafilatura),
    ("readability", _readability),
]
