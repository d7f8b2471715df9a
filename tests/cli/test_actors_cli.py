"""`flashpoint actors lookup|add|list`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from flashpoint.cli.main import build_app

runner = CliRunner()

USER_FILE = """\
schema: flashpoint.actors.v1
version: "1"
updated: "2026-11-28"
source: test
licence: CC0
actors:
  - id: tiguidi_defence_group
    acled_names: [{name: "Tiguidi Defence Group"}]
    inter: 4
    tags: [militia]
    countries: [ML]
    aliases: [{text: Tiguidi Defence Group}]
"""


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FLASHPOINT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (["Al-Nusra Group", "--country", "ML", "--date", "2022-10-01"], "jnim\tJNIM: Group for Support of Islam and Muslims"),
        (["Al-Nusra Group", "--country", "SY", "--date", "2015-01-01"], "al_nusra_front\tAl Nusra Front"),
        (["ISIS", "--country", "ML", "--date", "2021-06-01"], "issp\tIslamic State (West Africa) - Greater Sahara Faction"),
        (["ISIS", "-c", "IQ"], "islamic_state\tIslamic State (Iraq)"),
        (["the group", "-c", "ML"], "unresolved"),
    ],
)
def test_actors_cli_lookup_first_line(args: list[str], first_line: str) -> None:
    result = runner.invoke(build_app(), ["actors", "lookup", *args])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == first_line
    assert "candidates:" in lines and "reasons:" in lines


def test_actors_cli_add_installs_and_merges(tmp_path: Path, home: Path) -> None:
    source = tmp_path / "mine.yaml"
    source.write_text(USER_FILE, encoding="utf-8")
    added = runner.invoke(build_app(), ["actors", "add", str(source)])
    assert added.exit_code == 0, added.output
    assert (home / "actors" / "mine.yaml").is_file()
    looked = runner.invoke(build_app(), ["actors", "lookup", "Tiguidi Defence Group", "-c", "ML"])
    assert looked.stdout.splitlines()[0] == "tiguidi_defence_group\tTiguidi Defence Group"
    again = runner.invoke(build_app(), ["actors", "add", str(source)])
    assert again.exit_code != 0


def test_actors_cli_add_refuses_a_broken_file(tmp_path: Path, home: Path) -> None:
    source = tmp_path / "broken.yaml"
    source.write_text(USER_FILE.replace("inter: 4", "inter: 12"), encoding="utf-8")
    result = runner.invoke(build_app(), ["actors", "add", str(source)])
    assert result.exit_code != 0
    assert not (home / "actors" / "broken.yaml").exists()


def test_actors_cli_list_filters_by_country() -> None:
    result = runner.invoke(build_app(), ["actors", "list", "--country", "BF"])
    assert result.exit_code == 0
    ids = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert "koglweogo" in ids and "vdp" in ids and "al_shabaab" not in ids


@pytest.mark.parametrize("command", ["lookup", "add", "list"])
def test_actors_cli_help_has_example(command: str) -> None:
    result = runner.invoke(build_app(), ["actors", command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout
