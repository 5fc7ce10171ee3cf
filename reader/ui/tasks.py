"""One helper for background work: run a function off the GUI thread, get callbacks on it.

Work functions take `(progress, abort)`: `progress(fraction, message)` may be called from the
worker, and `abort` is a `threading.Event` the work polls to stop early. Callbacks (`on_done`,
`on_error`, `on_progress`) always run on the GUI thread. Submitting on a *channel* supersedes the
channel's previous task: it is aborted and its result dropped (search-as-you-type).

    runner.submit(work, on_done=show, channel="search")
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

WORKER_NICENESS = 5
_niced = threading.local()

Progress = Callable[[float, str], None]
Work = Callable[[Progress, threading.Event], Any]


@dataclass(slots=True, eq=False)
class Task:
    """A handle on submitted work."""

    id: int
    name: str
    work: Work
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    on_progress: Callable[[float, str], None] | None = None
    channel: str | None = None
    on_finished: Callable[[], None] | None = None
    abort: threading.Event = field(default_factory=threading.Event)
    finished: bool = False

    def cancel(self) -> None:
        """Ask the work to stop; its result, if any, is dropped."""
        self.abort.set()


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from workers are queued to it."""

    done = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, float, str)


class _Runnable(QRunnable):
    def __init__(self, task: Task, relay: _Relay) -> None:
        super().__init__()
        self.task, self.relay = task, relay

    def run(self) -> None:
        _yield_to_the_gui_thread()
        task = self.task
        if task.abort.is_set():
            self.relay.done.emit(task.id, None)
            return
        try:
            result = task.work(self._progress, task.abort)
        except BaseException as error:  # reported on the GUI thread, never lost
            self.relay.failed.emit(task.id, error)
        else:
            self.relay.done.emit(task.id, result)

    def _progress(self, fraction: float, message: str) -> None:
        self.relay.progressed.emit(self.task.id, float(fraction), str(message))


def _yield_to_the_gui_thread() -> None:
    """Lower this worker thread's scheduling priority (Linux: per thread), once.

    On a busy machine the GUI thread then gets the CPU first, so long work never makes the
    window stutter; the work itself takes no longer when the machine is idle.
    """
    on_main = threading.current_thread() is threading.main_thread()  # synchronous mode
    if sys.platform != "linux" or on_main or getattr(_niced, "done", False):
        return
    _niced.done = True
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICENESS)


class TaskRunner(QObject):
    """Runs work on a thread pool (or serially, one at a time, with `serial=True`).

    `synchronous=True` runs work immediately in the caller's thread: for unit tests.
    """

    started = Signal(object)  # Task
    finished = Signal(object)  # Task, after its callbacks ran

    def __init__(
        self, parent: QObject | None = None, serial: bool = False, synchronous: bool = False
    ) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        if serial:
            self._pool.setMaxThreadCount(1)
        self._synchronous = synchronous
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.progressed.connect(self._on_progress)
        self._tasks: dict[int, Task] = {}
        self._channels: dict[str, Task] = {}
        self._ids = itertools.count(1)

    def submit(
        self,
        work: Work,
        *,
        name: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
        channel: str | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> Task:
        """Queue `work`; a task on the same channel as an earlier one supersedes it.

        `on_finished` runs last in every case: success, failure or cancellation.
        """
        task = Task(
            next(self._ids), name, work, on_done, on_error, on_progress, channel, on_finished
        )
        if channel is not None:
            previous = self._channels.get(channel)
            if previous is not None:
                previous.cancel()
            self._channels[channel] = task
        self._tasks[task.id] = task
        self.started.emit(task)
        runnable = _Runnable(task, self._relay)
        if self._synchronous:
            runnable.run()
        else:
            self._pool.start(runnable)
        return task

    def active(self) -> list[Task]:
        """Tasks submitted and not yet finished."""
        return [t for t in self._tasks.values() if not t.finished]

    def cancel_all(self) -> None:
        """Ask every running task to stop."""
        for task in self._tasks.values():
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (shutdown and tests only)."""
        return self._pool.waitForDone(msecs)

    # -- GUI-thread side ---------------------------------------------------------------------------
    def _finish(self, task_id: int) -> Task | None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return None
        task.finished = True
        if task.channel is not None and self._channels.get(task.channel) is task:
            del self._channels[task.channel]
        return task

    def _on_done(self, task_id: int, result: object) -> None:
        task = self._finish(task_id)
        if task is None:
            return
        if not task.abort.is_set() and task.on_done is not None:
            task.on_done(result)
        self._close(task)

    def _on_failed(self, task_id: int, error: object) -> None:
        task = self._finish(task_id)
        if task is None:
            return
        if task.abort.is_set():
            log.info("cancelled task %s ended with %r", task.name, error)
        elif task.on_error is not None:
            task.on_error(error)  # type: ignore[arg-type]
        else:
            log.error("background task %s failed", task.name, exc_info=error)  # type: ignore[arg-type]
        self._close(task)

    def _close(self, task: Task) -> None:
        if task.on_finished is not None:
            task.on_finished()
        self.finished.emit(task)

    def _on_progress(self, task_id: int, fraction: float, message: str) -> None:
        task = self._tasks.get(task_id)
        if task is not None and not task.abort.is_set() and task.on_progress is not None:
            task.on_progress(fraction, message)
