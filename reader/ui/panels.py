"""The window's tabbed panels: which one is in front, and focus on showing one."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QTabWidget, QWidget


class Panels(QObject):
    """The left tabs (library, results) and the right tabs (quote, speakers, notes, …)."""

    def __init__(
        self,
        left: QTabWidget,
        right: QTabWidget,
        library: QWidget,
        results: QWidget,
        quote_panel: QWidget,
        speakers: QWidget,
    ) -> None:
        super().__init__(left)
        self.left, self.right = left, right
        self.library, self.results = library, results
        self.quote_panel, self.speakers = quote_panel, speakers

    def show_library(self, focus: bool = True) -> None:
        self._front(self.left, self.library, focus)

    def show_results(self, focus: bool = True) -> None:
        self.left.setCurrentWidget(self.results)
        if focus:
            self.results.focus_first()  # type: ignore[attr-defined]

    def show_quote_panel(self) -> None:
        self._front(self.right, self.quote_panel, True)

    def show_speakers(self) -> None:
        self._front(self.right, self.speakers, True)

    @staticmethod
    def _front(tabs: QTabWidget, widget: QWidget, focus: bool) -> None:
        tabs.setCurrentWidget(widget)
        if focus:
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
