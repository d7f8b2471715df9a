"""JSON Lines: one event record per line, UTF-8, exactly as the record is (no policy applied)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any


def write_jsonl(events: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    """Write one JSON object per line; returns the number written."""
    count = 0
    for event in events:
        stream.write(json.dumps(event, ensure_ascii=False, sort_keys=False) + "\n")
        count += 1
    return count
