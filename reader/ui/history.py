"""Back and forward through everything opened, like a browser (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Place:
    """A document and an offset in its body."""

    doc_id: str
    offset: int = 0


class History:
    """A list of places with a cursor; opening something new drops the forward entries."""

    def __init__(self, limit: int = 200) -> None:
        self._places: list[Place] = []
        self._at = -1
        self._limit = limit

    def visit(self, place: Place, current: Place | None = None) -> None:
        """Record that `place` was opened, after remembering where we were in `current`."""
        self._remember(current)
        del self._places[self._at + 1 :]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._at = len(self._places) - 1

    def back(self, current: Place | None = None) -> Place | None:
        """The previous place (None at the start)."""
        if self._at <= 0:
            return None
        self._remember(current)
        self._at -= 1
        return self._places[self._at]

    def forward(self, current: Place | None = None) -> Place | None:
        """The next place (None at the end)."""
        if self._at >= len(self._places) - 1:
            return None
        self._remember(current)
        self._at += 1
        return self._places[self._at]

    def can_go_back(self) -> bool:
        return self._at > 0

    def can_go_forward(self) -> bool:
        return self._at < len(self._places) - 1

    def _remember(self, current: Place | None) -> None:
        if (
            current is not None
            and 0 <= self._at < len(self._places)
            and self._places[self._at].doc_id == current.doc_id
        ):
            self._places[self._at] = current
