"""The background-work helper: callbacks on the GUI thread, progress, cancel, stale results."""

from __future__ import annotations

import threading

from reader.ui.tasks import TaskRunner


def test_result_and_progress_arrive_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    gui = threading.get_ident()
    seen: list[tuple[str, object, int]] = []

    def work(progress, abort):
        progress(0.5, "half")
        return threading.get_ident()

    runner.submit(
        work,
        on_done=lambda worker: seen.append(("done", worker, threading.get_ident())),
        on_progress=lambda f, m: seen.append(("progress", (f, m), threading.get_ident())),
    )
    qtbot.waitUntil(lambda: any(kind == "done" for kind, _, _ in seen))
    assert seen[0] == ("progress", (0.5, "half"), gui)
    _kind, worker, thread = seen[-1]
    assert thread == gui and worker != gui
    assert runner.active() == []


def test_failures_go_to_on_error(qtbot):
    runner = TaskRunner()
    errors: list[BaseException] = []

    def work(progress, abort):
        raise ValueError("bad input")

    runner.submit(work, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "bad input"


def test_a_newer_task_on_the_same_channel_drops_the_older_result(qtbot):
    runner = TaskRunner(serial=True)
    release = threading.Event()
    delivered: list[str] = []
    finished: list[str] = []

    def slow(progress, abort):
        release.wait(10)
        return "old"

    first = runner.submit(
        slow, channel="search", on_done=delivered.append, on_finished=lambda: finished.append("1")
    )
    runner.submit(
        lambda p, a: "new",
        channel="search",
        on_done=delivered.append,
        on_finished=lambda: finished.append("2"),
    )
    assert first.abort.is_set()
    release.set()
    qtbot.waitUntil(lambda: len(finished) == 2)
    assert delivered == ["new"]


def test_cancel_sets_the_abort_event_the_work_polls(qtbot):
    runner = TaskRunner()
    started = threading.Event()
    outcome: list[str] = []

    def long_job(progress, abort):
        started.set()
        while not abort.wait(0.01):
            pass
        return "stopped"

    runner.submit(long_job, on_done=outcome.append, on_finished=lambda: outcome.append("end"))
    assert started.wait(5)
    runner.cancel_all()
    qtbot.waitUntil(lambda: "end" in outcome)
    assert outcome == ["end"]  # the result of cancelled work is dropped


def test_synchronous_mode_runs_in_the_calling_thread(qtbot):
    runner = TaskRunner(synchronous=True)
    got: list[int] = []
    runner.submit(lambda p, a: threading.get_ident(), on_done=got.append)
    assert got == [threading.get_ident()]
