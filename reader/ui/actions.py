"""Every command of the window, declared once: id, text, default keys, menu and its handler.

Menus, the command palette and the shortcuts sheet all read `ACTIONS`. Key bindings are data:
`build_actions` applies user overrides (`Settings.key_overrides`) and `conflicts` reports two
actions bound to the same key. Each action names the part of the window that owns it (the
navigator, the search flow, the notes…) and that part's method, so the window only wires. To add
a command, add an `ActionId` and one `ActionSpec`.
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
    OPEN_OUTPUT = "open-output"
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
    CORRECT_SPEAKER = "correct-speaker"
    SPLIT_VARIANT = "split-variant"
    MARK_FOR_LINK = "mark-for-link"
    LINK_TO_MARKED = "link-to-marked"
    UNDO_CORRECTION = "undo-correction"
    REDO_CORRECTION = "redo-correction"
    COPY_CITATION = "copy-citation"
    SHOW_COPIES = "show-copies"
    IMPORT_ANNOTATIONS = "import-annotations"
    SHOW_UNATTACHED = "show-unattached"
    ATTACH_TO_SELECTION = "attach-to-selection"
    ATTACH_BY_QUOTE = "attach-by-quote"
    DISCARD_UNATTACHED = "discard-unattached"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One command: `triggered` calls `<owner>.<method>(*args)`, owner a part of the window."""

    id: ActionId
    text: str
    keys: tuple[Key, ...]
    menu: str
    owner: str
    method: str
    args: tuple[object, ...] = ()
    checkable: bool = False


A = ActionId
_ = ActionSpec
# fmt: off
ACTIONS: tuple[ActionSpec, ...] = (
    _(A.OPEN_FILES, "Import files…", (SK.Open,), "&File", "window", "import_files"),
    _(A.OPEN_FOLDER, "Import folder…", ("Ctrl+Shift+O",), "&File", "window", "import_folder"),
    _(A.OPEN_OUTPUT, "Open scale job output…", (), "&File", "window", "choose_output"),
    _(A.EXPORT, "Export annotated excerpts…", ("Ctrl+E",), "&File", "notes", "export"),
    _(A.CANCEL_WORK, "Cancel background work", ("Ctrl+.",), "&File", "status", "cancel_work"),
    _(A.SHOW_ERROR, "Show last error details", (), "&File", "status", "show_last_details"),
    _(A.QUIT, "Quit", (SK.Quit,), "&File", "window", "close"),
    _(A.FOCUS_SEARCH, "Search", (SK.Find, "/"), "&Search", "search_flow", "focus"),
    _(A.NEXT_MATCH, "Next match", (SK.FindNext,), "&Search", "navigator", "step_match", (1,)),
    _(A.PREV_MATCH, "Previous match", (SK.FindPrevious,), "&Search", "navigator", "step_match",
      (-1,)),
    _(A.SORT_BY_DATE, "Sort results by date", ("Ctrl+Shift+D",), "&Search", "search_flow",
      "toggle_date_order", checkable=True),
    _(A.LEAVE, "Leave search / clear highlights", ("Esc",), "&Search", "search_flow", "leave"),
    _(A.NEXT_QUOTE, "Next quote", ("]",), "&Go", "navigator", "step_quote", (1,)),
    _(A.PREV_QUOTE, "Previous quote", ("[",), "&Go", "navigator", "step_quote", (-1,)),
    _(A.NEXT_VARIANT, "Next variant of this quote", ("Ctrl+]",), "&Go", "navigator",
      "next_variant"),
    _(A.BACK, "Back", (SK.Back,), "&Go", "navigator", "back"),
    _(A.FORWARD, "Forward", (SK.Forward,), "&Go", "navigator", "forward"),
    _(A.ZOOM_IN, "Zoom in", ("Ctrl+=", SK.ZoomIn), "&View", "reader", "zoom_by", (1,)),
    _(A.ZOOM_OUT, "Zoom out", (SK.ZoomOut,), "&View", "reader", "zoom_by", (-1,)),
    _(A.ZOOM_RESET, "Actual size", ("Ctrl+0",), "&View", "reader", "set_zoom", (0,)),
    _(A.TOGGLE_REMOVED, "Show removed boilerplate", ("Ctrl+B",), "&View", "window",
      "toggle_removed", checkable=True),
    _(A.SHOW_LIBRARY, "Show library", ("Ctrl+1",), "&View", "panels", "show_library"),
    _(A.SHOW_RESULTS, "Show search results", ("Ctrl+2",), "&View", "panels", "show_results"),
    _(A.SHOW_QUOTE, "Show quote panel", ("Ctrl+3",), "&View", "panels", "show_quote_panel"),
    _(A.SHOW_SPEAKERS, "Show speakers", ("Ctrl+4",), "&View", "panels", "show_speakers"),
    _(A.SHOW_NOTES, "Show notes panel", ("Ctrl+5",), "&View", "notes", "toggle_panel",
      checkable=True),
    _(A.SHOW_COPIES, "Show copies of this document", ("Ctrl+6",), "&View", "copies", "show"),
    _(A.THEME, "Switch theme (system, light, dark)", ("Ctrl+Shift+T",), "&View", "window",
      "cycle_theme"),
    _(A.ANNOTATE, "Annotate selection…", ("Ctrl+M",), "&Notes", "notes", "annotate_selection"),
    _(A.ANNOTATE_QUOTE, "Annotate current quote", ("Ctrl+Shift+M",), "&Notes", "notes",
      "annotate_quote"),
    _(A.COPY_CITATION, "Copy citation", ("Ctrl+Shift+C",), "&Notes", "notes", "copy_citation"),
    _(A.IMPORT_ANNOTATIONS, "Import annotations (W3C, Hypothesis)…", ("Ctrl+Shift+I",),
      "&Notes", "unattached", "import_annotations"),
    _(A.SHOW_UNATTACHED, "Show unattached annotations", ("Ctrl+Shift+U",), "&Notes", "notes",
      "show_unattached"),
    _(A.ATTACH_TO_SELECTION, "Attach unattached annotation to the selection", ("Ctrl+Shift+A",),
      "&Notes", "unattached", "attach_to_selection"),
    _(A.ATTACH_BY_QUOTE, "Attach unattached annotation where its quote is", (), "&Notes",
      "unattached", "attach_by_quote"),
    _(A.DISCARD_UNATTACHED, "Discard unattached annotation", (), "&Notes", "unattached",
      "discard"),
    _(A.UNDO_ANNOTATION, "Undo annotation edit", (SK.Undo,), "&Notes", "notes", "undo"),
    _(A.REDO_ANNOTATION, "Redo annotation edit", (SK.Redo, "Ctrl+Shift+Z"), "&Notes", "notes",
      "redo"),
    _(A.CORRECT_SPEAKER, "Correct the speaker…", ("Ctrl+Shift+S",), "&Quotes", "corrector",
      "correct_speaker"),
    _(A.SPLIT_VARIANT, "Not a variant: split this link", (), "&Quotes", "corrector",
      "split_variant"),
    _(A.MARK_FOR_LINK, "Mark quote for linking", (), "&Quotes", "corrector", "mark_for_link"),
    _(A.LINK_TO_MARKED, "Link to marked quote", (), "&Quotes", "corrector", "link_to_marked"),
    _(A.UNDO_CORRECTION, "Undo correction", (), "&Quotes", "corrector", "undo"),
    _(A.REDO_CORRECTION, "Redo correction", (), "&Quotes", "corrector", "redo"),
    _(A.PALETTE, "Command palette", ("Ctrl+K", "Ctrl+Shift+P"), "&Help", "window",
      "open_palette"),
    _(A.SHORTCUTS, "Keyboard shortcuts", (SK.HelpContents, "Ctrl+?"), "&Help", "window",
      "open_shortcuts"),
)
# fmt: on

# Keys handled by the views themselves (shown on the shortcuts sheet, not rebindable).
VIEW_KEYS: tuple[tuple[str, str], ...] = (
    ("Down / j", "Next item in a list"),
    ("Up / k", "Previous item in a list"),
    ("Enter", "Open the selected item; in the search field or reader: next match"),
    ("Shift+Enter", "Previous match (search field or reader)"),
    ("Tab / Shift+Tab", "Move between search, lists, reader and panels"),
    ("Enter / Delete (unattached list)", "Attach where its quote is / discard it"),
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
    target: QObject, parts: Mapping[str, object], overrides: Mapping[str, list[str]] | None = None
) -> dict[ActionId, QAction]:
    """One `QAction` per spec, parented to `target`, calling its owner's method in `parts`.

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
        handler = getattr(parts[spec.owner], spec.method)
        action.triggered.connect(lambda _checked=False, h=handler, a=spec.args: h(*a))
        actions[spec.id] = action
    return actions


def shortcut_text(action: QAction) -> str:
    """The action's keys as the user reads them, e.g. "Ctrl+F, /"."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
