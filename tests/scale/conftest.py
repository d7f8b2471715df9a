"""Fixtures for the scale-out tests: one local Ray instance per session (2 CPUs, no dashboard)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def local_ray() -> Iterator[Any]:
    """A local Ray on 2 CPUs, started once; without the `ray` extra: fails under CI, skips elsewhere."""
    try:
        import ray
    except ImportError:
        message = "the ray extra is not installed: pip install -e '.[test,ray]'"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    os.environ.pop("RAY_ADDRESS", None)  # never join a cluster from the tests
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="WARNING")
    yield ray
    ray.shutdown()
