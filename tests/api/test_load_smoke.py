"""The load test (bench/load_test.py): a short real run is clean, and its verdict catches failures."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load_test_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_load_test", BENCH / "load_test.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _result(status5: int = 0, connect: int = 0, requests: int = 100, start: float | None = 100.0, end: float | None = 110.0) -> dict[str, Any]:
    return {"requests": requests, "status": {"2xx": requests, "3xx": 0, "4xx": 0, "5xx": status5},
            "errors": {"connect": connect, "read": 0, "write": 0, "timeout": 0},
            "rss_mb": {"start": start, "peak": end, "end": end, "samples": []}}


@pytest.mark.parametrize(
    ("result", "ok", "failed"),
    [
        (_result(), True, None),
        (_result(status5=1), False, "no_5xx"),
        (_result(connect=2), False, "no_connection_errors"),
        (_result(requests=0), False, "requests_served"),
        (_result(end=160.0), False, "rss_growth_bounded"),
        (_result(end=None), False, "rss_growth_bounded"),
    ],
)
def test_load_verdict_fails_on_each_check(result: dict[str, Any], ok: bool, failed: str | None) -> None:
    verdict = _load_test_module().verdict(result, 50.0)
    assert verdict["ok"] is ok
    assert [name for name, passed in verdict["checks"].items() if not passed] == ([failed] if failed else [])


@pytest.mark.integration
@pytest.mark.slow
def test_load_smoke_python_generator(tmp_path: Path) -> None:
    out = tmp_path / "load.json"
    out.write_text(json.dumps({"other": {"kept": True}}), encoding="utf-8")
    command = [sys.executable, str(BENCH / "load_test.py"), "--seconds", "3", "--warmup", "1", "--clients", "4",
               "--events", "60", "--tool", "python", "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    written = json.loads(out.read_text(encoding="utf-8"))
    record = written["python"]
    assert written["other"] == {"kept": True}
    assert record["requests"] > 0 and record["status"]["2xx"] > 0
    assert record["status"]["5xx"] == 0 and sum(record["errors"].values()) == 0
    assert record["rss_mb"]["start"] > 0 and record["verdict"]["ok"] is True
