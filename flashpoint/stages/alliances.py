"""Which actors fight on the same side: they are associates, never opponents.

Two actors are allied when the knowledge base links them (ally, member_of,
affiliate, parent, either way), or when both are state forces of one country.
"""

from __future__ import annotations

from typing import Any

from flashpoint.model import ActorRef

_SIDE_LINKS = ("ally", "member_of", "affiliate", "parent")


class Alliances:
    """Answers `allied(a, b)` from the actor knowledge base (memoised per pair of ids)."""

    def __init__(self, kb: Any) -> None:
        self.kb = kb
        self._known: dict[tuple[str, str], bool] = {}

    def allied(self, a: ActorRef | None, b: ActorRef | None) -> bool:
        """True when `a` and `b` are on the same side (the same actor included)."""
        if a is None or b is None or a.id is None or b.id is None:
            return False
        if a.id == b.id:
            return True
        if a.inter == 1 and b.inter == 1 and a.country is not None and a.country == b.country:
            return True
        key = (min(a.id, b.id), max(a.id, b.id))
        if key not in self._known:
            self._known[key] = self._linked(a.id, b.id) or self._linked(b.id, a.id)
        return self._known[key]

    def _linked(self, source: str, target: str) -> bool:
        try:
            actor = self.kb.get(source)
        except Exception:  # an actor id outside the knowledge base (hand-built records)
            return False
        return any(target in actor.linked(link) for link in _SIDE_LINKS)
