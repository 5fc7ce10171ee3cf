"""Plain data for quotations, their speakers and the links between variants.

Offsets are into `Document.body`; `Quote.text == body[start:end]` always holds (for a quote that
runs over several paragraphs the text keeps the paragraph break and the reopening mark).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# How a speaker the article describes but never names is written: "unnamed senior official".
UNNAMED = "unnamed "


def is_unnamed(speaker: str | None) -> bool:
    """True for a source the article leaves unnamed ("a senior official said")."""
    return speaker is not None and speaker.startswith(UNNAMED)


class QuoteKind(StrEnum):
    QUOTE = "quote"  # a full quotation
    PHRASE = "phrase"  # a short scare-quoted phrase ("far apart")


class LinkKind(StrEnum):
    EXACT = "exact"  # the same words once case and punctuation are ignored
    VARIANT = "variant"  # the same utterance reworded or translated differently
    PARTIAL = "partial"  # one is a trimmed fragment of the other, or one merges the other


@dataclass(slots=True)
class Quote:
    """One quotation in one document."""

    id: str  # "<doc id>:<n>", n counting quotes in document order from 0
    doc: str
    start: int
    end: int
    text: str
    kind: QuoteKind = QuoteKind.QUOTE
    uncertain: bool = False  # recovered from an unbalanced mark
    speaker: str | None = None  # canonical name, or an unnamed source (see UNNAMED); None: unknown
    role: str = ""  # e.g. "Russian Foreign Minister"
    speaker_guess: str | None = None  # best guess when `speaker` is None
    attribution: str = ""  # the evidence, e.g. "said-after", "pronoun", "colon-intro"
    corrected: bool = False  # a person set the speaker or a link of this quote by hand

    @property
    def unnamed(self) -> bool:
        """The article describes who spoke without naming them."""
        return is_unnamed(self.speaker)


@dataclass(slots=True, frozen=True)
class AlignedWord:
    """One word of an alignment: `op` is "same", "changed", "added" (only in b) or "removed"."""

    op: str
    a: str
    b: str


@dataclass(slots=True)
class Link:
    """Two quotes in different documents that are variants of one utterance."""

    a: str
    b: str
    score: float  # 0..1
    kind: LinkKind  # the word alignment is not kept: `alignment.align` of the two texts gives it


@dataclass(slots=True)
class VariantGroup:
    """Quotes linked (directly or through others) as one utterance."""

    id: str
    quotes: list[str]
    earliest: str | None  # quote id of the earliest published occurrence
    common_text: str  # the most common wording
