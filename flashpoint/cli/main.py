"""The `flashpoint` command: one module per verb, each exposing `register(app)`.

Exit codes: 0 OK; 1 some documents failed (each listed with its reason);
2 usage, config or input error. Errors are one line; `--debug` adds the traceback.
"""

from __future__ import annotations

import importlib
import sys

import typer

from flashpoint.errors import FlashpointError

# Each name is a module `flashpoint.cli.<name>` exposing `register(app: typer.Typer) -> None`.
COMMAND_MODULES: tuple[str, ...] = (
    "extract",
    "gazetteer",
    "eval",
    "actors",
    "ingest",
    "export",
    "serve",
    "db",
    "classify",
    "config",
)

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


def build_app() -> typer.Typer:
    """Create the Typer app with every verb registered."""
    app = typer.Typer(
        name="flashpoint",
        help="Turn conflict reporting into ACLED/UCDP-style event records.\n\n"
        "Exit codes: 0 OK, 1 some documents failed, 2 usage/config/input error.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    for name in COMMAND_MODULES:
        importlib.import_module(f"flashpoint.cli.{name}").register(app)
    return app


def main() -> None:
    """Console entry point: run the app, turning FlashpointError into a one-line error."""
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        build_app()(standalone_mode=True)
    except FlashpointError as exc:
        if debug:
            raise
        typer.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
