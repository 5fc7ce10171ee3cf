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
from array import array
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from whoosh import index as whoosh_index

from reader.documents.model import Document, PackedRemoved
from reader.processes import worker_count
from reader.search.preparing import prepare
from reader.search.segments import Writer

PARALLEL_MIN = 2000  # changed documents from which an update uses worker processes
SHARES = 2  # shares per worker: an abort is honoured when a share is finished

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

    `done(n)` is told each time a share is finished (n documents so far); returning True stops
    the shares not yet started.
    """
    slim = [(_slim(document), ranges, print_) for document, ranges, print_ in changes]
    shares = [slim[n :: SHARES * count] for n in range(SHARES * count)]
    context = multiprocessing.get_context("spawn")
    results: list[Share] = []
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        # Only `count` shares are handed over at a time: each is pickled while it waits.
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


def _slim(document: Document) -> Document:
    """The document without what the index does not take (its segments, removed lines)."""
    empty = PackedRemoved(())
    return dataclasses.replace(
        document, packed_segments=array("q"), packed_removed=empty, warnings=[]
    )


def build_segment(folder: str, name: str, changes: list[Change]) -> Share:
    """In a worker: a new, uncommitted segment of the index in `folder` holding `changes`."""
    index = whoosh_index.open_dir(folder, name)
    writer = Writer(index, _lk=False, compound=False)
    share = Share()
    try:
        for document, ranges, print_ in changes:
            values = prepare(writer.schema, document, ranges, print_)
            if isinstance(values, str):
                share.skipped.append((document.id, values))
                continue
            writer.add_document(**values)
            share.indexed.append((document.id, print_))
        if share.indexed:
            share.segment = writer._finalize_segment()
        else:
            writer._close_segment()
    except BaseException:
        writer._close_segment()
        raise
    return share


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
