"""`flashpoint config show`: every setting, its value and where the value came from."""

from __future__ import annotations

import typer

from flashpoint.settings import SETTINGS, load_settings

EXAMPLE = """Example:

    FLASHPOINT_DB=/tmp/events.sqlite flashpoint config show
"""


def show_settings() -> list[tuple[str, str, str, str]]:
    """(name, value, source, help) for each declared setting."""
    settings = load_settings()
    return [
        (spec.name, "" if settings.values[spec.name] is None else str(settings.values[spec.name]),
         settings.sources[spec.name], spec.help)
        for spec in SETTINGS
    ]


def register(app: typer.Typer) -> None:
    """Add the `config` command group."""
    group = typer.Typer(help="Show Flashpoint's settings.\n\n" + EXAMPLE, no_args_is_help=True)

    @group.command("show", help="Print each setting with its value and source (default, flashpoint.toml, env, flag).\n\n" + EXAMPLE)
    def show() -> None:
        for name, value, source, help_text in show_settings():
            typer.echo(f"{name} = {value or '(unset)'}    [{source}]  {help_text}")

    app.add_typer(group, name="config")
