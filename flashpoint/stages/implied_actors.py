"""Actors a report implies without naming them, named the ACLED way.

An attack whose perpetrator is not named is coded "Unidentified Armed Group
(Country)"; a demonstration's crowd "Protesters (Country)". The events stage asks
here, so names and inter codes come from the knowledge base, not from code.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flashpoint.model import ActorRef, Span

UNIDENTIFIED = "unidentified_armed_group"
PROTESTERS = "protesters"
RIOTERS = "rioters"


def implied_actor(kb: Any, actor_id: str, *, country: str | None, date: dt.date | None, span: Span) -> ActorRef:
    """An ActorRef for a generic actor the text implies; its text is empty (nothing was said)."""
    actor = kb.get(actor_id)
    return ActorRef(
        actor_id,
        kb.acled_name(actor_id, date, country=country),
        "",
        span,
        inter=actor.inter,
        resolution="implied",
        score=0.5,
        country=country,
    )
