"""Candidate reasons built on first read: the same candidate, reasons, equality, hash and
conversions as reasons given up front; lookups explain exactly the ranks they explained before."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from flashpoint.gazetteer.candidates import Candidate, RawHit
from flashpoint.gazetteer.index import EXPLAINED, Gazetteer
from flashpoint.gazetteer.ranking import Area, Explanation, RankContext, Ranked, explained

REASONS = ("exact name", "feature P.PPL")
FIELDS = ("Kaya", "geonames:1", "BF", "Centre-Nord", None, 13.09, -1.08, "P", "PPLA", 66851, 1.07)


class _Counting:
    """An explainer that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> tuple[str, ...]:
        self.calls += 1
        return REASONS


def test_reasons_are_built_once_on_first_read() -> None:
    explain = _Counting()
    lazy = Candidate(*FIELDS, explain)
    assert explain.calls == 0
    assert lazy.reasons == REASONS and lazy.reasons == REASONS
    assert explain.calls == 1


@pytest.mark.parametrize("view", [
    repr, hash, dataclasses.asdict, dataclasses.astuple,
    lambda c: pickle.loads(pickle.dumps(c)), copy.copy, copy.deepcopy,
    lambda c: dataclasses.replace(c, score=2.0),
])
def test_lazy_candidate_reads_like_a_given_one(view: Callable[[Candidate], object]) -> None:
    assert view(Candidate(*FIELDS, _Counting())) == view(Candidate(*FIELDS, REASONS))


def test_lazy_candidate_equals_given_and_stays_frozen() -> None:
    lazy, given = Candidate(*FIELDS, _Counting()), Candidate(*FIELDS, REASONS)
    assert lazy == given and Candidate(*FIELDS, ()) != given
    with pytest.raises(dataclasses.FrozenInstanceError):
        lazy.score = 0.0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        getattr(lazy, "nothing")


HIT = RawHit("s", "kaia", 7, "Kaïa", "ML", "02", "", 14.0, -2.0, "P", "PPLA2", 1200, 0.86)
CONTEXTS = [
    RankContext(),
    RankContext(countries=("BF", "ML"), admin1s=("gao",), actor_countries=("ML",)),
    RankContext(areas=(Area(14.1, -2.1, 50.0, "Gao region"),), points=((13.0, -1.0),)),
]


@pytest.mark.parametrize("context", CONTEXTS)
def test_explanation_gives_the_reasons_explained_gives(context: RankContext) -> None:
    admin1 = {("ML", "02"): "Gao"}
    eager = explained(Ranked(HIT, 1.0, HIT.similarity, ()), context, admin1)
    assert Explanation(HIT, context, admin1.get(("ML", "02")))() == eager.reasons != ()


def _namesakes(count: int) -> list[tuple[object, ...]]:
    return [(100 + n, "Kaya", ("BF", "ML", "NE")[n % 3], "01", 12.0 + n / 20, -1.0, "P", ("PPL", "PPLA")[n % 2],
             (0, 500, 20000)[n % 3], ()) for n in range(count)]


@pytest.mark.parametrize("limit", [1, 5, EXPLAINED, EXPLAINED + 5])
@pytest.mark.parametrize("context", CONTEXTS[:2] + [RankContext(points=((12.5, -1.0),))])
def test_search_explains_the_first_ranks_only(make_index: Callable[..., Path], context: RankContext, limit: int) -> None:
    with Gazetteer.open(make_index(_namesakes(EXPLAINED + 8), [("BF", "01", "Centre", 1)])) as gaz:
        found = gaz.search("Kaya", context, limit=limit)
        full = gaz._rank("Kaya", context, explain=EXPLAINED, limit=limit)  # reasons built eagerly
    assert len(found) == limit
    assert [c.reasons for c in found] == [r.reasons for r in full]
    assert all(c.reasons for c in found[:EXPLAINED]) and not any(c.reasons for c in found[EXPLAINED:])
