"""Materialise merged events: the `clusters` row, its actors and its search text.

A cluster row is rebuilt whenever its membership changes or an analyst reviews one of
its events, so filters, the API and exports all read the same merged record.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from flashpoint.errors import FlashpointError
from flashpoint.export.records import JsonDict
from flashpoint.store.merge_rules import MergePolicy
from flashpoint.store.merged_record import Member, apply_reviews, build_record
from flashpoint.store.models import ClusterActorRow, ClusterRow, DocumentRow, EventRow, ReviewRow, point_ewkt
from flashpoint.store.repository import decode_event, now_utc

ACTOR_ROLES = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
SNIPPET_CHARS = 600


@functools.cache
def _event_type_of() -> Callable[[str], str | None]:
    from flashpoint.kb.typology import load_typology

    typology = load_typology()

    def lookup(sub_event_type: str) -> str | None:
        try:
            return typology.event_type_of(sub_event_type)
        except (FlashpointError, KeyError):
            return None

    return lookup


def review_json(row: ReviewRow) -> JsonDict:
    """A review as the API shows it."""
    return {
        "id": row.id,
        "event_id": row.event_id,
        "action": row.action,
        "field": row.field,
        "value": row.value,
        "reviewer": row.reviewer,
        "created_at": row.created_at.isoformat(),
    }


def review_dicts(session: Session, event_keys: Iterable[str]) -> list[JsonDict]:
    """Reviews of the given events, oldest first."""
    keys = list(event_keys)
    rows = session.scalars(
        select(ReviewRow).where(ReviewRow.event_id.in_(keys)).order_by(ReviewRow.created_at, ReviewRow.id)
    )
    return [review_json(row) for row in rows]


def _members(session: Session, cluster_id: str) -> tuple[list[Member], dict[str, str]]:
    rows = session.execute(
        select(EventRow, DocumentRow).join(DocumentRow, EventRow.doc_id == DocumentRow.doc_id).where(EventRow.cluster_id == cluster_id)
    ).all()
    members, texts = [], {}
    for event_row, doc in rows:
        published = doc.published.isoformat() if doc.published else None
        members.append(Member(event_row.id, decode_event(event_row), doc.doc_id, doc.title, doc.source, published))
        texts[doc.doc_id] = doc.text
    return members, texts


def _search_text(members: Sequence[Member], texts: dict[str, str], record: JsonDict) -> str:
    parts: list[str] = [record["event_type"], record["sub_event_type"], record.get("notes") or ""]
    for member in members:
        event = member.event
        parts += [member.title or "", member.source or ""]
        for actor in (event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2):
            if actor is not None:
                parts += [actor.id or "", actor.name or "", actor.text]
        if event.place is not None:
            parts += [event.place.name or "", event.place.text, event.place.admin1 or "", event.place.admin2 or ""]
        parts += [span.text_of(texts[member.doc_id])[:SNIPPET_CHARS] for span in event.evidence]
    return " ".join(p for p in parts if p).casefold()


def _actor_rows(cluster_id: str, members: Sequence[Member]) -> list[ClusterActorRow]:
    rows: list[ClusterActorRow] = []
    seen: set[tuple[str, str]] = set()
    for member in members:
        for role in ACTOR_ROLES:
            value: Any = getattr(member.event, role)
            for ref in value if isinstance(value, tuple) else (value,):
                if ref is None or (role, ref.id or ref.text.casefold()) in seen:
                    continue
                seen.add((role, ref.id or ref.text.casefold()))
                position = sum(1 for r in rows if r.role == role)
                rows.append(ClusterActorRow(cluster_id=cluster_id, role=role, position=position, actor_id=ref.id, name=ref.name, text=ref.text))
    return rows


def rebuild_cluster(session: Session, cluster_id: str, policy: MergePolicy) -> JsonDict | None:
    """Recompute and store the merged record of `cluster_id`; drop the row if it has no members."""
    members, texts = _members(session, cluster_id)
    session.execute(delete(ClusterActorRow).where(ClusterActorRow.cluster_id == cluster_id))
    existing = session.get(ClusterRow, cluster_id)
    if not members:
        if existing is not None:
            session.delete(existing)
        return None
    record = build_record(cluster_id, members, policy)
    record = apply_reviews(record, review_dicts(session, record["members"]), _event_type_of())
    place, time, fatalities = record["place"] or {}, record["time"] or {}, record["fatalities"]
    values = {
        "event_type": record["event_type"],
        "sub_event_type": record["sub_event_type"],
        "country": place.get("country"),
        "admin1": place.get("admin1"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "geom": point_ewkt(place.get("lat"), place.get("lon")),
        "start_date": _date(time.get("start") or time.get("end")),
        "end_date": _date(time.get("end") or time.get("start")),
        "fatalities": fatalities.get("best") if isinstance(fatalities, dict) else None,
        "n_sources": len(record["sources"]),
        "search_text": _search_text(members, texts, record),
        "record": record,
        "updated_at": now_utc(),
    }
    if existing is None:
        session.add(ClusterRow(id=cluster_id, **values))
    else:
        for name, value in values.items():
            setattr(existing, name, value)
    session.flush()
    session.add_all(_actor_rows(cluster_id, members))
    return record


def _date(value: Any) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
