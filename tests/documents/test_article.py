"""Hostile and odd web pages (written for these tests): the article text, and only it, survives.

The pages live in tests/data/documents/web/: an ASP.NET page wrapped whole in a <form> under a
<body class="sidebar navigation-open">, an AMP page, a paywall stub, a print view, a frameset,
pages in Arabic (right to left) and Japanese, and a story followed by 36 teaser <article>s with a
table of numbers in it.
"""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from reader.cli import main
from reader.documents.loading import load_document
from tests.hardening.invariants import raw_text

WEB = Path(__file__).resolve().parents[1] / "data" / "documents" / "web"


def load(name: str):
    return load_document(WEB / f"{name}.html")


def test_a_page_wrapped_in_a_form_under_a_sidebar_body_keeps_its_story():
    doc = load("aspnet_form")
    assert doc.body.startswith("The harbour bridge reopened to traffic on Monday morning")
    assert "Cyclists will have a separate lane on the eastern side" in doc.body
    assert '"Drivers will notice a smoother crossing' in doc.body
    for furniture in ("Home", "Sport", "Copyright", "By Ruth", "VIEWSTATE"):
        assert furniture not in doc.body
    assert doc.title == "Harbour bridge reopens after repairs"
    assert doc.author == "Ruth Okonkwo"
    assert doc.url == "https://coastline.example/news/harbour-bridge-reopens"
    assert doc.published is None  # "Copyright 2023" is no publication date
    assert doc.warnings == []


def test_an_amp_page_gives_its_story_and_keeps_the_local_day_and_zone():
    doc = load("amp")
    assert len(doc.paragraphs()) == 4
    assert "Campaigners welcomed the return" in doc.body
    assert "Advertisement" not in doc.body and "Freight" not in doc.body
    # 21:40 in New York on 8 March is 9 March in UTC: the page's own day and zone stay
    assert doc.published == datetime(2024, 3, 8, 21, 40, tzinfo=timezone(timedelta(hours=-5)))
    assert doc.url == "https://railweekly.example/2024/03/08/night-trains-return"
    assert doc.title == "Night trains return to the northern line"


def test_a_paywall_stub_gives_its_teaser_without_the_pitch_and_says_why_it_is_short():
    doc = load("paywall")
    assert doc.body.startswith("When the owners of the Regal announced in January")
    for pitch in ("subscribers only", "Subscribe now", "Most read", "Flood warnings", "©"):
        assert pitch not in doc.body
    assert doc.author == "Tomás Rey"  # the declared author is a profile URL: the byline wins
    assert doc.url == "https://valleyledger.example/culture/last-cinema"
    assert any("readability" in w for w in doc.warnings)


def test_a_print_view_keeps_its_paragraphs_and_names_its_headline():
    doc = load("print_view")
    assert len(doc.paragraphs()) == 3
    assert "Close window" not in doc.body
    assert doc.title == "School meals to be free for all pupils"  # not "Print: …"


def test_a_frameset_gives_the_text_of_its_noframes_part_with_a_warning():
    doc = load("frames")
    assert "The county records office is open from nine until five" in doc.body
    assert "parish registers or maps older than 1850" in doc.body
    assert doc.warnings


def test_a_right_to_left_arabic_page_keeps_its_article_and_language():
    doc = load("arabic_rtl")
    assert doc.language == "ar"
    assert doc.title == "افتتاح مكتبة عامة جديدة في وسط المدينة"
    assert len(doc.paragraphs()) == 3
    assert "افتتحت البلدية يوم السبت مكتبة عامة جديدة" in doc.body
    for furniture in ("الرئيسية", "الأكثر قراءة", "ارتفاع أسعار", "جميع الحقوق"):
        assert furniture not in doc.body


def test_a_japanese_page_keeps_every_paragraph_though_it_has_no_spaces():
    doc = load("japanese")
    assert doc.language == "ja"
    assert doc.title == "駅前に新しい図書館が開館"
    assert doc.body.endswith("子ども向けの文化施設として来年の夏に再開する予定だという。")
    assert len(doc.paragraphs()) == 3
    for furniture in ("関連記事", "商店街で夏祭り", "ホーム", "Copyright"):
        assert furniture not in doc.body


def test_teaser_articles_captions_and_credits_go_while_table_numbers_stay():
    doc = load("teasers_table")
    assert "story number" not in doc.body and "short summary" not in doc.body
    assert "Image 1 of 5" not in doc.body and "Photograph" not in doc.body
    assert "More from the Tribune" not in doc.body
    paragraphs = [doc.body[start:end] for start, end in doc.paragraphs()]
    assert "Route | Daily crossings | Passengers" in paragraphs  # a row is one line
    assert "Harbour to North Isle | 14 | 2,310" in paragraphs
    assert "Harbour to South Isle | 9 | 1,145" in paragraphs
    assert doc.body.endswith("offered a refund or a place on another sailing, the operator said.")
    assert doc.title == "Ferry crews vote to strike over rotas"
    assert doc.author == "Priya Natarajan"  # not "…, Transport Correspondent"
    assert doc.published == datetime(2023, 6, 14)  # the printed date, not 0001-01-01
    assert doc.url == ""  # the page declares none


@pytest.mark.parametrize("name", sorted(p.stem for p in WEB.glob("*.html")))
def test_paragraphs_and_removed_lines_point_at_their_text_in_the_page(name):
    doc = load(name)
    page = raw_text(doc)
    starts = [doc.raw_offset(start) for start, _ in doc.paragraphs()]
    assert starts == sorted(starts)
    for (start, end), raw in zip(doc.paragraphs(), starts, strict=True):  # at its first word
        assert page[raw:].startswith(doc.body[start:end].split()[0])  # (tags may follow)
    for removed in doc.removed:
        assert page[removed.raw_start :].startswith(removed.text.split()[0])


def test_when_no_extractor_can_read_a_page_the_densest_prose_is_kept_with_a_warning(tmp_path):
    para = (
        "<p>The committee met for the fourth time this month to discuss the budget, and its"
        " members agreed on a plan for the new library.</p>"
    )
    nested = "<div>" * 30_000 + "<h1>Budget agreed</h1>" + para * 3 + "</div>" * 30_000
    page = f"<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>{nested}"
    path = tmp_path / "deep.html"  # too deep for lxml, which both extractors parse with
    path.write_text(page + "<footer>© 2024 Town Crier</footer></body></html>")
    doc = load_document(path)
    assert doc.warnings == ["no article found by the extractors: showing the densest text"]
    assert len(doc.paragraphs()) == 3 and doc.body.startswith("The committee met")
    assert "Home" not in doc.body and "©" not in doc.body
    assert doc.title == "Budget agreed"


def test_a_page_with_no_text_says_so(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title></head><body><div></div></body></html>")
    doc = load_document(path)
    assert doc.body == ""
    assert doc.warnings == ["the page holds no text"]


def test_list_and_show_json_carry_the_warnings(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_READER_HOME", str(tmp_path / "home"))
    assert main(["list", str(WEB / "frames.html"), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["documents"][0]
    assert main(["show", str(WEB / "frames.html"), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert listed["warnings"] == shown["warnings"] == load("frames").warnings != []
