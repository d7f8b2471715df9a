"""JSONL: one record per line, unchanged, non-ASCII kept."""

from __future__ import annotations

import io
import json
from typing import Any

from flashpoint.export.jsonl import write_jsonl


def test_lines_roundtrip(demo_records: dict[str, Any]) -> None:
    events = demo_records["events"] + [{"place": {"name": "Ménaka"}}]
    stream = io.StringIO()
    assert write_jsonl(events, stream) == len(events)
    lines = stream.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == events
    assert "Ménaka" in lines[-1]
