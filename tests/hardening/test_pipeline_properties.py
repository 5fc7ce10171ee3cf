"""The whole pipeline on small libraries of odd documents: import → quotes → index → search →
annotate → export, through the one core object the window and the command line share.

Every document that can be read must be searchable for its own words, no stage may fail as a
whole, and whatever a stage leaves out is named with a reason. `HYPOTHESIS_PROFILE=fuzz` (used by
`make fuzz`, see tests/conftest.py) runs many more examples than `make test`.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from reader.export import build_report, write_markdown
from reader.export.pdf import write_pdf
from reader.library import Library
from reader.workspace import Workspace

# Pieces of text that have broken readers, analyzers and quote linkers of this kind.
ODD_PIECES = [
    "the of and to a",  # stopwords only
    "😀🎉🇺🇦",  # emoji only
    "מלחמה ושלום",  # right-to-left only
    "سلام",
    "NATO",  # one word
    "… — !!! ???",  # punctuation only
    "“”",  # an empty quotation
    "He said, “We will not go.”",
    "“f***ing d**n it,” she said.",
    "“It is [...] the main issue,” Lavrov said.",
    "“100 per cent, 3.5%,” he said.",
    "“no no no no no,” he said.",
    "“to the of,” he said.",
    "‘’ «» „“",
    "\u200f\u0301\u00ad",
]
pieces = st.one_of(
    st.sampled_from(ODD_PIECES),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30),
)
bodies = st.lists(pieces, min_size=1, max_size=6).map(lambda parts: "\n\n".join(parts))
kinds = st.sampled_from(["txt", "html", "md"])
libraries = st.lists(st.tuples(kinds, bodies), min_size=1, max_size=4)


def _write(folder: Path, number: int, kind: str, body: str) -> None:
    if kind == "html":
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        text = f"<html><body>{paragraphs}</body></html>"
    else:
        text = body
    (folder / f"doc{number}.{kind}").write_text(text, encoding="utf-8")


WORD = re.compile(r"(?<!\w)[^\W\d_]{4,}(?!\w)")  # a whole word of letters


@given(files=libraries)
def test_a_library_of_odd_documents_imports_analyses_indexes_searches_and_exports(files):
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        (root / "in").mkdir()
        for number, (kind, body) in enumerate(files):
            _write(root / "in", number, kind, body)
        library = Library(root / "library", seed=False)
        report = library.import_paths([root / "in"])
        assert all(error.reason for error in report.errors)
        with Workspace(library) as workspace:
            documents = workspace.load()
            workspace.analyse()
            workspace.update_index()
            assert all(p.reason and p.stage for p in workspace.problems)
            failed = {p.doc for p in workspace.problems_of("index")}
            for document in documents:
                if document.id in failed:
                    continue
                found = WORD.search(document.body)
                if found is None:
                    continue
                result = workspace.search(found.group(), limit=50)
                assert result.error is None
                assert document.id in {hit.doc for hit in result.hits}
            annotated = [d for d in documents if d.body.strip()]
            for document in annotated:
                workspace.annotations.add(document, 0, len(document.body), note="odd")
            excerpts = build_report(
                documents, annotations=workspace.annotations.list(), analysis=workspace.analysis
            )
            assert excerpts.failed == []
            assert len(excerpts.excerpts) == len(annotated)
            if excerpts.excerpts:
                write_markdown(excerpts, root / "out.md")
                assert (root / "out.md").stat().st_size > 0
                pages = write_pdf(excerpts, root / "out.pdf")
                assert len(PdfReader(root / "out.pdf").pages) == pages
