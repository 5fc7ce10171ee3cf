"""A citation as a reader sees it, formatted from its CSL-JSON item by a CSL processor.

citeproc-py (a maintained CSL 1.0 processor, pure Python over lxml, which the app has already)
formats the item with the Harvard "Cite Them Right" style that citeproc-py bundles, in British
English; nothing is fetched, and the style is parsed once, on first use.

With no author, the style puts the outlet (for news) or the title in the author's place. CSL
says a variable used so is left out of the rest of the entry; citeproc-py 0.11 prints it twice
("CNN (2022) ‘…’, CNN"), so `formatted_citation` moves it into the author's place itself.
"""

from __future__ import annotations

import functools
from typing import Any

STYLE = "harvard-cite-them-right"  # bundled with citeproc-py
LOCALE = "en-GB"
NEWS = {"article-newspaper", "article-magazine", "article-journal"}  # the style's own list


@functools.cache
def _style() -> Any:
    from citeproc import CitationStylesStyle  # imported on first use: it parses the locales

    return CitationStylesStyle(STYLE, locale=LOCALE, validate=False)


def formatted_citation(item: dict[str, Any]) -> str:
    """The bibliography entry of one CSL-JSON item, as plain text (the note left out)."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    cited = _substituted({k: v for k, v in item.items() if k != "note"})
    bibliography = CitationStylesBibliography(_style(), CiteProcJSON([cited]), formatter.plain)
    bibliography.register(Citation([CitationItem(str(item["id"]))]))
    return " ".join(str(entry) for entry in bibliography.bibliography())


def _substituted(item: dict[str, Any]) -> dict[str, Any]:
    """The item with what the style puts in a missing author's place moved there."""
    if item.get("author") or item.get("editor") or item.get("translator"):
        return item
    field = "container-title" if item.get("type") in NEWS and item.get("container-title") else ""
    field = field or ("title" if item.get("title") else "")
    if not field:
        return item
    rest = {k: v for k, v in item.items() if k != field}
    return rest | {"author": [{"literal": item[field]}]}
