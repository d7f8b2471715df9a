"""Every command documents itself with a real example; usage errors exit 2 in one line."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from flashpoint.cli.main import COMMAND_MODULES, build_app

RUNNER = CliRunner()


def _command_paths() -> list[list[str]]:
    app = build_app()
    group = typer.main.get_group(app)
    paths = []
    for name, command in group.commands.items():
        sub = getattr(command, "commands", None)
        paths.extend([[name, s] for s in sub] if sub else [[name]])
    return paths


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p))
def test_help_every_command_has_an_example(path: list[str]) -> None:
    result = RUNNER.invoke(build_app(), [*path, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "flashpoint " in result.output


def test_help_registers_every_verb_module() -> None:
    names = {p[0] for p in _command_paths()}
    assert {"extract", "eval", "ingest", "export", "serve", "gazetteer", "actors", "config"} <= names
    assert len(COMMAND_MODULES) == len(set(COMMAND_MODULES))


def test_help_config_show_lists_every_setting() -> None:
    result = RUNNER.invoke(build_app(), ["config", "show"])
    assert result.exit_code == 0
    assert "gazetteer =" in result.output and "[default]" in result.output
