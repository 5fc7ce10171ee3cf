"""Property tests: the document reader survives any text and its offsets always hold."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.documents.loading import load_document
from reader.errors import DocumentError
from tests.hardening.invariants import assert_offsets_hold, raw_text

QUOTE_MARKS = "\"'“”‘’«»‹›„"
NEWS_LINES = [
    "Related posts",
    "By Jane Doe",
    "January 28, 2022",
    "Thu, 01/27/2022 - 09:25",
    "Leave a Reply",
    "Back to top",
    "(Reuters) - The talks ended.",
    "“We will not move,” she said.",
    "Video: Talks resume 02:15",
    "Copyright 2022 The Daily",
    "---",
    "# Heading",
    "* item",
]

# Arbitrary Unicode (with control characters, right-to-left text and combining marks) mixed with
# lines that trigger the boilerplate and metadata rules.
line = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80),
    st.text(alphabet=QUOTE_MARKS + " abc\u200f\u05d0\u0301\t", max_size=40),
    st.sampled_from(NEWS_LINES),
)
documents = st.lists(line, max_size=30).map("\n".join)
settings_used = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _load(tmp_path: Path, text: str, suffix: str):
    path = tmp_path / f"doc{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        return load_document(path)
    except DocumentError as error:
        assert error.reason  # a refused file always says why
        return None


@settings_used
@given(text=documents, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_text_loads_or_is_refused_with_a_reason(tmp_path, text, suffix):
    document = _load(tmp_path, text, suffix)
    if document is None:
        return
    assert_offsets_hold(document)
    size = len(raw_text(document))
    for offset in range(0, len(document.body) + 1, 7):
        assert 0 <= document.raw_offset(offset) <= size


@settings_used
@given(text=documents)
def test_reading_twice_gives_the_same_document(tmp_path, text):
    first = _load(tmp_path, text, ".txt")
    second = _load(tmp_path, text, ".txt")
    if first is None:
        assert second is None
        return
    assert second is not None
    assert (first.body, first.title, first.source, first.author, first.published) == (
        second.body,
        second.title,
        second.source,
        second.author,
        second.published,
    )
    assert first.removed == second.removed


def test_a_one_megabyte_single_line_loads(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("“" + "word " * 200_000 + "” he said.\n", encoding="utf-8")
    document = load_document(path)
    assert len(document.body) > 1_000_000
