"""The map view: offline basemap, one marker per located event (or counted in a cluster),
styled by type and sized by fatalities, the legend, the influence layer toggle."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.integration

RADIUS = re.compile(r"a([\d.]+),([\d.]+) 0 1,0")


def _located(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e.get("place") and e["place"].get("lat") is not None and e["place"].get("lon") is not None]


def _cluster_total(page: Any) -> int:
    return sum(int(c.text) for c in page.css(".marker-cluster") if c.text.strip().isdigit())


def _single_markers(page: Any) -> list[Any]:
    """Open clusters (as a user would, by clicking them) until single markers are drawn."""
    for _ in range(8):
        markers = page.css("[data-testid=event-marker]")
        if markers:
            return markers
        page.css(".marker-cluster")[0].click()
        page.settle()
    raise AssertionError("no single marker after opening clusters")


def test_page_map_places_every_located_event(page: Any, fetch_events: Callable[..., Any]) -> None:
    events = fetch_events()
    located = _located(events)
    assert located, "the demo store must hold events with coordinates"
    page.open()
    markers = page.css("[data-testid=event-marker]")
    assert len(markers) + _cluster_total(page) == len(located)
    assert len(page.row_ids()) == min(len(events), 500)
    assert int(page.one("[data-testid=map]").get_attribute("data-located")) == len(located)
    page.screenshot("map")
    assert not page.one("[data-testid=error]").is_displayed()
    assert page.severe_logs() == []


def test_page_map_draws_offline_basemap_and_legend(page: Any, api: Any) -> None:
    page.open()
    # Natural Earth 1:50m has ~240 admin-0 countries; a tile server is never contacted.
    countries = int(page.one("[data-testid=map]").get_attribute("data-basemap"))
    assert countries > 200
    assert len(page.css(".leaflet-basemap-pane path")) > 200
    assert page.css(".leaflet-tile") == []
    legend = page.one("[data-testid=legend]").text
    for event_type in api.get("/api/stats").json()["event_types"]:
        assert event_type in legend


def test_page_map_styles_markers_by_type_and_fatalities(page: Any, fetch_events: Callable[..., Any]) -> None:
    by_id = {e["key"]: e for e in fetch_events()}
    page.open()
    for marker in _single_markers(page):
        event = by_id[marker.get_attribute("data-event-id")]
        assert marker.get_attribute("fill") == page.module_call("eventstyle", "typeColour", event["event_type"])
        radius = float(RADIUS.search(marker.get_attribute("d")).group(1))
        # Leaflet draws SVG circles with a whole-pixel radius.
        assert radius == round(page.module_call("eventstyle", "fatalityRadius", event["fatalities"]))


def test_page_map_marker_click_opens_event(page: Any) -> None:
    page.open()
    marker = _single_markers(page)[0]
    event_id = marker.get_attribute("data-event-id")
    marker.click()
    page.idle().wait_for(lambda: page.one("[data-testid=event-panel]").is_displayed(), "event panel")
    assert page.one("[data-testid=field-id]").text == event_id
    assert page.one(f'tr[data-event-id="{event_id}"]').get_attribute("aria-selected") == "true"


def test_page_map_influence_layer_toggles(page: Any, api: Any) -> None:
    features = [f for f in api.get("/api/influences").json()["features"] if f.get("geometry")]
    assert features, "the demo store must hold influence areas"
    page.open()
    toggle = page.one("[data-testid=toggle-influence]")
    assert toggle.is_selected()
    assert len(page.css("[data-testid=influence-area]")) == len(features)
    toggle.click()
    assert page.css("[data-testid=influence-area]") == []
    toggle.click()
    assert len(page.css("[data-testid=influence-area]")) == len(features)
