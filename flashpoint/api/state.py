"""What the app holds between requests: settings, the store, limits and the lazily built pipeline."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from flashpoint.api.security import RateLimiter
from flashpoint.settings import Settings
from flashpoint.store.batch import RunsDocuments
from flashpoint.store.engine import Store


def default_pipeline_factory() -> RunsDocuments:
    """The default pipeline (`flashpoint.load()`), built on the first document posted."""
    import flashpoint

    return flashpoint.load()


@dataclass
class AppState:
    """Shared state of one app instance."""

    settings: Settings
    store: Store
    limiter: RateLimiter
    max_body_bytes: int
    pipeline_factory: Callable[[], RunsDocuments] = default_pipeline_factory
    _pipeline: RunsDocuments | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def token(self) -> str | None:
        """The write token, or None (writes disabled)."""
        value: Any = self.settings.get("api_token")
        return str(value) if value else None

    def pipeline(self) -> RunsDocuments:
        """The pipeline, built once (models load on first use, not at startup)."""
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self.pipeline_factory()
            return self._pipeline


def get_state(request: Request) -> AppState:
    """The AppState of the app serving `request`."""
    state: AppState = request.app.state.flashpoint
    return state
