"""Read-only access to a gazetteer index: ranked lookups, countries, admin1 units, regions.

Example:
    >>> gaz = Gazetteer.open(load_settings().gazetteer_path)  # doctest: +SKIP
    >>> gaz.lookup("Tamalat", countries=("ML",))[0].admin1  # doctest: +SKIP
    'Ménaka'
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Container, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from flashpoint.errors import GazetteerError
from flashpoint.gazetteer.candidates import Candidate, Explainer, RawHit, read_places, shortlist_hits
from flashpoint.gazetteer.descriptors import strip_descriptors
from flashpoint.gazetteer.keys import QueryKeys
from flashpoint.gazetteer.normalise import normalise_name
from flashpoint.gazetteer.ranking import (Area, Explanation, RankContext, Ranked, best_first, haversine_km, needs_places,
                                          rank_hits)
from flashpoint.gazetteer.schema import REQUIRED_TABLES, check_schema_version, connect, table_names

__all__ = ["Candidate", "Gazetteer", "RankContext", "Area"]

BUILD_HINT = "run `flashpoint gazetteer build`"
COUNTRY_MIN_SIMILARITY = 0.85
ADMIN_MIN_SIMILARITY = 0.85
# Candidates carry the reasons for their score down to this rank (the rest have none);
# they are built when first read (`Candidate`).
EXPLAINED = 10
# Hits kept by the per-index memo of candidate generation: a report looks up the same
# names again with more context (only the ranking changes), and so do reports about the
# same area. Bounded in hits, not entries, so common names cannot blow memory (~300 B a hit).
HIT_CACHE_HITS = 100_000


def _is_abjad(text: str) -> bool:
    return not text.isascii() and any("\u0600" <= char <= "\u06ff" for char in text)


@lru_cache(maxsize=8192)
def _keys_of(name: str) -> QueryKeys:
    return QueryKeys(normalise_name(name))


Wanted = tuple[float, tuple[str, ...]]
"""(minimum name similarity, countries): the hits a caller can use; analyst regions are always in."""
NO_FLOOR: Wanted = (0.0, ())
HitKey = tuple[str, tuple[str, ...], bool, bool, bool, Wanted]
"""(normalised name, countries, only those countries, abjad, variants, wanted): what the hits depend on."""


class _HitCache:
    """Least-recently-used hits per `HitKey`, at most `capacity` hits in all (not thread-safe: callers lock)."""

    def __init__(self, capacity: int) -> None:
        self._capacity, self._size = capacity, 0
        self._entries: OrderedDict[HitKey, list[RawHit]] = OrderedDict()

    def get(self, key: HitKey) -> list[RawHit] | None:
        hits = self._entries.get(key)
        if hits is not None:
            self._entries.move_to_end(key)
        return hits

    def put(self, key: HitKey, hits: list[RawHit]) -> None:
        if len(hits) > self._capacity or key in self._entries:
            return
        self._entries[key] = hits
        self._size += len(hits) + 1
        while self._size > self._capacity:
            _, dropped = self._entries.popitem(last=False)
            self._size -= len(dropped) + 1


class Gazetteer:
    """An open gazetteer index (read-only). Safe to share between threads; close with `close()`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        # The lookup path's statements share one cursor: `conn.execute` makes one per statement.
        self._cursor = conn.cursor()
        # One connection serves every thread: statements must not interleave.
        self._lock = threading.RLock()
        self._reading = False
        self.path = path
        self._admin1 = {(c, code): name for c, code, name in conn.execute("SELECT country, code, name FROM admin1")}
        self._admin2: dict[tuple[str, str, str], str | None] = {}
        self._units: dict[str, dict[str, str]] = {}
        self._regions = {row[0]: row[1] for row in conn.execute("SELECT id, slug FROM regions")}
        self._iso3 = {iso3: iso2 for iso2, iso3 in conn.execute("SELECT iso2, iso3 FROM countries")}
        self._hit_cache = _HitCache(HIT_CACHE_HITS)

    @classmethod
    def open(cls, path: Path) -> Gazetteer:
        """Open the index at `path`; GazetteerError with a hint if missing, incomplete or broken."""
        path = Path(path)
        if not path.is_file():
            raise GazetteerError(f"no gazetteer index here; {BUILD_HINT}", path=str(path))
        try:
            conn = connect(path, readonly=True, cache_mb=32)
            missing = REQUIRED_TABLES - table_names(conn)
            complete = conn.execute("SELECT value FROM meta WHERE key = 'complete'").fetchone() if not missing else None
        except sqlite3.Error as exc:
            raise GazetteerError(f"gazetteer index is broken ({exc}); {BUILD_HINT}", path=str(path)) from exc
        try:
            if missing or not complete or complete[0] != "1":
                raise GazetteerError(f"gazetteer index is incomplete; {BUILD_HINT} or re-run the import", path=str(path))
            check_schema_version(conn, path)
        except GazetteerError:
            conn.close()
            raise
        return cls(conn, path)

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One read transaction (and this thread's hold on the index) around many lookups:
        a report's toponyms are looked up in one, not one each (SQLite otherwise locks and
        re-checks the file around every statement). Nests: an inner one joins the outer."""
        with self._lock:
            if self._reading:
                yield
                return
            self._cursor.execute("BEGIN")
            self._reading = True
            try:
                yield
            finally:
                self._reading = False
                self._cursor.execute("COMMIT")

    def close(self) -> None:
        """Close the database connection."""
        self._conn.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def holds(self, name: str, countries: Sequence[str], classes: Container[str]) -> bool:
        """Is there, among the 3 best matches in `countries`, a feature of one of `classes`
        whose own name is exactly `name` (normalised)? Reads the exact name's rows only."""
        key = normalise_name(name)
        ranked = self.ranked(name, RankContext(countries=tuple(countries)), limit=3, wanted=(1.0, tuple(countries)))
        return any(c.feature_class in classes and normalise_name(c.name) == key for c, _ in ranked)

    def lookup(self, name: str, *, country: str | None = None, countries: Sequence[str] = (),
               near: tuple[float, float] | None = None, limit: int = 10) -> list[Candidate]:
        """Candidates for `name`, best first. `country` filters; `countries` and `near` prefer."""
        context = RankContext(country=country, countries=tuple(countries) or ((country,) if country else ()),
                              points=(near,) if near else ())
        return self.search(name, context, limit=limit)

    def search(self, name: str, context: RankContext, *, limit: int = 10) -> list[Candidate]:
        """Candidates for `name` ranked with a full `RankContext` (used by the resolver)."""
        return self._candidates(self._rank(name, context, explain=0, limit=limit), context, min(limit, EXPLAINED))

    def ranked(self, name: str, context: RankContext, *, limit: int = 10,
               wanted: Wanted = NO_FLOOR) -> list[tuple[Candidate, float]]:
        """Like `search`, with each candidate's name similarity (0-1) alongside; only hits
        `wanted` admits are read and ranked (a resolver rejects the others anyway)."""
        ranked = self._rank(name, context, explain=0, limit=limit, wanted=wanted)
        return list(zip(self._candidates(ranked, context, min(limit, EXPLAINED)), [one.similarity for one in ranked]))

    def _candidates(self, ranked: list[Ranked], context: RankContext, explain: int) -> list[Candidate]:
        """Candidates for `ranked`, the first `explain` explaining their score when asked."""
        admin1 = self._admin1
        return [self._candidate(one, None if position >= explain else
                                Explanation(one.hit, context, admin1.get((one.hit.country, one.hit.admin1))))
                for position, one in enumerate(ranked)]

    def _rank(self, name: str, context: RankContext, *, variants: bool = False, explain: int = EXPLAINED,
              limit: int | None = None, wanted: Wanted = NO_FLOOR) -> list[Ranked]:
        """The best `limit` (or all) hits ranked; the first `explain` with reasons."""
        keys = _keys_of(name)
        if not keys.norm:
            return []
        countries = (context.country.upper(),) if context.country else context.countries
        key: HitKey = (keys.norm, countries, bool(context.country), _is_abjad(name), variants, wanted)
        # The lock, and one read transaction around the lookup's statements: outside one,
        # SQLite locks and re-checks the file around every statement (~8 us each).
        with self._lock:
            if self._reading:
                hits = self._hits(key, keys, context, limit)
            else:  # `reading` inlined: this is the hot path of every lookup
                self._cursor.execute("BEGIN")
                try:
                    hits = self._hits(key, keys, context, limit)
                finally:
                    self._cursor.execute("COMMIT")
        return rank_hits(keys, hits, context, self._admin1, explain=explain, limit=limit)

    def _hits(self, key: HitKey, keys: QueryKeys, context: RankContext, limit: int | None) -> list[RawHit]:
        if limit is not None and not needs_places(context):
            return self._best_read(key, keys, context, limit)
        return self._read(key, keys)

    def _unread(self, key: HitKey, keys: QueryKeys) -> list[RawHit]:
        _, countries, only_countries, abjad, variants, (floor, within) = key
        probe_variants = None if floor >= 1.0 else variants  # only an exact name can reach 1.0
        hits = shortlist_hits(self._cursor, keys, countries, only_countries=only_countries, abjad=abjad, variants=probe_variants)
        if floor or within:
            # Before any place row is read: most names a report yields are no place of its countries.
            hits = [hit for hit in hits if hit.similarity >= floor and (not within or hit.country in within or hit.place_id < 0)]
        return hits

    def _read(self, key: HitKey, keys: QueryKeys) -> list[RawHit]:
        """All the hits with their place rows, memoised: the resolver asks again for the
        names of a report with more context, or for other feature types."""
        hits = self._hit_cache.get(key)
        if hits is None:
            hits = read_places(self._cursor, self._unread(key, keys))
            self._hit_cache.put(key, hits)
        return hits

    def _best_read(self, key: HitKey, keys: QueryKeys, context: RankContext, limit: int) -> list[RawHit]:
        """The `limit` best hits in `context` with their place rows, reading no other place row.

        Key rows carry all a score needs when the context names no admin1, area or point
        (`needs_places`): rank on them, then read places in that order until `limit`
        have coordinates (places without are left out, as `read_places` does).
        """
        unread = self._unread(key, keys)
        if len(unread) <= limit:
            return read_places(self._cursor, unread)
        order = best_first(unread, context, self._admin1)
        read: list[RawHit] = []
        start = 0
        while len(read) < limit and start < len(order):
            batch = order[start : start + limit - len(read)]
            read += read_places(self._cursor, batch)
            start += len(batch)
        return read

    def country(self, name_or_code: str) -> Candidate | None:
        """The country record for a name in any indexed language or an ISO2/ISO3 code."""
        code = name_or_code.strip()
        if code.isalpha() and code.isupper() and len(code) in (2, 3):
            iso2 = code if len(code) == 2 else self._iso3.get(code)
            with self._lock:
                row = self._conn.execute("SELECT geonameid FROM countries WHERE iso2 = ?", (iso2,)).fetchone()
            if row is not None:
                return self._by_id(int(row[0]))
        return self._best(name_or_code, RankContext(), lambda hit: hit.fcode.startswith("PCL"), COUNTRY_MIN_SIMILARITY)

    def admin1(self, name: str, *, country: str | None = None) -> Candidate | None:
        """The first-level admin unit called `name` (optionally within `country`)."""
        context = RankContext(country=country)
        return self._best(name, context, lambda hit: hit.fcode == "ADM1", ADMIN_MIN_SIMILARITY)

    def region(self, name: str) -> Candidate | None:
        """An analyst region from regions.yaml (or a GeoNames region feature) called `name`."""
        best = self._best(name, RankContext(), lambda hit: hit.place_id < 0, ADMIN_MIN_SIMILARITY)
        return best or self._best(name, RankContext(), lambda hit: hit.fcode in ("RGN", "RGNE"), ADMIN_MIN_SIMILARITY)

    def extent_radius_km(self, candidate: Candidate) -> float | None:
        """Half the diagonal of an analyst region's extent box (None for other records)."""
        if not candidate.gazetteer_id.startswith("region:"):
            return None
        slug = candidate.gazetteer_id.split(":", 1)[1]
        with self._lock:
            row = self._conn.execute("SELECT south, west, north, east FROM regions WHERE slug = ?", (slug,)).fetchone()
        if row is None:
            return None
        south, west, north, east = row
        return haversine_km((south, west), (north, east)) / 2

    def admin1_of_unit(self, name: str, country: str) -> str | None:
        """The admin1 unit that is, or contains the admin2 unit, called `name` in `country`
        ("Soum" and "province du Soum" give "Sahel"); None when no unit bears the name."""
        units = self._units_of(country)
        return units.get(strip_descriptors(name)) or units.get(normalise_name(name))

    def _units_of(self, country: str) -> dict[str, str]:
        """A country's admin1 and admin2 names (normalised, with and without their unit word)
        -> the admin1 name; admin1 names win over a namesake admin2 unit."""
        if country not in self._units:
            with self._lock:
                rows = self._conn.execute("SELECT admin1, name FROM admin2 WHERE country = ?", (country,)).fetchall()
            units: dict[str, str] = {}
            named = [(self._admin1.get((country, code)), unit) for code, unit in rows]
            named += [(unit, unit) for (unit_country, _), unit in self._admin1.items() if unit_country == country]
            for admin1, unit in named:
                for key in (normalise_name(unit), strip_descriptors(unit)):
                    if admin1 and key:
                        units[key] = str(admin1)
            self._units[country] = units
        return self._units[country]

    def admin1_names(self, country: str) -> list[str]:
        """Names of the admin1 units of a country."""
        return sorted(name for (c, _), name in self._admin1.items() if c == country)

    def _best(self, name: str, context: RankContext, accept: object, min_similarity: float) -> Candidate | None:
        # Names below the similarity wanted are dropped before their places are read.
        for position, ranked in enumerate(self._rank(name, context, variants=True, explain=0, wanted=(min_similarity, ()))):
            if ranked.similarity >= min_similarity and accept(ranked.hit):  # type: ignore[operator]
                # Reasons as `search` gives them: for the first EXPLAINED ranks only.
                return self._candidates([ranked], context, explain=1 if position < EXPLAINED else 0)[0]
        return None

    def _by_id(self, place_id: int) -> Candidate | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT 'n', '', id, name, country, admin1, admin2, lat, lon, fclass, fcode, population, 1.0"
                " FROM places WHERE id = ? AND lat IS NOT NULL", (place_id,)).fetchone()
        if row is None:
            return None
        return self._candidate(Ranked(RawHit(*row), 1.0, 1.0, ("by code",)))

    def _candidate(self, ranked: Ranked, explain: Explainer | None = None) -> Candidate:
        """The candidate for `ranked`; its reasons are `ranked`'s, or built by `explain` when read."""
        hit = ranked.hit
        if hit.place_id < 0:
            gazetteer_id = f"region:{self._regions.get(hit.place_id, hit.place_id)}"
        else:
            gazetteer_id = f"geonames:{hit.place_id}"
        is_country = hit.fcode.startswith("PCL")
        return Candidate(
            hit.name, gazetteer_id, hit.country or None,
            None if is_country or hit.place_id < 0 else self._admin1.get((hit.country, hit.admin1)),
            self._admin2_name(hit) if hit.admin2 else None, hit.lat, hit.lon, hit.fclass, hit.fcode, hit.population,
            ranked.score, ranked.reasons if explain is None else explain)

    def _admin2_name(self, hit: RawHit) -> str | None:
        if not hit.admin2:
            return None
        key = (hit.country, hit.admin1, hit.admin2)
        if key not in self._admin2:
            with self._lock:
                row = self._conn.execute("SELECT name FROM admin2 WHERE country = ? AND admin1 = ? AND code = ?", key).fetchone()
                if row is None:  # GeoNames codes admin2 under the old admin1 in older dumps
                    row = self._conn.execute("SELECT name FROM admin2 WHERE country = ? AND code = ?", (hit.country, hit.admin2)).fetchone()
            self._admin2[key] = row[0] if row else None
        return self._admin2[key]

    def normalised(self, name: str) -> str:
        """The normalised form the index uses for `name` (for context matching)."""
        return normalise_name(name)
