"""Guards against a known defect of the installed Qt binding that would crash the app.

PySide6 6.12.0 returns `True` from `SignalInstance.emit()` without taking a reference; on Python
3.11 (where `True` is not immortal) every emit lowers True's reference count until the
interpreter aborts with "bool_dealloc: deallocating True or False". Use another version.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal(int)


def test_emitting_a_signal_does_not_leak_references_to_true(qapp):
    emitter = _Emitter()
    emitter.happened.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for value in range(200):
        emitter.happened.emit(value)
    assert sys.getrefcount(True) - before > -100, (
        f"PySide6 {PySide6.__version__} mis-counts references on emit(); "
        "install a version other than 6.12.0"
    )
