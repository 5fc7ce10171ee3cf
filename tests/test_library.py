"""The library folder: seeded on first use, copies on import, updates, metadata edits, cache."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import reader.library as library_module
from reader.errors import LibraryError
from reader.library import Library

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ARTICLE = (
    "Port strike enters second week\nDock workers extended their strike into a second week "
    "on Monday, leaving dozens of ships waiting offshore.\n“We will stay out until the "
    "offer improves,” the union leader said.\n"
)
UNTITLED = '<html><body><img src="strike.png" alt=""></body></html>'  # no title, no text


def test_a_new_library_starts_with_the_bundled_seeds(tmp_path):
    library = Library(tmp_path / "lib")
    names = sorted(Path(d.path).name for d in library.documents())
    assert names == sorted(p.name for p in SEEDS.iterdir())


def test_import_copies_files_and_reimporting_a_changed_original_updates_the_copy(tmp_path):
    library = Library(tmp_path / "lib", seed=False)
    original = tmp_path / "in" / "strike.txt"
    original.parent.mkdir()
    original.write_text(ARTICLE, encoding="utf-8")
    report = library.import_paths([original.parent])
    assert report.added == ["in/strike.txt"] and not report.errors
    (doc,) = library.documents()
    assert doc.title == "Port strike enters second week"
    assert Path(doc.path).is_relative_to(library.documents_dir)

    original.write_text(ARTICLE.replace("second week", "third week"), encoding="utf-8")
    assert library.refresh().updated == ["in/strike.txt"]
    (updated,) = library.documents()
    assert updated.id == doc.id and updated.title == "Port strike enters third week"
    assert library.import_paths([original]).unchanged == ["in/strike.txt"]

    original.unlink()  # the copy outlives the original
    assert library.documents()[0].title == "Port strike enters third week"


def test_import_reports_bad_files_and_keeps_the_good_ones(tmp_path):
    library = Library(tmp_path / "lib", seed=False)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\xff" * 64)
    report = library.import_paths([good, bad, tmp_path / "nowhere"])
    assert report.added == ["good.txt"]
    assert sorted(Path(e.path).name for e in report.errors) == ["bad.txt", "nowhere"]
    assert not (library.documents_dir / "bad.txt").exists()


def test_metadata_edits_persist_across_library_instances(tmp_path):
    library = Library(tmp_path / "lib")
    doc = library.documents()[1]
    library.set_metadata(doc, {"author": "Desk Editor", "published": "2022-01-27"})
    again = Library(tmp_path / "lib").find(doc.id)
    assert again is not None and again.author == "Desk Editor"
    assert again.published_iso == "2022-01-27"


def test_a_corrupt_parse_cache_is_ignored(tmp_path):
    library = Library(tmp_path / "lib")
    count = len(library.documents())
    (library.cache_dir / "documents.pickle").write_bytes(b"not a pickle")
    assert len(Library(tmp_path / "lib").documents()) == count


def test_same_file_names_from_different_folders_do_not_collide(tmp_path):
    library = Library(tmp_path / "lib", seed=False)
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(ARTICLE.replace("Port", folder.upper()))
    library.import_paths([tmp_path / "a" / "story.txt"])
    library.import_paths([tmp_path / "b" / "story.txt"])
    titles = sorted(d.title for d in library.documents())
    assert titles == ["A strike enters second week", "B strike enters second week"]
    assert len(json.loads((library.root / "sources.json").read_text())) == 2


def test_find_by_id_prefix_copy_path_and_original_path(tmp_path):
    library = Library(tmp_path / "lib", seed=False)
    original = tmp_path / "strike.txt"
    original.write_text(ARTICLE)
    library.import_paths([original])
    (doc,) = library.documents()
    assert library.find(doc.id) is doc
    assert library.find(doc.id[:6]) is doc
    assert library.find(doc.path) is doc
    assert library.find(str(original)) is doc
    assert library.find("nothing-like-this") is None


def test_a_second_window_on_one_library_is_refused_until_the_first_ends(tmp_path):
    library = Library(tmp_path / "lib", seed=False)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from reader.library import Library; "
            "held = Library(sys.argv[1], seed=False); held.claim(); print('held', flush=True); sys.stdin.read()",
            str(library.root),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(
        LibraryError, match=f"already open in another Source Reader window \\(pid {holder.pid}\\)"
    ):
        library.claim()
    holder.kill()  # even a killed holder releases the library
    holder.wait()
    library.claim()


def test_import_reports_progress_and_stops_when_asked_keeping_what_it_copied(tmp_path):
    import threading

    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(240):
        (folder / f"a{number:03}.txt").write_text(ARTICLE.replace("second", f"day {number}"))
    library = Library(tmp_path / "lib", seed=False)
    abort = threading.Event()
    seen: list[tuple[float, str]] = []

    def progress(fraction: float, message: str) -> None:
        seen.append((fraction, message))
        if fraction >= 0.4:
            abort.set()

    report = library.import_paths([folder], progress, abort)
    assert report.cancelled and 100 <= len(report.added) < 240
    assert seen[0] == (0.0, "0 of 240 files") and "100 of 240 files" in [m for _, m in seen]
    assert len(library.documents()) == len(report.added)
    again = library.import_paths([folder])
    assert not again.cancelled and len(again.added) == 240 - len(report.added)


def test_the_load_after_an_import_parses_no_file_and_gives_what_reading_the_copies_gives(
    tmp_path, monkeypatch
):
    library = Library(tmp_path / "lib", seed=False)
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        (folder / "untitled_note.html").write_text(UNTITLED, encoding="utf-8")
    (first / "strike.txt").write_text(ARTICLE, encoding="utf-8")
    (first / "strike.txt.meta.json").write_text('{"author": "Desk"}', encoding="utf-8")
    library.import_paths([first / "untitled_note.html"])
    library.set_metadata(library.documents()[0], {"title": "Edited in the library"})
    parsed = []
    real = library_module.read_document
    monkeypatch.setattr(
        library_module, "read_document", lambda *a, **k: parsed.append(a[0]) or real(*a, **k)
    )
    first_note = first / "untitled_note.html"
    first_note.write_text(UNTITLED.replace("strike", "ships"), encoding="utf-8")
    report = library.import_paths([first_note, first / "strike.txt", second / first_note.name])
    assert sorted(report.added) == ["strike.txt", "untitled_note-2.html"]
    assert report.updated == ["untitled_note.html"]
    parsed.clear()
    imported = library.documents()
    # only the updated copy keeping its own metadata edits is read again
    assert [Path(p).name for p in parsed] == ["untitled_note.html"]
    assert {d.title for d in imported} >= {"Edited in the library", "untitled note-2"}

    (library.cache_dir / "documents.pickle").unlink()
    monkeypatch.undo()
    assert Library(library.root, seed=False).documents() == imported
