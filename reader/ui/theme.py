"""Light and dark colours: follow the system scheme unless the `theme` setting overrides it.

`Colours` holds the few colours the panels paint themselves (search matches, quotes, removed
text, changed words); each pair keeps contrast readable on its background in both schemes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True, slots=True)
class Colours:
    """Colours for things the panels mark in text."""

    scheme: str
    text: str
    background: str
    muted: str  # secondary text: outlet, date, removed boilerplate
    match: str  # background of every search match
    match_text: str
    current: str  # background of the match "n of N" points at
    current_text: str
    quote: str  # background of quotations
    quote_rule: str  # underline of quotations
    changed: str  # background of words differing between variants
    changed_text: str
    accent: str


LIGHT = Colours(
    scheme="light",
    text="#1f2328",
    background="#fbfaf7",
    muted="#6e7781",
    match="#fff2a8",
    match_text="#1f2328",
    current="#ff9f1c",
    current_text="#000000",
    quote="#eaf2fb",
    quote_rule="#4a7ab8",
    changed="#ffd7d5",
    changed_text="#82071e",
    accent="#2f6fb3",
)

DARK = Colours(
    scheme="dark",
    text="#e6e6e1",
    background="#1c1e21",
    muted="#9198a1",
    match="#5c4d00",
    match_text="#fff6cc",
    current="#e8891a",
    current_text="#000000",
    quote="#1f3147",
    quote_rule="#7fb0e8",
    changed="#6e1f24",
    changed_text="#ffdcd7",
    accent="#7fb0e8",
)


def system_scheme() -> str:
    """ "dark" or "light", as the platform reports it (light when it does not say)."""
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def resolve(setting: str) -> Colours:
    """The colours for a `theme` setting: "system", "light" or "dark"."""
    scheme = setting if setting in ("light", "dark") else system_scheme()
    return DARK if scheme == "dark" else LIGHT


def apply(app: QApplication, colours: Colours) -> None:
    """Give the whole application the palette of `colours` (Fusion style, both schemes)."""
    app.setStyle("Fusion")
    app.setPalette(_palette(colours))


def _palette(c: Colours) -> QPalette:
    dark = c.scheme == "dark"
    window = QColor("#2a2d31" if dark else "#f0efeb")
    base = QColor(c.background)
    text = QColor(c.text)
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, window.lighter(110) if dark else window.darker(103)),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, QColor("#33373c" if dark else "#ffffe8")),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor(c.muted)),
        (QPalette.ColorRole.Highlight, QColor("#3d6fa8" if dark else "#b7d3f2")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff" if dark else "#0b1a2b")),
        (QPalette.ColorRole.Link, QColor(c.accent)),
        (QPalette.ColorRole.Mid, QColor("#44484e" if dark else "#c8c6c0")),
    ):
        palette.setColor(role, colour)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(c.muted))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(c.muted))
    return palette
