"""Fixtures: an empty migrated store on each backend (PostgreSQL ones are `integration`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from flashpoint.store.engine import Store, open_store
from flashpoint.store.testing import clean_store_url

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """URL of an empty store, once per backend."""
    return clean_store_url(request.param, tmp_path)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open empty store, once per backend."""
    opened = open_store(store_url)
    yield opened
    opened.close()
