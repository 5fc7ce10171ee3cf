"""The command line as a script author uses it: real processes, JSON out, one-line errors."""

import contextlib
import io
import json
import logging
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_list_seeds_json_gives_the_contract_fields(tmp_path, run):
    out = json.loads(run("list", str(SEEDS), "--json", home=tmp_path).stdout)
    assert len(out["documents"]) == 5
    for doc in out["documents"]:
        assert set(doc) == {
            "id",
            "path",
            "title",
            "source",
            "author",
            "published",
            "words",
            "quotes",
            "warnings",
        }
    assert "Texecutions" in {d["source"] for d in out["documents"]}


def test_show_prints_clean_body_and_removed_lines(tmp_path, run):
    path = SEEDS / "002_0b09d4e6bb04e83d.txt"
    out = json.loads(run("show", str(path), "--json", home=tmp_path).stdout)
    assert "Back to top button" not in out["body"]
    assert {"text": "Back to top button"}.items() <= next(
        r for r in out["removed"] if r["text"] == "Back to top button"
    ).items()
    assert out["source"] == "CNN"


def test_import_then_list_uses_the_library(tmp_path, run):
    article = tmp_path / "strike.txt"
    article.write_text(
        "Port strike ends\nThe strike at the port ended on Friday after workers "
        "accepted a new offer from the employers.\n"
    )
    home = tmp_path / "home"
    imported = json.loads(run("import", str(article), "--json", home=home).stdout)
    assert imported["added"] == ["strike.txt"]
    listed = json.loads(run("list", "--json", home=home).stdout)["documents"]
    assert "Port strike ends" in {d["title"] for d in listed}
    assert len(listed) == 6  # the seeds plus the import


def test_errors_are_one_line_and_exit_non_zero_only_when_nothing_was_read(tmp_path, run):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00" * 64)
    failed = run("list", str(bad), "--json", home=tmp_path, check=False)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert "bad.txt" in failed.stderr and "binary" in failed.stderr
    mixed = run("list", str(bad), str(SEEDS), "--json", home=tmp_path)
    assert len(json.loads(mixed.stdout)["documents"]) == 5
    assert "bad.txt" in mixed.stderr


def test_window_without_a_display_explains_itself(tmp_path, run):
    result = run(home=tmp_path, check=False)
    assert result.returncode == 2
    assert "no display" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_version(run):
    assert run("--version", home=Path("/nonexistent")).stdout.startswith("source-reader ")


def test_an_unexpected_error_is_one_line_and_its_traceback_goes_to_the_log(
    tmp_path, capsys, monkeypatch
):
    from reader import cli
    from reader.cli import documents

    def broken(args):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(documents, "run_list", broken)  # a fault injected into one command
    assert cli.main(["--library", str(tmp_path / "lib"), "list"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "internal error (RuntimeError: something nobody foresaw)" in err[0]
    log = (tmp_path / "lib" / "logs" / "source-reader.log").read_text()
    assert "Traceback" in log and "something nobody foresaw" in log


def test_the_console_gets_warnings_only_and_on_the_stderr_of_the_moment(tmp_path, capsys):
    from reader import cli

    assert cli.main(["--library", str(tmp_path / "lib"), "list"]) == 0
    capsys.readouterr()
    logger = logging.getLogger("reader.test")
    logger.info("an info line for the log file")
    swapped = io.StringIO()
    with contextlib.redirect_stderr(swapped):  # a caller's stream, swapped after setup
        logger.warning("a warning for the user")
    assert "an info line" not in capsys.readouterr().err
    assert "a warning for the user" in swapped.getvalue()
    log = (tmp_path / "lib" / "logs" / "source-reader.log").read_text()
    assert "an info line for the log file" in log


def test_a_librarys_warning_goes_to_the_log_file_not_to_the_user(tmp_path, capsys):
    from reader import cli

    assert cli.main(["--library", str(tmp_path / "lib"), "list"]) == 0
    capsys.readouterr()
    logging.getLogger("trafilatura.core").warning("discarding data: %s", None)
    logging.getLogger("trafilatura.core").info("an info line of a library")
    logging.getLogger("reader.test").warning("a warning of the app")
    err = capsys.readouterr().err
    assert "discarding data" not in err and "a warning of the app" in err
    log = (tmp_path / "lib" / "logs" / "source-reader.log").read_text()
    assert "trafilatura.core: discarding data: None" in log
    assert "an info line of a library" not in log and "a warning of the app" in log


def test_remove_takes_a_document_out_of_the_library(tmp_path, run):
    listed = json.loads(run("list", "--json", home=tmp_path).stdout)["documents"]
    gone = listed[0]
    result = run("remove", gone["id"][:8], home=tmp_path)
    assert gone["id"] in result.stdout
    after = json.loads(run("list", "--json", home=tmp_path).stdout)["documents"]
    assert [d["id"] for d in after] == [d["id"] for d in listed[1:]]
    failed = run("remove", "no-such-document", home=tmp_path, check=False)
    assert failed.returncode == 1 and "not a document of the library" in failed.stderr
