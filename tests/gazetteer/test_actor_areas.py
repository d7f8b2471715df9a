"""Where the report's armed groups operate decides between namesakes, and nothing stronger."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from flashpoint.gazetteer.index import Gazetteer
from flashpoint.gazetteer.resolve import PlaceContext, resolve_place
from flashpoint.kb.actors import ActorKB
from flashpoint.model import Span

ADMIN1 = [("ML", "12070577", "Ménaka", 12070577), ("ML", "09", "Gao", 2457161), ("ML", "05", "Ségou", 2451184)]
PLACES = [
    # Two villages of one name, 600 km apart, equal in every prior (the lower id ranks first).
    (201, "Kerou", "ML", "05", 13.40, -6.20, "P", "PPL", 0, ()),
    (202, "Kerou", "ML", "09", 16.10, 0.30, "P", "PPL", 0, ()),
    # An exact name outside the actors' areas against a spelling variant inside them.
    (203, "Tadjalt", "ML", "05", 13.50, -6.00, "P", "PPL", 0, ()),
    (204, "Tadjalet", "ML", "12070577", 15.70, 2.90, "P", "PPL", 0, ()),
]


@pytest.fixture
def gaz(make_index: Callable[..., Path]) -> Gazetteer:
    return Gazetteer.open(make_index(PLACES, ADMIN1))


def resolve(gaz: Gazetteer, text: str, ctx: PlaceContext):  # type: ignore[no-untyped-def]
    return resolve_place(gaz, text, Span(0, len(text)), ctx)


def test_namesake_in_the_actors_area_wins_and_the_choice_stays_flagged(gaz: Gazetteer) -> None:
    plain = resolve(gaz, "Kerou", PlaceContext(countries=("ML",)))
    assert plain is not None and plain.admin1 == "Ségou"
    place = resolve(gaz, "Kerou", PlaceContext(countries=("ML",), actor_regions=(("ML", "Gao"),)))
    assert place is not None and (place.admin1, place.gazetteer_id) == ("Gao", "geonames:202")
    assert place.namesakes == 1  # a prior, not evidence: the reader still sees the other Kerou


@pytest.mark.parametrize("unit", ["Gao", "gao region", "Région de Gao"])
def test_actor_regions_are_matched_to_admin1_units_however_written(gaz: Gazetteer, unit: str) -> None:
    assert gaz.admin1_of_unit(unit, "ML") == "Gao"
    place = resolve(gaz, "Kerou", PlaceContext(countries=("ML",), actor_regions=(("ML", unit),)))
    assert place is not None and place.admin1 == "Gao"


def test_actor_regions_of_another_country_do_not_count(gaz: Gazetteer) -> None:
    assert gaz.admin1_of_unit("Gao", "NE") is None
    place = resolve(gaz, "Kerou", PlaceContext(countries=("ML",), actor_regions=(("NE", "Gao"), ("ML", "Macina"))))
    assert place is not None and place.admin1 == "Ségou"


def test_a_region_the_report_names_outweighs_the_actors_areas(gaz: Gazetteer) -> None:
    place = resolve(gaz, "Kerou", PlaceContext(countries=("ML",), admin1s=("Ségou",), actor_regions=(("ML", "Gao"),)))
    assert place is not None and place.admin1 == "Ségou"


def test_the_actors_areas_never_outweigh_the_exact_spelling(gaz: Gazetteer) -> None:
    place = resolve(gaz, "Tadjalt", PlaceContext(countries=("ML",), actor_regions=(("ML", "Ménaka"),)))
    assert place is not None and place.name == "Tadjalt"


def test_operating_regions_of_named_actors_else_of_the_countrys_actors() -> None:
    kb = ActorKB.load()
    jnim = kb.operating_regions(["jnim"], ["BF", "SY"])
    assert set(jnim) == {("BF", region) for region in kb.get("jnim").regions}  # JNIM is not in Syria
    assert kb.operating_regions(["military_forces_burkina_faso", "unknown-id"], ["BF"]) == kb.operating_regions([], ["BF"])
    default = {region for _, region in kb.operating_regions([], ["BF"])}
    assert set(kb.get("jnim").regions) <= default and set(kb.get("ansarul_islam").regions) <= default
    assert "Idlib" not in default  # al-Nusra Front's areas: not an actor of Burkina Faso
    assert kb.operating_regions([], []) == ()


@pytest.mark.parametrize(
    ("name", "countries", "held"),
    [("Kerou", ("ML",), True), ("kérou", ("ML",), True), ("Kerou", ("NE",), False), ("Tadjal", ("ML",), False)],
)
def test_holds_vouches_only_for_the_exact_name_in_the_countries(gaz: Gazetteer, name: str, countries: tuple[str, ...],
                                                                 held: bool) -> None:
    assert gaz.holds(name, countries, {"P", "A"}) is held
    assert gaz.holds("Kerou", ("ML",), {"H"}) is False
