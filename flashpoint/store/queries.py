"""Read merged events: filtered pages, one event with its reports, statistics, influences.

Every filter is an ORM expression with bound parameters; free text goes through
LIKE with its wildcards escaped. The bbox uses the PostGIS index on PostgreSQL and
plain coordinate ranges on SQLite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from flashpoint.errors import StoreError
from flashpoint.export.records import JsonDict, claim_json, influence_json
from flashpoint.model import Influence
from flashpoint.store.codec import decode
from flashpoint.store.clusters import review_dicts
from flashpoint.store.models import ClusterActorRow, ClusterRow, DocumentRow, EventRow, InfluenceRow
from flashpoint.store.repository import decode_event

MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters of the event list; None means no filter."""

    bbox: tuple[float, float, float, float] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    actor: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    country: str | None = None
    admin1: str | None = None
    q: str | None = None


def like_pattern(text: str) -> str:
    """`%text%` with LIKE wildcards escaped (use with `escape='\\\\'`)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _bbox_condition(bbox: tuple[float, float, float, float], postgres: bool) -> ColumnElement[bool]:
    min_lon, min_lat, max_lon, max_lat = bbox
    # A box crossing the antimeridian (min_lon > max_lon) is two boxes.
    spans = [(min_lon, max_lon)] if min_lon <= max_lon else [(min_lon, 180.0), (-180.0, max_lon)]
    parts: list[ColumnElement[bool]] = []
    for low, high in spans:
        if postgres:
            envelope = func.ST_MakeEnvelope(low, min_lat, high, max_lat, 4326)
            parts.append(ClusterRow.geom.op("&&")(envelope))
        else:
            parts.append(and_(ClusterRow.lon.between(low, high), ClusterRow.lat.between(min_lat, max_lat)))
    return or_(*parts)


def _actor_condition(actor: str) -> ColumnElement[bool]:
    pattern = like_pattern(actor.casefold())
    matching = select(ClusterActorRow.cluster_id).where(
        or_(
            ClusterActorRow.actor_id == actor,
            func.lower(ClusterActorRow.name).like(pattern, escape="\\"),
            func.lower(ClusterActorRow.text).like(pattern, escape="\\"),
        )
    )
    return ClusterRow.id.in_(matching)


def conditions(flt: EventFilter, *, postgres: bool) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a filter."""
    where: list[ColumnElement[bool]] = []
    if flt.bbox is not None:
        where.append(_bbox_condition(flt.bbox, postgres))
    if flt.start is not None:
        where.append(ClusterRow.end_date >= flt.start)
    if flt.end is not None:
        where.append(ClusterRow.start_date <= flt.end)
    if flt.actor:
        where.append(_actor_condition(flt.actor))
    if flt.event_type:
        where.append(ClusterRow.event_type == flt.event_type)
    if flt.sub_event_type:
        where.append(ClusterRow.sub_event_type == flt.sub_event_type)
    if flt.country:
        where.append(ClusterRow.country == flt.country.upper())
    if flt.admin1:
        where.append(func.lower(ClusterRow.admin1) == flt.admin1.casefold())
    if flt.q:
        where.append(ClusterRow.search_text.like(like_pattern(flt.q.casefold()), escape="\\"))
    return where


def search_events(session: Session, flt: EventFilter, *, limit: int = 100, offset: int = 0) -> tuple[int, list[JsonDict]]:
    """(total matching, one page of merged records), newest first."""
    postgres = session.get_bind().dialect.name == "postgresql"
    where = conditions(flt, postgres=postgres)
    total = session.scalar(select(func.count()).select_from(ClusterRow).where(*where)) or 0
    page = session.scalars(
        select(ClusterRow.record)
        .where(*where)
        .order_by(ClusterRow.start_date.desc().nulls_last(), ClusterRow.id)
        .limit(max(0, min(limit, MAX_LIMIT)))
        .offset(max(0, offset))
    )
    return total, list(page)


def iter_records(session: Session, flt: EventFilter | None = None, *, chunk: int = 500) -> Iterator[JsonDict]:
    """Every merged record matching `flt`, oldest first, streamed (for exports)."""
    postgres = session.get_bind().dialect.name == "postgresql"
    where = conditions(flt or EventFilter(), postgres=postgres)
    query = select(ClusterRow.record).where(*where).order_by(ClusterRow.start_date.asc().nulls_last(), ClusterRow.id)
    yield from session.scalars(query.execution_options(yield_per=chunk))


def resolve_cluster_id(session: Session, event_id: str) -> str | None:
    """The merged event an id names: a cluster id, a stored event id, or a unique per-document id."""
    if session.get(ClusterRow, event_id) is not None:
        return event_id
    row = session.get(EventRow, event_id)
    if row is not None:
        return row.cluster_id
    matches = list(session.scalars(select(EventRow.cluster_id).where(EventRow.event_id == event_id).limit(2)))
    if len(matches) > 1:
        raise StoreError(f"event id {event_id!r} is ambiguous: use the store id (`id` field)", field="event_id", value=event_id)
    return matches[0] if matches else None


def _document_json(doc: DocumentRow, events: list[EventRow]) -> JsonDict:
    decoded = [decode_event(row) for row in events]
    evidence = sorted({tuple(span.to_list()) for event in decoded for span in event.evidence})
    claims = [claim_json(claim) for event in decoded for claim in event.attribution]
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "published": doc.published.isoformat() if doc.published else None,
        "text": doc.text,
        "evidence": [list(span) for span in evidence],
        "claims": claims,
        "events": [row.id for row in events],
    }


def event_detail(session: Session, event_id: str) -> JsonDict | None:
    """`{event, documents, reviews}` for one merged event, or None when unknown."""
    cluster_id = resolve_cluster_id(session, event_id)
    cluster = session.get(ClusterRow, cluster_id) if cluster_id else None
    if cluster is None:
        return None
    rows = session.execute(
        select(EventRow, DocumentRow)
        .join(DocumentRow, EventRow.doc_id == DocumentRow.doc_id)
        .where(EventRow.cluster_id == cluster.id)
        .order_by(DocumentRow.published, DocumentRow.doc_id, EventRow.position)
    ).all()
    by_doc: dict[str, tuple[DocumentRow, list[EventRow]]] = {}
    for event_row, doc in rows:
        by_doc.setdefault(doc.doc_id, (doc, []))[1].append(event_row)
    documents = [_document_json(doc, events) for doc, events in by_doc.values()]
    reviews = review_dicts(session, [row.id for row, _ in rows])
    return {"event": cluster.record, "documents": documents, "reviews": reviews}


def influence_records(session: Session) -> list[JsonDict]:
    """Every influence record with its store id and document id."""
    rows = session.scalars(select(InfluenceRow).order_by(InfluenceRow.doc_id, InfluenceRow.position))
    return [{"id": row.id, "doc_id": row.doc_id, **influence_json(decode(Influence, row.data))} for row in rows]


def store_stats(session: Session, *, max_actors: int = 500) -> JsonDict:
    """Counts, date range, and the actors, types and countries to offer as filters."""

    def count(model: type[Any]) -> int:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    first, last = session.execute(select(func.min(ClusterRow.start_date), func.max(ClusterRow.end_date))).one()
    actors = session.execute(
        select(ClusterActorRow.actor_id, func.min(ClusterActorRow.name), func.count(func.distinct(ClusterActorRow.cluster_id)))
        .where(ClusterActorRow.actor_id.is_not(None))
        .group_by(ClusterActorRow.actor_id)
        .order_by(func.count(func.distinct(ClusterActorRow.cluster_id)).desc(), ClusterActorRow.actor_id)
        .limit(max_actors)
    ).all()
    return {
        "documents": count(DocumentRow),
        "events": count(ClusterRow),
        "reports": count(EventRow),
        "influences": count(InfluenceRow),
        "date_range": {"start": _iso(first), "end": _iso(last)},
        "actors": [{"id": a, "name": n, "count": c} for a, n, c in actors],
        "event_types": _counts(session, ClusterRow.event_type),
        "sub_event_types": _counts(session, ClusterRow.sub_event_type),
        "countries": _counts(session, ClusterRow.country),
    }


def _counts(session: Session, column: Any) -> dict[str, int]:
    rows = session.execute(select(column, func.count()).where(column.is_not(None)).group_by(column).order_by(column))
    return {str(value): int(n) for value, n in rows}


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
