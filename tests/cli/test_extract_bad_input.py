"""`flashpoint extract` on bad input: one clear line on stderr, non-zero exit, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flashpoint.cli.main import build_app

pytestmark = pytest.mark.slow


@pytest.fixture()
def runner(fp_settings, monkeypatch: pytest.MonkeyPatch) -> CliRunner:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FLASHPOINT_HOME", str(fp_settings.home))
    monkeypatch.setenv("FLASHPOINT_GAZETTEER", str(fp_settings.gazetteer_path))
    return CliRunner()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article"),
    ],
)
def test_extract_bad_input_one_line_error(runner: CliRunner, tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(build_app(), ["extract", str(path)])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0] and str(path) in lines[0]
    assert "Traceback" not in result.output and result.stdout == ""


def test_extract_demo_report_writes_valid_jsonl(runner: CliRunner, tmp_path: Path) -> None:
    demo = Path(__file__).resolve().parents[2] / "flashpoint" / "examples" / "djibo-demo.txt"
    out = tmp_path / "events.jsonl"
    result = runner.invoke(build_app(), ["extract", str(demo), "--published", "2023-03-14", "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {e["sub_event_type"] for e in events} >= {"Attack", "Armed clash"}
