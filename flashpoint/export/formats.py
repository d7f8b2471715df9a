"""Output formats by name: one dispatch for `extract`, `export` and the API."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any

from flashpoint.errors import ExportError

JsonDict = dict[str, Any]
EXTRACT_FORMATS = ("table", "jsonl", "csv", "acled-csv", "ucdp-csv", "geojson")


def write_events(events: list[JsonDict], fmt: str, stream: IO[str], *, influences: list[JsonDict] | None = None) -> None:
    """Write event records in format `fmt` (ExportError lists the valid names)."""
    if fmt == "table":
        from flashpoint.export.table import write_table

        write_table(events, stream)
    elif fmt == "jsonl":
        for event in events:
            stream.write(json.dumps(event, ensure_ascii=False) + "\n")
    elif fmt in {"csv", "acled-csv"}:
        from flashpoint.export.acled_csv import write_acled_csv

        write_acled_csv(events, stream)
    elif fmt == "ucdp-csv":
        from flashpoint.export.ucdp_csv import write_ucdp_csv

        write_ucdp_csv(events, stream)
    elif fmt == "geojson":
        from flashpoint.export.geojson import write_geojson

        write_geojson(events, stream, influences=influences or [])
    else:
        raise ExportError(f"unknown format {fmt!r}; valid: {', '.join(EXTRACT_FORMATS)}", field="format", value=fmt)


def write_events_to(
    output: Path | None, events: list[JsonDict], fmt: str, *, influences: list[JsonDict] | None = None
) -> None:
    """`write_events` to a file (UTF-8, CSV-safe newlines), or to stdout when `output` is None."""
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        write_events(events, fmt, stream, influences=influences)
    finally:
        if output:
            stream.close()
