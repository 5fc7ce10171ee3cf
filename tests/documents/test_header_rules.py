"""The page-header rules on small articles written for them: site name, menus, bylines."""

from __future__ import annotations

from reader.documents.loading import load_document

BODY = (
    "Hundreds of people were moved from their homes overnight as the river burst its banks in "
    "three places after a week of heavy rain.\n\nMore rain is forecast for the weekend, officials "
    "said on Friday evening after an emergency meeting.\n"
)


def _load(tmp_path, text):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def test_a_site_name_and_its_menu_above_the_headline_are_furniture(tmp_path):
    page = "Valley Courier\n\nWeather\nSport\n\nRiver bursts its banks in three places\n\n" + BODY
    document = _load(tmp_path, page)
    assert (document.source, document.title) == (
        "Valley Courier",
        "River bursts its banks in three places",
    )
    assert "Weather" not in document.body
    assert {r.reason for r in document.removed} >= {"site", "menu"}


def test_a_short_headline_is_not_mistaken_for_a_site_name(tmp_path):
    document = _load(tmp_path, "Floods hit Times Square\n\n" + BODY)
    assert document.title == "Floods hit Times Square"
    assert document.source == ""


def test_the_footer_names_the_outlet_when_the_header_does_not(tmp_path):
    document = _load(tmp_path, "Floods return\n\n" + BODY + "\n© 2023 Городские вести.\n")
    assert document.source == "Городские вести"


def test_a_job_title_after_the_byline_is_not_part_of_the_name(tmp_path):
    for byline in (
        "By Sarah Collins, environment correspondent",
        "By Sarah Collins, Chief Reporter",
    ):
        document = _load(tmp_path, f"River bursts its banks again\n\n{byline}\n\n" + BODY)
        assert document.author == "Sarah Collins"
    document = _load(
        tmp_path, "River bursts its banks again\n\nBy Ana Lima and Tom Reed\n\n" + BODY
    )
    assert document.author == "Ana Lima, Tom Reed"


def test_relative_timestamps_and_social_prompts_are_furniture(tmp_path):
    page = (
        "River bursts its banks again\n\nUpdated 2 hours ago\n\n"
        + BODY
        + "\nFollow Valley Courier on Facebook and Instagram\n"
    )
    document = _load(tmp_path, page)
    assert "ago" not in document.body and "Facebook" not in document.body


def test_a_dateline_with_a_date_names_the_agency(tmp_path):
    document = _load(tmp_path, "River bursts its banks again\n\nLONDON, Jan 12 (Reuters) - " + BODY)
    assert document.source == "Reuters"


def test_a_site_name_over_a_menu_bar_is_the_outlet_whatever_its_name(tmp_path):
    for menu in ("World | Business | Markets | Sign in", "Home   About   Archive   Contact"):
        document = _load(
            tmp_path, f"The Lantern\n{menu}\n\nRiver bursts its banks again\n\n" + BODY
        )
        assert (document.source, document.title) == ("The Lantern", "River bursts its banks again")
        assert "Business" not in document.body and "Archive" not in document.body


def test_bylines_that_give_the_job_title_without_by(tmp_path):
    for byline in ("Diplomatic Editor Rosalind Avery", "Rosalind Avery, Diplomatic Editor"):
        page = f"River bursts its banks again\n\n{byline}\nTuesday 5 March 2024 9:12 am\n\n" + BODY
        document = _load(tmp_path, page)
        assert document.author == "Rosalind Avery"
        assert document.published_iso == "2024-03-05T09:12:00"
        assert byline not in document.body


def test_a_line_of_date_byline_and_counter_parts_is_metadata(tmp_path):
    page = "River bursts its banks again\n\nMarch 6, 2024 | by Niels Brun | 14 comments\n\n" + BODY
    document = _load(tmp_path, page)
    assert (document.author, document.published_iso) == ("Niels Brun", "2024-03-06")
    assert "comments" not in document.body


def test_tagline_and_section_kicker_are_not_the_headline(tmp_path):
    page = (
        "Harbour Notes\nA weekly letter about the port\n\nHome | Shipping | Archive | Contact\n\n"
        "OPINION\n\nWhy the dock strike will last into spring\n\nBy Ana Lima\nMay 2, 2024\n\n"
    )
    document = _load(tmp_path, page + BODY)
    assert document.title == "Why the dock strike will last into spring"
    assert document.source == "Harbour Notes"
    assert not {"weekly letter", "OPINION"} & set(document.body.split("\n\n"))
    reasons = {r.text: r.reason for r in document.removed}
    assert reasons["A weekly letter about the port"] == "tagline"
    assert reasons["OPINION"] == "kicker"


def test_a_name_over_a_job_line_over_a_date_is_the_byline(tmp_path):
    page = "River bursts its banks again\n\nTom Reed\nTransport correspondent, Valley Radio\n4 May 2024\n\n"
    document = _load(tmp_path, page + BODY)
    assert (document.author, document.published_iso) == ("Tom Reed", "2024-05-04")
    assert "correspondent" not in document.body


def test_a_date_beside_issue_and_reading_time_is_metadata(tmp_path):
    page = "River bursts its banks again\n\nPublished online June 3, 2024 · From the July 2024 issue · 9 min read\n\n"
    document = _load(tmp_path, page + BODY)
    assert document.published_iso == "2024-06-03"
    assert "issue" not in document.body


def test_a_translator_note_after_the_byline_is_not_part_of_the_name(tmp_path):
    page = "River bursts its banks again\n\nBy Léa Moreau. Translated by our desk\n\n"
    assert _load(tmp_path, page + BODY).author == "Léa Moreau"
    page = "River bursts its banks again\n\nBy J. R. Hartley\n\n"
    assert _load(tmp_path, page + BODY).author == "J. R. Hartley"


def test_blog_comment_headers_captions_and_keywords_are_furniture(tmp_path):
    tail = (
        '\n3 thoughts on "River bursts its banks again"\n\nKeywords: floods, river, weather\n\n'
        "Proudly powered by WordPress\n"
    )
    page = "River bursts its banks again\n\nMedia caption, The river at dawn\n\n" + BODY + tail
    body = _load(tmp_path, page).body
    for furniture in ("thoughts on", "Keywords", "WordPress", "Media caption"):
        assert furniture not in body


def test_short_link_lines_above_the_headline_are_menus(tmp_path):
    page = (
        "THE LANTERN\n\nNews  Sport  Money  Opinion\n\nSign in | Subscribe\n\nNEWS › COURTS\n\n"
        "Judge jails former mayor for six years\n\nBy Ana Lima\nMay 2, 2024\n\n"
    )
    document = _load(tmp_path, page + BODY)
    assert document.title == "Judge jails former mayor for six years"
    assert "Sign in" not in document.body and "COURTS" not in document.body


def test_more_byline_forms(tmp_path):
    forms = {
        "From our court reporter Jana Weiss\n11.03.2025, 19:20": "Jana Weiss",
        "Sam Okafor and Nina Brandt\nTuesday 11 March 2025": "Sam Okafor, Nina Brandt",
        "Posted by Big Col on October 2, 2025 at 11:14 pm | 47 comments": "Big Col",
    }
    for byline, author in forms.items():
        document = _load(tmp_path, f"River bursts its banks again\n\n{byline}\n\n" + BODY)
        assert document.author == author
        assert document.published is not None
        assert byline.split("\n")[0] not in document.body


def test_an_author_element_in_html_names_the_author(tmp_path):
    page = (
        "<html><body><article><h1>River bursts its banks again</h1>"
        '<p class="meta"><span class="author">Owen Pritchard</span> &middot; '
        '<span class="role">Sports reporter</span></p>'
        f"<p>{BODY}</p></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page)
    assert load_document(path).author == "Owen Pritchard"


def test_key_points_before_the_article_stay_but_a_trailing_copyright_goes(tmp_path):
    page = (
        "River bursts its banks again\n\nBy Ana Lima\n\nKey points\n"
        "- Three villages were evacuated overnight\n- More rain is expected on Sunday\n\n"
        + BODY
        + "\nValley Courier is part of Dale Media Group. © 2025\n"
    )
    body = _load(tmp_path, page).body
    assert "Three villages were evacuated overnight" in body
    assert "Dale Media" not in body
