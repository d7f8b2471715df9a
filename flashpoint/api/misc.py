"""Read-only routes: influence areas, exports, statistics for the filters, health."""

from __future__ import annotations

import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy import text

from flashpoint.api.errors import ApiError
from flashpoint.api.filters import event_filter
from flashpoint.api.state import AppState, get_state
from flashpoint.export.geojson import influences_collection
from flashpoint.store.queries import EventFilter, influence_records, iter_records, store_stats

router = APIRouter(tags=["data"])

EXPORT_TYPES = {
    "jsonl": ("application/x-ndjson", "jsonl"),
    "csv": ("text/csv", "csv"),
    "acled-csv": ("text/csv", "csv"),
    "ucdp-csv": ("text/csv", "csv"),
    "geojson": ("application/geo+json", "geojson"),
}


@router.get("/api/influences", summary="Influence statements as a GeoJSON FeatureCollection")
def get_influences(state: Annotated[AppState, Depends(get_state)]) -> dict[str, Any]:
    """Presence/control/aim statements; geometry null when the place is unknown."""
    with state.store.session() as session:
        return influences_collection(influence_records(session))


def render_export(state: AppState, fmt: str, flt: EventFilter) -> str:
    """The store's merged events (matching `flt`) in format `fmt`."""
    from flashpoint.export.formats import write_events

    stream = io.StringIO()
    with state.store.session() as session:
        events = list(iter_records(session, flt))
        influences = influence_records(session) if fmt == "geojson" else None
    write_events(events, fmt, stream, influences=influences)
    return stream.getvalue()


@router.get("/api/export", summary="Download events as JSONL, ACLED CSV, UCDP CSV or GeoJSON")
def get_export(
    state: Annotated[AppState, Depends(get_state)],
    flt: Annotated[EventFilter, Depends(event_filter)],
    format: Annotated[str, Query(description="jsonl, csv, acled-csv, ucdp-csv or geojson")] = "jsonl",  # noqa: A002
) -> Response:
    """The export file; the same filters as /api/events apply."""
    if format not in EXPORT_TYPES:
        raise ApiError(400, f"format must be one of {', '.join(EXPORT_TYPES)}", [{"field": "format"}])
    media, extension = EXPORT_TYPES[format]
    body = render_export(state, format, flt)
    disposition = f'attachment; filename="flashpoint-events.{extension}"'
    return Response(body, media_type=f"{media}; charset=utf-8", headers={"Content-Disposition": disposition})


@router.get("/api/stats", summary="Counts, date range, and actors/types/countries for the filters")
def get_stats(state: Annotated[AppState, Depends(get_state)]) -> dict[str, Any]:
    """`{ok, documents, events, reports, influences, date_range, actors, event_types, ...}`."""
    with state.store.session() as session:
        return {"ok": True, **store_stats(session)}


@router.get("/healthz", summary="Liveness and database reachability")
def healthz(state: Annotated[AppState, Depends(get_state)]) -> dict[str, Any]:
    """`{ok, database}`; 503 in the error shape when the database does not answer."""
    try:
        with state.store.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error means "not healthy"
        raise ApiError(503, f"database unreachable: {type(exc).__name__}") from exc
    return {"ok": True, "database": state.store.engine.dialect.name, "writes_enabled": state.token is not None}
