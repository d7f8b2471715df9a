"""Clustering is order-independent, complete-link, and respects analyst splits."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.store.clustering import cluster_keys
from flashpoint.store.merge_rules import MergeKey, load_merge_policy, pair_score

POLICY = load_merge_policy()
DAY = dt.date(2024, 3, 2)


def key(doc: str, lat: float, *, actors: frozenset[str] = frozenset(), day: dt.date = DAY) -> MergeKey:
    return MergeKey(f"{doc}:e0", doc, "Battles", False, lat, -3.0, "ML", "Mopti", 1, day, day, actors)


CHAIN = [key("a", 15.00), key("b", 15.15), key("c", 15.30)]  # a-b and b-c within 25 km, a-c 33 km apart


def test_chain_does_not_merge_far_ends() -> None:
    mapping = cluster_keys(CHAIN, POLICY)
    assert mapping["a:e0"] != mapping["c:e0"]
    assert len(set(mapping.values())) == 2


def test_split_keeps_events_apart() -> None:
    pair = [key("a", 15.0), key("b", 15.01)]
    assert len(set(cluster_keys(pair, POLICY).values())) == 1
    assert len(set(cluster_keys(pair, POLICY, splits=[("a:e0", "b:e0")]).values())) == 2


def test_cluster_id_is_smallest_member() -> None:
    mapping = cluster_keys([key("z", 15.0), key("m", 15.01), key("q", 15.02)], POLICY)
    assert set(mapping.values()) == {"m:e0"}


EVENTS = st.lists(
    st.builds(
        lambda i, lat, day, actor: key(f"d{i}", 15.0 + lat / 100, actors=frozenset(actor), day=DAY + dt.timedelta(days=day)),
        st.integers(0, 10**6), st.integers(0, 60), st.integers(0, 2), st.sets(st.sampled_from(["jnim", "issp", "army"]), max_size=2),
    ),
    max_size=12,
    unique_by=lambda k: k.id,
)


@settings(max_examples=100, deadline=None)
@given(EVENTS, st.randoms(use_true_random=False))
def test_order_independent_and_compatible(events: list[MergeKey], rnd: object) -> None:
    shuffled = list(events)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    first, second = cluster_keys(events, POLICY), cluster_keys(shuffled, POLICY)
    assert first == second
    by_id = {k.id: k for k in events}
    for a, ca in first.items():
        for b, cb in first.items():
            if a < b and ca == cb:
                assert pair_score(by_id[a], by_id[b], POLICY) is not None
