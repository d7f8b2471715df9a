"""Lookups with a limit rank on key rows and read only the places they return: same answers as ranking all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flashpoint.gazetteer.index import Gazetteer
from flashpoint.gazetteer.ranking import Area, RankContext

FCODES = [("P", "PPL"), ("P", "PPLA"), ("P", "PPLA2"), ("A", "ADM2"), ("H", "WLL"), ("P", "PPLC"), ("S", "CMP")]
COUNTRIES = ["BF", "ML", "NE"]


def _namesakes() -> list[tuple[Any, ...]]:
    places: list[tuple[Any, ...]] = []
    for n in range(30):
        fclass, fcode = FCODES[n % len(FCODES)]
        # Every seventh place has no coordinates: lookups leave it out, so the reads must go on past it.
        lat = None if n % 7 == 3 else 10.0 + n / 10
        places.append((500 + n, "Kaya", COUNTRIES[n % 3], "01", lat, -1.0 + n / 10, fclass, fcode, (0, 0, 800, 15000, 120000)[n % 5], ()))
    places += [(600, "Kayan", "BF", "01", 12.0, -1.0, "P", "PPL", 300, ()), (601, "Kaia", "ML", "02", 14.0, -2.0, "P", "PPL", 0, ("Kaïa",))]
    return places


CONTEXTS = [
    RankContext(),
    RankContext(countries=("BF",)),
    RankContext(countries=("ML", "BF")),
    RankContext(country="NE"),
    RankContext(countries=("BF",), actor_countries=("ML",)),
    RankContext(countries=("BF",), points=((12.0, -0.5),)),
    RankContext(areas=(Area(11.0, -1.0, 100.0, "south"),)),
]


@pytest.mark.parametrize("limit", [1, 3, 10, 50])
@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("name", ["Kaya", "Kayan", "Kaia"])
def test_limited_lookup_equals_full_ranking(make_index: Callable[..., Path], name: str, context: RankContext, limit: int) -> None:
    path = make_index(_namesakes(), [("BF", "01", "Centre", 1), ("ML", "02", "Gao", 2)])
    with Gazetteer.open(path) as limited, Gazetteer.open(path) as full:
        everything = [full._candidate(ranked) for ranked in full._rank(name, context, explain=min(limit, 10))]
        assert limited.search(name, context, limit=limit) == everything[:limit]
        assert [c for c, _ in limited.ranked(name, context, limit=limit)] == everything[:limit]


def test_limited_lookup_skips_places_without_coordinates(make_index: Callable[..., Path]) -> None:
    with Gazetteer.open(make_index(_namesakes())) as gaz:
        found = gaz.lookup("Kaya", limit=50)
    assert len(found) == 30 - 4 and all(c.lat is not None for c in found)


@pytest.mark.parametrize("wanted", [(0.0, ("BF",)), (0.99, ()), (0.99, ("ML", "NE")), (0.8, ("BF",))])
@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("name", ["Kaya", "Kayan", "Kaia"])
def test_wanted_hits_are_the_full_ranking_filtered(make_index: Callable[..., Path], name: str, context: RankContext,
                                                   wanted: tuple[float, tuple[str, ...]]) -> None:
    """Hits a resolver cannot accept are dropped before any place row is read: the rest keep their order."""
    path = make_index(_namesakes(), [("BF", "01", "Centre", 1), ("ML", "02", "Gao", 2)])
    floor, within = wanted
    with Gazetteer.open(path) as gaz:
        everything = gaz.ranked(name, context, limit=100)
        kept = [(c, s) for c, s in everything if s >= floor and (not within or c.country in within)]
        assert [(c.gazetteer_id, s) for c, s in gaz.ranked(name, context, limit=100, wanted=wanted)] == \
            [(c.gazetteer_id, s) for c, s in kept]
