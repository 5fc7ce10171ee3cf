"""Dates in the forms news pages print them, and only from lines that are mostly a date."""

from datetime import datetime, timedelta, timezone

import pytest

from reader.documents.dates import date_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("January 28, 2022", datetime(2022, 1, 28)),
        ("Jan. 5, 2021 9:05 p.m.", datetime(2021, 1, 5, 21, 5)),
        ("Thu, 01/27/2022 – 09:25", datetime(2022, 1, 27, 9, 25)),
        (
            "Updated 10:42 AM EST, Fri March 4, 2022",
            datetime(2022, 3, 4, 10, 42, tzinfo=timezone(timedelta(hours=-5))),
        ),
        ("Published: 3 February 2021", datetime(2021, 2, 3)),
        ("2022-01-27", datetime(2022, 1, 27)),
        ("28.01.2022", datetime(2022, 1, 28)),
        ("27/01/2022", datetime(2022, 1, 27)),
        ("28 de enero de 2022", datetime(2022, 1, 28)),
        ("28 janvier 2022 à 14h30", datetime(2022, 1, 28, 14, 30)),
        ("28. Januar 2022, 14:30 Uhr", datetime(2022, 1, 28, 14, 30)),
        ("28 января 2022 г.", datetime(2022, 1, 28)),
    ],
)
def test_date_lines_in_news_formats(line, expected):
    assert date_line(line) == expected


def test_iso_timestamps_keep_their_zone():
    moment = date_line("2022-01-27T09:25:00+03:00")
    assert moment is not None and moment.utcoffset() is not None and moment.hour == 9


@pytest.mark.parametrize(
    "line",
    [
        "— Jens Stoltenberg (@jensstoltenberg) January 26, 2022",
        "He said on January 28, 2022 that the talks would resume next week in Geneva.",
        "The 2014 agreement was signed by the four governments after long talks",
        "13/45/2022",
    ],
)
def test_dates_inside_sentences_tweets_or_nonsense_are_not_date_lines(line):
    assert date_line(line) is None


@pytest.mark.parametrize(
    ("line", "offset_hours"),
    [
        ("January 12, 2023 6:42 AM GMT", 0),
        ("12 January 2023 09:42 UTC+3", 3),
        ("Jan 12, 2023 1:42 AM EST", -5),
        ("Jan 12, 2023 10:42 PDT", -7),
    ],
)
def test_a_printed_time_zone_is_kept(line, offset_hours):
    moment = date_line(line)
    assert moment is not None
    assert moment.utcoffset() == timedelta(hours=offset_hours)


def test_a_zone_without_a_time_is_ignored():
    assert date_line("January 12, 2023 GMT") == datetime(2023, 1, 12)
