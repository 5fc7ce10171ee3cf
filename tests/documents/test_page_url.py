"""A saved page's own address: the browser's "saved from url=" comment, or a line of its own."""

import json

import pytest

from reader.annotations import AnnotationStore
from reader.annotations.importing import import_file
from reader.documents.loading import load_document
from reader.library import Library

STORY = (
    "Fares on the island ferries will rise by four percent from April, the operator said.\n"
    "Passengers will pay more for cars than for bicycles, the operator added on Tuesday.\n"
)


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (f"Ferry fares rise\n{STORY}Source: https://harbour.example/fares?id=3\n",
         "https://harbour.example/fares?id=3"),
        (f"Ferry fares rise\nhttps://harbour.example/fares\n\n{STORY}", "https://harbour.example/fares"),
        (f"Ferry fares rise\nURL: <https://harbour.example/fares>\n{STORY}", "https://harbour.example/fares"),
        (f"Ferry fares rise\n{STORY}Saved from https://harbour.example/fares\n", "https://harbour.example/fares"),
        (f"Ferry fares rise\n{STORY}More at https://harbour.example/other for readers.\n", ""),
        (f"Ferry fares rise\n{STORY}Online:\n\nhttp://poll.example.com.\n", ""),  # a reference
    ],
)  # fmt: skip
def test_a_text_page_keeps_the_address_on_a_line_of_its_own(tmp_path, text, url):
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    assert doc.url == url
    assert not url or url not in doc.body
    assert "Passengers will pay more" in doc.body


def test_an_address_deep_in_a_long_article_is_article_text(tmp_path):
    middle = "".join(f"Paragraph {n} of the story goes on about the ferries.\n" for n in range(8))
    path = tmp_path / "long.txt"
    path.write_text(f"Ferry fares rise\n{middle}https://harbour.example/fares\n{middle}")
    doc = load_document(path)
    assert doc.url == "" and "https://harbour.example/fares" in doc.body


def html(head: str, comment: str = "") -> str:
    return (
        f"<!DOCTYPE html>\n{comment}\n<html><head><title>Ferry fares rise</title>{head}</head>"
        f"<body><article><h1>Ferry fares rise</h1><p>{STORY}</p></article></body></html>"
    )


SAVED = "<!-- saved from url=(0029)https://harbour.example/fares -->"


@pytest.mark.parametrize(
    ("page", "url"),
    [
        (html("", SAVED), "https://harbour.example/fares"),
        (html('<link rel="canonical" href="https://harbour.example/c">', SAVED), "https://harbour.example/c"),
        (html('<meta property="og:url" content="https://harbour.example/og">', SAVED), "https://harbour.example/og"),
        (html("", "<!-- a comment that names https://harbour.example/fares -->"), ""),
    ],
)  # fmt: skip
def test_a_saved_html_page_keeps_its_saved_from_address_below_the_declared_ones(
    tmp_path, page, url
):
    path = tmp_path / "story.html"
    path.write_text(page, encoding="utf-8")
    assert load_document(path).url == url


def test_a_hypothesis_annotation_finds_a_text_page_by_its_address_line(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "fares.txt").write_text(
        f"Ferry fares rise\n{STORY}Source: https://www.harbour.example/fares\n", encoding="utf-8"
    )
    library = Library(tmp_path / "lib", seed=False)
    library.import_paths([src])
    rows = [
        {
            "uri": "https://harbour.example/fares/",
            "text": "The rise",
            "target": [
                {
                    "source": "https://harbour.example/fares/",
                    "selector": [{"type": "TextQuoteSelector", "exact": "four percent"}],
                }
            ],
        }
    ]
    path = tmp_path / "h.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    with AnnotationStore(library.annotations_path) as store:
        report = import_file(store, library, path)
        assert (report.added, report.unattached) == (1, [])
        [made] = store.list()
        doc = library.documents()[0]
        assert doc.body[made.start : made.end] == "four percent"
