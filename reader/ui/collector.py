"""Full garbage collections kept out of the window's way while background work runs.

A full collection walks every object the collector tracks, holding the GIL, so the GUI thread
waits through it: with a few thousand documents in memory that is hundreds of milliseconds, and
reading, analysing and indexing a big import set off several (one each time the long-lived
objects grow by a quarter). So, from the first background job to the last, `hold()` leaves
full collections off (young ones still run, and reference counting frees the rest); when the
work has ended `settle()` moves every object then alive into the permanent generation
(`gc.freeze`), as the documents, the analysis and the window's models live until the next
load, and puts the thresholds back: later full collections walk only newer objects.

The cost: cyclic garbage still alive at a `settle()` is never freed. The benchmark counts it
(`bench_gui_import.py`, `frozen_garbage`).
"""

from __future__ import annotations

import gc

HELD_THRESHOLD = 1_000_000_000  # young collections before a full one, while held

_holders = 0
_saved: tuple[int, ...] = ()


def hold() -> None:
    """No full collection until every `hold()` has had its `settle()`."""
    global _holders, _saved
    _holders += 1
    if _holders == 1:
        _saved = gc.get_threshold()
        gc.set_threshold(_saved[0], _saved[1], HELD_THRESHOLD)


def settle() -> None:
    """End one `hold()`; after the last, freeze what is alive and collect as usual again."""
    global _holders
    if _holders == 0:
        return
    _holders -= 1
    if _holders == 0:
        gc.freeze()
        gc.set_threshold(*_saved)
