"""Declared metadata cleaned: headlines, authors' names, publication dates."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from reader.documents.declared import headline, person_names, plausible, publication_date


@pytest.mark.parametrize(
    ("title", "site", "printed", "expected"),
    [
        ("Opinion | The river is rising", "", (), "The river is rising"),
        ("The river is rising | Valley Post", "Valley Post", (), "The river is rising"),
        ("World News – Talks collapse in the capital – The Daily Ledger", "", (), None),
        ("Valley Post: The river is rising", "", ["The river is rising"], "The river is rising"),
        ("Trump: I will not resign", "", (), "Trump: I will not resign"),
        ("Winners and losers - a year on", "", (), "Winners and losers - a year on"),
    ],
)
def test_headline_drops_site_and_section_parts_only(title, site, printed, expected):
    assert headline(title, site, printed) == (expected or "Talks collapse in the capital")


@pytest.mark.parametrize(
    ("field", "names"),
    [
        ("https://www.facebook.com/jane.doe", ""),
        ("By Jane Doe", "Jane Doe"),
        ("Jane Doe, Senior Correspondent", "Jane Doe"),
        ("Jeff Foust Monday, November 18, 2019", "Jeff Foust"),
        ("Analysis by Chris Hale", "Chris Hale"),
        ("Rachel Link, MS, RD", "Rachel Link"),
        ("Ana Ruiz; https://twitter.com/anaruiz; Ana Ruiz", "Ana Ruiz"),
        ("Lisa Marsh and Tom Reed", "Lisa Marsh, Tom Reed"),
        ("Иван Петров и Анна Смирнова", "Иван Петров, Анна Смирнова"),
    ],
)
def test_person_names_keeps_people_only(field, names):
    assert person_names(field) == names


def test_an_author_field_repeating_the_headline_is_no_name():
    assert person_names("Night Trains Return", "Night trains return") == ""


def test_placeholder_and_future_dates_are_no_dates():
    assert plausible(datetime(1, 1, 1)) is None
    assert plausible(datetime(1970, 1, 1, tzinfo=UTC)) is None
    assert plausible(datetime.now(UTC) + timedelta(days=30)) is None
    assert plausible(datetime(2021, 5, 4)) == datetime(2021, 5, 4)


def test_the_declared_time_keeps_its_zone_on_the_pages_own_day():
    zone = timezone(timedelta(hours=-5))
    assert publication_date("2024-03-08T21:40:00-05:00", "2024-03-08") == datetime(
        2024, 3, 8, 21, 40, tzinfo=zone
    )


def test_a_utc_time_on_the_next_day_gives_way_to_the_pages_day():
    assert publication_date("2019-11-20T02:24:00Z", "2019-11-19") == datetime(2019, 11, 19)


def test_a_placeholder_declared_date_falls_back_to_the_pages_day():
    assert publication_date("0001-01-01T00:00:00Z", "2023-06-14") == datetime(2023, 6, 14)
    assert publication_date("0001-01-01T00:00:00Z", "") is None
