"""Every setting the window keeps, declared once: name, type, default and what it is for.

Nothing else in the UI calls `QSettings` directly. `Settings(store)` wraps a `QSettings`; the
default store is the user's (organisation "source-reader"), tests pass one backed by a file.
"""

from __future__ import annotations

import json
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "source-reader"
APPLICATION = "Source Reader"

T = TypeVar("T")


class Option(Generic[T]):
    """A typed setting stored under its attribute name."""

    def __init__(self, default: T, description: str) -> None:
        self.default = default
        self.description = description
        self.key = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = name

    def __get__(self, obj: Settings | None, owner: type) -> T:
        if obj is None:
            return self  # type: ignore[return-value]
        raw = obj.store.value(self.key)
        if raw is None:
            return self.default
        try:
            return self._convert(raw)
        except (TypeError, ValueError):
            return self.default

    def __set__(self, obj: Settings, value: T) -> None:
        if isinstance(self.default, dict):
            obj.store.setValue(self.key, json.dumps(value))
        else:
            obj.store.setValue(self.key, value)

    def _convert(self, raw: Any) -> T:
        default = self.default
        if isinstance(default, bool):
            return (raw if isinstance(raw, bool) else str(raw).lower() in {"1", "true"}) is True  # type: ignore[return-value]
        if isinstance(default, int):
            return int(raw)  # type: ignore[return-value]
        if isinstance(default, float):
            return float(raw)  # type: ignore[return-value]
        if isinstance(default, QByteArray):
            return raw if isinstance(raw, QByteArray) else QByteArray(raw)  # type: ignore[return-value]
        if isinstance(default, dict):
            value = json.loads(raw)
            if not isinstance(value, dict):
                raise ValueError("not a mapping")
            return value  # type: ignore[return-value]
        return str(raw)  # type: ignore[return-value]


THEMES = ("system", "light", "dark")


class Settings:
    """The window's persistent settings."""

    geometry = Option(QByteArray(), "main window geometry (QWidget.saveGeometry)")
    window_state = Option(QByteArray(), "main window state (toolbars, docks)")
    splitter = Option(QByteArray(), "sizes of the library | reader | quotes panes")
    zoom = Option(0, "reader zoom steps from the default size (-6..+12)")
    last_document = Option("", "id of the document open when the window closed")
    last_query = Option("", "the last search query")
    sort = Option("relevance", "search result order: relevance or date")
    theme = Option("system", "colour scheme: system, light or dark")
    show_removed = Option(False, "show the removed boilerplate greyed out in the reader")
    key_overrides = Option(dict[str, list[str]](), "action id → key sequences replacing defaults")

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANISATION, APPLICATION)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.store.sync()

    @classmethod
    def options(cls) -> dict[str, Option]:
        """Every declared setting by name (for documentation and the settings sheet)."""
        return {k: v for k, v in vars(cls).items() if isinstance(v, Option)}
