"""Initial schema: documents, events, clusters, cluster actors, influences, reviews, splits.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from flashpoint.store.models import PointGeometry

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(200)


def _documents() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.String(128), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("source", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("path", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("lang", sa.String(16)),
        sa.Column("claims", sa.JSON(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )


def _events() -> None:
    op.create_table(
        "events",
        sa.Column("id", ID, primary_key=True),
        sa.Column("doc_id", sa.String(128), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
        sa.Column("event_id", sa.String(160), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.String(80), nullable=False),
        sa.Column("sub_event_type", sa.String(80), nullable=False),
        sa.Column("aggregate", sa.Boolean(), nullable=False),
        sa.Column("excluded", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("country", sa.String(8)),
        sa.Column("admin1", sa.Text()),
        sa.Column("geo_precision", sa.Integer()),
        sa.Column("start_date", sa.Date()),
        sa.Column("end_date", sa.Date()),
        sa.Column("actor_ids", sa.JSON(), nullable=False),
        sa.Column("cluster_id", ID),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.UniqueConstraint("doc_id", "event_id", name="uq_events_doc_event"),
    )
    for column in ("doc_id", "event_id", "event_type", "country", "cluster_id"):
        op.create_index(f"ix_events_{column}", "events", [column])


def _clusters() -> None:
    op.create_table(
        "clusters",
        sa.Column("id", ID, primary_key=True),
        sa.Column("event_type", sa.String(80), nullable=False),
        sa.Column("sub_event_type", sa.String(80), nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("admin1", sa.Text()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("geom", PointGeometry()),
        sa.Column("start_date", sa.Date()),
        sa.Column("end_date", sa.Date()),
        sa.Column("fatalities", sa.Integer()),
        sa.Column("n_sources", sa.Integer(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    for column in ("event_type", "sub_event_type", "country", "start_date", "end_date"):
        op.create_index(f"ix_clusters_{column}", "clusters", [column])
    op.create_index("ix_clusters_geom", "clusters", ["geom"], postgresql_using="gist")
    op.create_table(
        "cluster_actors",
        sa.Column("cluster_id", ID, sa.ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("role", sa.String(20), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("actor_id", sa.String(160)),
        sa.Column("name", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_index("ix_cluster_actors_actor_id", "cluster_actors", ["actor_id"])


def _influences() -> None:
    op.create_table(
        "influences",
        sa.Column("id", ID, primary_key=True),
        sa.Column("doc_id", sa.String(128), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("actor_id", sa.String(160)),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("geom", PointGeometry()),
        sa.Column("country", sa.String(8)),
        sa.Column("start_date", sa.Date()),
        sa.Column("end_date", sa.Date()),
        sa.Column("data", sa.JSON(), nullable=False),
    )
    op.create_index("ix_influences_doc_id", "influences", ["doc_id"])
    op.create_index("ix_influences_actor_id", "influences", ["actor_id"])
    op.create_index("ix_influences_geom", "influences", ["geom"], postgresql_using="gist")


def _reviews() -> None:
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("event_id", ID, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("field", sa.String(40)),
        sa.Column("value", sa.JSON()),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_reviews_event_id", "reviews", ["event_id"])
    op.create_table(
        "merge_splits",
        sa.Column("event_a", ID, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("event_b", ID, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    _documents()
    _events()
    _clusters()
    _influences()
    _reviews()


def downgrade() -> None:
    for table in ("merge_splits", "reviews", "influences", "cluster_actors", "clusters", "events", "documents"):
        op.drop_table(table)
