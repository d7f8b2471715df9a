"""QueryScorer: one query against many names, each scored once; a given skeleton changes nothing."""

from __future__ import annotations

import pytest
from rapidfuzz.distance import Indel

from flashpoint.gazetteer.keys import name_keys, skeleton_key
from flashpoint.gazetteer.similarity import QueryScorer, name_similarity


@pytest.mark.parametrize(("query", "norm", "abjad"), [
    ("Tamalt", "tamalat", False),
    ("Tamalt", "tamalt", False),
    ("Andéramboukane", "anderanboukan", False),
    ("Tin-Tabakat", "tintabakat", False),
    ("Ouagadougou", "wagadugu", False),
    ("تمالت", "tamalat", True),
])
def test_scorer_matches_the_formula(query: str, norm: str, abjad: bool) -> None:
    keys = name_keys(query)
    score = QueryScorer(keys, abjad=abjad)
    skeleton = Indel.normalized_similarity(keys.skeleton, skeleton_key(norm))
    spelled = Indel.normalized_similarity(keys.norm.replace(" ", ""), norm.replace(" ", ""))
    expected = 1.0 if keys.norm == norm else (0.95 * skeleton if abjad else 0.6 * spelled + 0.4 * skeleton)
    assert score(norm) == expected
    assert score(norm, skeleton_key(norm)) == expected  # memoised and with the row's skeleton: the same
    assert QueryScorer(keys, abjad=abjad)(norm, skeleton_key(norm)) == name_similarity(keys, norm, abjad=abjad)
