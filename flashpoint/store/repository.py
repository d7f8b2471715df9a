"""Write a processed `Document` (events, influences, claims) and read it back.

Each document is written in its own transaction and only once: its `doc_id` is the
content hash, so re-ingesting the same report changes nothing. Rows are built from
the model through `codec` (exact) plus a few filter columns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from flashpoint.errors import StoreError
from flashpoint.model import Claim, Document, Event, Influence
from flashpoint.store.codec import decode, encode
from flashpoint.store.engine import Store
from flashpoint.store.models import DocumentRow, EventRow, InfluenceRow, point_ewkt

_TEXT_FIELDS = ("text", "title", "source", "url", "path", "lang")


def event_key(doc_id: str, event_id: str) -> str:
    """Store-wide id of an event: the document hash prefix and the event's id within it."""
    return f"{doc_id[:16]}:{event_id}"


def influence_key(doc_id: str, position: int) -> str:
    """Store-wide id of an influence record."""
    return f"{doc_id[:16]}:inf{position}"


def now_utc() -> dt.datetime:
    """The current time, timezone-aware (stored as UTC)."""
    return dt.datetime.now(dt.UTC)


def has_document(session: Session, doc_id: str) -> bool:
    """True when a document with this id is stored."""
    return session.get(DocumentRow, doc_id) is not None


def stored_doc_ids(session: Session, doc_ids: Iterable[str]) -> set[str]:
    """The subset of `doc_ids` already stored (one query)."""
    wanted = list(set(doc_ids))
    if not wanted:
        return set()
    found = session.scalars(select(DocumentRow.doc_id).where(DocumentRow.doc_id.in_(wanted)))
    return set(found)


def _check_storable(doc: Document) -> None:
    # PostgreSQL text cannot hold NUL and UTF-8 cannot hold lone surrogates: refuse on both backends alike.
    for name in _TEXT_FIELDS:
        value = getattr(doc, name)
        if value is None:
            continue
        if "\x00" in value:
            raise StoreError(f"document {name} contains a NUL character", doc_id=doc.doc_id, field=name)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise StoreError(f"document {name} is not valid Unicode: {exc.reason}", doc_id=doc.doc_id, field=name) from exc


def _event_row(doc: Document, event: Event, position: int) -> EventRow:
    place, time = event.place, event.time
    actors = [event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2]
    return EventRow(
        id=event_key(doc.doc_id, event.event_id),
        doc_id=doc.doc_id,
        event_id=event.event_id,
        position=position,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        aggregate=event.aggregate,
        excluded=event.negated or event.future,
        confidence=event.confidence,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        geo_precision=place.geo_precision if place else None,
        start_date=time.start if time else None,
        end_date=time.end if time else None,
        actor_ids=sorted({a.id for a in actors if a is not None and a.id}),
        cluster_id=None,
        data=encode(event),
    )


def _influence_row(doc: Document, influence: Influence, position: int) -> InfluenceRow:
    place, time = influence.place, influence.time
    lat, lon = (place.lat, place.lon) if place else (None, None)
    return InfluenceRow(
        id=influence_key(doc.doc_id, position),
        doc_id=doc.doc_id,
        position=position,
        kind=influence.kind,
        actor_id=influence.actor.id,
        lat=lat,
        lon=lon,
        geom=point_ewkt(lat, lon),
        country=place.country if place else None,
        start_date=time.start if time else None,
        end_date=time.end if time else None,
        data=encode(influence),
    )


def document_rows(doc: Document) -> list[Any]:
    """The rows that store `doc`: the document, its events and its influences."""
    _check_storable(doc)
    rows: list[Any] = [
        DocumentRow(
            doc_id=doc.doc_id,
            text=doc.text,
            title=doc.title,
            source=doc.source,
            url=doc.url,
            path=doc.path,
            published=doc.published,
            lang=doc.lang,
            claims=encode(doc.claims),
            ingested_at=now_utc(),
        )
    ]
    rows.extend(_event_row(doc, event, i) for i, event in enumerate(doc.events))
    rows.extend(_influence_row(doc, influence, i) for i, influence in enumerate(doc.influences))
    return rows


def write_document(store: Store, doc: Document) -> bool:
    """Store `doc` in one transaction; False (and no change) if it is already stored.

    Raises StoreError (with the doc_id) when the database refuses the write.
    Example: `write_document(store, nlp(text))`.
    """
    try:
        with store.session.begin() as session:
            if has_document(session, doc.doc_id):
                return False
            session.add_all(document_rows(doc))
        return True
    except IntegrityError as exc:
        # Another writer stored the same document between our check and our insert.
        with store.session() as session:
            if has_document(session, doc.doc_id):
                return False
        raise StoreError(f"cannot store document: {exc.orig}", doc_id=doc.doc_id) from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot store document: {exc}", doc_id=doc.doc_id) from exc


def read_document(session: Session, doc_id: str) -> Document | None:
    """The stored document with its events, influences and claims, or None."""
    row = session.get(DocumentRow, doc_id)
    if row is None:
        return None
    events = session.scalars(select(EventRow).where(EventRow.doc_id == doc_id).order_by(EventRow.position))
    influences = session.scalars(
        select(InfluenceRow).where(InfluenceRow.doc_id == doc_id).order_by(InfluenceRow.position)
    )
    return Document(
        text=row.text,
        doc_id=row.doc_id,
        published=row.published,
        lang=row.lang,
        source=row.source,
        url=row.url,
        path=row.path,
        title=row.title,
        claims=tuple(decode(Claim, c) for c in row.claims),
        events=tuple(decode(Event, e.data) for e in events),
        influences=tuple(decode(Influence, i.data) for i in influences),
    )


def decode_event(row: EventRow) -> Event:
    """The model `Event` of a stored row."""
    return decode(Event, row.data)
