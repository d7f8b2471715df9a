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
from functools import lru_cache
from typing import NamedTuple

from flashpoint.gazetteer.keys import NORM_PREFIX, NameKeys

EXACT_BUCKET_CAP = 200
FUZZY_BUCKET_CAP = 40
WORLDWIDE_CAP_WITH_CONTEXT = 50
FUZZY_BUCKET_CAP_AFTER_EXACT = 10
# A skeleton of one consonant ("s " + 1 char) matches half a country: not a key worth a seek.
MIN_FUZZY_KEY_CHARS = 3


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


_BRANCH = """SELECT * FROM (
SELECT substr(k.key, 1, 1), k.norm, p.id, p.name, p.country, p.admin1, p.admin2, p.lat, p.lon,
       p.fclass, p.fcode, p.population
FROM keys AS k JOIN places AS p ON p.id = k.place_id
WHERE k.key = ? {country_clause} AND p.lat IS NOT NULL LIMIT ?)"""


@lru_cache(maxsize=64)
def _compound_sql(branch_countries: tuple[int, ...]) -> str:
    """One statement of UNION ALL branches, each with its own LIMIT (one key, n countries)."""
    branches = []
    for count in branch_countries:
        clause = f"AND k.country IN ({', '.join('?' * count)})" if count else ""
        branches.append(_BRANCH.format(country_clause=clause))
    return "\nUNION ALL\n".join(branches)


def _probe(conn: sqlite3.Connection, branches: Sequence[tuple[str, Sequence[str], int]]) -> list[RawHit]:
    """Rows for each (key, countries, cap) branch, in one statement (one round trip)."""
    if not branches:
        return []
    params: list[object] = []
    for key, countries, cap in branches:
        params += [key, *countries, cap]
    sql = _compound_sql(tuple(len(countries) for _, countries, _ in branches))
    return [RawHit._make(row) for row in conn.execute(sql, params)]


def fetch_hits(conn: sqlite3.Connection, keys: NameKeys, countries: Sequence[str] = (), *, only_countries: bool = False) -> list[RawHit]:
    """Index rows for the query keys of `keys`: first within `countries`, then anywhere.

    Within context countries every key is probed (spelling variants get a smaller share
    once the exact name is found); worldwide, fuzzy keys are probed only when there is
    no country context and no exact match. With `only_countries` nothing is probed
    worldwide (a hard country filter). Duplicates are left to the ranking to merge.
    """
    query_keys = keys.query_keys()
    exact_key, fuzzy_keys = query_keys[0], [key for key in query_keys[1:] if len(key) > MIN_FUZZY_KEY_CHARS]
    exact_branches: list[tuple[str, Sequence[str], int]] = []
    if countries:
        exact_branches.append((exact_key, countries, EXACT_BUCKET_CAP))
    if not only_countries:
        exact_branches.append((exact_key, (), EXACT_BUCKET_CAP if not countries else WORLDWIDE_CAP_WITH_CONTEXT))
    hits = _probe(conn, exact_branches)
    if countries:
        cap = FUZZY_BUCKET_CAP_AFTER_EXACT if any(hit.country in countries for hit in hits) else FUZZY_BUCKET_CAP
        hits += _probe(conn, [(key, countries, cap) for key in fuzzy_keys])
    elif not hits and not only_countries:
        hits += _probe(conn, [(key, (), FUZZY_BUCKET_CAP) for key in fuzzy_keys])
    return hits
