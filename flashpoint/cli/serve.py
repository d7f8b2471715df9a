"""`flashpoint serve`: the API and the web map on one local address (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from flashpoint.cli.options import DbOption

EXAMPLE = """Example:

    FLASHPOINT_API_TOKEN=change-me flashpoint serve --db events.sqlite --port 8000

Then open http://127.0.0.1:8000/ (API docs: /api/docs). Without a token, write endpoints are disabled.
Write rate and body size are limited by the api_writes_per_minute, api_write_burst and
api_max_body_bytes settings (e.g. FLASHPOINT_API_WRITES_PER_MINUTE=120).
"""


def run_serve(*, db: str | None, host: str, port: int) -> None:
    """Build the app over the store and serve it until interrupted."""
    import uvicorn

    from flashpoint.api.app import create_app
    from flashpoint.settings import load_settings

    app = create_app(load_settings(db=db))
    state = app.state.flashpoint
    typer.echo(f"serving on http://{host}:{port}/ (docs: /api/docs; writes: {state.limiter.per_minute:g}/min per client, "
               f"burst {state.limiter.burst}, bodies up to {state.max_body_bytes} bytes)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def register(app: typer.Typer) -> None:
    """Add the `serve` command."""

    @app.command("serve", help="Serve the HTTP API and the web map.\n\n" + EXAMPLE)
    def serve(
        db: DbOption = None,
        host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    ) -> None:
        run_serve(db=db, host=host, port=port)
