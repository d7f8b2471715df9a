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

from flashpoint.gazetteer.keys import AnyKeys, skeleton_key

NAME_WEIGHT_NORM, NAME_WEIGHT_SKELETON = 0.6, 0.4
ABJAD_DISCOUNT = 0.95


@lru_cache(maxsize=100_000)
def _skeleton(norm: str) -> str:
    return skeleton_key(norm)


def name_similarity(query: AnyKeys, norm: str, *, abjad: bool = False) -> float:
    """0-1 similarity of a query to an indexed normalised name (1.0 only when equal)."""
    return QueryScorer(query, abjad=abjad)(norm)


class QueryScorer:
    """`name_similarity` of one query against the many names its key rows bring back.

    A lookup scores dozens of rows, most sharing a few names (namesakes): each distinct
    name is scored once, and the query side is prepared once. A row found under a
    skeleton key passes that key, which is the name's skeleton (the writer derives
    every key from the row's name), so it need not be recomputed.
    """

    __slots__ = ("_query", "_norm", "_skeleton", "_spelled", "_abjad", "_memo")

    def __init__(self, query: AnyKeys, *, abjad: bool = False) -> None:
        self._query, self._norm = query, query.norm
        # The query's skeleton, read on the first name that differs (a lookup finding only
        # the exact name never needs it; `QueryKeys` computes it on demand).
        self._skeleton: str | None = None
        self._spelled = query.norm.replace(" ", "")
        self._abjad = abjad
        self._memo: dict[str, float] = {}

    def __call__(self, norm: str, skeleton: str | None = None) -> float:
        """Similarity of the query to `norm`; `skeleton` is `skeleton_key(norm)` when the caller has it."""
        known = self._memo.get(norm)
        if known is not None:
            return known
        if self._norm == norm:
            similarity = 1.0
        else:
            if self._skeleton is None:
                self._skeleton = self._query.skeleton
            ratio = Indel.normalized_similarity(self._skeleton, _skeleton(norm) if skeleton is None else skeleton)
            if self._abjad:
                similarity = ABJAD_DISCOUNT * ratio
            else:
                spelled = Indel.normalized_similarity(self._spelled, norm.replace(" ", ""))
                similarity = NAME_WEIGHT_NORM * spelled + NAME_WEIGHT_SKELETON * ratio
        self._memo[norm] = similarity
        return similarity
