"""The reader's header line says why an article is short or was found by a fallback."""

from __future__ import annotations

from pathlib import Path

from reader.documents.loading import load_document
from reader.ui.views.reader_view import ReaderView

WEB = Path(__file__).resolve().parents[1] / "data" / "documents" / "web"


def test_the_header_shows_the_documents_warnings(qtbot):
    view = ReaderView()
    qtbot.addWidget(view)
    document = load_document(WEB / "frames.html")
    view.show_document(document)
    assert document.warnings
    for warning in document.warnings:
        assert warning in view.meta.text()
    view.show_document(load_document(WEB / "amp.html"))
    assert view.meta.text() == "Rail Weekly · 2024-03-08"  # no warnings: the byline alone
