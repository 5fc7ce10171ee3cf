"""Hostile files: each is refused with a one-line reason or read safely; the rest still loads."""

from __future__ import annotations

import gzip
import json
import os
import sys

import pytest

from reader.cli import main
from reader.documents.loading import load_document, load_paths
from reader.library import Library

ARTICLE = "Strike enters second week\n\nBy Ana Lima\n\n“We will not move,” Lima said.\n"


def test_binary_and_compressed_files_renamed_as_text_are_refused(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    bomb = gzip.compress(b"<p>" + b"a" * 20_000_000 + b"</p>")  # 20 MB once inflated
    (tmp_path / "bomb.html").write_bytes(bomb)
    (tmp_path / "good.txt").write_text(ARTICLE)
    documents, errors = load_paths([tmp_path])
    assert [d.title for d in documents] == ["Strike enters second week"]
    reasons = {os.path.basename(e.path): e.reason for e in errors}
    assert set(reasons) == {"image.txt", "bomb.html"}
    assert all("\n" not in reason and reason for reason in reasons.values())


def test_deeply_nested_html_loads_without_recursion_errors(tmp_path):
    depth = 50_000
    inner = "<h1>Nested page</h1><p>Deep text survives.</p><p>So does this.</p>"
    page = "<html><body>" + "<div>" * depth + inner + "</div>" * depth
    (tmp_path / "deep.html").write_text(page + "</body></html>")
    document = load_document(tmp_path / "deep.html")
    assert document.title == "Nested page"
    assert "Deep text survives." in document.body


def test_active_content_and_remote_resources_never_reach_the_body(tmp_path):
    page = """<html><head><title>Talks resume</title>
    <script>alert('x')</script><style>p{color:red}</style></head><body><article>
    <p>Officials met again on Monday.</p>
    <iframe src="https://evil.example/frame">frame text</iframe>
    <p><a href="javascript:alert(1)">click here</a> to read more.</p>
    <img src="https://tracker.example/pixel.gif" alt="">
    <p>&lt;b&gt;escaped markup&lt;/b&gt; stays text.</p>
    </article></body></html>"""
    (tmp_path / "page.html").write_text(page)
    body = load_document(tmp_path / "page.html").body
    assert "Officials met again on Monday." in body
    for active in ("alert", "javascript:", "evil.example", "tracker.example", "color:red"):
        assert active not in body
    assert "<b>escaped markup</b> stays text." in body  # shown as text, never as markup


def test_symlink_loops_and_vanished_files_do_not_stop_an_import(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "good.txt").write_text(ARTICLE)
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    report = Library(tmp_path / "lib", seed=False).import_paths([folder])
    assert len(report.added) == 1
    assert [os.path.basename(e.path) for e in report.errors] == ["gone.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_gives_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    (good := tmp_path / "good.txt").write_text(ARTICLE)
    documents, errors = load_paths([tmp_path])
    assert [d.path for d in documents] == [str(good)]
    assert [e.reason for e in errors] == ["permission denied"]


@pytest.mark.skipif(sys.platform != "linux", reason="byte file names are a POSIX matter")
def test_file_names_in_any_encoding_are_listed(tmp_path, capsys):
    folder = tmp_path / "names"
    folder.mkdir()
    for raw_name in (b"caf\xe9-latin1.txt", "Кремль.txt".encode(), b"plain.txt"):
        with open(os.path.join(os.fsencode(folder), raw_name), "w") as handle:
            handle.write(ARTICLE)
    assert main(["list", str(folder), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["documents"]
    assert len(listed) == 3


def test_file_names_in_any_encoding_are_printed_as_a_table(tmp_path, capsysbinary):
    folder = tmp_path / "names"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w") as handle:
        handle.write(ARTICLE)
    assert main(["list", str(folder)]) == 0
    assert b"Strike enters second week" in capsysbinary.readouterr().out
