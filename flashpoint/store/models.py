"""The store's tables: documents, events, merged clusters, actors, influences, reviews, splits.

One schema for both backends. Full records live in JSON columns (exact round-trip
through `flashpoint.store.codec`); the columns beside them exist only to filter and
merge. On PostgreSQL, clusters and influences also carry a PostGIS point (`geom`);
on SQLite that column stays NULL and bbox queries use `lat`/`lon`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from geoalchemy2 import Geometry
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine

ID = String(200)


class PointGeometry(TypeDecorator[str]):
    """A WGS84 point: PostGIS `geometry(POINT,4326)` on PostgreSQL, unused TEXT on SQLite.

    Values are EWKT strings (`SRID=4326;POINT(lon lat)`), which PostGIS parses on input.
    """

    impl = Geometry
    cache_ok = True

    def __init__(self) -> None:
        # geoalchemy2's DDL hooks read these attributes; the GIST index is declared explicitly.
        super().__init__(geometry_type="POINT", srid=4326, spatial_index=False)

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect is not None and dialect.name == "postgresql":
            return dialect.type_descriptor(Geometry(geometry_type="POINT", srid=4326, spatial_index=False))
        return Text() if dialect is None else dialect.type_descriptor(Text())


def point_ewkt(lat: float | None, lon: float | None) -> str | None:
    """EWKT of a point, or None when a coordinate is unknown."""
    if lat is None or lon is None:
        return None
    return f"SRID=4326;POINT({lon!r} {lat!r})"


class Base(DeclarativeBase):
    """Declarative base of every table."""


class DocumentRow(Base):
    """A stored report: its text, metadata, claims layer and ingest time."""

    __tablename__ = "documents"
    doc_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    lang: Mapped[str | None] = mapped_column(String(16))
    claims: Mapped[Any] = mapped_column(JSON, nullable=False)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class EventRow(Base):
    """One event as a report coded it (`data` is the full codec record)."""

    __tablename__ = "events"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.doc_id", ondelete="CASCADE"), index=True)
    event_id: Mapped[str] = mapped_column(String(160), index=True)
    position: Mapped[int] = mapped_column(Integer)
    event_type: Mapped[str] = mapped_column(String(80), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(80))
    aggregate: Mapped[bool] = mapped_column(Boolean)
    excluded: Mapped[bool] = mapped_column(Boolean)
    """Negated or future: not a real event, never merged."""
    confidence: Mapped[float] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    admin1: Mapped[str | None] = mapped_column(Text)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    actor_ids: Mapped[Any] = mapped_column(JSON, nullable=False)
    cluster_id: Mapped[str | None] = mapped_column(ID, index=True)
    data: Mapped[Any] = mapped_column(JSON, nullable=False)
    __table_args__ = (UniqueConstraint("doc_id", "event_id", name="uq_events_doc_event"),)


class ClusterRow(Base):
    """A merged event: one incident and every report of it (`record` is its JSON)."""

    __tablename__ = "clusters"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    event_type: Mapped[str] = mapped_column(String(80), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(80), index=True)
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    admin1: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geom: Mapped[str | None] = mapped_column(PointGeometry())
    start_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    n_sources: Mapped[int] = mapped_column(Integer)
    search_text: Mapped[str] = mapped_column(Text)
    record: Mapped[Any] = mapped_column(JSON, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    __table_args__ = (Index("ix_clusters_geom", "geom", postgresql_using="gist"),)


class ClusterActorRow(Base):
    """An actor of a merged event (for the actor filter and the actor list)."""

    __tablename__ = "cluster_actors"
    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[str | None] = mapped_column(String(160), index=True)
    name: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)


class InfluenceRow(Base):
    """A statement of presence or control (`data` is the full codec record)."""

    __tablename__ = "influences"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.doc_id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    actor_id: Mapped[str | None] = mapped_column(String(160), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geom: Mapped[str | None] = mapped_column(PointGeometry())
    country: Mapped[str | None] = mapped_column(String(8))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    data: Mapped[Any] = mapped_column(JSON, nullable=False)
    __table_args__ = (Index("ix_influences_geom", "geom", postgresql_using="gist"),)


class ReviewRow(Base):
    """An analyst's decision on an event: who, when, what."""

    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(40))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    reviewer: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class SplitRow(Base):
    """An analyst said two events are different incidents: merge never joins them again."""

    __tablename__ = "merge_splits"
    event_a: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    event_b: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    reviewer: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
