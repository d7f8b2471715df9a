"""`make fuzz`'s runner on a few inputs: it counts every call and writes the results file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_run_fuzz_writes_counts_for_every_target(tmp_path: Path) -> None:
    output = tmp_path / "results.json"
    command = [sys.executable, str(ROOT / "fuzz" / "run_fuzz.py"), "--count", "40", "--jobs", "1", "--output", str(output)]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    results = json.loads(output.read_text(encoding="utf-8"))
    assert finished.returncode == (0 if results["escaped"] == results["hangs"] == results["violations"] == 0 else 1)
    assert results["inputs"] == 40 and results["seed"] == 0
    assert {"ingest.decode_bytes", "ingest.html_to_text", "language.LanguageStage"} <= set(results["targets"])
    assert results["targets"]["ingest.decode_bytes"].get("ok", 0) + results["targets"]["ingest.decode_bytes"].get("input_error", 0) == 40
    assert results["calls"] == sum(sum(outcomes.values()) for outcomes in results["targets"].values())
    assert f"fuzz: 40 inputs, {results['calls']} calls" in finished.stdout


def test_fuzz_inputs_are_deterministic() -> None:
    sys.path.insert(0, str(ROOT / "fuzz"))
    try:
        from fuzz_inputs import make_bytes, make_text
    finally:
        sys.path.remove(str(ROOT / "fuzz"))
    first = [make_text(3, index) for index in range(50)]
    assert first == [make_text(3, index) for index in range(50)]
    assert [make_bytes(3, i, text) for i, (_, text) in enumerate(first)] == [
        make_bytes(3, i, text) for i, (_, text) in enumerate(first)
    ]
    assert len({family for family, _ in first}) >= 4
