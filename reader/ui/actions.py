"""Every command of the window, declared once: id, text, default keys, menu and handler name.

Menus, the command palette and the shortcuts sheet all read `ACTIONS`. Key bindings are data:
`build_actions` applies user overrides (`Settings.key_overrides`) and `conflicts` reports two
actions bound to the same key. To add a command, add an `ActionId`, one `ActionSpec` and a
method named `handler` on the window.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

Key = str | QKeySequence.StandardKey
SK = QKeySequence.StandardKey


class ActionId(StrEnum):
    OPEN_FILES = "import-files"
    OPEN_FOLDER = "import-folder"
    CANCEL_WORK = "cancel-work"
    QUIT = "quit"
    FOCUS_SEARCH = "focus-search"
    LEAVE = "leave"
    NEXT_MATCH = "next-match"
    PREV_MATCH = "previous-match"
    SORT_BY_DATE = "sort-by-date"
    NEXT_QUOTE = "next-quote"
    PREV_QUOTE = "previous-quote"
    NEXT_VARIANT = "next-variant"
    BACK = "back"
    FORWARD = "forward"
    ZOOM_IN = "zoom-in"
    ZOOM_OUT = "zoom-out"
    ZOOM_RESET = "zoom-reset"
    TOGGLE_REMOVED = "toggle-removed"
    SHOW_LIBRARY = "show-library"
    SHOW_RESULTS = "show-results"
    SHOW_QUOTE = "show-quote"
    SHOW_SPEAKERS = "show-speakers"
    THEME = "cycle-theme"
    PALETTE = "palette"
    SHORTCUTS = "shortcuts"
    SHOW_ERROR = "show-error"
    EXPORT = "export"
    ANNOTATE = "annotate-selection"
    ANNOTATE_QUOTE = "annotate-quote"
    UNDO_ANNOTATION = "undo-annotation"
    REDO_ANNOTATION = "redo-annotation"
    SHOW_NOTES = "show-notes"
    SHOW_COPIES = "show-copies"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One command: `handler` names the window method that `triggered` calls."""

    id: ActionId
    text: str
    keys: tuple[Key, ...]
    menu: str
    handler: str
    checkable: bool = False


def _spec(id: ActionId, text: str, keys: tuple[Key, ...], menu: str, **kw: bool) -> ActionSpec:
    return ActionSpec(id, text, keys, menu, "on_" + id.value.replace("-", "_"), **kw)


A = ActionId
ACTIONS: tuple[ActionSpec, ...] = (
    _spec(A.OPEN_FILES, "Import files…", (SK.Open,), "&File"),
    _spec(A.OPEN_FOLDER, "Import folder…", ("Ctrl+Shift+O",), "&File"),
    _spec(A.EXPORT, "Export annotated excerpts…", ("Ctrl+E",), "&File"),
    _spec(A.CANCEL_WORK, "Cancel background work", ("Ctrl+.",), "&File"),
    _spec(A.SHOW_ERROR, "Show last error details", (), "&File"),
    _spec(A.QUIT, "Quit", (SK.Quit,), "&File"),
    _spec(A.FOCUS_SEARCH, "Search", (SK.Find, "/"), "&Search"),
    _spec(A.NEXT_MATCH, "Next match", (SK.FindNext,), "&Search"),
    _spec(A.PREV_MATCH, "Previous match", (SK.FindPrevious,), "&Search"),
    _spec(A.SORT_BY_DATE, "Sort results by date", ("Ctrl+Shift+D",), "&Search", checkable=True),
    _spec(A.LEAVE, "Leave search / clear highlights", ("Esc",), "&Search"),
    _spec(A.NEXT_QUOTE, "Next quote", ("]",), "&Go"),
    _spec(A.PREV_QUOTE, "Previous quote", ("[",), "&Go"),
    _spec(A.NEXT_VARIANT, "Next variant of this quote", ("Ctrl+]",), "&Go"),
    _spec(A.BACK, "Back", (SK.Back,), "&Go"),
    _spec(A.FORWARD, "Forward", (SK.Forward,), "&Go"),
    _spec(A.ZOOM_IN, "Zoom in", ("Ctrl+=", SK.ZoomIn), "&View"),
    _spec(A.ZOOM_OUT, "Zoom out", (SK.ZoomOut,), "&View"),
    _spec(A.ZOOM_RESET, "Actual size", ("Ctrl+0",), "&View"),
    _spec(A.TOGGLE_REMOVED, "Show removed boilerplate", ("Ctrl+B",), "&View", checkable=True),
    _spec(A.SHOW_LIBRARY, "Show library", ("Ctrl+1",), "&View"),
    _spec(A.SHOW_RESULTS, "Show search results", ("Ctrl+2",), "&View"),
    _spec(A.SHOW_QUOTE, "Show quote panel", ("Ctrl+3",), "&View"),
    _spec(A.SHOW_SPEAKERS, "Show speakers", ("Ctrl+4",), "&View"),
    _spec(A.SHOW_NOTES, "Show notes panel", ("Ctrl+5",), "&View", checkable=True),
    _spec(A.SHOW_COPIES, "Show copies of this document", ("Ctrl+6",), "&View"),
    _spec(A.THEME, "Switch theme (system, light, dark)", ("Ctrl+Shift+T",), "&View"),
    _spec(A.ANNOTATE, "Annotate selection…", ("Ctrl+M",), "&Notes"),
    _spec(A.ANNOTATE_QUOTE, "Annotate current quote", ("Ctrl+Shift+M",), "&Notes"),
    _spec(A.UNDO_ANNOTATION, "Undo annotation edit", (SK.Undo,), "&Notes"),
    _spec(A.REDO_ANNOTATION, "Redo annotation edit", (SK.Redo, "Ctrl+Shift+Z"), "&Notes"),
    _spec(A.PALETTE, "Command palette", ("Ctrl+K", "Ctrl+Shift+P"), "&Help"),
    _spec(A.SHORTCUTS, "Keyboard shortcuts", (SK.HelpContents, "Ctrl+?"), "&Help"),
)

# Keys handled by the views themselves (shown on the shortcuts sheet, not rebindable).
VIEW_KEYS: tuple[tuple[str, str], ...] = (
    ("Down / j", "Next item in a list"),
    ("Up / k", "Previous item in a list"),
    ("Enter", "Open the selected item; in the search field or reader: next match"),
    ("Shift+Enter", "Previous match (search field or reader)"),
    ("Tab / Shift+Tab", "Move between search, lists, reader and panels"),
)


def key_sequences(keys: Iterable[Key]) -> list[QKeySequence]:
    """Expand standard keys into this platform's sequences, dropping empty ones and duplicates."""
    out: list[QKeySequence] = []
    for key in keys:
        found = QKeySequence.keyBindings(key) if isinstance(key, SK) else [QKeySequence(key)]
        out += [s for s in found if not s.isEmpty() and s not in out]
    return out


def bindings(
    overrides: Mapping[str, list[str]] | None = None,
) -> dict[ActionId, list[QKeySequence]]:
    """The key sequences of every action: the defaults, replaced by any user override."""
    overrides = overrides or {}
    return {
        spec.id: key_sequences(overrides.get(spec.id.value, spec.keys))  # type: ignore[arg-type]
        for spec in ACTIONS
    }


def conflicts(bound: Mapping[ActionId, list[QKeySequence]]) -> list[tuple[str, ActionId, ActionId]]:
    """Pairs of actions bound to the same key: (key text, first action, second action)."""
    seen: dict[str, ActionId] = {}
    found = []
    for action_id, sequences in bound.items():
        for sequence in sequences:
            text = sequence.toString()
            if text in seen and seen[text] != action_id:
                found.append((text, seen[text], action_id))
            seen.setdefault(text, action_id)
    return found


def build_actions(
    target: QObject, overrides: Mapping[str, list[str]] | None = None
) -> dict[ActionId, QAction]:
    """One `QAction` per spec, parented to `target` and triggering `target.<handler>()`.

    A key claimed by two actions stays with the first one only (the clash is logged by the caller
    through `conflicts`).
    """
    bound = bindings(overrides)
    taken: set[str] = set()
    actions: dict[ActionId, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, target)
        action.setObjectName(spec.id.value)
        action.setCheckable(spec.checkable)
        free = [s for s in bound[spec.id] if s.toString() not in taken]
        taken.update(s.toString() for s in free)
        action.setShortcuts(free)
        handler = getattr(target, spec.handler)
        action.triggered.connect(lambda _checked=False, h=handler: h())
        actions[spec.id] = action
    return actions


def shortcut_text(action: QAction) -> str:
    """The action's keys as the user reads them, e.g. "Ctrl+F, /"."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
