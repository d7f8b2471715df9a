"""GeoJSON for QGIS: Point [lon, lat] or null geometry, flat properties, influences in their own layer."""

from __future__ import annotations

import copy
import io
import json
from typing import Any

from shapely.geometry import shape

from flashpoint.export.geojson import events_collection, influences_collection, write_geojson


def _check_layer(collection: dict[str, Any]) -> None:
    assert collection["type"] == "FeatureCollection" and collection["name"]
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        if feature["geometry"] is not None:
            point = shape(feature["geometry"])
            assert point.geom_type == "Point" and -180 <= point.x <= 180 and -90 <= point.y <= 90
        assert all(not isinstance(v, dict | list) for v in feature["properties"].values())


def test_event_layer(demo_records: dict[str, Any]) -> None:
    collection = events_collection(demo_records["events"])
    _check_layer(collection)
    clash = next(f for f in collection["features"] if f["properties"]["n_sources"] == 2)
    assert clash["geometry"]["coordinates"] == [-2.949, 15.003]
    assert json.loads(clash["properties"]["record"])["id"] == clash["id"]


def test_unknown_place_has_null_geometry(demo_records: dict[str, Any]) -> None:
    events = copy.deepcopy(demo_records["events"][:1])
    events[0]["place"] = None
    collection = events_collection(events)
    assert collection["features"][0]["geometry"] is None
    _check_layer(collection)


def test_influence_layer(demo_records: dict[str, Any]) -> None:
    collection = influences_collection(demo_records["influences"])
    _check_layer(collection)
    assert collection["features"][0]["properties"]["kind"] == "control"


def test_writer_output_is_json(demo_records: dict[str, Any]) -> None:
    stream = io.StringIO()
    write_geojson(demo_records["events"], stream, influences=demo_records["influences"])
    layers = {f["properties"]["layer"] for f in json.loads(stream.getvalue())["features"]}
    assert layers == {"event", "influence"}
