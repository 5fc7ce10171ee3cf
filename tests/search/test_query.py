"""The query language on its own: parsing, repairs, messages, dates (no index needed)."""

from datetime import datetime

import pytest

from reader.search.query import Pattern, day_range, parse_query


@pytest.mark.parametrize(
    ("text", "readable"),
    [
        ("nato expansion", "nato AND expansion"),
        ("nato AND expansion", "nato AND expansion"),
        ("nato OR russia", "nato OR russia"),
        ("nato -cnn", "nato AND NOT cnn"),
        ("nato NOT cnn", "nato AND NOT cnn"),
        ("(nato OR russia) talks", "(nato OR russia) AND talks"),
        ('"main issue" lavrov', '"main issue" AND lavrov'),
        ("“main issue”", '"main issue"'),
        ("expan*", "expan*"),
        ("title:nato source:cnn author:tapper", "title:nato AND source:cnn AND author:tapper"),
        ("outlet:cnn", "source:cnn"),
        ('speaker:"sergei lavrov"', 'speaker:"sergei lavrov"'),
        ("title:(nato OR russia)", "title:nato OR title:russia"),
        ("in:quotes rush", "in:quotes AND rush"),
        ("date:2022-01-27..2022-01-29", "date:2022-01-27..2022-01-29"),
        ("date:2022-01-28", "date:2022-01-28"),
        ("after:2022-01-28", "date:2022-01-28.."),
        ("before:2022-01-28", "date:..2022-01-28"),
        ('date:"jan 28 2022"', "date:2022-01-28"),
        ("date:2022-01", "date:2022-01-01..2022-01-31"),
        ("10:30 well-known", "10:30 AND well-known"),
    ],
)
def test_queries_read_back_as_understood(text, readable):
    parsed = parse_query(text)
    assert parsed.error is None
    assert parsed.notes == []
    assert parsed.readable == readable


@pytest.mark.parametrize(
    ("text", "readable", "note"),
    [
        ('"main issue', '"main issue"', "closed the unclosed quotation mark"),
        ("(nato OR russia", "nato OR russia", "closed the unclosed parenthesis"),
        ("nato) russia", "nato AND russia", "ignored an unmatched closing parenthesis"),
        ("nato OR", "nato", "ignored an OR with nothing on one side"),
        ("nato NOT", "nato", "ignored a NOT with nothing after it"),
        ("title: nato", "nato", "ignored 'title:' with nothing after it"),
    ],
)
def test_malformed_queries_are_repaired_with_a_note(text, readable, note):
    parsed = parse_query(text)
    assert parsed.error is None
    assert parsed.readable == readable
    assert note in parsed.notes
    assert parsed.query is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour:red nato", "unknown field 'colour:'"),
        ("date:yesterdayish", "cannot read the date 'yesterdayish'"),
        ('date:"jan 28"', "has no year"),
        ("date:2022-02-01..2022-01-01", "ends before it starts"),
        ("date:..", "needs a date"),
        ("in:titles nato", "use in:quotes"),
        ("date:2022-13-45", "cannot read the date"),
    ],
)
def test_what_cannot_be_guessed_gives_a_message(text, message):
    parsed = parse_query(text)
    assert parsed.query is None
    assert parsed.error is not None and message in parsed.error


def test_unknown_field_message_lists_the_known_fields():
    error = parse_query("foo:bar").error or ""
    for name in ("title", "source", "author", "speaker", "date", "after", "before", "in"):
        assert name in error


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2022-01-28", datetime(2022, 1, 28), datetime(2022, 1, 29)),
        ("2022-01", datetime(2022, 1, 1), datetime(2022, 2, 1)),
        ("2022-12", datetime(2022, 12, 1), datetime(2023, 1, 1)),
        ("2022", datetime(2022, 1, 1), datetime(2023, 1, 1)),
        ("jan 28 2022", datetime(2022, 1, 28), datetime(2022, 1, 29)),
        ("28 January 2022", datetime(2022, 1, 28), datetime(2022, 1, 29)),
        ("February 2020", datetime(2020, 2, 1), datetime(2020, 3, 1)),
        ("2022/01/28", datetime(2022, 1, 28), datetime(2022, 1, 29)),
    ],
)
def test_dates_name_a_day_month_or_year(text, start, end):
    assert day_range(text) == (start, end)


def test_highlight_patterns_follow_the_positive_words_only():
    parsed = parse_query('"main issue" analysed -ignored title:nope speaker:lavrov expan*')
    assert parsed.patterns == [
        Pattern(terms=("main", "issu")),
        Pattern(terms=("analys",)),
        Pattern(prefixes=("expan",)),
    ]
    assert parsed.speakers == [("lavrov",)]
    assert [w.text for w in parsed.words] == ["analysed"]


def test_in_quotes_moves_plain_words_to_the_quotations():
    parsed = parse_query("in:quotes rush title:minister")
    assert parsed.patterns == [Pattern(terms=("rush",), in_quotes=True)]
    assert "quotes:rush" in str(parsed.query)
    assert "title:minist" in str(parsed.query)


def test_empty_and_punctuation_only_queries_have_no_query_and_no_error():
    for text in ("", "   ", "--", "“”"):
        parsed = parse_query(text)
        assert parsed.query is None
        assert parsed.error is None
