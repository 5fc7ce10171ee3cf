"""The action registry: every action reachable, keys as data, overrides and clashes."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence

from reader.ui.actions import ACTIONS, ActionId, bindings, build_actions, conflicts


def test_every_action_names_a_method_of_its_part_and_a_menu(window):
    parts = {
        "window": window, "navigator": window.navigator, "search_flow": window.search_flow,
        "notes": window.notes, "status": window.status, "panels": window.panels,
        "reader": window.reader, "corrector": window.corrector,
        "copies": window.copies, "unattached": window.notes.unattached,
    }  # fmt: skip
    for spec in ACTIONS:
        assert callable(getattr(parts[spec.owner], spec.method, None)), spec.method
        assert spec.menu
    assert {spec.id for spec in ACTIONS} == set(ActionId)


def test_default_keys_do_not_clash_and_cover_the_issue(qapp):
    bound = bindings()
    assert conflicts(bound) == []
    texts = {action_id: [s.toString() for s in seqs] for action_id, seqs in bound.items()}
    assert {"Ctrl+F", "/"} <= set(texts[ActionId.FOCUS_SEARCH])
    assert "F3" in texts[ActionId.NEXT_MATCH] and "Shift+F3" in texts[ActionId.PREV_MATCH]
    assert texts[ActionId.NEXT_QUOTE] == ["]"] and texts[ActionId.PREV_QUOTE] == ["["]
    assert texts[ActionId.NEXT_VARIANT] == ["Ctrl+]"]
    assert "Alt+Left" in texts[ActionId.BACK] and "Alt+Right" in texts[ActionId.FORWARD]
    assert "Ctrl+=" in texts[ActionId.ZOOM_IN] and "Ctrl+-" in texts[ActionId.ZOOM_OUT]
    assert texts[ActionId.ZOOM_RESET] == ["Ctrl+0"]
    assert "Ctrl+O" in texts[ActionId.OPEN_FILES]
    assert texts[ActionId.OPEN_FOLDER] == ["Ctrl+Shift+O"]
    assert "Ctrl+K" in texts[ActionId.PALETTE]
    assert "F1" in texts[ActionId.SHORTCUTS]


class _Part:
    """Records every call made to it, with its arguments."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.calls: list[tuple] = []

    def __getattr__(self, method: str):
        return lambda *args: self.calls.append((self.name, method, *args))


def test_user_overrides_replace_keys_and_a_clash_keeps_the_first_owner(qapp):
    overrides = {ActionId.ZOOM_RESET.value: ["Ctrl+F"]}
    clashes = conflicts(bindings(overrides))
    assert ("Ctrl+F", ActionId.FOCUS_SEARCH, ActionId.ZOOM_RESET) in clashes
    part = _Part("any")
    owner = QObject()
    actions = build_actions(owner, {spec.owner: part for spec in ACTIONS}, overrides)
    assert QKeySequence("Ctrl+F") in actions[ActionId.FOCUS_SEARCH].shortcuts()
    assert actions[ActionId.ZOOM_RESET].shortcuts() == []
    actions[ActionId.ZOOM_RESET].trigger()
    actions[ActionId.PREV_MATCH].trigger()
    assert part.calls == [("any", "set_zoom", 0), ("any", "step_match", -1)]
