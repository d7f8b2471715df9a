"""Root fixtures shared by every test package."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
if "FLASHPOINT_SHARED" in os.environ:
    SHARED = Path(os.environ["FLASHPOINT_SHARED"])


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The `../shared` folder (seed, eval sets, GeoNames dumps); tests read, never copy."""
    if not SHARED.is_dir():
        pytest.fail(f"../shared not found at {SHARED}; set FLASHPOINT_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def default_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded default gazetteer index, built once per test session."""
    from flashpoint.gazetteer.build import build_default_index

    cached = os.environ.get("FLASHPOINT_TEST_GAZETTEER")
    if cached and Path(cached).is_file():
        return Path(cached)
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    build_default_index(path)
    return path
