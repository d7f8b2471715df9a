"""Fixtures: the app over an empty or demo store, on each backend (PostgreSQL ones are `integration`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest




TOKEN = "api-test-token"


def make_client(url: str, *, token: str | None = TOKEN, **options: object) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from flashpoint.api import create_app
    from flashpoint.settings import load_settings
    from flashpoint.store.testing import keyword_pipeline

    app = create_app(load_settings(db=url, api_token=token), pipeline_factory=keyword_pipeline, **options)  # type: ignore[arg-type]
    with TestClient(app) as client:
        yield client
    app.state.flashpoint.store.close()


@pytest.fixture
def client_factory() -> Iterator[Callable[..., object]]:
    """Build extra clients with custom options (closed at teardown)."""
    opened: list[Iterator[object]] = []

    def build(url: str, **options: object) -> object:
        generator = make_client(url, **options)  # type: ignore[arg-type]
        opened.append(generator)
        return next(generator)

    yield build
    for generator in opened:
        next(generator, None)


@pytest.fixture
def auth() -> dict[str, str]:
    """The Authorization header carrying the test token."""
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def demo_url(store_url: str) -> str:
    """A store holding the demo reports, merged."""
    from flashpoint.store.fixtures import build_demo_store

    build_demo_store(store_url)
    return store_url


@pytest.fixture
def client(demo_url: str) -> Iterator[object]:
    """A TestClient on the demo store, with writes enabled by TOKEN."""
    yield from make_client(demo_url)


@pytest.fixture
def client_without_token(demo_url: str) -> Iterator[object]:
    """A TestClient on the demo store with no api_token configured."""
    yield from make_client(demo_url, token=None)
