"""The address a saved page came from, when the file itself says it.

A browser's "Save page" writes `<!-- saved from url=(0047)https://… -->` at the top of an HTML
file; a page saved or pasted as text often carries a line of its own with the address: bare or
labelled ("URL: …", "Source: …", "Saved from …") above the story, labelled among its last lines
(a bare address at the end is a reference: "Online: http://…"). Such a line is the page's
address, not article text: it is marked as meta and kept out of the body.
"""

from __future__ import annotations

import re

from reader.documents.paragraphs import Unit

SAVED_FROM = re.compile(r"saved from url=\(\d+\)(https?://\S+)", re.IGNORECASE)
_LABEL = r"(?P<label>(?:url|link|source|original(?: url)?|saved from|retrieved from)\s*:?\s*)"
_URL_LINE = re.compile(_LABEL + r"?<?(?P<url>https?://[^\s<>]+?)>?[.,;]?", re.IGNORECASE)
EDGE = 6  # lines looked at from the top (above the story) and from the bottom
PARAGRAPH = 12  # a line of more words starts the story


def saved_from(comment: str) -> str:
    """The address in a browser's "saved from url=" comment, or ""."""
    found = SAVED_FROM.search(comment)
    return found.group(1) if found else ""


def mark_url_line(units: list[Unit]) -> str:
    """The address on a line of its own above the story or near the end (marked meta), or ""."""
    live = [u for u in units if not u.reason]
    first_paragraph = next((n for n, u in enumerate(live) if u.words > PARAGRAPH), len(live))
    top = live[: min(first_paragraph, EDGE)]
    for unit in top + [u for u in live[-EDGE:] if u not in top]:
        found = _URL_LINE.fullmatch(unit.text.strip())
        if found is not None and (unit in top or found.group("label")):
            unit.reason = "meta"
            return found.group("url")
    return ""
