"""Resolve one toponym of a document to a `Place`, or fall back honestly.

The document's context (countries named, admin1 units and regions named, places
already resolved, the actors' countries) ranks the candidates. A candidate is
accepted only when its name is close enough and, when the document names
countries, it lies in one of them: a same-name place elsewhere is never chosen.
When namesakes far apart score alike (the context cannot tell them apart), the
first by administrative seat, population and GeoNames id is kept and the others
are counted in `Place.namesakes`, so a reader sees the choice was not certain.
Otherwise the place falls back to the admin1 unit or region the document names
(geo_precision 3, `no_match=True`, the original text kept), or is None.

Example:
    >>> ctx = PlaceContext(countries=("ML",), admin1s=("Ménaka",))
    >>> resolve_place(gaz, "Tamalt", Span(10, 16), ctx)  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from flashpoint.gazetteer.candidates import Candidate
from flashpoint.gazetteer.descriptors import strip_descriptors
from flashpoint.gazetteer.index import Gazetteer, Wanted
from flashpoint.gazetteer.normalise import normalise_name
from flashpoint.gazetteer.precision import fallback_precision, precision_of
from flashpoint.gazetteer.ranking import Area, RankContext, haversine_km
from flashpoint.model import Place, Span

# Name similarity a candidate needs: exact-ish without country context, looser when
# the document names the country (the country filter then guards against look-alikes).
MIN_SIMILARITY_IN_CONTEXT = 0.8
MIN_SIMILARITY_NO_CONTEXT = 0.9
# With only a country to go on (no region, no nearby place), a spelling variant must be
# closer: a loose match anywhere in a country is more often another village.
MIN_SIMILARITY_COUNTRY_ONLY = 0.9
ADMIN1_RADIUS_KM = 250.0
# Beyond this distance from everything the report has located, a namesake in a secondary
# country is not believed (Sahel reports span ~1,500 km; "Boni" in France is 4,000 km off).
REMOTE_KM = 2_000.0
# Two candidates this close in score but this far apart: the context cannot tell them
# apart; the place keeps the first and says how many namesakes it could also be.
AMBIGUITY_MARGIN, AMBIGUITY_KM = 0.02, 50.0


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What the document says about where its places are (hashable, built per document)."""

    countries: tuple[str, ...] = ()
    """ISO2 codes named in the document, most mentioned first."""
    admin1s: tuple[str, ...] = ()
    """Admin1 units and analyst regions named in the document, as written."""
    points: tuple[tuple[float, float], ...] = ()
    """(lat, lon) of places already resolved in the document."""
    actor_countries: tuple[str, ...] = ()
    actor_regions: tuple[tuple[str, str], ...] = ()
    """(country, admin unit) where the report's armed groups are known to operate, as the
    actor knowledge base names them (see `ActorKB.operating_regions`)."""


def _area_of(gaz: Gazetteer, name: str, countries: tuple[str, ...]) -> Candidate | None:
    """The admin1 unit (within the context countries) or analyst region called `name`."""
    for country in countries or (None,):
        unit = admin1_named(gaz, name, country)
        if unit is not None:
            return unit
    return region_named(gaz, name)


# Memoised per name and per single country: reports name few regions, but in ever new
# combinations of countries, and each probe searches spelling variants.
@lru_cache(maxsize=4096)
def region_named(gaz: Gazetteer, name: str) -> Candidate | None:
    """`gaz.region(name)`, memoised."""
    return gaz.region(name)


@lru_cache(maxsize=8192)
def admin1_named(gaz: Gazetteer, name: str, country: str | None) -> Candidate | None:
    """`gaz.admin1(name, country=country)`, memoised; skipped when no admin1 unit of the
    country bears the name (normalised, with or without a "region" word)."""
    if country is not None and not {normalise_name(name), strip_descriptors(name)} & _admin1_keys(gaz, country):
        return None
    return gaz.admin1(name, country=country)


@lru_cache(maxsize=512)
def _admin1_keys(gaz: Gazetteer, country: str) -> frozenset[str]:
    return frozenset(normalise_name(unit) for unit in gaz.admin1_names(country))


@lru_cache(maxsize=4096)
def _actor_admin1s(gaz: Gazetteer, regions: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """The admin1 units (normalised) that hold the actors' (country, region) `regions`
    (memoised: the same regions come with every report on a country)."""
    units = {gaz.admin1_of_unit(name, country) for country, name in regions}
    return tuple(sorted(normalise_name(unit) for unit in units if unit))


@lru_cache(maxsize=512)
def _rank_context(gaz: Gazetteer, ctx: PlaceContext) -> RankContext:
    areas = []
    for name in ctx.admin1s:
        area = _area_of(gaz, name, ctx.countries)
        if area is not None:
            radius = gaz.extent_radius_km(area) or ADMIN1_RADIUS_KM
            areas.append(Area(area.lat, area.lon, radius, area.name))
    return RankContext(
        countries=ctx.countries, admin1s=tuple(normalise_name(name) for name in ctx.admin1s),
        areas=tuple(areas), points=ctx.points, actor_countries=ctx.actor_countries,
        actor_admin1s=_actor_admin1s(gaz, ctx.actor_regions),
    )


def _in_areas(candidate: Candidate, context: RankContext) -> bool:
    point = (candidate.lat, candidate.lon)
    return any(haversine_km(point, (area.lat, area.lon)) <= area.radius_km for area in context.areas)


def _acceptable(candidate: Candidate, similarity: float, ctx: PlaceContext, context: RankContext) -> bool:
    # When the document names regions, a spelling variant (not the exact name) is only
    # believed inside one of them: far away it is more likely another place.
    if similarity < 1.0 and context.areas and not _in_areas(candidate, context):
        return False
    if _remote_namesake(candidate, ctx, context):
        return False
    if ctx.countries and not (candidate.country in ctx.countries or candidate.gazetteer_id.startswith("region:")):
        return False
    return similarity >= _floor(ctx, context)


def _remote_namesake(candidate: Candidate, ctx: PlaceContext, context: RankContext) -> bool:
    """A place in a country the report only mentions in passing ("French-led"), a continent away
    from every place and region the report has located so far: another place of that name."""
    if not ctx.countries or candidate.country == ctx.countries[0] or candidate.gazetteer_id.startswith("region:"):
        return False
    anchors = [*context.points, *((area.lat, area.lon) for area in context.areas)]
    point = (candidate.lat, candidate.lon)
    return bool(anchors) and min(haversine_km(point, anchor) for anchor in anchors) > REMOTE_KM


def _wanted(ctx: PlaceContext, context: RankContext) -> Wanted:
    """What `_acceptable` can accept at all: only those hits are read and ranked."""
    return _floor(ctx, context), ctx.countries


def _floor(ctx: PlaceContext, context: RankContext) -> float:
    """The name similarity a candidate needs in this context."""
    if not ctx.countries:
        return MIN_SIMILARITY_NO_CONTEXT
    return MIN_SIMILARITY_IN_CONTEXT if context.areas or context.points else MIN_SIMILARITY_COUNTRY_ONLY


def _choose(gaz: Gazetteer, text: str, ctx: PlaceContext, context: RankContext) -> tuple[Candidate, int] | None:
    """The best acceptable candidate and how many namesakes score alike far from it."""
    variants = [text]
    bare = strip_descriptors(text)
    if bare and bare != normalise_name(text):
        variants.append(bare)
    for variant in variants:
        ranked = gaz.ranked(variant, context, limit=10, wanted=_wanted(ctx, context))
        acceptable = [c for c, similarity in ranked if _acceptable(c, similarity, ctx, context)]
        if acceptable:
            best = _town_over_its_unit(acceptable)
            rivals = [c for c in acceptable if c is not best and not _unit_of(c, best)]
            return best, namesakes([best, *rivals])
    return None


def _town_over_its_unit(ranked: list[Candidate]) -> Candidate:
    """A bare name shared by a town and the admin unit named after it ("Bamako", "Ségou")
    means the town; the unit is meant with a region word, which is resolved before."""
    best = ranked[0]
    if best.feature_class != "A":
        return best
    return next((c for c in ranked[1:] if _unit_of(best, c)), best)


def _unit_of(unit: Candidate, town: Candidate) -> bool:
    """Is `unit` the admin unit named after `town` and containing it?"""
    return unit.feature_class == "A" and town.feature_class == "P" and unit.name == town.name and unit.admin1 == town.admin1


def namesakes(ranked: list[Candidate]) -> int:
    """Rivals that score as well as the best yet lie far from it: the context cannot decide."""
    best = ranked[0]
    return sum(
        1 for rival in ranked[1:]
        if best.score - rival.score < AMBIGUITY_MARGIN and haversine_km((best.lat, best.lon), (rival.lat, rival.lon)) > AMBIGUITY_KM
    )


def _place(candidate: Candidate, text: str, span: Span, *, no_match: bool, namesakes: int = 0) -> Place:
    is_region = candidate.gazetteer_id.startswith("region:")
    if no_match:
        geo, where = fallback_precision(is_region=is_region)
    else:
        geo, where = precision_of(candidate.feature_class, candidate.feature_code, is_region=is_region)
    return Place(
        name=candidate.name, gazetteer_id=candidate.gazetteer_id, country=candidate.country,
        admin1=candidate.admin1, admin2=None if no_match else candidate.admin2, lat=candidate.lat,
        lon=candidate.lon, geo_precision=geo, where_prec=where, text=text, span=span,
        feature_code=candidate.feature_code, score=candidate.score, no_match=no_match, namesakes=namesakes,
    )


def resolve_place(gaz: Gazetteer, text: str, span: Span, ctx: PlaceContext) -> Place | None:
    """Resolve `text` (a toponym at `span`) with the document's context.

    Returns the best acceptable place with geo_precision/where_prec set; else a
    `no_match` fallback to the last admin1/region named in `ctx`; else None.
    """
    context = _rank_context(gaz, ctx)
    chosen = _choose(gaz, text, ctx, context)
    if chosen is not None:
        return _place(chosen[0], text, span, no_match=False, namesakes=chosen[1])
    for name in reversed(ctx.admin1s):
        area = _area_of(gaz, name, ctx.countries)
        if area is not None and (not ctx.countries or area.country in ctx.countries or area.gazetteer_id.startswith("region:")):
            return _place(area, text, span, no_match=True)
    return None
