"""Opening an event: the panel shows the fields with their precision codes, names the
claimants, and highlights exactly the evidence spans in each source report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.integration


def _covered(spans: list[list[int]], length: int) -> set[int]:
    """Code-point positions inside any span (clamped to the text), as the page marks them."""
    return {i for s, e in spans for i in range(max(0, s), min(e, length))}


def _event_with_evidence(api: Any, events: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    for event in sorted(events, key=lambda e: e["key"]):
        detail = api.get(f"/api/events/{event['key']}").json()
        if any(doc.get("evidence") and doc.get("claims") for doc in detail["documents"]):
            return event["key"], detail
    raise AssertionError("the demo store must hold an event with evidence and a named claimant")


def test_page_event_panel_highlights_evidence_and_names_claimant(page: Any, api: Any, fetch_events: Callable[..., Any]) -> None:
    key, detail = _event_with_evidence(api, fetch_events())
    event = detail["event"]
    page.open()
    panel = page.open_event(key)
    reports = page.css("[data-testid=report]")
    assert [r.get_attribute("data-doc-id") for r in reports] == [d["doc_id"] for d in detail["documents"]]
    for report, doc in zip(reports, detail["documents"], strict=True):
        text_node = report.find_element("css selector", "[data-testid=report-text]")
        # The page shows the whole text, not a snippet.
        assert page.js("return arguments[0].textContent", text_node) == doc["text"]
        marked: set[int] = set()
        for mark in text_node.find_elements("css selector", "mark.fp-evidence"):
            start, end = int(mark.get_attribute("data-start")), int(mark.get_attribute("data-end"))
            assert page.js("return arguments[0].textContent", mark) == doc["text"][start:end]
            marked |= set(range(start, end))
        assert marked == _covered(doc["evidence"], len(doc["text"]))
        claimants = report.find_element("css selector", "[data-testid=claims]").text
        for claim in doc["claims"]:
            assert claim["source"] in claimants
    panel_text = panel.text
    for claim in event["attribution"]:
        assert claim["source"] in page.one("[data-testid=field-claimants]").text
    if event.get("place"):
        assert f"geo_precision {event['place']['geo_precision']}" in page.one("[data-testid=field-place]").text
    if event.get("time"):
        assert f"time_precision {event['time']['time_precision']}" in page.one("[data-testid=field-time]").text
    assert event["event_type"] in panel_text
    assert page.severe_logs() == []
    page.screenshot("event-panel")
    page.js("document.querySelector('[data-testid=report]').scrollIntoView({block: 'start'})")
    page.screenshot("event-reports")


def test_page_event_panel_reopens_from_link_and_closes(page: Any, fetch_events: Callable[..., Any]) -> None:
    event_id = sorted(e["key"] for e in fetch_events())[0]
    page.open(f"#event={event_id}")
    assert page.one("[data-testid=event-panel]").is_displayed()
    assert page.one("[data-testid=field-id]").text == event_id
    page.one("[data-testid=panel-close]").click()
    assert not page.one("[data-testid=event-panel]").is_displayed()
    assert page.js("return window.location.hash") == ""


def test_page_event_panel_shows_hostile_report_as_text(page: Any, api: Any, fetch_events: Callable[..., Any]) -> None:
    hostile, key = None, ""
    for event in fetch_events():
        detail = api.get(f"/api/events/{event['key']}").json()
        if any("<script" in doc["text"] and "onerror" in doc["text"] for doc in detail["documents"]):
            hostile, key = detail, event["key"]
            break
    assert hostile is not None, "the demo store must hold a report containing <script> and <img onerror>"
    page.open()
    page.js("window.fpPwned = undefined")
    panel = page.open_event(key)
    shown = page.js("return Array.from(document.querySelectorAll('[data-testid=report-text]')).map((n) => n.textContent)")
    hostile_texts = [d["text"] for d in hostile["documents"] if "<script" in d["text"]]
    assert all(text in shown for text in hostile_texts)
    # Markup in the report became characters, not elements.
    assert panel.find_elements("css selector", "script, img, iframe, object, embed") == []
    assert page.js("return window.fpPwned") is None
    assert "<script" in panel.text
