"""`flashpoint ingest --engine ray`: into the store, into Parquet, and the flags it refuses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from flashpoint.cli.main import build_app

RUNNER = CliRunner()
KEYWORDS = "flashpoint.store.testing:keyword_pipeline"


def reports(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"r{i}.txt").write_text(f"Report {i}: a clash near town {i}; {i + 1} killed.", encoding="utf-8")
    return folder


@pytest.mark.integration
@pytest.mark.slow
def test_engine_ray_stores_then_skips(local_ray: Any, tmp_path: Path) -> None:
    args = ["ingest", str(reports(tmp_path / "in", 6)), "--db", str(tmp_path / "e.sqlite"), "--engine", "ray",
            "--workers", "2", "--pipeline", KEYWORDS]
    first = RUNNER.invoke(build_app(), args)
    second = RUNNER.invoke(build_app(), args)
    assert first.exit_code == 0, first.output
    assert "done 6, skipped 0, failed 0" in first.output
    assert "done 0, skipped 6, failed 0" in second.output


@pytest.mark.integration
@pytest.mark.slow
def test_engine_ray_writes_parquet(local_ray: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["ingest", str(reports(tmp_path / "in", 4)), "--engine", "ray", "--parquet", str(out), "--pipeline", KEYWORDS]
    result = RUNNER.invoke(build_app(), args)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "documents").iterdir()) == ["part-00000.parquet"]


def test_parquet_without_ray_engine_is_refused(tmp_path: Path) -> None:
    args = ["ingest", str(reports(tmp_path / "in", 1)), "--parquet", str(tmp_path / "out")]
    result = RUNNER.invoke(build_app(), args)
    assert result.exit_code != 0
    assert "--parquet needs --engine ray" in str(result.exception or "") + result.output
