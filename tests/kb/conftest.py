"""Fixtures for the knowledge-base tests: the shipped actor KB, loaded once."""

from __future__ import annotations

import pytest

from flashpoint.kb.actors import ActorKB


@pytest.fixture(scope="session")
def kb() -> ActorKB:
    """Our actor knowledge base (shipped files only)."""
    return ActorKB.load()
