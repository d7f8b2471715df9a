"""Record an analyst's review of an event (confirm, correct a field, reject, split from a merge).

Reviews are kept forever with who and when; a correction changes the merged record
(latest wins), a rejection marks it, a split undoes a merge.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from flashpoint.errors import InputError, StoreError
from flashpoint.export.records import JsonDict
from flashpoint.store.clusters import rebuild_cluster, review_json
from flashpoint.store.merge import split_event
from flashpoint.store.merge_rules import MergePolicy, load_merge_policy
from flashpoint.store.merged_record import CORRECTABLE_FIELDS
from flashpoint.store.models import EventRow, ReviewRow
from flashpoint.store.queries import resolve_cluster_id
from flashpoint.store.repository import now_utc

ACTIONS = ("confirm", "correct", "reject", "split")
MAX_REVIEWER_CHARS = 200


def check_review(action: str, field: str | None, value: Any, reviewer: str) -> None:
    """InputError naming the field when a review is malformed."""
    if action not in ACTIONS:
        raise InputError(f"action must be one of {', '.join(ACTIONS)}", field="action", value=action)
    if not reviewer.strip() or len(reviewer) > MAX_REVIEWER_CHARS:
        raise InputError(f"reviewer must be 1-{MAX_REVIEWER_CHARS} characters", field="reviewer")
    if action != "correct":
        return
    if field not in CORRECTABLE_FIELDS:
        raise InputError(f"field must be one of {', '.join(sorted(CORRECTABLE_FIELDS))}", field="field", value=field)
    if field in {"event_type", "sub_event_type"} and not (isinstance(value, str) and value.strip()):
        raise InputError(f"{field} must be a non-empty string", field="value")
    if field in {"time", "fatalities"} and not isinstance(value, dict):
        raise InputError(f"{field} correction must be an object", field="value")


def _target_event(session: Session, event_id: str) -> EventRow:
    # A review names a merged event (or one of its reports); it is stored on a report.
    row = session.get(EventRow, event_id)
    if row is not None:
        return row
    cluster_id = resolve_cluster_id(session, event_id)
    row = session.scalars(select(EventRow).where(EventRow.cluster_id == cluster_id).order_by(EventRow.id).limit(1)).first() if cluster_id else None
    if row is None:
        raise StoreError(f"no event {event_id!r}", field="event_id", value=event_id)
    return row


def add_review(
    session: Session,
    event_id: str,
    *,
    action: str,
    reviewer: str,
    field: str | None = None,
    value: Any = None,
    policy: MergePolicy | None = None,
) -> tuple[JsonDict, JsonDict | None]:
    """Store a review; returns (the review, the event's merged record after it)."""
    check_review(action, field, value, reviewer)
    policy = policy or load_merge_policy()
    row = _target_event(session, event_id)
    if action == "split":
        record = split_event(session, row.id, reviewer=reviewer, policy=policy)
        review = session.scalars(select(ReviewRow).where(ReviewRow.event_id == row.id).order_by(ReviewRow.id.desc())).first()
        return review_json(review) if review else {}, record
    correcting = action == "correct"
    review_row = ReviewRow(
        event_id=row.id,
        action=action,
        field=field if correcting else None,
        value=value if correcting else None,
        reviewer=reviewer.strip(),
        created_at=now_utc(),
    )
    session.add(review_row)
    session.flush()
    record = rebuild_cluster(session, row.cluster_id or row.id, policy)
    return review_json(review_row), record
