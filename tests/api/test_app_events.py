"""The event routes keep the web page's contract: list, detail with evidence, reviews."""

from __future__ import annotations

from typing import Any

import pytest


def _clash(client: Any) -> dict[str, Any]:
    events = client.get("/api/events", params={"type": "Battles"}).json()["events"]
    assert len(events) == 1
    return events[0]  # type: ignore[no-any-return]


def test_list_contract(client: Any) -> None:
    body = client.get("/api/events", params={"limit": 100, "offset": 0}).json()
    assert body["ok"] is True and body["total"] == 4 and len(body["events"]) == 4
    for event in body["events"]:
        assert {"event_id", "event_type", "sub_event_type", "actor1", "place", "time", "fatalities", "evidence"} <= set(event)
        assert event["merged_id"] == event["id"] and event["review"] is None
        assert all(set(s) >= {"doc_id", "title", "source"} for s in event["sources"])


@pytest.mark.parametrize(
    ("params", "total"),
    [
        ({"bbox": "-3.5,14.5,-2.5,15.5"}, 1),
        ({"start": "2024-03-15", "end": "2024-03-31"}, 2),
        ({"actor": "jnim"}, 1),
        ({"type": "Protests"}, 1),
        ({"sub_type": "Air/drone strike"}, 1),
        ({"country": "ML", "admin1": "Mopti"}, 2),
        ({"q": "douentza"}, 1),
        ({"limit": 1, "offset": 3}, 4),
    ],
)
def test_list_filters(client: Any, params: dict[str, Any], total: int) -> None:
    assert client.get("/api/events", params=params).json()["total"] == total


def test_detail_has_both_reports_with_evidence(client: Any) -> None:
    clash = _clash(client)
    body = client.get(f"/api/events/{clash['id']}").json()
    assert body["ok"] is True and body["event"]["id"] == clash["id"]
    assert [d["source"] for d in body["documents"]] == ["Sahel Monitor", "Radio Niger Bend"]
    for doc in body["documents"]:
        assert set(doc) >= {"doc_id", "title", "source", "url", "published", "text", "evidence", "claims"}
        start, end = doc["evidence"][0]
        assert "JNIM" in doc["text"][start:end]
        assert doc["claims"][0]["source"] in {"Malian army", "Local officials"}


def test_review_is_stored_with_who_and_when(client: Any, auth: dict[str, str]) -> None:
    clash = _clash(client)
    review = {"action": "correct", "field": "actor2", "value": {"id": "mali_military", "name": "Army"}, "reviewer": "ana"}
    body = client.post(f"/api/events/{clash['id']}/review", json=review, headers=auth).json()
    assert body["ok"] is True and body["review"]["reviewer"] == "ana" and body["review"]["created_at"]
    again = _clash(client)
    assert again["review"]["action"] == "correct" and again["actor2"]["name"] == "Army"
    detail = client.get(f"/api/events/{clash['id']}").json()
    assert [r["reviewer"] for r in detail["reviews"]] == ["ana"]


def test_split_review_undoes_the_merge(client: Any, auth: dict[str, str]) -> None:
    clash = _clash(client)
    body = client.post(f"/api/events/{clash['members'][1]}/review", json={"action": "split", "reviewer": "ana"}, headers=auth).json()
    assert body["ok"] is True
    assert client.get("/api/events", params={"type": "Battles"}).json()["total"] == 2


def test_stats_influences_health(client: Any) -> None:
    stats = client.get("/api/stats").json()
    assert stats["ok"] and stats["events"] == 4 and stats["date_range"]["start"] == "2024-01-01"
    assert {"id": "jnim", "name": "JNIM: Group for Support of Islam and Muslims", "count": 1} in stats["actors"]
    influences = client.get("/api/influences").json()
    assert influences["type"] == "FeatureCollection" and influences["features"][0]["geometry"]["type"] == "Point"
    assert client.get("/healthz").json()["ok"] is True


@pytest.mark.parametrize(("fmt", "marker"), [("jsonl", '"event_type"'), ("acled-csv", "event_id_cnty,event_date"), ("ucdp-csv", "id,relid,year"), ("geojson", "FeatureCollection")])
def test_export_formats(client: Any, fmt: str, marker: str) -> None:
    response = client.get("/api/export", params={"format": fmt, "country": "ML"})
    assert response.status_code == 200 and marker in response.text
    assert "attachment" in response.headers["content-disposition"]
