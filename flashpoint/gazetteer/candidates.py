"""Candidate generation: index seeks on the name keys, never a scan.

For each query key (normalised name, skeleton, phonetic) one range read on the
`keys` primary key returns the places indexed under it, optionally restricted to
countries (the key's second column), each bucket capped so a common name cannot
flood the ranking. `Candidate` is what lookups return.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from flashpoint.gazetteer.keys import NORM_PREFIX, NameKeys

EXACT_BUCKET_CAP = 200
FUZZY_BUCKET_CAP = 60


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry proposed for a name, with its score and why.

    `gazetteer_id` is "geonames:<id>" or "region:<slug>"; `admin1`/`admin2` are names
    (current units where the index knows them); `reasons` explain the score.
    """

    name: str
    gazetteer_id: str
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    population: int
    score: float
    reasons: tuple[str, ...]


class RawHit(NamedTuple):
    """One index row joined with its place, before ranking."""

    kind: str
    """Which key matched: "n" (normalised name), "s" (skeleton), "p" (phonetic)."""
    norm: str
    place_id: int
    name: str
    country: str
    admin1: str
    admin2: str
    lat: float
    lon: float
    fclass: str
    fcode: str
    population: int


_SELECT = """
SELECT substr(k.key, 1, 1), k.norm, p.id, p.name, p.country, p.admin1, p.admin2, p.lat, p.lon,
       p.fclass, p.fcode, p.population
FROM keys AS k JOIN places AS p ON p.id = k.place_id
WHERE k.key IN ({keys}) {country_clause} AND p.lat IS NOT NULL LIMIT ?
"""


def _probe(conn: sqlite3.Connection, keys: Sequence[str], countries: Sequence[str], cap: int) -> list[RawHit]:
    """One statement: rows under any of `keys` (within `countries` if given), at most `cap`."""
    country_clause = f"AND k.country IN ({', '.join('?' * len(countries))})" if countries else ""
    sql = _SELECT.format(keys=", ".join("?" * len(keys)), country_clause=country_clause)
    return [RawHit._make(row) for row in conn.execute(sql, (*keys, *countries, cap))]


def fetch_hits(conn: sqlite3.Connection, keys: NameKeys, countries: Sequence[str] = (), *, only_countries: bool = False) -> list[RawHit]:
    """Index rows for the query keys of `keys`: first within `countries`, then anywhere.

    Within context countries every key is probed; worldwide, fuzzy keys are probed only
    when there is no country context and no exact match (an exact name is always looked
    for everywhere). With `only_countries` nothing is probed worldwide (a hard filter).
    """
    query_keys = keys.query_keys()
    fuzzy_keys = [key for key in query_keys if not key.startswith(NORM_PREFIX)]
    hits: list[RawHit] = []
    if countries:
        hits += _probe(conn, query_keys, countries, EXACT_BUCKET_CAP + FUZZY_BUCKET_CAP * len(fuzzy_keys))
    if only_countries:
        return hits
    exact = _probe(conn, query_keys[:1], (), EXACT_BUCKET_CAP)
    hits += exact
    if not countries and not exact and fuzzy_keys:
        hits += _probe(conn, fuzzy_keys, (), FUZZY_BUCKET_CAP * len(fuzzy_keys))
    return hits
