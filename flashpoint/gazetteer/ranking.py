"""Rank raw index hits with the document's context; record why each score is what it is.

score = name similarity (0-1, edit distance on the normalised name and on the
consonant skeleton) + country context + admin1 context + distance to places
already resolved or to named areas + feature class + population + actors' countries and
areas.
Weights are module constants so they can be read (and tuned) in one place.

Example:
    >>> context = RankContext(countries=("ML",))
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from flashpoint.gazetteer.candidates import RawHit
from flashpoint.gazetteer.keys import AnyKeys
from flashpoint.gazetteer.normalise import normalise_name

FIRST_COUNTRY_BONUS, OTHER_COUNTRY_BONUS, FOREIGN_PENALTY = 0.15, 0.1, -0.3
ADMIN1_BONUS, AREA_BONUS, ACTOR_COUNTRY_BONUS = 0.1, 0.1, 0.03
# Where the report's armed groups are known to operate: decides between namesakes the
# text cannot tell apart, never against a spelling difference or a region the text names.
ACTOR_AREA_BONUS = 0.015
NEAR_BONUS, NEAR_SCALE_KM = 0.2, 50.0
POPULATION_BONUS = 0.02
# Events happen in populated places (and camps) and admin units more than on rivers or
# hills. Priors stay smaller than a spelling difference: an exact name beats a variant.
CLASS_BONUS = {"P": 0.02, "A": 0.01, "S": 0.01, "L": 0.0, "H": -0.02, "T": -0.02, "V": -0.02, "U": -0.03}
# A bare name shared by a district seat and a hamlet more often means the seat (reports
# name seats; GeoNames rarely gives hamlets a population to tell them apart otherwise).
SEAT_BONUS = {"PPLC": 0.03, "PPLA": 0.03, "PPLA2": 0.025, "PPLA3": 0.02, "PPLA4": 0.015}


@dataclass(frozen=True, slots=True)
class Area:
    """A named area in context (admin1 or region): a centre and a radius in km."""

    lat: float
    lon: float
    radius_km: float
    label: str


@dataclass(frozen=True, slots=True)
class RankContext:
    """What the document tells about where its places are.

    `country` is a hard filter; `countries` (most mentioned first) only prefer.
    `admin1s` are normalised admin1 names; `points` are places already resolved.
    """

    country: str | None = None
    countries: tuple[str, ...] = ()
    admin1s: tuple[str, ...] = ()
    areas: tuple[Area, ...] = ()
    points: tuple[tuple[float, float], ...] = ()
    actor_countries: tuple[str, ...] = ()
    actor_admin1s: tuple[str, ...] = ()
    """Normalised admin1 names where the report's armed groups are known to operate."""


class Ranked(NamedTuple):
    """A hit with its score, its name similarity and the reasons (a tuple: built per hit ranked)."""

    hit: RawHit
    score: float
    similarity: float
    reasons: tuple[str, ...]


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


class _Radians(NamedTuple):
    """A point in radians with the cosine of its latitude: `haversine_km` with one side prepared."""

    lat: float
    lon: float
    cos_lat: float

    @classmethod
    def of(cls, lat: float, lon: float) -> _Radians:
        lat, lon = math.radians(lat), math.radians(lon)
        return cls(lat, lon, math.cos(lat))

    def km_to(self, other: _Radians) -> float:
        # The same operations in the same order as `haversine_km`: bit-identical distances.
        h = math.sin((other.lat - self.lat) / 2) ** 2 + self.cos_lat * other.cos_lat * math.sin((other.lon - self.lon) / 2) ** 2
        return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


class _Geometry(NamedTuple):
    """A context's areas and points prepared once per lookup (every hit is measured against them)."""

    areas: tuple[tuple[_Radians, Area], ...]
    points: tuple[_Radians, ...]


_NO_GEOMETRY = _Geometry((), ())


def _geometry(context: RankContext) -> _Geometry:
    if not context.areas and not context.points:
        return _NO_GEOMETRY
    return _Geometry(tuple((_Radians.of(area.lat, area.lon), area) for area in context.areas),
                     tuple(_Radians.of(lat, lon) for lat, lon in context.points))


@lru_cache(maxsize=4096)
def _normalised(name: str) -> str:
    # Admin1 names are few and recur in every hit of a lookup: normalise each once.
    return normalise_name(name)


def _country_terms(hit: RawHit, context: RankContext, reasons: list[str] | None) -> float:
    if not context.countries:
        return 0.0
    if hit.country in context.countries:
        if reasons is not None:
            reasons.append(f"country {hit.country} named in document")
        return FIRST_COUNTRY_BONUS if hit.country == context.countries[0] else OTHER_COUNTRY_BONUS
    if reasons is not None:
        reasons.append(f"country {hit.country or '?'} not in context")
    return FOREIGN_PENALTY


def _place_terms(hit: RawHit, admin1_name: str | None, context: RankContext, reasons: list[str] | None,
                 geometry: _Geometry | None = None) -> float:
    score = 0.0
    if admin1_name and context.admin1s and _normalised(admin1_name) in context.admin1s:
        score += ADMIN1_BONUS
        if reasons is not None:
            reasons.append(f"in {admin1_name} named in document")
    if admin1_name and context.actor_admin1s and _normalised(admin1_name) in context.actor_admin1s:
        score += ACTOR_AREA_BONUS
        if reasons is not None:
            reasons.append(f"in {admin1_name}, where the armed groups in context operate")
    if context.areas or context.points:
        score += _distance_terms(_Radians.of(hit.lat, hit.lon), geometry or _geometry(context), reasons)
    if hit.country in context.actor_countries:
        score += ACTOR_COUNTRY_BONUS
        if reasons is not None:
            reasons.append("in actors' country")
    return score


def _distance_terms(point: _Radians, geometry: _Geometry, reasons: list[str] | None) -> float:
    score = 0.0
    for centre, area in geometry.areas:
        if point.km_to(centre) <= area.radius_km:
            score += AREA_BONUS
            if reasons is not None:
                reasons.append(f"within {area.label}")
            break
    if geometry.points:
        nearest = min(point.km_to(other) for other in geometry.points)
        score += NEAR_BONUS * math.exp(-nearest / NEAR_SCALE_KM)
        if reasons is not None:
            reasons.append(f"{nearest:.0f} km from places in context")
    return score


def _prior_terms(hit: RawHit, reasons: list[str] | None) -> float:
    score = CLASS_BONUS.get(hit.fclass, 0.0) + SEAT_BONUS.get(hit.fcode, 0.0)
    if hit.population > 0:
        score += POPULATION_BONUS * min(1.0, math.log10(hit.population + 1) / 6)
    if reasons is not None:
        reasons.append(f"feature {hit.fclass}.{hit.fcode}")
        if hit.population > 0:
            reasons.append(f"population {hit.population}")
    return score


def _score(hit: RawHit, similarity: float, context: RankContext, admin1_name: str | None, reasons: list[str] | None = None,
           geometry: _Geometry | None = None) -> float:
    if reasons is not None:
        kind = _KIND.get(hit.kind, hit.kind)
        reasons.append("exact name" if similarity == 1.0 else f"name ~{similarity:.2f} ({hit.norm!r} by {kind})")
    terms = _country_terms(hit, context, reasons) + _prior_terms(hit, reasons)
    if _placed(context):
        terms += _place_terms(hit, admin1_name, context, reasons, geometry)
    return similarity + terms


def _quick_score(hit: RawHit, context: RankContext, admin1_names: dict[tuple[str, str], str],
                 geometry: _Geometry | None = None) -> float:
    """`_score` without reasons: what `rank_hits` sorts on (see `_quick_scores`)."""
    return -_quick_scores((hit,), context, admin1_names, geometry or _geometry(context))[0][0]


Scored = tuple[float, int, int, RawHit]
"""(-score, -population, place id, hit): sorting these in ascending order ranks the hits."""


def _quick_scores(hits: Iterable[RawHit], context: RankContext, admin1_names: dict[tuple[str, str], str],
                  geometry: _Geometry) -> list[Scored]:
    """`_score` without reasons for every hit of a lookup: the hot path, so the context is
    looked at once and the terms inlined (same operations in the same order: same floats)."""
    class_bonus, seat_bonus, log10, countries = CLASS_BONUS.get, SEAT_BONUS.get, math.log10, context.countries
    first_country = countries[0] if countries else None
    placed = _placed(context)
    scored: list[Scored] = []
    append = scored.append
    for hit in hits:
        # One unpacking, not an attribute read per field: this loop runs for every hit shortlisted.
        _, _, place_id, _, country, admin1, _, _, _, fclass, fcode, population, similarity = hit
        score = similarity + class_bonus(fclass, 0.0) + seat_bonus(fcode, 0.0)
        if population > 0:
            share = log10(population + 1) / 6
            score += POPULATION_BONUS * (share if share < 1.0 else 1.0)  # min(1.0, share)
        if countries:
            if country in countries:
                score += FIRST_COUNTRY_BONUS if country == first_country else OTHER_COUNTRY_BONUS
            else:
                score += FOREIGN_PENALTY
        if placed:
            score += _place_terms(hit, admin1_names.get((country, admin1)), context, None, geometry)
        append((-score, -population, place_id, hit))
    return scored


def needs_places(context: RankContext) -> bool:
    """Whether scores in `context` read place rows (admin1 code, coordinates), not only
    what key rows carry (name similarity, country, class, code, population)."""
    return bool(context.admin1s or context.areas or context.points or context.actor_admin1s)


def _placed(context: RankContext) -> bool:
    """Whether `_place_terms` can add anything in `context` (the actors' countries need no place row)."""
    return needs_places(context) or bool(context.actor_countries)


def _scored(hits: Iterable[RawHit], context: RankContext, admin1_names: dict[tuple[str, str], str],
            geometry: _Geometry) -> list[Scored]:
    # Best score first, then the most populous, then the lowest id (place ids are unique:
    # the order is total, and the hit itself is never compared). Three stable sorts, least
    # significant key first, give the order of one sort of the tuples 2-3x faster: each
    # compares floats or ints in C, where tuples fall back to generic comparisons on every
    # tie of the score, and namesakes tie often.
    scored = _quick_scores(hits, context, admin1_names, geometry)
    if len(scored) > 1:
        scored.sort(key=_PLACE_ID)
        scored.sort(key=_POPULATION)
        scored.sort(key=_SCORE)
    return scored


_SCORE, _POPULATION, _PLACE_ID = itemgetter(0), itemgetter(1), itemgetter(2)


def best_first(hits: Iterable[RawHit], context: RankContext, admin1_names: dict[tuple[str, str], str]) -> list[RawHit]:
    """The hits in `rank_hits` order, without scores or reasons."""
    return [item[3] for item in _scored(hits, context, admin1_names, _geometry(context))]


def rank_hits(query: AnyKeys, hits: Iterable[RawHit], context: RankContext, admin1_names: dict[tuple[str, str], str],
              *, explain: int = 10, limit: int | None = None) -> list[Ranked]:
    """Score each place once (hits come one per place, with their name similarity), best first.

    The top `explain` carry reasons (`explained` adds them to another one later); only
    the top `limit` are returned when a limit is given.
    """
    geometry = _geometry(context)
    scored = _scored(hits, context, admin1_names, geometry)
    new = tuple.__new__  # skips NamedTuple's Python-level __new__
    ranked = [new(Ranked, (hit, round(-negated, 4), hit.similarity, ())) for negated, _, _, hit in scored[:limit]]
    for position in range(min(explain, len(ranked))):
        ranked[position] = explained(ranked[position], context, admin1_names, geometry)
    return ranked


def explained(ranked: Ranked, context: RankContext, admin1_names: dict[tuple[str, str], str],
              geometry: _Geometry | None = None) -> Ranked:
    """`ranked` with the reasons for its score (building them costs more than the score)."""
    hit = ranked.hit
    reasons: list[str] = []
    _score(hit, hit.similarity, context, admin1_names.get((hit.country, hit.admin1)), reasons, geometry)
    return Ranked(hit, ranked.score, ranked.similarity, tuple(reasons))


class Explanation:
    """The reasons `explained` gives a hit, built only when called: a `Candidate` holds one
    and calls it when its reasons are first read (most never are)."""

    __slots__ = ("hit", "context", "admin1_name")

    def __init__(self, hit: RawHit, context: RankContext, admin1_name: str | None) -> None:
        self.hit, self.context, self.admin1_name = hit, context, admin1_name

    def __call__(self) -> tuple[str, ...]:
        reasons: list[str] = []
        _score(self.hit, self.hit.similarity, self.context, self.admin1_name, reasons)
        return tuple(reasons)


_KIND = {"n": "name", "s": "skeleton", "p": "phonetic"}
