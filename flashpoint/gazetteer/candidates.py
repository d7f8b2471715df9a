"""Candidate generation: index seeks on the name keys, never a scan.

For each query key (normalised name, skeleton, phonetic) one range read on the
`keys` primary key returns the places indexed under it, optionally restricted to
countries (the key's second column), each bucket capped so a common name cannot
flood the ranking. `Candidate` is what lookups return.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from flashpoint.gazetteer.keys import NORM_PREFIX, SKELETON_PREFIX, AnyKeys
from flashpoint.gazetteer.similarity import QueryScorer

EXACT_BUCKET_CAP = 200
FUZZY_BUCKET_CAP = 40
WORLDWIDE_CAP_WITH_CONTEXT = 50
# A skeleton of one consonant ("s " + 1 char) matches half a country: not a key worth a seek.
MIN_FUZZY_KEY_CHARS = 3
# Context (country, area, nearby places) adds at most this to a score, and at most
# SHORTLIST places (best names first) are read and ranked.
MAX_CONTEXT_GAIN = 0.45
SHORTLIST = 40


Explainer = Callable[[], tuple[str, ...]]
"""Builds the reasons for a candidate's score when they are first read."""


@dataclass(frozen=True, init=False)
class Candidate:
    """A gazetteer entry proposed for a name, with its score and why.

    `gazetteer_id` is "geonames:<id>" or "region:<slug>"; `admin1`/`admin2` are names
    (current units where the index knows them); `reasons` explain the score. They may be
    given as an `Explainer`: lookups return many candidates whose reasons nobody reads,
    and building them costs more than the score, so they are built on first read (and
    compared, hashed, printed and converted by `asdict` as if they had been given).
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

    def __init__(self, name: str, gazetteer_id: str, country: str | None, admin1: str | None, admin2: str | None,
                 lat: float, lon: float, feature_class: str, feature_code: str, population: int, score: float,
                 reasons: tuple[str, ...] | Explainer) -> None:
        # Straight into the instance dict: the frozen dataclass __init__ sets each field
        # through object.__setattr__, which made building a candidate cost 4 us.
        fields = self.__dict__
        fields.update(name=name, gazetteer_id=gazetteer_id, country=country, admin1=admin1, admin2=admin2, lat=lat,
                      lon=lon, feature_class=feature_class, feature_code=feature_code, population=population, score=score)
        fields["_explain" if callable(reasons) else "reasons"] = reasons

    def __getattr__(self, name: str) -> tuple[str, ...]:
        # Reached only for attributes not in the instance dict: `reasons` still to explain.
        explain = self.__dict__.get("_explain") if name == "reasons" else None
        if explain is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        reasons: tuple[str, ...] = explain()
        self.__dict__["reasons"] = reasons
        return reasons


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


_BRANCH = """SELECT norm, place_id, country, fclass, fcode, population FROM keys
WHERE key = ? {country_clause} LIMIT ?"""
_PLACES = """SELECT id, name, country, admin1, admin2, lat, lon, fclass, fcode, population
FROM places WHERE id IN ({marks}) AND lat IS NOT NULL"""


@lru_cache(maxsize=64)
def _branch_sql(countries: int) -> str:
    """One branch's statement: one key, within `countries` countries (outside when negative), capped."""
    marks = ", ".join("?" * abs(countries))
    clause = "" if not countries else f"AND country {'NOT ' if countries < 0 else ''}IN ({marks})"
    return _BRANCH.format(country_clause=clause)


@lru_cache(maxsize=128)
def _places_sql(count: int) -> str:
    return _PLACES.format(marks=", ".join("?" * count))


Database = sqlite3.Connection | sqlite3.Cursor
"""Where statements run: a connection, or a cursor kept for a series of them."""
Branch = tuple[str, Sequence[str], int, bool]
"""(key, countries, cap, outside): rows under key within (or outside) countries, at most cap."""
KeyRow = tuple[str, int, str, str, str, int]
"""(norm, place id, country, fclass, fcode, population) from the key index, no place row read."""
Probed = list[tuple[str, list[KeyRow]]]
"""Each probed key with its rows, in probe order."""


def _probe(conn: Database, branches: Sequence[Branch]) -> Probed:
    """Key rows for each branch. One plain statement per branch: inside the lookup's read
    transaction these cost less than one compound statement of capped subqueries."""
    return [(key, conn.execute(_branch_sql(-len(countries) if outside else len(countries)), (key, *countries, cap)).fetchall())
            for key, countries, cap, outside in branches]


def _key_rows(conn: Database, keys: AnyKeys, countries: Sequence[str], only_countries: bool, variants: bool | None) -> Probed:
    exact_key = NORM_PREFIX + keys.norm
    exact_branches: list[Branch] = []
    if countries:
        exact_branches.append((exact_key, countries, EXACT_BUCKET_CAP, False))
    if not only_countries:
        exact_branches.append((exact_key, countries, WORLDWIDE_CAP_WITH_CONTEXT if countries else EXACT_BUCKET_CAP, True))
    probed = _probe(conn, exact_branches)
    if variants is None:  # the exact name only: spelling variants are not wanted
        return probed
    if countries and (variants or not any(row[2] in countries for _, rows in probed for row in rows)):
        probed += _probe(conn, [(key, countries, FUZZY_BUCKET_CAP, False) for key in _fuzzy_keys(keys)])
    elif (variants or not any(rows for _, rows in probed)) and not only_countries:
        probed += _probe(conn, [(key, (), FUZZY_BUCKET_CAP, True) for key in _fuzzy_keys(keys)])
    return probed


def _fuzzy_keys(keys: AnyKeys) -> list[str]:
    """The spelling-variant keys worth a seek (`query_keys` after the exact name)."""
    return [key for key in keys.query_keys()[1:] if len(key) > MIN_FUZZY_KEY_CHARS]


def _best_per_place(keys: AnyKeys, probed: Probed, abjad: bool) -> tuple[dict[int, RawHit], dict[str, float]]:
    """Each place's best-matching name as an unread hit, in first-seen order; and the
    similarity of each name seen."""
    best: dict[int, RawHit] = {}
    score = QueryScorer(keys, abjad=abjad)
    # Rows share few names (namesakes): each name's similarity is looked up, not scored, per row.
    similarities: dict[str, float] = {}
    nan, new = math.nan, tuple.__new__  # tuple.__new__ skips NamedTuple's Python-level __new__
    for key, rows in probed:
        # A skeleton key is the skeleton of every name under it (see `QueryScorer`).
        kind, skeleton = key[0], key[2:] if key.startswith(SKELETON_PREFIX) else None
        for norm, place_id, country, fclass, fcode, population in rows:
            similarity = similarities.get(norm)
            if similarity is None:
                similarity = similarities[norm] = score(norm, skeleton)
            known = best.get(place_id)
            if known is None or known.similarity < similarity:
                best[place_id] = new(RawHit, (kind, norm, place_id, "", country, "", "", nan, nan,
                                              fclass, fcode, population, similarity))
    return best, similarities


_SIMILARITY = itemgetter(12)  # RawHit.similarity


def _shortlist(keys: AnyKeys, probed: Probed, abjad: bool) -> list[RawHit]:
    """Best-matching name per place, for places whose name could still win after context."""
    best, similarities = _best_per_place(keys, probed, abjad)
    kept = list(best.values())
    # Most lookups see one name (the exact one): nothing to filter or order then.
    top, bottom = max(similarities.values(), default=0.0), min(similarities.values(), default=0.0)
    if top != bottom:
        # Context adds at most MAX_CONTEXT_GAIN: a name further below the best can never win.
        floor = top - MAX_CONTEXT_GAIN
        if bottom < floor:
            kept = [hit for hit in kept if hit.similarity >= floor]
        # Best names first; a stable sort keeps first-seen order among equals (reverse=True too).
        kept.sort(key=_SIMILARITY, reverse=True)
    if len(kept) > SHORTLIST and bottom < 1.0:
        # Every exact match stays (population and context must choose among namesakes);
        # spelling variants fill the shortlist up to SHORTLIST.
        exact = sum(1 for hit in kept if hit.similarity == 1.0)
        del kept[max(exact, SHORTLIST):]
    return kept


def shortlist_hits(conn: Database, keys: AnyKeys, countries: Sequence[str] = (), *,
                   only_countries: bool = False, abjad: bool = False, variants: bool | None = False) -> list[RawHit]:
    """The places `fetch_hits` returns, from the key index alone: name, admin codes and
    coordinates are not read yet (empty, NaN); country, class, code and population are
    the place's (the key rows carry copies), so hits can be ranked before `read_places`.
    `variants=None` probes the exact name only."""
    return _shortlist(keys, _key_rows(conn, keys, countries, only_countries, variants), abjad)


def read_places(conn: Database, hits: Sequence[RawHit]) -> list[RawHit]:
    """`hits` completed from their place rows; places without coordinates are left out."""
    if not hits:
        return []
    by_id = {hit.place_id: hit for hit in hits}
    new = tuple.__new__  # skips NamedTuple's Python-level __new__
    read = []
    # A place row is (id, name, country, admin1, admin2, lat, lon, fclass, fcode, population): RawHit's middle.
    for row in conn.execute(_places_sql(len(by_id)), tuple(by_id)):
        hit = by_id[row[0]]
        read.append(new(RawHit, (hit.kind, hit.norm, *row, hit.similarity)))
    return read


def fetch_hits(conn: Database, keys: AnyKeys, countries: Sequence[str] = (), *,
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
    shortlist = shortlist_hits(conn, keys, countries, only_countries=only_countries, abjad=abjad, variants=variants)
    return read_places(conn, shortlist)
