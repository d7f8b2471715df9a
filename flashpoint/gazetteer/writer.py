"""Write places and names into a gazetteer index: stage, then merge in key order.

Both the default build and GeoNames imports go through `IndexWriter`: rows are
appended to staging tables in batches (constant memory), then `finalise` merges
them into the indexed tables with one sorted `INSERT ... SELECT` each. Admin
units and countries that come without coordinates get a centroid derived from
their member places.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from flashpoint.gazetteer.keys import NameKeys, keys_of_norm
from flashpoint.gazetteer.normalise import normalise_name
from flashpoint.gazetteer.schema import PLACE_COLUMNS

BATCH_ROWS = 20_000


class PlaceRow(NamedTuple):
    """One feature as stored in `places` (GeoNames columns we keep)."""

    id: int
    name: str
    country: str
    admin1: str
    admin2: str
    lat: float | None
    lon: float | None
    fclass: str
    fcode: str
    population: int
    modified: str


# Alternate names repeat a lot across places and imports, and many differ only by case
# or accents: normalise each string once, and compute keys once per normalised form.
@lru_cache(maxsize=200_000)
def _cached_norm(name: str) -> str:
    return normalise_name(name)


@lru_cache(maxsize=200_000)
def _cached_keys(norm: str) -> NameKeys:
    return keys_of_norm(norm)


_MERGE_PLACES = f"""
INSERT INTO places({", ".join(PLACE_COLUMNS)})
SELECT {", ".join(PLACE_COLUMNS)} FROM stage_places WHERE true ORDER BY id
ON CONFLICT(id) DO UPDATE SET
  name = excluded.name, country = excluded.country,
  -- GeoNames moves places to new admin units over time: keep the newer record's admin1.
  admin1 = CASE WHEN excluded.modified >= places.modified OR places.admin1 = ''
                THEN excluded.admin1 ELSE places.admin1 END,
  admin2 = CASE WHEN excluded.admin2 <> '' THEN excluded.admin2 ELSE places.admin2 END,
  lat = coalesce(excluded.lat, places.lat), lon = coalesce(excluded.lon, places.lon),
  fclass = excluded.fclass, fcode = excluded.fcode,
  population = CASE WHEN excluded.population > 0 THEN excluded.population ELSE places.population END,
  modified = max(excluded.modified, places.modified)
"""

_MERGE_KEYS = """
INSERT OR IGNORE INTO keys(key, country, place_id, norm, fclass, fcode, population)
SELECT s.key, p.country, s.place_id, s.norm, p.fclass, p.fcode, p.population
FROM stage_keys AS s JOIN places AS p ON p.id = s.place_id
ORDER BY 1, 2, 3, 4
"""

# Key rows copy their place's country, class, code and population (lookups rank on
# them before reading place rows). A place staged again (a second file, a newer dump)
# may change them: remember which places already existed, and refresh their key rows
# after the merge. This scans `keys` (no index by place), so only when there are some.
_RESTAGED = """
CREATE TEMP TABLE IF NOT EXISTS restaged AS
SELECT DISTINCT s.id FROM stage_places AS s JOIN places AS p ON p.id = s.id
"""
_REFRESH_KEYS = """
UPDATE OR REPLACE keys SET country = p.country, fclass = p.fclass, fcode = p.fcode, population = p.population
FROM places AS p
WHERE p.id = keys.place_id AND keys.place_id IN (SELECT id FROM temp.restaged)
  AND (keys.country, keys.fclass, keys.fcode, keys.population) IS NOT (p.country, p.fclass, p.fcode, p.population)
"""

_ADMIN1_CENTROIDS = """
UPDATE places SET lat = c.lat, lon = c.lon
FROM (SELECT country, admin1, avg(lat) AS lat, avg(lon) AS lon FROM places
      WHERE fclass = 'P' AND lat IS NOT NULL GROUP BY country, admin1) AS c
WHERE places.lat IS NULL AND places.fcode = 'ADM1'
  AND c.country = places.country AND c.admin1 = places.admin1
"""

_COUNTRY_CENTROIDS = """
UPDATE places SET lat = c.lat, lon = c.lon
FROM (SELECT country, (min(lat) + max(lat)) / 2 AS lat, (min(lon) + max(lon)) / 2 AS lon
      FROM places WHERE fclass = 'P' AND lat IS NOT NULL GROUP BY country) AS c
WHERE places.lat IS NULL AND places.fcode LIKE 'PCL%' AND c.country = places.country
"""


class IndexWriter:
    """Buffered writer of staged places/names; `finalise` merges them into the index."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._places: list[tuple[object, ...]] = []
        self._keys: list[tuple[str, int, str]] = []
        self.needs_centroids = False

    def add_place(self, place: PlaceRow, names: Iterable[str] = ()) -> None:
        """Stage a place and its names (its own name is always indexed)."""
        self._places.append(tuple(place))
        if place.lat is None:
            self.needs_centroids = True
        self.add_names(place.id, (place.name, *names))

    def add_names(self, place_id: int, names: Iterable[str]) -> None:
        """Stage alternate names of a place (the place may arrive in another file)."""
        seen: set[str] = set()
        for name in names:
            norm = _cached_norm(name)
            if not norm or norm in seen:
                continue
            seen.add(norm)
            for key in _cached_keys(norm).prefixed():
                self._keys.append((key, place_id, norm))
        if len(self._keys) >= BATCH_ROWS * 3 or len(self._places) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write buffered rows to the staging tables (caller commits)."""
        if self._places:
            marks = ", ".join("?" * len(PLACE_COLUMNS))
            self.conn.executemany(f"INSERT INTO stage_places VALUES ({marks})", self._places)
            self._places.clear()
        if self._keys:
            self.conn.executemany("INSERT INTO stage_keys VALUES (?, ?, ?)", self._keys)
            self._keys.clear()

    def add_admin1(self, rows: Iterable[tuple[str, str, str, int | None]]) -> None:
        """Admin1 names: (country, code, name, geonameid)."""
        self.conn.executemany("INSERT OR REPLACE INTO admin1 VALUES (?, ?, ?, ?)", rows)

    def add_admin2(self, rows: Iterable[tuple[str, str, str, str, int | None]]) -> None:
        """Admin2 names: (country, admin1 code, code, name, geonameid)."""
        self.conn.executemany("INSERT OR REPLACE INTO admin2 VALUES (?, ?, ?, ?, ?)", rows)

    def add_country(self, iso2: str, iso3: str, name: str, geonameid: int | None) -> None:
        """A country code and its English name."""
        self.conn.execute("INSERT OR REPLACE INTO countries VALUES (?, ?, ?, ?)", (iso2, iso3, name, geonameid))

    def add_region(self, place_id: int, slug: str, countries: str, bbox: tuple[float, float, float, float]) -> None:
        """An analyst region's slug, countries and extent (south, west, north, east)."""
        self.conn.execute("INSERT OR REPLACE INTO regions VALUES (?, ?, ?, ?, ?, ?, ?)", (place_id, slug, countries, *bbox))

    def finalise(self) -> None:
        """Merge staged rows into the indexed tables, derive missing centroids, commit."""
        self.flush()
        with self.conn:
            self.conn.execute(_RESTAGED)
            self.conn.execute(_MERGE_PLACES)
            self.conn.execute(_MERGE_KEYS)
            if self.conn.execute("SELECT 1 FROM temp.restaged LIMIT 1").fetchone():
                self.conn.execute(_REFRESH_KEYS)
            self.conn.execute("DROP TABLE temp.restaged")
            self.conn.execute("DELETE FROM stage_places")
            self.conn.execute("DELETE FROM stage_keys")
            if self.needs_centroids:
                self.conn.execute(_ADMIN1_CENTROIDS)
                self.conn.execute(_COUNTRY_CENTROIDS)
        self.needs_centroids = False
