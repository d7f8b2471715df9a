"""Parse the event filters of the query string (shared by /api/events and /api/export)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query

from flashpoint.api.errors import ApiError
from flashpoint.store.queries import EventFilter

MAX_TEXT = 200


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """`minlon,minlat,maxlon,maxlat` → a tuple; ApiError 400 when malformed or out of range."""
    if not value:
        return None
    parts = value.split(",")
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError as exc:
        raise ApiError(400, "bbox must be four numbers: minlon,minlat,maxlon,maxlat", [{"field": "bbox"}]) from exc
    if len(numbers) != 4 or any(n != n for n in numbers):
        raise ApiError(400, "bbox must be four numbers: minlon,minlat,maxlon,maxlat", [{"field": "bbox"}])
    min_lon, min_lat, max_lon, max_lat = numbers
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ApiError(400, "bbox out of range (lon -180..180, lat -90..90, minlat <= maxlat)", [{"field": "bbox"}])
    return min_lon, min_lat, max_lon, max_lat


def parse_day(value: str | None, name: str) -> dt.date | None:
    """`YYYY-MM-DD` → date; ApiError 400 naming the parameter otherwise."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ApiError(400, f"{name} must be a date YYYY-MM-DD", [{"field": name}]) from exc


TextParam = Annotated[str | None, Query(max_length=MAX_TEXT)]


def event_filter(
    bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat", max_length=MAX_TEXT)] = None,
    start: Annotated[str | None, Query(description="YYYY-MM-DD: events ending on or after")] = None,
    end: Annotated[str | None, Query(description="YYYY-MM-DD: events starting on or before")] = None,
    actor: Annotated[str | None, Query(description="actor id, or part of its name or words", max_length=MAX_TEXT)] = None,
    type: Annotated[str | None, Query(description="ACLED event type", max_length=MAX_TEXT)] = None,  # noqa: A002 - the API's name
    sub_type: TextParam = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2", max_length=8)] = None,
    admin1: TextParam = None,
    q: Annotated[str | None, Query(description="text in the event, its actors, places or evidence", max_length=MAX_TEXT)] = None,
) -> EventFilter:
    """FastAPI dependency: the query-string filters as an `EventFilter`."""
    start_day, end_day = parse_day(start, "start"), parse_day(end, "end")
    if start_day and end_day and start_day > end_day:
        raise ApiError(400, "start is after end", [{"field": "start"}])
    return EventFilter(
        bbox=parse_bbox(bbox),
        start=start_day,
        end=end_day,
        actor=actor or None,
        event_type=type or None,
        sub_event_type=sub_type or None,
        country=country or None,
        admin1=admin1 or None,
        q=q or None,
    )
