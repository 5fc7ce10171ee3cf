"""Groups of variants (quotes linked directly or through others) and speakers settled by them.

Exact and variant links join groups freely. A partial link (a fragment, or a quote merging two
statements) only attaches a quote that is not yet in any group, to the group it matches best, so
one merged quote cannot chain two unrelated statements into one group.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from reader.documents.model import Document
from reader.quotes.alignment import words
from reader.quotes.model import Link, LinkKind, Quote, VariantGroup
from reader.quotes.names import is_document_source

ContentKey = tuple[str, str, int, str]  # text, date, start, id


class UnionFind:
    """Union-find over quote ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.size: dict[str, int] = {}

    def find(self, item: str) -> str:
        root = item
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        self.size.setdefault(root, 1)
        while item != root:
            item, self.parent[item] = self.parent[item], root
        return root

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        if self.size[root_a] < self.size[root_b]:
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        self.size[root_a] += self.size[root_b]

    def alone(self, item: str) -> bool:
        """True while `item` is in no group with another quote."""
        return self.size[self.find(item)] == 1


def build_groups(
    quotes: Sequence[Quote], links: Sequence[Link], documents: Sequence[Document]
) -> list[VariantGroup]:
    """Connected variants as groups, in order of their first quote; unlinked quotes have none."""
    sets = UnionFind()
    for link in links:
        if link.kind != LinkKind.PARTIAL:
            sets.union(link.a, link.b)
    said = _content_keys(quotes, documents)
    partial = [k for k in links if k.kind == LinkKind.PARTIAL]
    # best score first, equal scores by what the quotes and their articles say (ids only last)
    for link in sorted(partial, key=lambda k: (-k.score, *sorted((said[k.a], said[k.b])))):
        if sets.alone(link.a) or sets.alone(link.b):
            sets.union(link.a, link.b)
    members: dict[str, list[Quote]] = {}
    linked = {q for link in links for q in (link.a, link.b)}
    for quote in quotes:
        if quote.id in linked:
            members.setdefault(sets.find(quote.id), []).append(quote)
    published = {d.id: d.published for d in documents}
    return [
        _group(f"g{number}", group, published, said)
        for number, group in enumerate(g for g in members.values() if len(g) > 1)
    ]


def _content_keys(quotes: Sequence[Quote], documents: Sequence[Document]) -> dict[str, ContentKey]:
    """Quote id -> what breaks a tie between quotes: their text, their article's date and their
    place in it (ids only last), so one corpus gives the same groups wherever its files are (ids
    are made of paths) and in whatever order the links come."""
    published = {d.id: _sortable(d.published) for d in documents}
    return {q.id: (q.text, published.get(q.doc, ""), q.start, q.id) for q in quotes}


def _group(
    group_id: str,
    quotes: list[Quote],
    published: dict[str, datetime | None],
    said: dict[str, ContentKey],
) -> VariantGroup:
    def when(quote: Quote) -> tuple[bool, str, ContentKey]:
        moment = published.get(quote.doc)
        return (moment is None, _sortable(moment), said[quote.id])

    ordered = sorted(quotes, key=when)
    earliest = ordered[0].id if published.get(ordered[0].doc) is not None else None
    wordings = Counter(" ".join(words(q.text).norms) for q in ordered)
    common = wordings.most_common(1)[0][0]
    text = next(q.text for q in ordered if " ".join(words(q.text).norms) == common)
    return VariantGroup(group_id, [q.id for q in quotes], earliest, text)


def _sortable(moment: datetime | None) -> str:
    """A comparable form of a date, naive and aware alike (aware ones in their own local time)."""
    return "" if moment is None else moment.replace(tzinfo=None).isoformat()


def settle_speakers(quotes: Sequence[Quote], links: Sequence[Link]) -> int:
    """Give a quote with no speaker (or only a document with no issuer named: "unnamed
    complaint") the one its linked variants agree on; return how many.

    A quote its own article gives to an unnamed source ("an insider said") has that source as
    its speaker already, and an unnamed source names no one for a variant elsewhere.
    """
    by_id = {q.id: q for q in quotes}
    votes: dict[str, Counter[str]] = {}
    roles: dict[str, str] = {}
    for link in links:
        for mine, theirs in ((link.a, link.b), (link.b, link.a)):
            other = by_id.get(theirs)
            if by_id.get(mine) is not None and other is not None and other.speaker:
                if other.unnamed:  # "an insider" in one article is nobody's name in another
                    continue
                votes.setdefault(mine, Counter())[other.speaker] += 1
                roles.setdefault(f"{mine}\n{other.speaker}", other.role)
    settled = 0
    for quote_id, counter in votes.items():
        quote = by_id[quote_id]
        if (quote.speaker is None or is_document_source(quote.speaker)) and len(counter) == 1:
            quote.speaker = next(iter(counter))
            quote.role = quote.role or roles[f"{quote_id}\n{quote.speaker}"]
            quote.attribution = "variant"
            settled += 1
    return settled
