"""`flashpoint classify TEXT|-`: sub-type and trigger, JSON output, stdin, errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from flashpoint.cli.main import build_app

RUNNER = CliRunner()


@pytest.mark.parametrize(
    ("args", "stdin", "expected"),
    [
        (["classify", "A roadside bomb hit an army truck."], None, "Remote explosive/landmine/IED"),
        (["classify", "-", "--lang", "fr"], "Des émeutiers ont saccagé la mairie.", "Violent demonstration"),
        (["classify", "The orchestra played Beethoven."], None, "no conflict event"),
    ],
)
def test_classify_command_prints_sub_type(args: list[str], stdin: str | None, expected: str) -> None:
    result = RUNNER.invoke(build_app(), args, input=stdin)
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_classify_command_json_has_trigger_span() -> None:
    text = "Police fired tear gas at the demonstrators."
    result = RUNNER.invoke(build_app(), ["classify", text, "--json"])
    payload = json.loads(result.output)
    assert payload["sub_event_type"] == "Protest with intervention"
    start, end = payload["trigger"]["span"]
    assert text[start:end] == payload["trigger"]["text"] == "tear gas"


def test_classify_command_help_has_an_example() -> None:
    result = RUNNER.invoke(build_app(), ["classify", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output
