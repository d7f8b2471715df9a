"""Ranking: the hot-path score equals the explained score; reasons follow the context."""

from __future__ import annotations

import pytest

from flashpoint.gazetteer.candidates import RawHit
from flashpoint.gazetteer.ranking import Area, RankContext, _quick_score, _score, haversine_km, rank_hits
from flashpoint.gazetteer.keys import name_keys

HITS = [
    RawHit("n", "tamalat", 1, "Tamalat", "ML", "12070577", "", 15.8, 3.7, "P", "PPL", 0, 1.0),
    RawHit("s", "tamalelt", 2, "Tamalelt", "ML", "09", "", 15.79, 3.71, "H", "WTRH", 0, 0.9),
    RawHit("n", "tamalat", 3, "Tamalat", "MA", "01", "", 33.0, -7.0, "P", "PPL", 25000, 1.0),
]
ADMIN1 = {("ML", "12070577"): "Ménaka", ("ML", "09"): "Gao"}
CONTEXTS = [
    RankContext(),
    RankContext(countries=("ML", "NE")),
    RankContext(countries=("NE", "ML"), admin1s=("menaka",)),
    RankContext(areas=(Area(15.9, 2.4, 250.0, "Ménaka"),), points=((15.7, 3.6),), actor_countries=("ML",)),
]


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("hit", HITS)
def test_quick_score_matches_explained_score(hit: RawHit, context: RankContext) -> None:
    reasons: list[str] = []
    assert _quick_score(hit, context, ADMIN1) == pytest.approx(_score(hit, hit.similarity, context, ADMIN1.get((hit.country, hit.admin1)), reasons))
    assert reasons[0] == ("exact name" if hit.similarity == 1.0 else "name ~0.90 ('tamalelt' by skeleton)")


def test_rank_hits_foreign_namesake_drops_below_context_country() -> None:
    ranked = rank_hits(name_keys("Tamalat"), HITS, RankContext(countries=("ML",)), ADMIN1)
    assert [r.hit.place_id for r in ranked] == [1, 2, 3]
    assert "country MA not in context" in ranked[2].reasons


def test_rank_hits_without_context_prefers_population() -> None:
    ranked = rank_hits(name_keys("Tamalat"), HITS, RankContext(), ADMIN1)
    assert ranked[0].hit.place_id == 3


@pytest.mark.parametrize(("a", "b", "km"), [((0, 0), (0, 1), 111.2), ((15.92, 2.40), (15.43, 3.02), 85.6), ((10, 10), (10, 10), 0.0)])
def test_haversine_km(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert haversine_km(a, b) == pytest.approx(km, abs=0.5)
