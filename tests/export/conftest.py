"""Fixtures: merged demo records as the store produces them (SQLite, in a temp dir)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from flashpoint.store.engine import open_store
from flashpoint.store.fixtures import build_demo_store
from flashpoint.store.queries import influence_records, iter_records


@pytest.fixture(scope="module")
def demo_records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """`{"events": [...], "influences": [...]}` read back from a demo store."""
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('export')) / 'demo.sqlite'}"
    build_demo_store(url)
    store = open_store(url)
    with store.session() as session:
        records = {"events": list(iter_records(session)), "influences": influence_records(session)}
    store.close()
    return records
