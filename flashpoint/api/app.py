"""The FastAPI application: `create_app(settings)` wires the store, routes, guards and pages.

The OpenAPI description is at `/api/openapi.json` and its docs page at `/api/docs`,
rendered by a local script (no CDN). The web page in `flashpoint/web/` is mounted at
`/`. Every response carries a strict Content-Security-Policy.

Example:
    >>> app = create_app(load_settings(db="events.sqlite"))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

import flashpoint
from flashpoint.api import documents, events, misc
from flashpoint.api.errors import install_error_handlers
from flashpoint.api.security import BodyLimitMiddleware, RateLimiter, SecurityHeadersMiddleware
from flashpoint.api.state import AppState, default_pipeline_factory
from flashpoint.errors import ConfigError
from flashpoint.settings import Settings
from flashpoint.store.batch import RunsDocuments
from flashpoint.store.engine import open_store

STATIC_DIR = Path(__file__).resolve().parent / "static"
WEB_DIR = Path(flashpoint.__file__).resolve().parent / "web"
JSON_OVERHEAD_BYTES = 1 << 20


def _docs_routes(app: FastAPI) -> None:
    @app.get("/api/docs", include_in_schema=False)
    def docs_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "docs.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs_redirect() -> RedirectResponse:
        return RedirectResponse("/api/docs")

    app.mount("/api/static", StaticFiles(directory=STATIC_DIR), name="api-static")


def _limits(settings: Settings, rate: float | None, burst: int | None, body: int | None) -> tuple[float, int, int]:
    """Write rate, burst and body limit: the argument when given, else the setting (checked)."""
    rate = float(settings.get("api_writes_per_minute") if rate is None else rate)
    burst = int(settings.get("api_write_burst") if burst is None else burst)
    body = int(settings.get("api_max_body_bytes") if body is None else body)
    # 0 = derived, so raising max_doc_chars alone never makes valid documents unpostable.
    body = body or int(settings.get("max_doc_chars")) * 4 + JSON_OVERHEAD_BYTES
    for name, value in (("api_writes_per_minute", rate), ("api_write_burst", burst), ("api_max_body_bytes", body)):
        if not value > 0:  # also refuses NaN
            raise ConfigError(f"setting {name!r} must be positive, got {value!r}", field=name, value=value)
    return rate, burst, body


def create_app(
    settings: Settings,
    *,
    pipeline_factory: Callable[[], RunsDocuments] = default_pipeline_factory,
    writes_per_minute: float | None = None,
    write_burst: int | None = None,
    max_body_bytes: int | None = None,
) -> FastAPI:
    """Build the app over the store of `settings.db_url` (schema upgraded on start).

    The limits come from the `api_writes_per_minute`, `api_write_burst` and
    `api_max_body_bytes` settings; an explicit argument overrides its setting.
    """
    rate, burst, limit = _limits(settings, writes_per_minute, write_burst, max_body_bytes)
    app = FastAPI(
        title="Flashpoint API",
        version=flashpoint.__version__,
        description="Conflict events extracted from reports, merged across reports, with provenance.",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.flashpoint = AppState(
        settings=settings,
        store=open_store(settings.db_url),
        limiter=RateLimiter(per_minute=rate, burst=burst),
        max_body_bytes=limit,
        pipeline_factory=pipeline_factory,
    )
    install_error_handlers(app)
    for module in (events, documents, misc):
        app.include_router(module.router)
    _docs_routes(app)
    if (WEB_DIR / "index.html").is_file():
        app.mount("/", StaticFiles(directory=WEB_DIR, html=True), name="web")
    app.add_middleware(BodyLimitMiddleware, max_bytes=limit)
    app.add_middleware(SecurityHeadersMiddleware)
    return app
