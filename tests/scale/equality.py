"""Comparing a job's output with the desktop engine's answer on the same documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.quotes import QuoteAnalysis
from reader.scale.output import load_output


def answers(analysis: QuoteAnalysis) -> dict[str, Any]:
    """What must be equal between the job and the desktop engine."""
    return {
        "links": [(k.a, k.b, k.score, str(k.kind)) for k in analysis.links],
        "groups": [(g.id, g.quotes, g.earliest, g.common_text) for g in analysis.groups],
        "quotes": [
            (q.id, q.start, q.end, q.text, q.speaker, q.role, q.speaker_guess, q.attribution)
            for q in analysis.quotes
        ],
        "documents": [
            (d.id, d.title, d.source, d.published_iso, d.body) for d in analysis.documents
        ],
    }


def assert_same(out: Path, desktop: QuoteAnalysis) -> QuoteAnalysis:
    """The job's output in `out` says what `desktop` says; the output, read back."""
    job = load_output(out)
    mine, theirs = answers(job), answers(desktop)
    for table in theirs:
        assert mine[table] == theirs[table], table
    return job
