"""Every endpoint answers failures in the one error shape `{ok: false, error, errors, status}`."""

from __future__ import annotations

from typing import Any

import pytest
AUTH = {"Authorization": "Bearer api-test-token"}  # the token conftest configures
CASES = [
    ("get", "/api/events?bbox=1,2,3", None, {}, 400),
    ("get", "/api/events?start=2024-13-01", None, {}, 400),
    ("get", "/api/events?start=2024-03-10&end=2024-03-01", None, {}, 400),
    ("get", "/api/events?limit=5000", None, {}, 422),
    ("get", "/api/events?offset=-1", None, {}, 422),
    ("get", "/api/events/no-such-event", None, {}, 404),
    ("get", "/api/events/e0", None, {}, 409),
    ("post", "/api/events/no-such-event/review", {"action": "confirm", "reviewer": "a"}, AUTH, 404),
    ("post", "/api/events/x/review", {"action": "confirm", "reviewer": "a"}, {}, 401),
    ("post", "/api/events/x/review", {"action": "confirm", "reviewer": "a"}, {"Authorization": "Bearer wrong"}, 401),
    ("post", "/api/events/x/review", {"action": "destroy", "reviewer": "a"}, AUTH, 422),
    ("post", "/api/documents", {"text": "a", "html": "<p>b</p>"}, AUTH, 400),
    ("post", "/api/documents", {"text": "   "}, AUTH, 400),
    ("post", "/api/documents", {"text": "x", "published": "yesterday"}, AUTH, 400),
    ("post", "/api/documents", {"text": "x"}, {}, 401),
    ("post", "/api/documents", {"nonsense": 1}, AUTH, 422),
    ("get", "/api/export?format=xlsx", None, {}, 400),
    ("get", "/api/nowhere", None, {}, 404),
    ("delete", "/api/events", None, {}, 405),
]


def check_shape(response: Any, status: int) -> None:
    body = response.json()
    assert response.status_code == status, body
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"] and isinstance(body["errors"], list)


@pytest.mark.parametrize(("method", "path", "payload", "headers", "status"), CASES)
def test_error_shape(client: Any, method: str, path: str, payload: Any, headers: dict[str, str], status: int) -> None:
    response = client.request(method.upper(), path, json=payload, headers=headers)
    check_shape(response, status)


@pytest.mark.parametrize("path", ["/api/events/x/review", "/api/documents"])
def test_writes_disabled_without_token(client_without_token: Any, path: str) -> None:
    payload = {"action": "confirm", "reviewer": "a"} if "review" in path else {"text": "x"}
    response = client_without_token.post(path, json=payload, headers={"Authorization": "Bearer anything"})
    check_shape(response, 403)
    assert "api_token" in response.json()["error"]


def test_crash_is_shaped_without_traceback(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import flashpoint.api.events as routes

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(routes, "search_events", boom)
    from fastapi.testclient import TestClient

    quiet = TestClient(client.app, raise_server_exceptions=False)
    response = quiet.get("/api/events")
    check_shape(response, 500)
    assert "secret" not in response.text
