"""Large updates build their new segments in worker processes, one per core.

Whoosh analyses and writes postings in Python, so one process indexes at the speed of one core.
Here the changed documents are split into one share per worker; each worker (a fresh "spawn"
process, never a fork of a program that may run Qt threads) writes its share as a new segment
of the index without taking the lock, and the updating process, which holds the lock, commits
those segments together with its own deletions in one new generation. Until that commit
readers see the old index, so an update stays all-or-nothing as with one process.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import pickle
import shutil
import tempfile
from array import array
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from reader.documents.model import Document, PackedRemoved
from reader.processes import worker_count
from reader.search.preparing import prepare
from reader.search.segments import Writer

PARALLEL_MIN = 2000  # changed documents from which an update uses worker processes
SHARES = 2  # shares per worker: an abort is honoured when a share is finished
CHUNK = 200  # documents a worker reads from its share at a time
SCRATCH = ".shares-"  # the shares' folder in the index folder: INDEX_NAME + SCRATCH + random

Change = tuple[Document, list[tuple[int, int, str]], str]  # document, quote ranges, fingerprint


@dataclass(slots=True)
class Share:
    """What one worker made of its share of the changes."""

    segment: Any = None  # the new Whoosh segment, None if it holds no document
    indexed: list[tuple[str, str]] = field(default_factory=list)  # (id, fingerprint)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (id, reason)


def workers(changes: int) -> int:
    """How many worker processes an update of `changes` documents uses (0: none)."""
    return worker_count(changes, PARALLEL_MIN)


def build_segments(
    folder: str,
    name: str,
    changes: list[Change],
    count: int,
    done: Callable[[int], bool],
) -> list[Share]:
    """Index `changes` into new segments (SHARES per worker), in `count` worker processes.

    Each share goes to its worker as a file of pickled chunks of CHUNK documents, written before
    the workers start, which the worker reads one chunk at a time: neither process holds a
    share's documents a second time (as a pickled argument, and unpickled whole), and the
    worker's postings stay within its writer's budget (`segments.POOL_BYTES`). The files live
    in a scratch folder in the index's folder, removed when the update ends however it ends (a
    killed update's is removed by the next one, which holds the index's lock). `done(n)` is
    told each time a share is finished (n documents so far); returning True stops the shares
    not yet started.
    """
    context = multiprocessing.get_context("spawn")
    results: list[Share] = []
    for stale in Path(folder).glob(f"{name}{SCRATCH}*"):
        shutil.rmtree(stale, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix=f"{name}{SCRATCH}", dir=folder) as scratch:
        shares = [
            _write_share(Path(scratch) / f"share{n}", changes[n :: SHARES * count])
            for n in range(SHARES * count)
        ]
        with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
            pending: set[Future[Share]] = set()
            finished = 0
            while shares or pending:
                while shares and len(pending) < count:
                    pending.add(pool.submit(build_segment, folder, name, shares.pop()))
                ready, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in ready:
                    results.append(future.result())
                    finished += len(results[-1].indexed) + len(results[-1].skipped)
                if done(finished):
                    shares = []
    return results


def _write_share(path: Path, changes: list[Change]) -> str:
    """Write `changes` to `path` as pickled chunks, without what the index does not take."""
    with path.open("wb") as file:
        for start in range(0, len(changes), CHUNK):
            chunk = [(_slim(d), r, p) for d, r, p in changes[start : start + CHUNK]]
            _SharePickler(file, pickle.HIGHEST_PROTOCOL).dump(chunk)
    return str(path)


def _read_share(path: str) -> Iterator[Change]:
    """The changes `_write_share` wrote, a chunk at a time."""
    with open(path, "rb") as file:
        while True:
            try:
                chunk = _ShareUnpickler(file).load()
            except EOFError:
                return
            yield from chunk


class _SharePickler(pickle.Pickler):
    """Pickles text that is not ASCII as UTF-8 bytes encoded here.

    Pickle's own encoding of a str keeps the UTF-8 copy inside the str object for as long as
    it lives: the library's bodies would take twice their memory after a large update.
    """

    def persistent_id(self, obj: Any) -> Any:
        if type(obj) is str and not obj.isascii():
            return obj.encode("utf-8", "surrogatepass")
        return None


class _ShareUnpickler(pickle.Unpickler):
    def persistent_load(self, pid: Any) -> str:
        return pid.decode("utf-8", "surrogatepass")


def _slim(document: Document) -> Document:
    """The document without what the index does not take (its segments, removed lines)."""
    empty = PackedRemoved.of(())
    return dataclasses.replace(
        document, packed_segments=array("q"), packed_removed=empty, warnings=[]
    )


def build_segment(folder: str, name: str, share: str) -> Share:
    """In a worker: a new, uncommitted segment of the index in `folder` holding the share's
    changes (a file written by `_write_share`)."""
    index = whoosh_index.open_dir(folder, name)
    writer = Writer(index, _lk=False, compound=False)
    result = Share()
    try:
        for document, ranges, print_ in _read_share(share):
            values = prepare(writer.schema, document, ranges, print_)
            if isinstance(values, str):
                result.skipped.append((document.id, values))
                continue
            writer.add_document(**values)
            result.indexed.append((document.id, print_))
        if result.indexed:
            result.segment = writer._finalize_segment()
        else:
            writer._close_segment()
    except BaseException:
        writer._close_segment()
        raise
    return result


def commit_with(writer: Writer, segments: list[Any]) -> None:
    """Commit `writer` (deletions, merges of small segments) with the workers' segments added."""
    final = writer._merge_segments(None, None, None)
    final += segments
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final)
    writer._finish()
