"""The gazetteer index's SQLite schema and connection settings.

Tables:
- `places`: one row per feature; `id` is the GeoNames id (analyst regions use
  negative ids and live in `regions` too). `admin1`/`admin2` are GeoNames codes.
- `keys`: one row per (index key, country, place, normalised name). A WITHOUT ROWID
  table whose primary key is the lookup path, so candidate generation is an index
  range read even with 12 M names.
- `admin1`/`admin2`/`countries`/`regions`: names and extents for the codes.
- `stage_places`/`stage_keys`: rows appended during an import, merged into the
  main tables in key order by `IndexWriter.finalise` (sorted bulk merges are what
  keep a 12 M-name import fast and memory-flat).
- `import_progress`: per-file line checkpoints that make imports resumable.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA_VERSION = "1"

PLACE_COLUMNS = ("id", "name", "country", "admin1", "admin2", "lat", "lon", "fclass", "fcode", "population", "modified")

DDL = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL DEFAULT '',
    admin1 TEXT NOT NULL DEFAULT '', admin2 TEXT NOT NULL DEFAULT '',
    lat REAL, lon REAL, fclass TEXT NOT NULL DEFAULT '', fcode TEXT NOT NULL DEFAULT '',
    population INTEGER NOT NULL DEFAULT 0, modified TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS keys(
    key TEXT NOT NULL, country TEXT NOT NULL, place_id INTEGER NOT NULL, norm TEXT NOT NULL,
    PRIMARY KEY(key, country, place_id, norm)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin1(
    country TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, geonameid INTEGER,
    PRIMARY KEY(country, code)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin2(
    country TEXT NOT NULL, admin1 TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
    geonameid INTEGER, PRIMARY KEY(country, admin1, code)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS countries(
    iso2 TEXT PRIMARY KEY, iso3 TEXT NOT NULL, name TEXT NOT NULL, geonameid INTEGER) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS regions(
    id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, countries TEXT NOT NULL,
    south REAL NOT NULL, west REAL NOT NULL, north REAL NOT NULL, east REAL NOT NULL);
CREATE TABLE IF NOT EXISTS stage_places(
    id INTEGER NOT NULL, name TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
    admin2 TEXT NOT NULL, lat REAL, lon REAL, fclass TEXT NOT NULL, fcode TEXT NOT NULL,
    population INTEGER NOT NULL, modified TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stage_keys(key TEXT NOT NULL, place_id INTEGER NOT NULL, norm TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS import_progress(
    source TEXT PRIMARY KEY, lines INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0);
"""

REQUIRED_TABLES = frozenset({"meta", "places", "keys", "admin1", "admin2", "countries", "regions"})


def connect(path: Path, *, readonly: bool = False, cache_mb: int = 64) -> sqlite3.Connection:
    """Open the index with settings suited to bulk writes or to read-only lookups."""
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(f"PRAGMA cache_size=-{cache_mb * 1024}")
    conn.execute("PRAGMA temp_store=FILE")
    return conn


def create_schema(conn: sqlite3.Connection) -> None:
    """Create every table (idempotent) and record the schema version."""
    conn.executescript(DDL)
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
    conn.commit()


def table_names(conn: sqlite3.Connection) -> set[str]:
    """Names of the tables present in the database."""
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
