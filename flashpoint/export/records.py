"""Event records as JSON objects following the output contract (docs/event-format.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flashpoint.model import ActorRef, Claim, Event, Fatalities, Influence, Place, Span, TimeRange

JsonDict = dict[str, Any]


def span_json(span: Span | None) -> list[int] | None:
    """`[start, end]` or None."""
    return span.to_list() if span is not None else None


def _date_json(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def actor_json(actor: ActorRef | None) -> JsonDict | None:
    """An actor reference as `{id, name, text, span, inter, resolution}`."""
    if actor is None:
        return None
    return {
        "id": actor.id,
        "name": actor.name,
        "text": actor.text,
        "span": span_json(actor.span),
        "inter": actor.inter,
        "resolution": actor.resolution,
    }


def place_json(place: Place | None) -> JsonDict | None:
    """A place with gazetteer id, admin names, coordinates and both precision codes."""
    if place is None:
        return None
    return {
        "name": place.name,
        "gazetteer_id": place.gazetteer_id,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "lat": place.lat,
        "lon": place.lon,
        "geo_precision": place.geo_precision,
        "where_prec": place.where_prec,
        "text": place.text,
        "span": span_json(place.span),
        "feature_code": place.feature_code,
        "no_match": place.no_match,
        "namesakes": place.namesakes,
    }


def time_json(time: TimeRange | None) -> JsonDict | None:
    """A time range with ACLED time_precision and UCDP date_prec."""
    if time is None:
        return None
    return {
        "start": _date_json(time.start),
        "end": _date_json(time.end),
        "time_precision": time.time_precision,
        "date_prec": time.date_prec,
        "text": time.text,
        "span": span_json(time.span),
        "kind": time.kind,
    }


def fatalities_json(fatalities: Fatalities) -> JsonDict:
    """low/best/high, qualifier and the original phrase."""
    return {
        "low": fatalities.low,
        "best": fatalities.best,
        "high": fatalities.high,
        "qualifier": fatalities.qualifier,
        "text": fatalities.text,
        "span": span_json(fatalities.span),
    }


def claim_json(claim: Claim) -> JsonDict:
    """Who claims it, what kind of source, and where."""
    return {
        "source": claim.source,
        "kind": claim.kind,
        "role": claim.role,
        "verb": claim.verb,
        "span": span_json(claim.span),
        "covers": span_json(claim.covers),
    }


def event_json(event: Event) -> JsonDict:
    """One event record, as `flashpoint extract --format jsonl` writes it."""
    return {
        "doc_id": event.doc_id,
        "event_id": event.event_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": actor_json(event.actor1),
        "assoc_actor_1": [actor_json(a) for a in event.assoc_actor_1],
        "actor2": actor_json(event.actor2),
        "assoc_actor_2": [actor_json(a) for a in event.assoc_actor_2],
        "place": place_json(event.place),
        "time": time_json(event.time),
        "fatalities": fatalities_json(event.fatalities),
        "attribution": [claim_json(c) for c in event.attribution],
        "aggregate": event.aggregate,
        "hedged": event.hedged,
        "negated": event.negated,
        "future": event.future,
        "confidence": round(event.confidence, 3),
        "evidence": [span.to_list() for span in event.evidence],
        "trigger": {"text": event.trigger.text, "span": span_json(event.trigger.span)},
        "notes": event.notes,
    }


def influence_json(influence: Influence) -> JsonDict:
    """An area-of-influence record (actor, area, time, kind, source)."""
    return {
        "actor": actor_json(influence.actor),
        "place": place_json(influence.place),
        "time": time_json(influence.time),
        "kind": influence.kind,
        "text": influence.text,
        "span": span_json(influence.span),
        "attribution": [claim_json(c) for c in influence.attribution],
    }
