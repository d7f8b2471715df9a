"""`flashpoint gazetteer lookup|import`: JSON output, errors, help examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flashpoint.cli.main import build_app

runner = CliRunner()


def test_lookup_json_lists_candidates_best_first(default_gazetteer: Path) -> None:
    result = runner.invoke(build_app(), ["gazetteer", "lookup", "Menaka", "--country", "ML", "--format", "json", "--index", str(default_gazetteer)])
    assert result.exit_code == 0, result.output
    candidates = json.loads(result.stdout)
    assert candidates[0]["name"] == "Ménaka" and candidates[0]["country"] == "ML"
    for key in ("name", "gazetteer_id", "country", "admin1", "lat", "lon", "score", "reasons"):
        assert key in candidates[0]
    scores = [c["score"] for c in candidates]
    assert scores == sorted(scores, reverse=True)


def test_lookup_near_changes_the_order(default_gazetteer: Path) -> None:
    args = ["gazetteer", "lookup", "Bouro", "--format", "json", "--index", str(default_gazetteer)]
    result = runner.invoke(build_app(), [*args, "--near", "14.33,-1.43"])
    assert result.exit_code == 0, result.output
    assert any("km from places in context" in reason for reason in json.loads(result.stdout)[0]["reasons"])


@pytest.mark.parametrize("near", ["15.9", "north,east", "95,2"])
def test_lookup_bad_near_is_a_usage_error(default_gazetteer: Path, near: str) -> None:
    result = runner.invoke(build_app(), ["gazetteer", "lookup", "Gao", "--near", near, "--index", str(default_gazetteer)])
    assert result.exit_code != 0


def test_lookup_missing_index_fails_with_hint(tmp_path: Path) -> None:
    result = runner.invoke(build_app(), ["gazetteer", "lookup", "Gao", "--index", str(tmp_path / "none.sqlite")])
    assert result.exit_code != 0 and "flashpoint gazetteer build" in str(result.exception)


def test_import_command_imports_and_reports(tmp_path: Path, geonames_files: dict[str, Path]) -> None:
    index = tmp_path / "index.sqlite"
    result = runner.invoke(build_app(), ["gazetteer", "import", str(geonames_files["zip"]), "--index", str(index)])
    assert result.exit_code == 0, result.output
    assert "done: 5 places" in result.stderr
    lookup = runner.invoke(build_app(), ["gazetteer", "lookup", "Tamalt", "--country", "ML", "--index", str(index)])
    assert "Tamalat" in lookup.stdout


@pytest.mark.parametrize("command", ["build", "import", "download", "lookup"])
def test_every_gazetteer_command_has_an_example(command: str) -> None:
    result = runner.invoke(build_app(), ["gazetteer", command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout
