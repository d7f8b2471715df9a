"""Filtering: actor and type go to the API; the time range (From/To or a drag on the
timeline) narrows the loaded events. The table and the map always show the same set."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from selenium.webdriver.common.action_chains import ActionChains

pytestmark = pytest.mark.integration


def _overlaps(event: dict[str, Any], start: str, end: str) -> bool:
    time = event.get("time") or {}
    if not time.get("start"):
        return False
    return (time.get("end") or time["start"]) >= start and time["start"] <= end


def _located(events: list[dict[str, Any]]) -> int:
    return sum(1 for e in events if (e.get("place") or {}).get("lat") is not None and e["place"].get("lon") is not None)


def test_page_filters_by_actor(page: Any, api: Any, fetch_events: Callable[..., Any]) -> None:
    everything = fetch_events()
    actors = api.get("/api/stats").json()["actors"]
    counts = {a["id"]: len(fetch_events(actor=a["id"])) for a in actors}
    actor = max((a for a in actors if 0 < counts[a["id"]] < len(everything)), key=lambda a: counts[a["id"]], default=None)
    assert actor is not None, "the demo store must hold an actor in some but not all events"
    expected = fetch_events(actor=actor["id"])
    page.open()
    assert len(page.row_ids()) == len(everything)
    page.select("filter-actor", actor["id"])
    page.wait_for(lambda: sorted(page.row_ids()) == sorted(e["key"] for e in expected), "actor rows")
    assert int(page.one("[data-testid=map]").get_attribute("data-located")) == _located(expected)
    page.select("filter-actor", "")
    page.wait_for(lambda: len(page.row_ids()) == len(everything), "all rows back")


def test_page_filters_by_type(page: Any, api: Any, fetch_events: Callable[..., Any]) -> None:
    everything = fetch_events()
    event_type = sorted({e["event_type"] for e in everything})[0]
    expected = fetch_events(type=event_type)
    assert 0 < len(expected) < len(everything), "the demo store must mix event types"
    page.open()
    page.select("filter-type", event_type)
    page.wait_for(lambda: sorted(page.row_ids()) == sorted(e["key"] for e in expected), "type rows")


def test_page_filters_by_date_range(page: Any, fetch_events: Callable[..., Any]) -> None:
    events = fetch_events()
    starts = sorted(e["time"]["start"] for e in events if (e.get("time") or {}).get("start"))
    start, end = starts[len(starts) // 4], starts[len(starts) // 2]
    expected = [e for e in events if _overlaps(e, start, end)]
    assert 0 < len(expected) < len(events), "the demo store must span several dates"
    page.open()
    page.set_date_range(start, end)
    page.wait_for(lambda: sorted(page.row_ids()) == sorted(e["key"] for e in expected), "date rows")
    assert int(page.one("[data-testid=map]").get_attribute("data-located")) == _located(expected)
    selected = page.css("rect.fp-bar-selected")
    assert selected and all(start[:7] <= r.get_attribute("data-month") <= end[:7] for r in selected)
    page.one("[data-testid=filter-clear-time]").click()
    page.wait_for(lambda: len(page.row_ids()) == len(events), "all rows back")


def test_page_filters_by_timeline_drag(page: Any, fetch_events: Callable[..., Any]) -> None:
    events = fetch_events()
    page.open()
    bars = [b for b in page.css("rect.fp-bar") if int(b.get_attribute("data-count")) > 0]
    assert len(bars) >= 2, "the demo store must span at least two months"
    brush = page.one("[data-testid=timeline-brush]")
    first, last = bars[0], bars[(len(bars) - 1) // 2]
    months = (first.get_attribute("data-month"), last.get_attribute("data-month"))  # bars are redrawn after the drag
    offset = lambda bar: int(bar.location["x"] + bar.size["width"] / 2 - brush.location["x"] - brush.size["width"] / 2)  # noqa: E731
    ActionChains(page.driver).move_to_element_with_offset(brush, offset(first), 0).click_and_hold() \
        .move_to_element_with_offset(brush, offset(last), 0).release().perform()
    page.wait_for(lambda: page.one("[data-testid=filter-start]").get_attribute("value"), "range from the drag")
    start = page.one("[data-testid=filter-start]").get_attribute("value")
    end = page.one("[data-testid=filter-end]").get_attribute("value")
    assert (start[:7], end[:7]) == months
    expected = sorted(e["key"] for e in events if _overlaps(e, start, end))
    page.wait_for(lambda: sorted(page.row_ids()) == expected, "dragged rows")
    assert len(expected) < len(events)


def test_page_filters_table_sorts_by_date(page: Any) -> None:
    page.open()
    # Undated events ("—") sort last either way; the dated ones must be in order.
    dates = lambda: [c.text[:10] for c in page.css("[data-testid=event-row] td[data-col=date]") if c.text[:1].isdigit()]  # noqa: E731
    assert dates() == sorted(dates(), reverse=True)
    page.one("[data-testid=sort-date]").click()
    assert dates() == sorted(dates())
    assert page.one("[data-testid=sort-date]").find_element("xpath", "..").get_attribute("aria-sort") == "ascending"
