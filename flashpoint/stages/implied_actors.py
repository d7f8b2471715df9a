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


def localised(kb: Any, actor: ActorRef, country: str | None, date: dt.date | None) -> ActorRef:
    """A bare "troops"/"the army" took the report's first country; where the event is in
    another country, the forces are that country's (a demonym, "Malian troops", is kept)."""
    if actor.resolution != "generic" or actor.id is None or country is None or actor.country == country:
        return actor
    words = actor.text.lower().removeprefix("the ").split()
    if len(words) > 2:
        return actor
    role = kb.get(actor.id).generic_role
    local = kb.generic_actor(role, country) if role in {"military", "police"} else None
    demonyms = {d.lower() for d in kb.demonyms(actor.country)} if actor.country else set()
    if local is None or any(word in demonyms for word in words):
        return actor
    return ActorRef(local.id, kb.acled_name(local.id, date, country=country), actor.text, actor.span,
                    inter=local.inter, resolution="generic", score=actor.score, country=country)

