"""Group stored events into incidents: deterministic greedy complete-link clustering.

Candidate pairs (same block, overlapping time) are sorted by closeness then id, and two
clusters join only when every cross pair passes `pair_score` and no analyst split
separates them. The result depends only on the set of events and splits, never on
ingest order; a cluster's id is its smallest member id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from flashpoint.store.merge_rules import MergeKey, MergePolicy, pair_score

Pair = tuple[float, int, str, str]


def _candidate_pairs(keys: Sequence[MergeKey], policy: MergePolicy) -> list[Pair]:
    dated = sorted((k for k in keys if k.bounds is not None), key=lambda k: (k.bounds, k.id))
    pairs: list[Pair] = []
    for i, a in enumerate(dated):
        a_end = a.bounds[1]  # type: ignore[index]
        for b in dated[i + 1 :]:
            if (b.bounds[0] - a_end).days > policy.time_slack_days:  # type: ignore[index]
                break  # sorted by start: no later event can overlap `a`
            score = pair_score(a, b, policy)
            if score is not None:
                first, second = sorted((a.id, b.id))
                pairs.append((score[0], score[1], first, second))
    pairs.sort()
    return pairs


def cluster_keys(
    keys: Iterable[MergeKey],
    policy: MergePolicy,
    *,
    splits: Iterable[tuple[str, str]] = (),
) -> dict[str, str]:
    """Map each event id to its cluster id (the smallest member id)."""
    by_id = {k.id: k for k in keys}
    blocked = {frozenset(pair) for pair in splits}
    members: dict[str, list[str]] = {key_id: [key_id] for key_id in by_id}
    owner: dict[str, str] = {key_id: key_id for key_id in by_id}
    for _km, _days, left, right in _candidate_pairs(list(by_id.values()), policy):
        a, b = owner[left], owner[right]
        if a == b or not _joinable(members[a], members[b], by_id, policy, blocked):
            continue
        keep, drop = sorted((a, b))
        members[keep].extend(members.pop(drop))
        for member in members[keep]:
            owner[member] = keep
    return {key_id: min(members[owner[key_id]]) for key_id in by_id}


def _joinable(
    left: list[str],
    right: list[str],
    by_id: dict[str, MergeKey],
    policy: MergePolicy,
    blocked: set[frozenset[str]],
) -> bool:
    for a in left:
        for b in right:
            if frozenset((a, b)) in blocked or pair_score(by_id[a], by_id[b], policy) is None:
                return False
    return True
