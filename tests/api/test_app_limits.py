"""The API's write rate and body limits come from settings; explicit arguments override them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from flashpoint.api import create_app
from flashpoint.errors import ConfigError
from flashpoint.settings import load_settings
from flashpoint.store.testing import keyword_pipeline

DERIVED_BODY = 2_000_000 * 4 + (1 << 20)


def _limits(tmp_path: Path, arguments: dict[str, Any] | None = None, **settings: Any) -> tuple[float, int, int]:
    app = create_app(load_settings(db=str(tmp_path / "s.sqlite"), **settings), pipeline_factory=keyword_pipeline, **(arguments or {}))
    state = app.state.flashpoint
    state.store.close()
    return state.limiter.per_minute, state.limiter.burst, state.max_body_bytes


@pytest.mark.parametrize(
    ("settings", "arguments", "expected"),
    [
        ({}, {}, (30.0, 10, DERIVED_BODY)),
        ({"api_writes_per_minute": 120, "api_write_burst": 3, "api_max_body_bytes": 5000}, {}, (120.0, 3, 5000)),
        ({"max_doc_chars": 1000}, {}, (30.0, 10, 4000 + (1 << 20))),
        ({"api_write_burst": 3}, {"write_burst": 7, "writes_per_minute": 2.0, "max_body_bytes": 999}, (2.0, 7, 999)),
    ],
)
def test_limits_from_settings_or_arguments(tmp_path: Path, settings: dict[str, Any], arguments: dict[str, Any], expected: tuple[float, int, int]) -> None:
    assert _limits(tmp_path, arguments, **settings) == expected


def test_limits_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHPOINT_API_WRITE_BURST", "4")
    monkeypatch.setenv("FLASHPOINT_API_MAX_BODY_BYTES", "2048")
    assert _limits(tmp_path) == (30.0, 4, 2048)


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        ({"api_writes_per_minute": 0}, "api_writes_per_minute"),
        ({"api_writes_per_minute": "nan"}, "api_writes_per_minute"),
        ({"api_write_burst": 0}, "api_write_burst"),
        ({"api_max_body_bytes": -1}, "api_max_body_bytes"),
    ],
)
def test_invalid_limit_names_the_setting(tmp_path: Path, settings: dict[str, Any], field: str) -> None:
    with pytest.raises(ConfigError) as caught:
        _limits(tmp_path, **settings)
    assert caught.value.field == field and field in str(caught.value)


def test_body_limit_setting_is_enforced(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    settings = load_settings(db=str(tmp_path / "s.sqlite"), api_token="t", api_max_body_bytes=1000)
    app = create_app(settings, pipeline_factory=keyword_pipeline)
    with TestClient(app) as client:
        response = client.post("/api/documents", json={"text": "x" * 2000}, headers={"Authorization": "Bearer t"})
    app.state.flashpoint.store.close()
    assert response.status_code == 413 and "1000 bytes" in response.json()["error"]
