"""The shortlist and the ranking order, written for speed, equal their plain definitions
on random probes full of namesakes, repeated places and tied scores."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.gazetteer.candidates import MAX_CONTEXT_GAIN, SHORTLIST, KeyRow, Probed, RawHit, _shortlist
from flashpoint.gazetteer.keys import SKELETON_PREFIX, QueryKeys
from flashpoint.gazetteer.ranking import RankContext, _geometry, _quick_scores, _scored
from flashpoint.gazetteer.similarity import QueryScorer

QUERY = QueryKeys("tamalat")
NORMS = ["tamalat", "tamalt", "tamalelt", "timilit", "tmlt", "kaya"]
KEYS = ["n tamalat", "s tmlt", "p tnlt", "s tnlt"]


def _reference_shortlist(probed: Probed) -> list[RawHit]:
    """The shortlist as first written: best name per place, floor, stable sort, exact matches kept."""
    best: dict[int, tuple[float, str, KeyRow]] = {}
    score = QueryScorer(QUERY)
    for key, rows in probed:
        skeleton = key[2:] if key.startswith(SKELETON_PREFIX) else None
        for row in rows:
            similarity = score(row[0], skeleton)
            known = best.get(row[1])
            if known is None or known[0] < similarity:
                best[row[1]] = (similarity, key[0], row)
    if not best:
        return []
    floor = max(item[0] for item in best.values()) - MAX_CONTEXT_GAIN
    kept = sorted((item for item in best.values() if item[0] >= floor), key=lambda item: -item[0])
    exact = sum(1 for item in kept if item[0] == 1.0)
    return [RawHit(kind, norm, place_id, "", country, "", "", math.nan, math.nan, fclass, fcode, population, similarity)
            for similarity, kind, (norm, place_id, country, fclass, fcode, population) in kept[: max(exact, SHORTLIST)]]


_rows = st.lists(st.tuples(st.sampled_from(NORMS), st.integers(1, 60), st.sampled_from(["BF", "ML", "NE"]),
                           st.sampled_from("PAH"), st.sampled_from(["PPL", "PPLA", "ADM2", "STM"]),
                           st.sampled_from([0, 0, 500, 20000, 2_000_000, 5_000_000])), max_size=70)


def _probed(draw_rows: list[list[KeyRow]]) -> Probed:
    # A place keeps one country, class, code and population across its rows, as in the index.
    first: dict[int, KeyRow] = {}
    probed: Probed = []
    for key, rows in zip(KEYS, draw_rows):
        fixed: list[KeyRow] = []
        for row in rows:
            _, _, country, fclass, fcode, population = first.setdefault(row[1], row)
            fixed.append((row[0], row[1], country, fclass, fcode, population))
        probed.append((key, fixed))
    return probed


def _same(left: list[RawHit], right: list[RawHit]) -> bool:
    # NaN coordinates never compare equal: compare everything else.
    return [(*hit[:7], *hit[9:]) for hit in left] == [(*hit[:7], *hit[9:]) for hit in right]


@settings(max_examples=300, deadline=None)
@given(st.lists(_rows, min_size=1, max_size=4))
def test_shortlist_equals_its_definition(draw_rows: list[list[KeyRow]]) -> None:
    probed = _probed(draw_rows)
    assert _same(_shortlist(QUERY, probed, False), _reference_shortlist(probed))


_contexts = st.sampled_from([RankContext(), RankContext(countries=("ML",)),
                             RankContext(countries=("NE", "BF"), actor_countries=("ML",))])


@settings(max_examples=300, deadline=None)
@given(st.lists(_rows, min_size=1, max_size=4), _contexts)
def test_ranking_order_equals_one_sort_of_the_tuples(draw_rows: list[list[KeyRow]], context: RankContext) -> None:
    hits = _shortlist(QUERY, _probed(draw_rows), False)
    expected = sorted(_quick_scores(hits, context, {}, _geometry(context)))
    assert [item[2] for item in _scored(hits, context, {}, _geometry(context))] == [item[2] for item in expected]
