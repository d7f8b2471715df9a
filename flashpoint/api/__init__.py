"""The HTTP API (FastAPI): `create_app(settings)`; see `flashpoint.api.app`."""

from __future__ import annotations

from flashpoint.api.app import create_app

__all__ = ["create_app"]
