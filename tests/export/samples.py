"""Test data: three small articles reporting one statement, with Cyrillic, accents, curly quotes and dashes."""

import re
from dataclasses import dataclass, field

from reader.annotations import new_annotation
from reader.quotes.model import Link, LinkKind, Quote

ARTICLES = {
    "gazette.txt": """\
Ferry terminal to close after 120 years
By Zoë Müller
March 3, 2022
The city council voted on Wednesday to close the old ferry terminal by the end of the year – ending more than a century of service from the waterfront.
“We cannot keep pouring money into a building that is falling apart,” said councillor Олег Петров at the meeting.
Residents said they were “deeply disappointed” and promised to keep campaigning against the closure — a fight that may reach the courts.
The terminal’s café will stay open until December.
""",
    "courier.txt": """\
Council shuts historic ferry terminal
By Sam Okafor
March 4, 2022
Councillors backed the closure of the ferry terminal on Wednesday night after a long debate.
“We cannot continue pouring money into a building that is falling apart,” Петров told reporters afterwards.
The vote was seven to two. Opponents said they would appeal.
""",
    "wire.txt": """\
Harbour town loses its ferry terminal
March 2, 2022
Officials expect the site to be sold to developers next year, according to planning documents seen by the agency.
The decision follows years of falling passenger numbers and rising repair bills.
""",
}


@dataclass
class QuoteTable:
    """Plain quote data for the report (the shape of reader.quotes.QuoteAnalysis)."""

    documents: list
    quotes: list = field(default_factory=list)
    links: list = field(default_factory=list)

    def quotes_of(self, doc_id):
        return [q for q in self.quotes if q.doc == doc_id]

    def quote(self, quote_id):
        return next(q for q in self.quotes if q.id == quote_id)

    def links_of(self, quote_id):
        return [link for link in self.links if quote_id in (link.a, link.b)]


def quote_table(documents, speaker="Олег Петров"):
    """Every “…” quotation of more than three words, and a link between the ferry quotes."""
    table = QuoteTable(documents)
    for doc in documents:
        for n, match in enumerate(re.finditer(r"“([^”]+)”", doc.body)):
            if len(match.group(1).split()) > 3:
                table.quotes.append(
                    Quote(
                        f"{doc.id}:{n}",
                        doc.id,
                        match.start(),
                        match.end(),
                        match.group(0),
                        speaker=speaker,
                        role="councillor",
                    )
                )
    a, b = table.quotes[0], table.quotes[1]
    table.links.append(Link(a.id, b.id, 0.93, LinkKind.VARIANT))
    return table


def annotate(doc, text, **kwargs):
    start = doc.body.index(text)
    return new_annotation(doc, start, start + len(text), **kwargs)
