"""Rank raw index hits with the document's context; record why each score is what it is.

score = name similarity (0-1, edit distance on the normalised name and on the
consonant skeleton) + country context + admin1 context + distance to places
already resolved or to named areas + feature class + population + actors' countries.
Weights are module constants so they can be read (and tuned) in one place.

Example:
    >>> context = RankContext(countries=("ML",))
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from flashpoint.gazetteer.candidates import RawHit
from flashpoint.gazetteer.keys import NameKeys
from flashpoint.gazetteer.normalise import normalise_name

FIRST_COUNTRY_BONUS, OTHER_COUNTRY_BONUS, FOREIGN_PENALTY = 0.15, 0.1, -0.3
ADMIN1_BONUS, AREA_BONUS, ACTOR_COUNTRY_BONUS = 0.1, 0.1, 0.03
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


@dataclass(frozen=True, slots=True)
class Ranked:
    """A hit with its score, its name similarity and the reasons."""

    hit: RawHit
    score: float
    similarity: float
    reasons: tuple[str, ...]


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


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


def _place_terms(hit: RawHit, admin1_name: str | None, context: RankContext, reasons: list[str] | None) -> float:
    score = 0.0
    if admin1_name and context.admin1s and normalise_name(admin1_name) in context.admin1s:
        score += ADMIN1_BONUS
        if reasons is not None:
            reasons.append(f"in {admin1_name} named in document")
    point = (hit.lat, hit.lon)
    for area in context.areas:
        if haversine_km(point, (area.lat, area.lon)) <= area.radius_km:
            score += AREA_BONUS
            if reasons is not None:
                reasons.append(f"within {area.label}")
            break
    if context.points:
        nearest = min(haversine_km(point, other) for other in context.points)
        score += NEAR_BONUS * math.exp(-nearest / NEAR_SCALE_KM)
        if reasons is not None:
            reasons.append(f"{nearest:.0f} km from places in context")
    if hit.country in context.actor_countries:
        score += ACTOR_COUNTRY_BONUS
        if reasons is not None:
            reasons.append("in actors' country")
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


def _score(hit: RawHit, similarity: float, context: RankContext, admin1_name: str | None, reasons: list[str] | None = None) -> float:
    if reasons is not None:
        kind = _KIND.get(hit.kind, hit.kind)
        reasons.append("exact name" if similarity == 1.0 else f"name ~{similarity:.2f} ({hit.norm!r} by {kind})")
    terms = _country_terms(hit, context, reasons) + _prior_terms(hit, reasons)
    if context.admin1s or context.areas or context.points or context.actor_countries:
        terms += _place_terms(hit, admin1_name, context, reasons)
    return similarity + terms


def _quick_score(hit: RawHit, context: RankContext, admin1_names: dict[tuple[str, str], str]) -> float:
    """`_score` without reasons, inlined for the hot path (every hit of every lookup)."""
    score = hit.similarity + CLASS_BONUS.get(hit.fclass, 0.0) + SEAT_BONUS.get(hit.fcode, 0.0)
    if hit.population > 0:
        score += POPULATION_BONUS * min(1.0, math.log10(hit.population + 1) / 6)
    if context.countries:
        if hit.country in context.countries:
            score += FIRST_COUNTRY_BONUS if hit.country == context.countries[0] else OTHER_COUNTRY_BONUS
        else:
            score += FOREIGN_PENALTY
    if context.admin1s or context.areas or context.points or context.actor_countries:
        score += _place_terms(hit, admin1_names.get((hit.country, hit.admin1)), context, None)
    return score


def rank_hits(query: NameKeys, hits: Iterable[RawHit], context: RankContext, admin1_names: dict[tuple[str, str], str],
              *, explain: int = 10) -> list[Ranked]:
    """Score each place once (hits come one per place, with their name similarity), best first.

    The top `explain` carry reasons.
    """
    scored = [(_quick_score(hit, context, admin1_names), hit) for hit in hits]
    scored.sort(key=lambda item: (-item[0], -item[1].population, item[1].place_id))
    ranked = []
    for position, (score, hit) in enumerate(scored):
        reasons: list[str] = []
        if position < explain:
            _score(hit, hit.similarity, context, admin1_names.get((hit.country, hit.admin1)), reasons)
        ranked.append(Ranked(hit, round(score, 4), hit.similarity, tuple(reasons)))
    return ranked


_KIND = {"n": "name", "s": "skeleton", "p": "phonetic"}
