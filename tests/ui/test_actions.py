"""The action registry: every action reachable, keys as data, overrides and clashes."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence

from reader.ui.actions import ACTIONS, ActionId, bindings, build_actions, conflicts
from reader.ui.main_window import MainWindow


def test_every_action_has_a_handler_on_the_window_and_a_menu():
    for spec in ACTIONS:
        assert callable(getattr(MainWindow, spec.handler, None)), spec.handler
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


class _Target(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def __getattr__(self, name: str):
        if name.startswith("on_"):
            return lambda: self.calls.append(name)
        raise AttributeError(name)


def test_user_overrides_replace_keys_and_a_clash_keeps_the_first_owner(qapp):
    overrides = {ActionId.ZOOM_RESET.value: ["Ctrl+F"]}
    clashes = conflicts(bindings(overrides))
    assert ("Ctrl+F", ActionId.FOCUS_SEARCH, ActionId.ZOOM_RESET) in clashes
    target = _Target()
    actions = build_actions(target, overrides)
    assert QKeySequence("Ctrl+F") in actions[ActionId.FOCUS_SEARCH].shortcuts()
    assert actions[ActionId.ZOOM_RESET].shortcuts() == []
    actions[ActionId.ZOOM_RESET].trigger()
    assert target.calls == ["on_zoom_reset"]
