"""The embedded default index: countries, admin1 units, analyst regions, seed villages."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.gazetteer.index import Gazetteer
from flashpoint.gazetteer.ranking import haversine_km
from flashpoint.gazetteer.resolve import PlaceContext, resolve_place
from flashpoint.model import Span

# Village names as the seed report spells them (after Arabic): Tamalat, Inchinanane,
# Andéramboukane (twice), and two uncertain places.
SEED_VILLAGES = ("Tamalt", "Insanan", "Adrannokar", "Azanbukar", "Aghzaraghan", "Azraghan", "Menaka")
MENAKA_TOWN = (15.92, 2.40)


@pytest.fixture(scope="module")
def gaz(default_gazetteer: Path) -> Gazetteer:
    return Gazetteer.open(default_gazetteer)


@pytest.mark.parametrize(
    ("name", "iso2"),
    [("Mali", "ML"), ("Niger", "NE"), ("Burkina Faso", "BF"), ("Algérie", "DZ"), ("مالي", "ML"), ("Mauritanie", "MR"),
     ("ML", "ML"), ("NER", "NE"), ("Malawi", "MW"), ("Nigeria", "NG")],
)
def test_country_by_name_or_code(gaz: Gazetteer, name: str, iso2: str) -> None:
    country = gaz.country(name)
    assert country is not None and country.country == iso2 and country.feature_code.startswith("PCL")


def test_country_unknown_is_none(gaz: Gazetteer) -> None:
    assert gaz.country("Atlantis Republic") is None


@pytest.mark.parametrize("name", ["Menaka", "Ménaka", "Ménaka Region", "ميناكا"])
def test_admin1_menaka_has_centroid_in_the_region(gaz: Gazetteer, name: str) -> None:
    unit = gaz.admin1(name, country="ML")
    assert unit is not None and unit.feature_code == "ADM1" and unit.admin1 == "Ménaka"
    assert haversine_km((unit.lat, unit.lon), MENAKA_TOWN) < 150


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Liptako-Gourma", "liptako-gourma"), ("tri-border area", "tri-border-area"), ("zone des trois frontières", "tri-border-area"),
     ("Azawad", "azawad"), ("Massina", "macina"), ("Mali-Niger border", "mali-niger-border")],
)
def test_region_analyst_names(gaz: Gazetteer, name: str, slug: str) -> None:
    region = gaz.region(name)
    assert region is not None and region.gazetteer_id == f"region:{slug}"


@pytest.mark.parametrize("name", SEED_VILLAGES)
def test_seed_villages_resolve_in_menaka_or_fall_back(gaz: Gazetteer, name: str) -> None:
    ctx = PlaceContext(countries=("ML",), admin1s=("Ménaka",))
    place = resolve_place(gaz, name, Span(0, len(name)), ctx)
    assert place is not None and place.country == "ML"
    if place.no_match:
        assert (place.admin1, place.geo_precision, place.text) == ("Ménaka", 3, name)
    else:
        assert place.admin1 in {"Ménaka", "Gao"}
        assert haversine_km((place.lat or 0, place.lon or 0), MENAKA_TOWN) < 250


@pytest.mark.parametrize("name", SEED_VILLAGES)
def test_seed_villages_never_land_outside_mali(gaz: Gazetteer, name: str) -> None:
    place = resolve_place(gaz, name, Span(0, len(name)), PlaceContext(countries=("ML",)))
    assert place is None or place.country == "ML"


def test_bamako_resolves_to_bamako(gaz: Gazetteer) -> None:
    place = resolve_place(gaz, "Bamako", Span(0, 6), PlaceContext(countries=("ML",)))
    assert place is not None and place.name == "Bamako" and place.admin1 == "Bamako" and place.geo_precision == 1


@pytest.mark.parametrize(("name", "expected"), [("Inékar", "Inékar"), ("Andéramboukane", "Andéranboukan"), ("Ouagadougou", "Ouagadougou"),
                                                ("Djibo", "Djibo"), ("Arbinda", "Aribinda")])
def test_lookup_known_spellings(gaz: Gazetteer, name: str, expected: str) -> None:
    assert gaz.lookup(name, countries=("ML", "BF"))[0].name == expected
