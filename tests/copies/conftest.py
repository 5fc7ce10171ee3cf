"""Articles written for the copy tests (tests/data/copies) and the spin sets built from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.copies.spins import paragraphs

WRITTEN = Path(__file__).parents[1] / "data" / "copies"
SEEDS = Path(__file__).parents[2] / "seeds"


@pytest.fixture
def written() -> tuple[dict[str, str], list[str]]:
    """The base articles by name, and the filler paragraphs."""
    bases = {p.stem: p.read_text(encoding="utf-8") for p in WRITTEN.glob("*.txt")}
    return bases, paragraphs(bases.pop("filler"))
