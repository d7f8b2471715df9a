"""Name similarity (0-1) between a query and an indexed normalised name.

Edit distance on the spelled name and on its consonant skeleton, weighted; an
Arabic-script query (no vowels written) is compared on its skeleton only. Used to
shortlist index hits before any place row is read, and as the base of the score.

Example:
    >>> name_similarity(name_keys("Tamalt"), "tamalelt") > 0.8
    True
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Indel

from flashpoint.gazetteer.keys import NameKeys, skeleton_key

NAME_WEIGHT_NORM, NAME_WEIGHT_SKELETON = 0.6, 0.4
ABJAD_DISCOUNT = 0.95


@lru_cache(maxsize=100_000)
def _skeleton(norm: str) -> str:
    return skeleton_key(norm)


def name_similarity(query: NameKeys, norm: str, *, abjad: bool = False) -> float:
    """0-1 similarity of a query to an indexed normalised name (1.0 only when equal)."""
    if query.norm == norm:
        return 1.0
    skeleton = Indel.normalized_similarity(query.skeleton, _skeleton(norm))
    if abjad:
        return ABJAD_DISCOUNT * skeleton
    spelled = Indel.normalized_similarity(query.norm.replace(" ", ""), norm.replace(" ", ""))
    return NAME_WEIGHT_NORM * spelled + NAME_WEIGHT_SKELETON * skeleton
