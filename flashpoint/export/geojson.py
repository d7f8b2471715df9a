"""GeoJSON FeatureCollections for QGIS and the web map: one for events, one for influence areas.

Geometry is a Point `[lon, lat]`, or `null` when the place is unknown (QGIS keeps such
features in the attribute table). Properties are flat scalars so every GIS reads them
as columns; the full record rides along as a JSON string in `record`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

JsonDict = dict[str, Any]


def _point(place: JsonDict | None) -> JsonDict | None:
    if not place or place.get("lat") is None or place.get("lon") is None:
        return None
    return {"type": "Point", "coordinates": [place["lon"], place["lat"]]}


def _actor(actor: JsonDict | None, prefix: str) -> JsonDict:
    actor = actor or {}
    return {f"{prefix}": actor.get("name") or actor.get("text"), f"{prefix}_id": actor.get("id"), f"{prefix}_inter": actor.get("inter")}


def _place(place: JsonDict | None) -> JsonDict:
    place = place or {}
    return {
        "location": place.get("name") or place.get("text"),
        "country": place.get("country"),
        "admin1": place.get("admin1"),
        "admin2": place.get("admin2"),
        "geo_precision": place.get("geo_precision"),
        "where_prec": place.get("where_prec"),
    }


def _time(time: JsonDict | None) -> JsonDict:
    time = time or {}
    return {"start": time.get("start"), "end": time.get("end"), "time_precision": time.get("time_precision")}


def event_feature(record: JsonDict) -> JsonDict:
    """One event as a Feature with flat properties."""
    tolls = record.get("fatalities") or {}
    properties: JsonDict = {
        "id": record.get("id") or record.get("event_id"),
        "doc_id": record.get("doc_id"),
        "event_type": record.get("event_type"),
        "sub_event_type": record.get("sub_event_type"),
        **_actor(record.get("actor1"), "actor1"),
        **_actor(record.get("actor2"), "actor2"),
        **_place(record.get("place")),
        **_time(record.get("time")),
        "fatalities_low": tolls.get("low"),
        "fatalities_best": tolls.get("best"),
        "fatalities_high": tolls.get("high"),
        "aggregate": bool(record.get("aggregate")),
        "confidence": record.get("confidence"),
        "sources": "; ".join(s.get("source") or s.get("doc_id") or "" for s in record.get("sources") or []),
        "n_sources": len(record.get("sources") or []) or 1,
        "record": json.dumps(record, ensure_ascii=False),
    }
    return {"type": "Feature", "id": properties["id"], "geometry": _point(record.get("place")), "properties": properties}


def influence_feature(record: JsonDict) -> JsonDict:
    """One influence statement (presence, control, aim) as a Feature."""
    properties: JsonDict = {
        "id": record.get("id"),
        "doc_id": record.get("doc_id"),
        "kind": record.get("kind"),
        **_actor(record.get("actor"), "actor"),
        **_place(record.get("place")),
        **_time(record.get("time")),
        "text": record.get("text"),
        "claimants": "; ".join(c.get("source") or "" for c in record.get("attribution") or []),
    }
    return {"type": "Feature", "id": record.get("id"), "geometry": _point(record.get("place")), "properties": properties}


def feature_collection(features: Iterable[JsonDict], *, name: str) -> JsonDict:
    """A named FeatureCollection (the name becomes the QGIS layer name)."""
    return {"type": "FeatureCollection", "name": name, "features": list(features)}


def events_collection(events: Iterable[JsonDict]) -> JsonDict:
    """The event layer."""
    return feature_collection((event_feature(e) for e in events), name="flashpoint_events")


def influences_collection(influences: Iterable[JsonDict]) -> JsonDict:
    """The influence-area layer (kept separate: a GIS layer has one schema)."""
    return feature_collection((influence_feature(i) for i in influences), name="flashpoint_influences")


def write_geojson(events: list[JsonDict], stream: IO[str], *, influences: list[JsonDict] | None = None) -> None:
    """Write the event layer; influences, when given, become features with `layer: influence`.

    For a clean GIS layer of influences, write `influences_collection` to its own file.
    """
    collection = events_collection(events)
    for feature in collection["features"]:
        feature["properties"]["layer"] = "event"
    for influence in influences or []:
        feature = influence_feature(influence)
        feature["properties"]["layer"] = "influence"
        collection["features"].append(feature)
    json.dump(collection, stream, ensure_ascii=False)
    stream.write("\n")


def write_influences_geojson(influences: list[JsonDict], stream: IO[str]) -> None:
    """Write the influence layer alone."""
    json.dump(influences_collection(influences), stream, ensure_ascii=False)
    stream.write("\n")
