"""Security of the app: CSP on every response, local docs page, size and rate limits, SSRF-safe URL ingest."""

from __future__ import annotations

import re
from typing import Any

import pytest


@pytest.mark.parametrize("path", ["/api/events", "/api/docs", "/api/nowhere", "/healthz"])
def test_csp_on_every_response(client: Any, path: str) -> None:
    policy = client.get(path).headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_docs_page_uses_local_assets_only(client: Any) -> None:
    page = client.get("/api/docs").text
    assert "<script>" not in page and "http://" not in page and "https://" not in page
    for asset in re.findall(r'(?:src|href)="(/api/[^"]+)"', page):
        assert client.get(asset).status_code == 200
    assert client.get("/api/openapi.json").json()["paths"]["/api/events"]["get"]


@pytest.fixture
def tight_client(demo_url: str, client_factory: Any) -> Any:
    return client_factory(demo_url, writes_per_minute=1.0, write_burst=2, max_body_bytes=2000)


def test_body_limit(tight_client: Any, auth: dict[str, str]) -> None:
    response = tight_client.post("/api/documents", json={"text": "x" * 5000}, headers=auth)
    assert response.status_code == 413 and response.json()["status"] == 413


def test_rate_limit_on_writes(tight_client: Any, auth: dict[str, str]) -> None:
    statuses = [tight_client.post("/api/events/none/review", json={"action": "confirm", "reviewer": "a"}, headers=auth).status_code for _ in range(4)]
    assert statuses[:2] == [404, 404] and statuses[2:] == [429, 429]
    assert tight_client.get("/api/events").status_code == 200  # reads are not limited


def test_url_ingest_refuses_loopback(client: Any, auth: dict[str, str]) -> None:
    response = client.post("/api/documents", json={"url": "http://127.0.0.1:9/report"}, headers=auth)
    body = response.json()
    assert response.status_code == 400 and body["ok"] is False


def test_post_text_stores_once_and_merges(client: Any, auth: dict[str, str]) -> None:
    report = {"text": "A clash broke out near the market.", "published": "2024-03-02", "source": "Wire"}
    first = client.post("/api/documents", json=report, headers=auth).json()
    again = client.post("/api/documents", json=report, headers=auth).json()
    assert first["ok"] and first["stored"] is True and len(first["events"]) == 1
    assert again["stored"] is False and again["doc_id"] == first["doc_id"]
    second = client.post("/api/documents", json={**report, "text": "Another clash was reported near the market."}, headers=auth).json()
    assert second["events"][0]["id"] == first["events"][0]["id"]
    assert len(second["events"][0]["sources"]) == 2


def test_post_html(client: Any, auth: dict[str, str]) -> None:
    html = "<html><head><title>Clash report</title></head><body><article><p>" + "A clash was reported in the north of the country today, officials said. " * 5 + "</p></article></body></html>"
    body = client.post("/api/documents", json={"html": html}, headers=auth).json()
    assert body["ok"] is True and body["events"]
