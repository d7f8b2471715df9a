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

from flashpoint.gazetteer.keys import NameKeys
from flashpoint.gazetteer.similarity import name_similarity

EXACT_BUCKET_CAP = 200
FUZZY_BUCKET_CAP = 40
WORLDWIDE_CAP_WITH_CONTEXT = 50
# A skeleton of one consonant ("s " + 1 char) matches half a country: not a key worth a seek.
MIN_FUZZY_KEY_CHARS = 3
# Context (country, area, nearby places) adds at most this to a score, and at most
# SHORTLIST places (best names first) are read and ranked.
MAX_CONTEXT_GAIN = 0.45
SHORTLIST = 40


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
    similarity: float
    """0-1 name similarity of the query to `norm`."""


_BRANCH = """SELECT * FROM (
SELECT substr(k.key, 1, 1), k.norm, k.place_id, k.country FROM keys AS k
WHERE k.key = ? {country_clause} LIMIT ?)"""
_PLACES = """SELECT id, name, country, admin1, admin2, lat, lon, fclass, fcode, population
FROM places WHERE id IN ({marks}) AND lat IS NOT NULL"""


@lru_cache(maxsize=64)
def _compound_sql(branch_countries: tuple[int, ...]) -> str:
    """One statement of UNION ALL branches, each with its own LIMIT (one key, n countries).

    A negative count means "outside these countries" (the worldwide part of a probe
    whose in-country part is another branch).
    """
    branches = []
    for count in branch_countries:
        marks = ", ".join("?" * abs(count))
        clause = "" if not count else f"AND k.country {'NOT ' if count < 0 else ''}IN ({marks})"
        branches.append(_BRANCH.format(country_clause=clause))
    return "\nUNION ALL\n".join(branches)


Branch = tuple[str, Sequence[str], int, bool]
"""(key, countries, cap, outside): rows under key within (or outside) countries, at most cap."""
KeyRow = tuple[str, str, int, str]
"""(key kind, norm, place id, country) from the covering key index, no place row read."""


def _probe(conn: sqlite3.Connection, branches: Sequence[Branch]) -> list[KeyRow]:
    """Key rows for each branch, in one statement (one round trip)."""
    if not branches:
        return []
    params: list[object] = []
    for key, countries, cap, _ in branches:
        params += [key, *countries, cap]
    sql = _compound_sql(tuple(-len(countries) if outside else len(countries) for _, countries, _, outside in branches))
    return conn.execute(sql, params).fetchall()


def _key_rows(conn: sqlite3.Connection, keys: NameKeys, countries: Sequence[str], only_countries: bool, variants: bool) -> list[KeyRow]:
    query_keys = keys.query_keys()
    exact_key, fuzzy_keys = query_keys[0], [key for key in query_keys[1:] if len(key) > MIN_FUZZY_KEY_CHARS]
    exact_branches: list[Branch] = []
    if countries:
        exact_branches.append((exact_key, countries, EXACT_BUCKET_CAP, False))
    if not only_countries:
        exact_branches.append((exact_key, countries, WORLDWIDE_CAP_WITH_CONTEXT if countries else EXACT_BUCKET_CAP, True))
    rows = _probe(conn, exact_branches)
    if countries and (variants or not any(row[3] in countries for row in rows)):
        rows += _probe(conn, [(key, countries, FUZZY_BUCKET_CAP, False) for key in fuzzy_keys])
    elif (variants or not rows) and not only_countries:
        rows += _probe(conn, [(key, (), FUZZY_BUCKET_CAP, True) for key in fuzzy_keys])
    return rows


def _shortlist(keys: NameKeys, rows: list[KeyRow], abjad: bool) -> dict[int, tuple[str, str, float]]:
    """Best-matching name per place, for places whose name could still win after context."""
    best: dict[int, tuple[str, str, float]] = {}
    for kind, norm, place_id, _ in rows:
        similarity = name_similarity(keys, norm, abjad=abjad)
        if place_id not in best or best[place_id][2] < similarity:
            best[place_id] = (kind, norm, similarity)
    if not best:
        return best
    # Context adds at most MAX_CONTEXT_GAIN: a name further below the best can never win.
    floor = max(item[2] for item in best.values()) - MAX_CONTEXT_GAIN
    kept = sorted((item for item in best.items() if item[1][2] >= floor), key=lambda item: -item[1][2])
    # Every exact match stays (population and context must choose among namesakes);
    # spelling variants fill the shortlist up to SHORTLIST.
    exact = sum(1 for item in kept if item[1][2] == 1.0)
    return dict(kept[: max(exact, SHORTLIST)])


def fetch_hits(conn: sqlite3.Connection, keys: NameKeys, countries: Sequence[str] = (), *,
               only_countries: bool = False, abjad: bool = False, variants: bool = False) -> list[RawHit]:
    """Places whose names match the query keys of `keys`, one hit per place.

    The exact name is looked for within the context countries and worldwide; spelling
    variants (skeleton, phonetic keys) only when the exact name is not in a context
    country, within those countries, or worldwide when there is no country context and
    no exact match anywhere. `variants` probes spelling variants even after an exact
    match (for searches restricted to a feature type, where the exact name may be another kind). With `only_countries` nothing is probed
    worldwide (a hard country filter). Key rows come from the covering index alone;
    place rows are read only for the shortlist.
    """
    shortlist = _shortlist(keys, _key_rows(conn, keys, countries, only_countries, variants), abjad)
    if not shortlist:
        return []
    sql = _PLACES.format(marks=", ".join("?" * len(shortlist)))
    hits = []
    for place_id, name, country, admin1, admin2, lat, lon, fclass, fcode, population in conn.execute(sql, tuple(shortlist)):
        kind, norm, similarity = shortlist[place_id]
        hits.append(RawHit(kind, norm, place_id, name, country, admin1, admin2, lat, lon, fclass, fcode, population, similarity))
    return hits
