"""Searching a small real index: which documents each query form finds, and what it marks."""

import threading

import pytest

from reader.search import SearchIndex
from tests.search.conftest import make_doc


def ids(result):
    return {hit.doc for hit in result.hits}


def marked(result, news, doc_id):
    body = next(d.body for d in news if d.id == doc_id)
    hit = next(h for h in result.hits if h.doc == doc_id)
    return [body[a:b] for a, b in hit.spans]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("issue", {"d1", "d2", "d3"}),
        ("main issue", {"d1", "d2", "d3"}),
        ('"main issue"', {"d1", "d3"}),
        ('"the main issue is"', {"d3"}),
        ("issue -inflation", {"d1", "d2"}),
        ("inflation OR spokesman", {"d2", "d3"}),
        ("(inflation OR spokesman) talks", {"d2"}),
        ("NOT issue", {"d4"}),
        ("analyse", {"d1", "d3"}),
        ("expan*", {"d2", "d4"}),
        ("title:talks", {"d2"}),
        ("title:lavrov", {"d1"}),
        ("lavrov", {"d1"}),
        ("source:cnn", {"d2"}),
        ('source:"daily planet"', {"d1", "d3"}),
        ("outlet:planet -markets", {"d1"}),
        ("author:kent", {"d3"}),
        ("speaker:lavrov", {"d1"}),
        ('speaker:"janet yellen"', {"d3"}),
        ("in:quotes", {"d1", "d3"}),
        ("in:quotes issue", {"d3"}),
        ("in:quotes rush", {"d1"}),
        ("in:quotes minister", set()),
        ("date:2022-01-28", {"d2"}),
        ("date:2022-01-27..2022-01-28", {"d1", "d2"}),
        ("date:2022-01-28..", {"d2", "d3"}),
        ("date:..2022-01-28", {"d1", "d2"}),
        ("after:2022-01-28", {"d2", "d3"}),
        ("before:2022-01-28", {"d1", "d2"}),
        ('date:"jan 29 2022"', {"d3"}),
        ("date:2022-01", {"d1", "d2", "d3"}),
        ("date:2021", set()),
        ("issue date:2022-01-28..2022-01-29 source:planet", {"d3"}),
    ],
)
def test_each_query_form_finds_exactly_the_right_documents(index, query, expected):
    result = index.search(query)
    assert result.error is None, result.error
    assert ids(result) == expected
    assert result.total == len(expected)


def test_phrase_hits_mark_only_the_phrase(index, news):
    result = index.search('"main issue"')
    body = news[0].body
    assert marked(result, news, "d1") == ["main issue"]
    # d1 has "main issue" once; "issue" alone never appears elsewhere in it, but "the" does:
    (start, end) = next(h for h in result.hits if h.doc == "d1").spans[0]
    assert body.index("main issue") == start and end == start + len("main issue")
    # d2 has both words, not as the phrase: it is not a hit at all.
    assert "d2" not in ids(result)


def test_words_mark_every_occurrence_and_stemmed_forms(index, news):
    result = index.search("analyse issue")
    assert marked(result, news, "d1") == ["issue", "analysed"]
    assert marked(result, news, "d3") == ["issue", "analyse"]


def test_prefix_marks_the_words_it_matched(index, news):
    result = index.search("expan*")
    assert marked(result, news, "d2") == ["expansion"]
    assert marked(result, news, "d4") == ["expanding"]


def test_in_quotes_marks_only_inside_quotations(index, news):
    result = index.search("in:quotes issue")
    assert marked(result, news, "d3") == ["issue"]
    hit = result.hits[0]
    body = news[2].body
    quote_start = body.index("“") + 1
    assert quote_start <= hit.spans[0][0] < body.index("”")


def test_speaker_queries_mark_the_speakers_quotations(index, news):
    result = index.search("speaker:lavrov")
    assert marked(result, news, "d1") == ["We will not rush,"]


def test_snippets_mark_matches_and_escape_the_document(index):
    result = index.search("bold claims")
    (snippet,) = result.hits[0].snippets
    assert "<b>" not in snippet
    assert "&lt;b&gt;<mark>bold</mark>&lt;/b&gt;" in snippet
    assert "<mark>claims</mark> &amp; other" in snippet


def test_metadata_only_queries_give_the_opening_as_snippet(index):
    hit = index.search("source:cnn").hits[0]
    assert hit.spans == []
    assert hit.snippets[0].startswith("The issue is the main one")


def test_hits_carry_the_document_metadata(index):
    hit = index.search("inflation").hits[0]
    assert (hit.doc, hit.path, hit.title, hit.source) == (
        "d3",
        "/news/d3.txt",
        "Markets fall on inflation fears",
        "Daily Planet",
    )
    assert hit.published == "2022-01-29T18:00:00"
    assert hit.score > 0


def test_sort_by_date_puts_newest_first_and_undated_last(index):
    result = index.search("NOT nothingatall", sort="date")
    assert [h.doc for h in result.hits] == ["d3", "d2", "d1", "d4"]


def test_date_filter_with_date_sort(index):
    result = index.search("date:2022-01-27..2022-01-29", sort="date")
    assert [h.doc for h in result.hits] == ["d3", "d2", "d1"]
    assert result.total == 3
    assert index.search("date:2021", sort="date").total == 0


def test_limit_keeps_the_total(index):
    result = index.search("issue", limit=1)
    assert len(result.hits) == 1
    assert result.total == 3


def test_did_you_mean_suggests_a_close_word_that_finds_something(index):
    result = index.search("inflaton markets")
    assert result.total == 0
    assert result.suggestion == "inflation markets"
    assert index.search(result.suggestion).total == 1


def test_did_you_mean_gives_words_as_written_not_stems(index):
    result = index.search("talks resme")
    assert result.suggestion == "talks resume"


def test_no_suggestion_when_nothing_close_exists(index):
    result = index.search("zzzzqqqq")
    assert (result.total, result.suggestion) == (0, None)


def test_no_suggestion_when_words_exist_but_not_together(index):
    result = index.search("inflation spokesman")
    assert (result.total, result.suggestion) == (0, None)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("colour:red", "unknown field"),
        ("date:someday", "cannot read the date"),
    ],
)
def test_bad_queries_answer_with_a_message(index, query, message):
    result = index.search(query)
    assert result.hits == [] and result.total == 0
    assert message in result.error


def test_repaired_queries_still_search_and_say_what_was_repaired(index):
    result = index.search('"main issue')
    assert result.error is None
    assert ids(result) == {"d1", "d3"}
    assert result.notes == ["closed the unclosed quotation mark"]
    assert result.parsed == '"main issue"'


def test_unknown_sort_is_a_message(index):
    assert "unknown sort" in index.search("issue", sort="size").error


def test_empty_index_and_empty_query_answer_nothing(tmp_path):
    empty = SearchIndex(tmp_path / "none")
    result = empty.search("anything")
    assert (result.total, result.hits, result.error) == (0, [], None)
    assert empty.search("").total == 0


def test_searching_from_many_threads_while_updating(index, news, analysis):
    errors, totals = [], []

    def searcher():
        try:
            for _ in range(15):
                result = index.search('"main issue" OR analyse')
                totals.append(result.total)
                assert result.error is None
        except Exception as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=searcher) for _ in range(4)]
    for thread in threads:
        thread.start()
    changed = [*news[:3], news[3].__class__(**{**_fields(news[3]), "body": "expanding, analysed"})]
    index.update(changed, quotes=analysis)
    for thread in threads:
        thread.join()
    assert errors == []
    assert set(totals) <= {2, 3}
    assert index.search('"main issue" OR analyse').total == 3


def _fields(doc):
    return {name: getattr(doc, name) for name in doc.__dataclass_fields__}


def test_not_excludes_a_document_whose_excluded_word_comes_after_an_earlier_one(tmp_path):
    index = SearchIndex(tmp_path / "ix")
    index.update(
        [
            make_doc("x1", "A ferry only."),
            make_doc("x2", "The harbour ferry."),
            make_doc("x3", "The harbour strike."),
            make_doc("x4", "Harbour and ferry again."),
        ]
    )
    for query in ("harbour -ferry", "harbour NOT ferry", "(harbour -ferry) OR nothing"):
        for sort in ("relevance", "date"):
            result = index.search(query, sort=sort)
            assert (result.total, [h.doc for h in result.hits]) == (1, ["x3"]), (query, sort)


def test_words_marked_with_asterisks_are_found_as_words(tmp_path):
    index = SearchIndex(tmp_path / "ix")
    index.update(
        [
            make_doc("a", "The *harbour* strike goes on, **ferry** crews said."),
            make_doc("b", "Fares rose by a third this year.*\n\n*Figures from the port."),
        ]
    )
    assert [h.doc for h in index.search("harbour").hits] == ["a"]
    assert [h.doc for h in index.search('"ferry crews"').hits] == ["a"]
    assert [h.doc for h in index.search("year").hits] == ["b"]
    assert [h.doc for h in index.search("figur*").hits] == ["b"]
    body = "The *harbour* strike goes on, **ferry** crews said."
    assert [body[a:b] for a, b in index.search("harbour OR ferry").hits[0].spans] == [
        "harbour",
        "ferry",
    ]
