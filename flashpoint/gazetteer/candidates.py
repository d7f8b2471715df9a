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
WHERE k.key = ? {country_clause} AND p.lat IS NOT NULL LIMIT ?
"""
_ANY_COUNTRY = _SELECT.format(country_clause="")
_ONE_COUNTRY = _SELECT.format(country_clause="AND k.country = ?")


def fetch_hits(conn: sqlite3.Connection, keys: NameKeys, countries: Sequence[str] = (), *, only_countries: bool = False) -> list[RawHit]:
    """Index rows for every query key of `keys`: first within `countries`, then anywhere.

    With `only_countries` the worldwide probe is skipped (a hard country filter).
    Within context countries every key is probed; worldwide, fuzzy keys are probed only
    when there is no country context (an exact name is always looked for everywhere).
    """
    hits: list[RawHit] = []
    for key in keys.query_keys():
        exact = key.startswith(NORM_PREFIX)
        cap = EXACT_BUCKET_CAP if exact else FUZZY_BUCKET_CAP
        for country in countries:
            hits.extend(RawHit._make(row) for row in conn.execute(_ONE_COUNTRY, (key, country, cap)))
        if not only_countries and (exact or not countries):
            hits.extend(RawHit._make(row) for row in conn.execute(_ANY_COUNTRY, (key, cap)))
    return hits
