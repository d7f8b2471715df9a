"""Event routes: list with filters, one event with its reports, and analyst reviews."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from flashpoint.api.errors import ApiError
from flashpoint.api.filters import event_filter
from flashpoint.api.security import check_token
from flashpoint.api.state import AppState, get_state
from flashpoint.errors import StoreError
from flashpoint.store.queries import EventFilter, event_detail, search_events
from flashpoint.store.reviews import add_review

router = APIRouter(prefix="/api", tags=["events"])
MAX_ID = 300


class ReviewIn(BaseModel):
    """An analyst's decision: confirm, correct one field, reject, or split from a merge."""

    model_config = ConfigDict(extra="forbid")
    action: Literal["confirm", "correct", "reject", "split"]
    field: str | None = Field(default=None, max_length=40)
    value: Any = None
    reviewer: str = Field(min_length=1, max_length=200)


@router.get("/events", summary="Merged events matching the filters, newest first")
def list_events(
    state: Annotated[AppState, Depends(get_state)],
    flt: Annotated[EventFilter, Depends(event_filter)],
    limit: Annotated[int, Query(ge=0, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    """`{ok, total, events}`; each event is a merged record with `merged_id`, `sources`, `review`."""
    with state.store.session() as session:
        total, events = search_events(session, flt, limit=limit, offset=offset)
    return {"ok": True, "total": total, "events": events}


def _checked_id(event_id: str) -> str:
    if not event_id or len(event_id) > MAX_ID:
        raise ApiError(400, f"event id must be 1-{MAX_ID} characters", [{"field": "event_id"}])
    return event_id


@router.get("/events/{event_id}", summary="One merged event with its reports, evidence spans and claims")
def get_event(event_id: str, state: Annotated[AppState, Depends(get_state)]) -> dict[str, Any]:
    """`{ok, event, documents, reviews}`; 404 when no event has this id."""
    with state.store.session() as session:
        try:
            detail = event_detail(session, _checked_id(event_id))
        except StoreError as exc:
            raise ApiError(409, exc.message, [{"field": "event_id"}]) from exc
    if detail is None:
        raise ApiError(404, f"no event {event_id!r}")
    return {"ok": True, **detail}


@router.post("/events/{event_id}/review", summary="Record a review (needs the write token)")
def review_event(
    event_id: str,
    review: ReviewIn,
    request: Request,
    state: Annotated[AppState, Depends(get_state)],
) -> dict[str, Any]:
    """Store the review with who and when; returns it and the event as it now reads."""
    state.limiter.check(request)
    check_token(request, state.token)
    with state.store.session.begin() as session:
        try:
            stored, record = add_review(
                session, _checked_id(event_id), action=review.action, reviewer=review.reviewer, field=review.field, value=review.value
            )
        except StoreError as exc:
            raise ApiError(404, exc.message, [{"field": exc.field}]) from exc
    return {"ok": True, "review": stored, "event": record}
