"""Root fixtures shared by every test package."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/*.expected.jsonl.")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run should rewrite golden files (review the diff before committing)."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def fp_settings(tmp_path_factory: pytest.TempPathFactory, default_gazetteer: Path):  # type: ignore[no-untyped-def]
    """Settings for tests: a temporary home and the session's gazetteer index."""
    from flashpoint.settings import load_settings

    home = tmp_path_factory.mktemp("home")
    return load_settings(home=str(home), gazetteer=str(default_gazetteer))


@pytest.fixture(scope="session")
def nlp(fp_settings):  # type: ignore[no-untyped-def]
    """The full default pipeline, built once per session."""
    from flashpoint.build import build_pipeline

    return build_pipeline(fp_settings)


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    """The seed article, read from ../shared (never copied into the project)."""
    return (shared_dir / "seed" / "menaka-article.txt").read_text(encoding="utf-8")


STORE_BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)]


@pytest.fixture(params=STORE_BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """URL of an empty store, once per backend (PostgreSQL from FLASHPOINT_TEST_PG_URL)."""
    from flashpoint.store.testing import clean_store_url

    return clean_store_url(request.param, tmp_path)


@pytest.fixture
def store(store_url: str) -> Iterator[Any]:
    """An open empty store, once per backend."""
    from flashpoint.store.engine import open_store

    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def lexicon():  # type: ignore[no-untyped-def]
    """The shipped trigger lexicons (English and French), loaded once per session."""
    from flashpoint.kb.trigger_lexicon import load_trigger_lexicon

    return load_trigger_lexicon()
