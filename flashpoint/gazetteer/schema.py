"""The gazetteer index's SQLite schema and connection settings.

Tables:
- `places`: one row per feature; `id` is the GeoNames id (analyst regions use
  negative ids and live in `regions` too). `admin1`/`admin2` are GeoNames codes.
- `keys`: one row per (index key, country, place, normalised name). A WITHOUT ROWID
  table whose primary key is the lookup path, so candidate generation is an index
  range read even with 12 M names. Each row also carries its place's feature class,
  code and population (copies kept equal to `places` by the writer): with the country
  and the name they rank candidates, so a lookup reads only the place rows it returns.
- `admin1`/`admin2`/`countries`/`regions`: names and extents for the codes.
- `stage_places`/`stage_keys`: rows appended during an import, merged into the
  main tables in key order by `IndexWriter.finalise` (sorted bulk merges are what
  keep a 12 M-name import fast and memory-flat).
- `import_progress`: per-file line checkpoints that make imports resumable.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from flashpoint.errors import GazetteerError

# Version 2: `keys` carries fclass, fcode and population. Older indexes must be rebuilt.
SCHEMA_VERSION = "2"

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
    fclass TEXT NOT NULL DEFAULT '', fcode TEXT NOT NULL DEFAULT '', population INTEGER NOT NULL DEFAULT 0,
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


def create_schema(conn: sqlite3.Connection, path: Path | None = None) -> None:
    """Create every table (idempotent) and record the schema version.

    GazetteerError when the database already holds an index of another schema version:
    new rows cannot be merged into it.
    """
    if "meta" in table_names(conn):
        check_schema_version(conn, path)
    conn.executescript(DDL)
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
    conn.commit()


def check_schema_version(conn: sqlite3.Connection, path: Path | None) -> None:
    """GazetteerError asking for a rebuild when the index was written by another schema version."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is not None and row[0] != SCHEMA_VERSION:
        raise GazetteerError(
            f"gazetteer index has schema version {row[0]}, this version of flashpoint reads {SCHEMA_VERSION};"
            " rebuild it (`flashpoint gazetteer build`, then re-import any GeoNames files into the new index)",
            path=str(path) if path else None)


def is_stale_embedded(path: Path) -> bool:
    """True for an index of another schema version that holds nothing but the embedded data
    (no GeoNames file imported): rebuilding it from the packages loses nothing."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            imported = conn.execute("SELECT COUNT(*) FROM import_progress").fetchone()[0] if "import_progress" in table_names(conn) else 0
        finally:
            conn.close()
    except sqlite3.Error:
        return False  # unreadable: Gazetteer.open says what is wrong
    return version is not None and version[0] != SCHEMA_VERSION and imported == 0


def table_names(conn: sqlite3.Connection) -> set[str]:
    """Names of the tables present in the database."""
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
