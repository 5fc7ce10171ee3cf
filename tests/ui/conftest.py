"""Fixtures for window tests: a real library from the seeds in tmp_path, settings in a file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reader.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """A fresh library holding the five seed articles."""
    return Library(tmp_path / "lib")


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_settings(settings_path: Path) -> Callable[[], Settings]:
    """Settings backed by an ini file in tmp_path (a new object reads what the last one wrote)."""
    return lambda: Settings(QSettings(str(settings_path), QSettings.Format.IniFormat))


@pytest.fixture
def open_window(qtbot, library: Library, make_settings) -> Iterator[Callable[[], MainWindow]]:
    """Opens windows on the seed library and waits until loading, quotes and index are done."""
    windows: list[MainWindow] = []

    def factory() -> MainWindow:
        window = MainWindow(library, make_settings())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.start()
        qtbot.waitUntil(lambda: window.workspace.index_ready, timeout=60000)
        qtbot.waitUntil(lambda: not window.workspace.busy(), timeout=60000)
        windows.append(window)
        return window

    yield factory
    for window in windows:
        window.close()


@pytest.fixture
def window(open_window) -> MainWindow:
    return open_window()
