"""resolve_place: context ranking, precision codes, honest fallback, no foreign look-alikes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.gazetteer.index import Gazetteer
from flashpoint.gazetteer.resolve import PlaceContext, resolve_place
from flashpoint.model import Span

ADMIN1 = [("ML", "12070577", "Ménaka", 12070577), ("ML", "09", "Gao", 2457161), ("MA", "01", "Tanger", 1)]
PLACES = [
    (101, "Tamalat", "ML", "12070577", 15.80, 3.70, "P", "PPL", 0, ()),
    (102, "Tamalt", "MA", "01", 33.00, -7.00, "P", "PPL", 5000, ()),
    (103, "Ménaka", "ML", "12070577", 15.92, 2.40, "P", "PPL", 14000, ()),
    (12070577, "Ménaka", "ML", "12070577", 15.77, 2.85, "A", "ADM1", 0, ("Ménaka Region",)),
    (104, "Bamako", "ML", "01", 12.61, -7.98, "P", "PPL", 4000000, ()),
    (105, "Bouro", "ML", "09", 16.00, 0.50, "P", "PPL", 0, ()),
    (106, "Bouro", "ML", "09", 14.00, -4.00, "P", "PPL", 0, ()),
    (107, "Assongo", "ML", "09", 15.70, 3.60, "H", "WLL", 0, ()),
    (108, "Assongo", "ML", "09", 15.30, 0.20, "P", "PPL", 0, ()),
]


@pytest.fixture
def gaz(make_index: Callable[..., Path]) -> Gazetteer:
    return Gazetteer.open(make_index(PLACES, ADMIN1))


def resolve(gaz: Gazetteer, text: str, ctx: PlaceContext):  # type: ignore[no-untyped-def]
    return resolve_place(gaz, text, Span(0, len(text)), ctx)


def test_resolve_place_finds_spelling_variant_in_context_country(gaz: Gazetteer) -> None:
    place = resolve(gaz, "Tamalt", PlaceContext(countries=("ML",)))
    assert place is not None and not place.no_match
    assert (place.name, place.country, place.admin1) == ("Tamalat", "ML", "Ménaka")
    assert (place.geo_precision, place.where_prec) == (1, 1)
    assert place.text == "Tamalt"


def test_resolve_place_never_picks_a_same_name_place_in_another_country(gaz: Gazetteer) -> None:
    place = resolve(gaz, "Tamalt", PlaceContext(countries=("NE",)))
    assert place is None


@pytest.mark.parametrize("admin1", ["Ménaka", "Menaka", "ménaka region"])
def test_resolve_place_falls_back_to_named_admin1_at_precision_3(gaz: Gazetteer, admin1: str) -> None:
    place = resolve(gaz, "Azanbukar", PlaceContext(countries=("ML",), admin1s=(admin1,)))
    assert place is not None and place.no_match
    assert (place.gazetteer_id, place.geo_precision, place.where_prec) == ("geonames:12070577", 3, 4)
    assert place.text == "Azanbukar" and place.admin2 is None


def test_resolve_place_returns_none_without_anything_to_fall_back_to(gaz: Gazetteer) -> None:
    assert resolve(gaz, "Azanbukar", PlaceContext(countries=("ML",))) is None


def test_resolve_place_counts_far_apart_namesakes_the_context_cannot_rule_out(gaz: Gazetteer) -> None:
    place = resolve(gaz, "Bouro", PlaceContext(countries=("ML",)))
    assert place is not None and not place.no_match
    assert (place.gazetteer_id, place.namesakes) == ("geonames:105", 1)


def test_resolve_place_has_no_namesakes_once_context_decides(gaz: Gazetteer) -> None:
    place = resolve(gaz, "Bouro", PlaceContext(countries=("ML",), points=((13.9, -4.1),)))
    assert place is not None and (place.gazetteer_id, place.namesakes) == ("geonames:106", 0)


def test_resolve_place_prefers_an_administrative_seat_to_a_hamlet_of_the_same_name(make_index: Callable[..., Path]) -> None:
    seat = (111, "Kalo", "ML", "09", 16.2, 0.1, "P", "PPLA3", 0, ())
    hamlet = (110, "Kalo", "ML", "09", 14.5, -3.0, "P", "PPL", 0, ())
    place = resolve(Gazetteer.open(make_index([hamlet, seat], ADMIN1)), "Kalo", PlaceContext(countries=("ML",)))
    assert place is not None and (place.gazetteer_id, place.namesakes) == ("geonames:111", 0)


def test_resolve_place_needs_a_close_spelling_when_only_the_country_is_known(make_index: Callable[..., Path]) -> None:
    gaz = Gazetteer.open(make_index([(112, "Arly", "ML", "09", 16.0, 0.5, "P", "PPL", 0, ())], ADMIN1))
    assert resolve(gaz, "Arael", PlaceContext(countries=("ML",))) is None
    near = resolve(gaz, "Arael", PlaceContext(countries=("ML",), points=((16.1, 0.4),)))
    assert near is not None and near.gazetteer_id == "geonames:112"


def test_resolve_place_uses_resolved_points_to_pick_a_namesake(gaz: Gazetteer) -> None:
    place = resolve(gaz, "Bouro", PlaceContext(countries=("ML",), points=((15.9, 0.6),)))
    assert place is not None and (place.lat, place.lon) == (16.0, 0.5)


def test_resolve_place_uses_named_admin1_area_to_pick_a_namesake(gaz: Gazetteer) -> None:
    place = resolve(gaz, "Assongo", PlaceContext(countries=("ML",), admin1s=("Ménaka",)))
    assert place is not None and place.feature_code == "WLL"


def test_resolve_place_prefers_populated_place_over_well_without_context(make_index: Callable[..., Path]) -> None:
    gaz = Gazetteer.open(make_index([PLACES[7], (109, "Assongo", "ML", "09", 15.65, 3.55, "P", "PPL", 0, ())], ADMIN1))
    place = resolve(gaz, "Assongo", PlaceContext(countries=("ML",)))
    assert place is not None and place.feature_code == "PPL"


def test_resolve_place_admin1_name_gets_admin_precision(gaz: Gazetteer) -> None:
    place = resolve(gaz, "Ménaka region", PlaceContext(countries=("ML",)))
    assert place is not None and place.feature_code == "ADM1"
    assert (place.geo_precision, place.where_prec, place.no_match) == (3, 4, False)


def test_resolve_place_resolves_capital_as_written(gaz: Gazetteer) -> None:
    place = resolve(gaz, "Bamako", PlaceContext(countries=("ML",)))
    assert place is not None and place.gazetteer_id == "geonames:104"


def test_lookup_reasons_explain_the_ranking(gaz: Gazetteer) -> None:
    best = gaz.lookup("Tamalt", countries=("ML",))[0]
    assert best.name == "Tamalat"
    assert any(reason.startswith("name ~") for reason in best.reasons)
    assert "country ML named in document" in best.reasons


def test_lookup_country_filter_is_hard(gaz: Gazetteer) -> None:
    assert [c.country for c in gaz.lookup("Tamalt", country="MA")] == ["MA"]
    assert all(c.country == "ML" for c in gaz.lookup("Tamalt", country="ML"))


def test_lookup_near_prefers_the_closer_namesake(gaz: Gazetteer) -> None:
    assert gaz.lookup("Bouro", near=(14.1, -4.1))[0].gazetteer_id == "geonames:106"
    assert gaz.lookup("Bouro", near=(16.1, 0.4))[0].gazetteer_id == "geonames:105"


def test_gazetteer_is_safe_to_share_between_threads(gaz: Gazetteer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    names = ["Tamalt", "Bouro", "Ménaka", "Bamako", "Assongo"] * 40
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda name: gaz.lookup(name, countries=("ML",))[0].name, names))
    assert results == [gaz.lookup(name, countries=("ML",))[0].name for name in names]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=30))
def test_resolve_place_never_crashes_on_any_text(gaz: Gazetteer, text: str) -> None:
    place = resolve_place(gaz, text, Span(0, len(text)), PlaceContext(countries=("ML",), admin1s=("Ménaka",)))
    assert place is not None and place.country == "ML" and place.text == text


def test_resolve_place_refuses_spelling_variant_outside_named_regions(make_index: Callable[..., Path]) -> None:
    far_variant = (110, "Tamalat", "ML", "04", 14.5, -4.2, "P", "PPL", 0, ())
    gaz = Gazetteer.open(make_index([far_variant, PLACES[3]], ADMIN1))
    with_region = resolve(gaz, "Tamalt", PlaceContext(countries=("ML",), admin1s=("Ménaka",)))
    assert with_region is not None and with_region.no_match and with_region.admin1 == "Ménaka"
    without_region = resolve(gaz, "Tamalt", PlaceContext(countries=("ML",)))
    assert without_region is not None and without_region.gazetteer_id == "geonames:110"
    exact_far = resolve(gaz, "Tamalat", PlaceContext(countries=("ML",), admin1s=("Ménaka",)))
    assert exact_far is not None and exact_far.gazetteer_id == "geonames:110"


def test_lookup_keeps_every_exact_namesake_beyond_the_shortlist(make_index: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from flashpoint.gazetteer import candidates

    monkeypatch.setattr(candidates, "SHORTLIST", 2)
    namesakes = [(200 + n, "Kaya", "BF", "01", 13.0 + n, -1.0, "P", "PPL", pop, ()) for n, pop in enumerate((10, 20, 30, 120000))]
    gaz = Gazetteer.open(make_index([*namesakes, (300, "Kayan", "BF", "01", 13.0, -1.0, "P", "PPL", 0, ())]))
    found = gaz.lookup("Kaya")
    assert found[0].population == 120000 and len(found) == 4


def test_resolve_place_refuses_a_namesake_a_continent_away_in_a_country_named_in_passing(make_index: Callable[..., Path]) -> None:
    french = (113, "Boni", "FR", "01", 43.5, -0.7, "P", "PPL", 700, ())
    gaz = Gazetteer.open(make_index([*PLACES, french], ADMIN1))
    context = PlaceContext(countries=("ML", "FR"), admin1s=("Gao",), points=((16.0, 0.5),))
    assert resolve(gaz, "Boni", context) is None or resolve(gaz, "Boni", context).no_match
    alone = resolve(gaz, "Boni", PlaceContext(countries=("FR", "ML")))
    assert alone is not None and alone.gazetteer_id == "geonames:113"


def test_resolve_place_means_the_town_not_the_unit_named_after_it(make_index: Callable[..., Path]) -> None:
    town = (114, "Kidal", "ML", "09", 18.44, 1.41, "P", "PPL", 25000, ())
    unit = (115, "Kidal", "ML", "09", 19.5, 1.0, "A", "ADM2", 0, ())
    gaz = Gazetteer.open(make_index([town, unit], ADMIN1))
    place = resolve(gaz, "Kidal", PlaceContext(countries=("ML",), points=((19.6, 1.0),)))
    assert place is not None and (place.gazetteer_id, place.namesakes) == ("geonames:114", 0)
