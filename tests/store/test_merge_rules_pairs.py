"""The pairwise merge rules, one case per row (pure, no store)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from flashpoint.store.merge_rules import MergeKey, distance_km, load_merge_policy, pair_score

POLICY = load_merge_policy()
BASE = MergeKey(
    id="a:e0", doc_id="a", group="Battles", aggregate=False, lat=15.0, lon=-3.0, country="ML", admin1="Mopti",
    geo_precision=1, start=dt.date(2024, 3, 2), end=dt.date(2024, 3, 2), actor_ids=frozenset({"jnim", "mali_military"}),
)


def other(**changes: object) -> MergeKey:
    return dataclasses.replace(BASE, id="b:e0", doc_id="b", **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "b", "merges"),
    [
        ("identical report", other(), True),
        ("10 km away", other(lat=15.09), True),
        ("40 km away", other(lat=15.36), False),
        ("same document", dataclasses.replace(BASE, id="a:e1"), False),
        ("other type group", other(group="Violence against civilians"), False),
        ("aggregate vs atomic", other(aggregate=True), False),
        ("fewer known actors", other(actor_ids=frozenset({"jnim"})), True),
        ("no known actors", other(actor_ids=frozenset()), True),
        ("contradicting actor", other(actor_ids=frozenset({"issp", "mali_military"})), False),
        ("overlapping range", other(start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 31)), True),
        ("next day", other(start=dt.date(2024, 3, 3), end=dt.date(2024, 3, 3)), False),
        ("no date", other(start=None, end=None), False),
        ("region only, same admin1", other(lat=14.5, lon=-4.2, geo_precision=3), True),
        ("region only, other admin1", other(lat=14.5, lon=-4.2, geo_precision=3, admin1="Gao"), False),
        ("other country", other(country="BF"), False),
        ("no country", other(country=None), False),
    ],
)
def test_pair_rules(name: str, b: MergeKey, merges: bool) -> None:
    assert (pair_score(BASE, b, POLICY) is not None) is merges, name
    assert (pair_score(b, BASE, POLICY) is not None) is merges, f"{name} (reversed)"


def test_distance_km_known_pair() -> None:
    # Bamako to Gao is about 960 km on the great circle.
    assert 940 < distance_km(12.6392, -8.0029, 16.2666, -0.0400) < 980


def test_battles_and_remote_violence_share_a_group() -> None:
    assert POLICY.type_group("Explosions/Remote violence") == POLICY.type_group("Battles")
    assert POLICY.type_rank("Battles") < POLICY.type_rank("Explosions/Remote violence")
