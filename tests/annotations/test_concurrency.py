"""Re-anchoring and editing at once, on real threads and a real SQLite file: no edit is lost."""

import dataclasses
import threading

import pytest

from reader.annotations import AnnotationStore

WAIT = 30  # seconds; only reached when the other thread is stuck


class GatedText(str):
    """A document body that pauses the first reader until another thread says go.

    Re-anchoring reads the body to find each annotation again; holding that first read open
    lets the test make an edit land exactly between the store's read and its write.
    """

    reading: threading.Event
    go: threading.Event

    def __getitem__(self, key):  # type: ignore[override]
        if not self.reading.is_set():
            self.reading.set()
            assert self.go.wait(WAIT), "the editing thread never finished"
        return str.__getitem__(self, key)


def gated(text: str) -> GatedText:
    body = GatedText(text)
    body.reading, body.go = threading.Event(), threading.Event()
    return body


@pytest.mark.parametrize("same_store", [True, False], ids=["one store", "two connections"])
def test_note_edited_while_reanchoring_is_kept(tmp_path, article, same_store):
    doc = article()
    path = tmp_path / "a.sqlite"
    store = AnnotationStore(path)
    start = doc.body.index("deeply disappointed")
    made = store.add(doc, start, start + len("deeply disappointed"), note="first")
    editor_store = store if same_store else AnnotationStore(path)
    changed = dataclasses.replace(doc, body=gated("A new opening paragraph.\n\n" + doc.body))
    errors: list[BaseException] = []

    def reanchor() -> None:
        try:
            store.reanchor(changed)
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    def edit() -> None:
        try:
            assert changed.body.reading.wait(WAIT)
            editor_store.update(made.id, note="edited while re-anchoring", tags=["late"])
        except BaseException as error:
            errors.append(error)
        finally:
            changed.body.go.set()

    threads = [threading.Thread(target=reanchor), threading.Thread(target=edit)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT)
    assert not errors
    with AnnotationStore(path) as fresh:
        now = fresh.get(made.id)
    assert now.note == "edited while re-anchoring" and now.tags == ("late",)
    assert changed.body[now.start : now.end] == "deeply disappointed"
    assert now.start == start + len("A new opening paragraph.\n\n")
    store.close()
    if not same_store:
        editor_store.close()


def test_edits_and_reanchors_in_a_loop_all_survive(tmp_path, article):
    doc = article()
    path = tmp_path / "a.sqlite"
    words = ["council", "terminal", "Residents", "ferry captain", "identity", "Tom Reed"]
    with AnnotationStore(path) as store:
        ids = [store.add(doc, doc.body.index(w), doc.body.index(w) + len(w)).id for w in words]
    shifted = [dataclasses.replace(doc, body="x" * n + doc.body) for n in range(1, 30)]
    errors: list[BaseException] = []

    def reanchor() -> None:
        with AnnotationStore(path) as store:
            try:
                for version in shifted:
                    store.reanchor(version)
            except BaseException as error:
                errors.append(error)

    def edit() -> None:
        with AnnotationStore(path) as store:
            try:
                for round_ in range(20):
                    for annotation_id in ids:
                        store.update(annotation_id, note=f"round {round_}")
            except BaseException as error:
                errors.append(error)

    threads = [threading.Thread(target=reanchor), threading.Thread(target=edit)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT * 4)
    assert not errors
    last = shifted[-1].body
    with AnnotationStore(path) as store:
        for annotation_id, word in zip(ids, words, strict=True):
            now = store.get(annotation_id)
            assert now.note == "round 19"
            assert last[now.start : now.end] == word
