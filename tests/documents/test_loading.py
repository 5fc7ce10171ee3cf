"""Reading articles of several layouts into clean documents with the right metadata."""

from datetime import datetime
from pathlib import Path

import pytest

from reader.documents.loading import load_document, load_paths
from reader.errors import DocumentError
from tests.documents.conftest import (
    NAME_ABOVE_TIMESTAMP,
    TWEET_DATE_ONLY,
    WIRE,
    WORDPRESS,
    WRAPPED_MARKDOWN,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_wordpress_page_loses_menus_breadcrumbs_related_and_comment_prompts(write):
    doc = load_document(write("gazette.txt", WORDPRESS))
    assert doc.title == "Council votes to close the old ferry terminal"
    assert doc.author == "Maria Lopez"
    assert doc.published == datetime(2022, 3, 3)
    assert doc.source == "The Harbour Gazette"
    for furniture in [
        "Menu",
        "Politics",
        "Home ›",
        "12 Comments",
        "Related posts",
        "Ferry fares",
        "Tags:",
        "Leave a Reply",
        "Your email address",
        "All rights reserved",
    ]:
        assert furniture not in doc.body
    assert "“We cannot keep pouring money" in doc.body
    assert "“deeply disappointed”" in doc.body
    assert doc.body.startswith("The city council voted")


def test_wire_story_dateline_names_the_outlet_and_captions_go(write):
    doc = load_document(write("wire.txt", WIRE))
    assert doc.source == "Reuters"
    assert doc.title == "Grain exports resume after weeks of delay"
    assert doc.published is None
    assert "1:42" not in doc.body and "Back to top" not in doc.body
    assert '"The first ships left this morning' in doc.body


def test_name_above_a_timestamp_is_the_author_and_the_mission_blurb_is_the_outlet(write):
    doc = load_document(write("ledger.txt", NAME_ABOVE_TIMESTAMP))
    assert doc.author == "Jane Whitfield"
    assert doc.published == datetime(2022, 9, 15, 14, 5)
    assert doc.source == "The Ledger"
    assert "mission" not in doc.body and "Jane Whitfield" not in doc.body
    assert "“We are not declaring victory yet,”" in doc.body


def test_a_date_inside_an_embedded_tweet_is_not_the_publication_date(write):
    doc = load_document(write("tweet.txt", TWEET_DATE_ONLY))
    assert doc.published is None
    assert "— Prime Minister (@pm_office) February 6, 2022" in doc.body


def test_markdown_front_matter_and_hard_wrapped_paragraphs(write):
    doc = load_document(write("bridge.md", WRAPPED_MARKDOWN))
    assert (doc.title, doc.author, doc.source) == (
        "Bridge reopens after repairs",
        "Sam Okafor",
        "Valley Courier",
    )
    assert doc.published == datetime(2021, 11, 2)
    paragraphs = [doc.body[s:e] for s, e in doc.paragraphs()]
    assert paragraphs[0].startswith("The old river bridge") and paragraphs[0].endswith("on it.")
    assert '"It was worth every penny," the mayor said, cutting the ribbon in front of' in doc.body
    assert "title:" not in doc.body and "#" not in doc.body


def test_clean_offsets_map_back_to_the_raw_text(write):
    doc = load_document(write("gazette.txt", WORDPRESS))
    for start, end in doc.paragraphs():
        first_word = doc.body[start:end].split()[0]
        raw = doc.raw_offset(start)
        assert WORDPRESS[raw : raw + len(first_word)] == first_word


@pytest.mark.parametrize("encoding", ["cp1251", "utf-16", "utf-8-sig"])
def test_encodings_read_into_the_same_document(write, encoding):
    text = (
        "Переговоры в Женеве\n"
        "Министр иностранных дел заявил журналистам, что переговоры в Женеве прошли трудно, "
        "но стороны договорились встретиться снова через две недели.\n"
        "«Мы не торопимся с выводами», — сказал он.\n"
    )
    doc = load_document(write(f"ru-{encoding}.txt", text, encoding))
    assert doc.title == "Переговоры в Женеве"
    assert "«Мы не торопимся с выводами»" in doc.body
    assert doc.language == "ru"


def test_sidecar_metadata_overrides_what_the_text_says(write, tmp_path):
    path = write("ledger.txt", NAME_ABOVE_TIMESTAMP)
    (tmp_path / "ledger.meta.json").write_text(
        '{"author": "J. Whitfield", "published": "2022-09-16"}'
    )
    doc = load_document(path)
    assert doc.author == "J. Whitfield" and doc.published == datetime(2022, 9, 16)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
        (b"\x1f\x8b\x08\x00junk", "binary"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=reason):
        load_document(path)


def test_folders_are_read_recursively_and_failures_do_not_stop_the_rest(write, tmp_path):
    write("gazette.txt", WORDPRESS)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "wire.txt").write_text(WIRE)
    (tmp_path / "sub" / "broken.txt").write_bytes(b"\x00" * 100)
    (tmp_path / "sub" / "ignored.pdf").write_bytes(b"%PDF")
    documents, errors = load_paths([tmp_path, tmp_path / "missing.txt"])
    assert sorted(Path(d.path).name for d in documents) == ["gazette.txt", "wire.txt"]
    assert sorted(Path(e.path).name for e in errors) == ["broken.txt", "missing.txt"]


def test_seeds_read_with_their_stated_metadata():
    documents, errors = load_paths([SEEDS])
    assert not errors and len(documents) == 5
    by_name = {Path(d.path).name[:3]: d for d in documents}
    assert by_name["000"].author == "Daniel D. Burke"
    assert by_name["000"].source == "Texecutions"
    assert by_name["002"].source == "CNN"
    assert by_name["004"].source == "Zero Hedge" and by_name["004"].author == "Tyler Durden"
    assert by_name["001"].published is None  # only an embedded tweet carries a date
    assert by_name["003"].published == datetime(2022, 1, 29)


def test_front_matter_gives_the_page_url_and_a_placeholder_date_is_dropped(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Ferry fares rise\nurl: https://harbour.example/fares\n"
        "date: 0001-01-01\nauthor: By Maria Lopez, Staff Writer\n---\n\n"
        "Fares on the island ferries will rise by four percent from April, the operator said.\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert doc.url == "https://harbour.example/fares"
    assert doc.published is None
    assert doc.author == "Maria Lopez"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "one.html",
            "<html><body><p>Ferry fares rise by a tenth, the operator said.</p></body></html>",
        ),
        ("one.txt", "Ferry fares rise by a tenth, the operator said.\n"),
        ("titled.html", "<html><head><title>Fares up</title></head><p>Fares up</p></html>"),
    ],
)
def test_a_page_whose_only_text_is_its_headline_keeps_it_as_the_body(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = load_document(path)
    assert document.body and document.body in text
    assert document.title == document.body


def test_assigning_a_field_of_a_document_counts_as_an_edit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Harbour strike ends.\n\nWorkers return on Monday.", encoding="utf-8")
    document = load_document(path)
    before = document.edits
    document.body += "\n\nA correction."
    document.title = "Strike ends"
    assert document.edits == before + 2
    again = load_document(path)
    again.body, again.title = document.body, document.title
    assert again == document  # the count is not part of what a document is


def test_a_live_blog_s_time_stamped_heading_stays_a_line_of_its_own(write):
    text = (
        "Election night live\n\n"
        "02:05 – Mood darkens in Alliance camp\n"
        "Peter Loughlin again, and it's a rather different tone from two hours ago:\n\n"
        "14:30 | Turnout figures are in and they are higher than at any vote since 1990\n"
        "The count goes on.\n"
    )
    doc = load_document(write("live.txt", text))
    paragraphs = [doc.body[s:e] for s, e in doc.paragraphs()]
    assert "02:05 – Mood darkens in Alliance camp" in paragraphs
    assert paragraphs[paragraphs.index("02:05 – Mood darkens in Alliance camp") + 1].startswith(
        "Peter Loughlin again"
    )
