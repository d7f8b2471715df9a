"""The per-index memo of hits is bounded in hits and forgets the least recently used first."""

from __future__ import annotations

from flashpoint.gazetteer.candidates import RawHit
from flashpoint.gazetteer.index import _HitCache

HIT = RawHit("n", "kaya", 1, "Kaya", "BF", "01", "", 13.0, -1.0, "P", "PPL", 0, 1.0)


def _key(name: str) -> tuple[str, tuple[str, ...], bool, bool, bool]:
    return (name, (), False, False, False)


def test_cache_evicts_least_recently_used_within_capacity() -> None:
    cache = _HitCache(capacity=10)
    cache.put(_key("a"), [HIT] * 3)
    cache.put(_key("b"), [HIT] * 3)
    assert cache.get(_key("a")) is not None  # "a" is now the most recent
    cache.put(_key("c"), [HIT] * 3)  # 3 entries of 3 hits (+1 each) exceed 10: "b" goes
    assert cache.get(_key("b")) is None
    assert cache.get(_key("a")) == [HIT] * 3 and cache.get(_key("c")) == [HIT] * 3


def test_cache_never_holds_an_entry_larger_than_capacity() -> None:
    cache = _HitCache(capacity=4)
    cache.put(_key("big"), [HIT] * 5)
    assert cache.get(_key("big")) is None
