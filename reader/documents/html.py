"""Article text and metadata from an HTML page, with the stdlib's tolerant parser.

Nothing is fetched or executed: scripts, styles, frames and form controls are dropped. Navigation,
asides, footers and blocks whose class or id names them as menus, related links, sharing widgets or
comments are labelled with that reason (`reader.documents.article` decides what is the article).
Each block remembers where its text starts in the page source.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from reader.documents.page_url import saved_from

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "canvas",
    "button",
    "select",
    "textarea",
    "head",
    "math",
    "video",
    "audio",
    "picture",
}
# Class words of inline elements that hold metadata: each becomes its own line.
_META_WORDS = {"byline", "author", "dateline", "date", "timestamp", "published", "pubdate"}
# Elements that wrap a whole page or article: their class words ("sidebar-open") say nothing.
_WRAPPERS = {"html", "body", "form", "main", "article"}
_CHROME = {"nav", "aside", "footer", "header", "menu", "dialog"}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "table",
    "figure",
    "figcaption",
    "address",
    "hr",
    "br",
    "body",
    "html",
    "center",
    "caption",
    "summary",
}
_CELLS = {"td", "th"}
_VOID = {
    "br",
    "img",
    "meta",
    "link",
    "input",
    "hr",
    "area",
    "base",
    "col",
    "source",
    "track",
    "wbr",
    "param",
    "embed",
}
_CHROME_WORDS = {
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "related",
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "respond",
    "newsletter",
    "subscribe",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "cookie",
    "cookies",
    "footer",
    "widget",
    "popup",
    "modal",
    "recommended",
    "trending",
    "tags",
    "byline-share",
    "skip",
    "masthead",
}
_ARTICLE_MARKS = {
    "articlebody",
    "article-body",
    "article-content",
    "entry-content",
    "post-content",
    "story-body",
}
_META_KEYS = {
    "og:title": "title",
    "twitter:title": "title",
    "og:url": "url",
    "og:site_name": "source",
    "application-name": "source",
    "author": "author",
    "article:author": "author",
    "parsely-author": "author",
    "dc.creator": "author",
    "article:published_time": "published",
    "og:published_time": "published",
    "pubdate": "published",
    "publishdate": "published",
    "date": "published",
    "dc.date": "published",
    "dc.date.issued": "published",
    "parsely-pub-date": "published",
    "sailthru.date": "published",
}


@dataclass(slots=True)
class Block:
    """A block of text and the offset in the page source where its text begins."""

    text: str
    raw_start: int
    tag: str
    dropped: str = ""  # why the page marks it as not article text ("navigation", …), or ""


@dataclass(slots=True)
class Page:
    """What was read from a page: its blocks and the metadata it declares."""

    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    language: str = ""


@dataclass(slots=True)
class _Open:
    tag: str
    skip: bool
    chrome: str
    article: bool
    own_block: bool = False  # metadata (byline, date) kept apart from the text around it


def _class_names(attributes: dict[str, str]) -> set[str]:
    """The words of an element's class and id ("post-byline" gives "post" and "byline")."""
    text = (attributes.get("class", "") + " " + attributes.get("id", "")).lower()
    text = re.sub(r"\bnon?-[\w-]+", " ", text)  # "non-ad-column" is no ad
    return set(re.split(r"[\s_\-]+", text)) - {""}


class _PageParser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.page = Page()
        self._stack: list[_Open] = []
        self._parts: list[str] = []
        self._start = -1
        self._block_chrome = ""  # the chrome around the block's first text
        self._block_tag = "p"
        self._title: list[str] = []
        self._in_title = False
        self._ld_json: list[str] = []
        self._in_ld_json = False

    # -- state of the innermost open element --------------------------------------------------
    def _skipping(self) -> bool:
        return bool(self._stack) and self._stack[-1].skip

    def _chrome(self) -> str:
        return self._stack[-1].chrome if self._stack else ""

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    # -- parser callbacks -----------------------------------------------------------------------
    def handle_comment(self, data: str) -> None:
        if "saved_from" not in self.page.meta and saved_from(data):
            self.page.meta["saved_from"] = saved_from(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and attributes.get("lang"):
            self.page.language = attributes["lang"].split("-")[0].lower()
        if tag == "meta":
            self._read_meta(attributes)
        if tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.page.meta.setdefault("canonical", attributes.get("href", "").strip())
        if tag == "title":
            self._in_title = True
        if tag == "script" and "ld+json" in attributes.get("type", ""):
            self._in_ld_json = True
        if tag == "body":  # browsers close an unclosed <head> (and <title>) here
            self._stack = [o for o in self._stack if o.tag not in {"head", "title"}]
            self._in_title = False
        if tag in _CELLS and "".join(self._parts).strip():
            self._parts.append(" | ")  # a table row is one line, its cells apart
        meta_words = _class_names(attributes) & _META_WORDS
        metadata = bool(meta_words)
        if tag in _BLOCK or tag in _CHROME or metadata:
            self._flush()
            # a byline element is tagged as one, so its name counts even with no "By" before it
            self._block_tag = "byline" if meta_words & {"byline", "author"} else tag
            if self._stack and self._stack[-1].tag == "p" and tag not in {"br", "hr"}:
                self._stack.pop()  # a block start closes an open paragraph, as browsers do
        if tag in _VOID:
            return
        self._push(tag, attributes)
        self._stack[-1].own_block = metadata

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "script":
            self._in_ld_json = False
        if tag in _BLOCK or tag in _CHROME:
            self._flush()
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth].tag == tag:
                if self._stack[depth].own_block:  # a byline or date inside a heading: its own line
                    self._flush()
                    self._block_tag = "p"
                del self._stack[depth:]
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        if self._in_ld_json:
            self._ld_json.append(data)
        if self._skipping() or (not data.strip() and not self._parts):
            return
        if self._start < 0:
            self._start = self._offset() + (len(data) - len(data.lstrip()))
            self._block_chrome = self._chrome()
        self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()
        if self._title and "title" not in self.page.meta:
            self.page.meta["title"] = " ".join("".join(self._title).split())
        for chunk in self._ld_json:
            _read_ld_json(chunk, self.page.meta)

    # -- helpers --------------------------------------------------------------------------------
    def _push(self, tag: str, attributes: dict[str, str]) -> None:
        parent = self._stack[-1] if self._stack else _Open("", False, "", False)
        names = _class_names(attributes)
        marker = attributes.get("itemprop", "").lower() == "articlebody" or bool(
            _ARTICLE_MARKS
            & {n.replace("_", "-") for n in attributes.get("class", "").lower().split()}
        )
        article = parent.article or tag in {"article", "main"} or marker
        chrome = parent.chrome
        if not chrome and tag in _CHROME and not (article and tag == "header"):
            chrome = "navigation" if tag in {"nav", "menu"} else tag
        if not chrome and not marker and tag not in _WRAPPERS and names & _CHROME_WORDS:
            chrome = sorted(names & _CHROME_WORDS)[0]
        hidden = "hidden" in attributes or "display:none" in attributes.get("style", "").replace(
            " ", ""
        )
        self._stack.append(_Open(tag, parent.skip or tag in _SKIP or hidden, chrome, article))

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text:
            self.page.blocks.append(Block(text, self._start, self._block_tag, self._block_chrome))
        self._parts = []
        self._start = -1

    def _read_meta(self, attributes: dict[str, str]) -> None:
        key = (
            attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or ""
        ).lower()
        if key == "datepublished":
            key = "pubdate"
        target = _META_KEYS.get(key)
        content = " ".join(attributes.get("content", "").split())
        if target and content and target not in self.page.meta:
            self.page.meta[target] = content


def _read_ld_json(chunk: str, meta: dict[str, str]) -> None:
    try:
        data = json.loads(chunk)
    except ValueError:
        return
    items = (
        data
        if isinstance(data, list)
        else data.get("@graph", [data])
        if isinstance(data, dict)
        else []
    )
    for item in items:
        if not isinstance(item, dict):
            continue
        for key, target in (("headline", "title"), ("datePublished", "published")):
            if isinstance(item.get(key), str):
                meta.setdefault(target, item[key])
        for key, target in (("author", "author"), ("publisher", "source")):
            value = item.get(key)
            value = value[0] if isinstance(value, list) and value else value
            name = value.get("name") if isinstance(value, dict) else value
            if isinstance(name, str) and name.strip():
                meta.setdefault(target, name.strip())


def parse_page(source: str) -> Page:
    """Read the blocks and declared metadata of an HTML page (never raises on bad markup)."""
    parser = _PageParser(source)
    parser.feed(source)
    parser.close()
    return parser.page


def looks_like_html(text: str) -> bool:
    """True when `text` starts like an HTML document."""
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body", "<meta"))
