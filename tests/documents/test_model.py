"""The document's body is held compactly but read and assigned as the text it was given."""

import copy
import dataclasses
import pickle
import threading

from reader.documents.model import Document, PackedRemoved, RemovedLine

TEXTS = [
    "“We will not sign,” she said — at 4 p.m.",
    "Plain ASCII only.",
    "Zürich, Kraków and 東京: “ok”",
    "A lone surrogate \udcff from a badly encoded file, and 😀 beyond the BMP.",
    "",
]


def test_a_body_reads_back_exactly_as_given_whatever_its_characters():
    documents = [Document(id=str(n), path="", body=text) for n, text in enumerate(TEXTS)]
    for _ in range(2):  # read in turn, each read after another document's
        assert [d.body for d in documents] == TEXTS
    documents[0].body = documents[0].body.replace("not ", "")
    assert documents[0].body == "“We will sign,” she said — at 4 p.m."
    assert [d.body for d in documents[1:]] == TEXTS[1:]


def test_a_body_given_as_a_subclass_of_str_is_read_back_as_that_object():
    class Marked(str):
        pass

    body = Marked(TEXTS[0])
    document = Document(id="a", path="", body=body)
    assert document.body is body and document == Document(id="a", path="", body=TEXTS[0])


def test_removed_lines_read_back_exactly_as_given():
    lines = [RemovedLine(0, 9, text, reason) for text, reason in zip(TEXTS, "abcde", strict=True)]
    packed = PackedRemoved.of(lines)
    assert packed.lines() == lines
    assert packed == PackedRemoved.of(lines) != PackedRemoved.of(lines[:-1])
    assert PackedRemoved.of(()).lines() == []


def test_a_document_copied_pickled_or_replaced_keeps_its_body():
    document = Document(id="a", path="a.txt", title="T", body=TEXTS[0])
    for other in (
        pickle.loads(pickle.dumps(document)),
        copy.copy(document),
        copy.deepcopy(document),
        dataclasses.replace(document),
    ):
        assert other == document and other.body == TEXTS[0]
    assert dataclasses.replace(document, body=TEXTS[2]).body == TEXTS[2]
    assert document != dataclasses.replace(document, body=TEXTS[1])


def test_bodies_read_in_two_threads_at_once_are_each_their_own():
    wanted = [f"{TEXTS[n % len(TEXTS)]} ({n})" for n in range(40)]
    documents = [Document(id=str(n), path="", body=text) for n, text in enumerate(wanted)]
    wrong: list[int] = []

    def read() -> None:
        for _ in range(200):
            wrong.extend(n for n, d in enumerate(documents) if d.body != wanted[n])

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []
