"""Merge events across reports: run the clustering over the store and record the result.

`merge_all` re-clusters every event; `merge_pending` only the blocks (type group ×
country) that hold events not yet merged, which gives the same result because events
in different blocks can never merge. Both are deterministic and re-runnable: a second
run changes nothing. `split_event` is the analyst's undo: it detaches one event from
its merged incident and keeps it apart in every later run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from flashpoint.errors import StoreError
from flashpoint.export.records import JsonDict
from flashpoint.store.clustering import cluster_keys
from flashpoint.store.clusters import rebuild_cluster
from flashpoint.store.merge_rules import MergeKey, MergePolicy, load_merge_policy
from flashpoint.store.models import EventRow, ReviewRow, SplitRow
from flashpoint.store.repository import now_utc

Block = tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What a merge run did."""

    events: int
    clusters: int
    changed: int


def block_of(row: EventRow, policy: MergePolicy) -> Block:
    """The block of an event: events of different blocks never merge."""
    return (policy.type_group(row.event_type), row.country)


def _key(row: EventRow, policy: MergePolicy) -> MergeKey:
    return MergeKey(
        id=row.id,
        doc_id=row.doc_id,
        group=policy.type_group(row.event_type),
        aggregate=row.aggregate,
        lat=row.lat,
        lon=row.lon,
        country=row.country,
        admin1=row.admin1,
        geo_precision=row.geo_precision,
        start=row.start_date,
        end=row.end_date,
        actor_ids=frozenset(row.actor_ids),
    )


def _block_rows(session: Session, block: Block, policy: MergePolicy) -> list[EventRow]:
    group, country = block
    types = next((list(g) for g in policy.compatible_types if group in g), [group])
    where_country = EventRow.country.is_(None) if country is None else EventRow.country == country
    return list(session.scalars(select(EventRow).where(and_(EventRow.event_type.in_(types), where_country))))


def _splits(session: Session, ids: set[str]) -> list[tuple[str, str]]:
    rows = session.execute(select(SplitRow.event_a, SplitRow.event_b).where(or_(SplitRow.event_a.in_(ids), SplitRow.event_b.in_(ids))))
    return [(a, b) for a, b in rows]


def _merge_block(session: Session, block: Block, policy: MergePolicy) -> tuple[int, set[str], int]:
    rows = [r for r in _block_rows(session, block, policy) if block_of(r, policy) == block]
    mergeable = [_key(r, policy) for r in rows if not r.excluded and block[1] is not None]
    mapping = cluster_keys(mergeable, policy, splits=_splits(session, {r.id for r in rows}))
    touched: set[str] = set()
    changed = 0
    for row in rows:
        target = mapping.get(row.id, row.id)
        if row.cluster_id != target:
            touched.update(c for c in (row.cluster_id, target) if c is not None)
            row.cluster_id = target
            changed += 1
    session.flush()
    return len(rows), touched, changed


def merge_blocks(session: Session, blocks: Iterable[Block], policy: MergePolicy | None = None) -> MergeReport:
    """Re-cluster the given blocks and rebuild every merged record whose membership changed."""
    policy = policy or load_merge_policy()
    total, changed, touched = 0, 0, set()
    for block in sorted(set(blocks), key=lambda b: (b[0], b[1] or "")):
        count, block_touched, block_changed = _merge_block(session, block, policy)
        total, changed = total + count, changed + block_changed
        touched |= block_touched
    for cluster_id in sorted(touched):
        rebuild_cluster(session, cluster_id, policy)
    return MergeReport(events=total, clusters=len(touched), changed=changed)


def merge_pending(session: Session, policy: MergePolicy | None = None) -> MergeReport:
    """Merge the blocks that hold events not merged yet (after an ingest)."""
    policy = policy or load_merge_policy()
    rows = session.execute(select(EventRow.event_type, EventRow.country).where(EventRow.cluster_id.is_(None)).distinct())
    return merge_blocks(session, {(policy.type_group(t), c) for t, c in rows}, policy)


def merge_all(session: Session, policy: MergePolicy | None = None) -> MergeReport:
    """Re-cluster the whole store (deterministic: a second run changes nothing)."""
    policy = policy or load_merge_policy()
    rows = session.execute(select(EventRow.event_type, EventRow.country).distinct())
    return merge_blocks(session, {(policy.type_group(t), c) for t, c in rows}, policy)


def split_event(session: Session, event_key: str, *, reviewer: str, policy: MergePolicy | None = None) -> JsonDict | None:
    """Undo a merge: keep `event_key` apart from the rest of its incident; returns its new record."""
    policy = policy or load_merge_policy()
    row = session.get(EventRow, event_key)
    if row is None:
        raise StoreError(f"no event {event_key!r}", field="event_id", value=event_key)
    others = session.scalars(select(EventRow.id).where(and_(EventRow.cluster_id == row.cluster_id, EventRow.id != row.id)))
    now = now_utc()
    for other in others:
        a, b = sorted((row.id, other))
        if session.get(SplitRow, (a, b)) is None:
            session.add(SplitRow(event_a=a, event_b=b, reviewer=reviewer, created_at=now))
    session.add(ReviewRow(event_id=row.id, action="split", field=None, value=None, reviewer=reviewer, created_at=now))
    session.flush()
    merge_blocks(session, [block_of(row, policy)], policy)
    return rebuild_cluster(session, row.cluster_id or row.id, policy)
