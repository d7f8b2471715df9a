"""Build the record of a merged event from its member events, their reports and reviews.

The merged record is `event_json` of a representative member (the group's leading
type, then the most confident), with the most precise place and time of any member,
a fatality range over all of them (low = min, high = max, best = lower median), the
union of claimants, and the list of contributing reports. Analyst corrections are
applied last, the latest one per field winning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flashpoint.export.records import JsonDict, actor_json, claim_json, event_json
from flashpoint.model import ActorRef, Event
from flashpoint.store.merge_rules import MergePolicy

CORRECTABLE_FIELDS = frozenset(
    {"event_type", "sub_event_type", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "place", "time", "fatalities", "notes"}
)


@dataclass(frozen=True, slots=True)
class Member:
    """One member event with the metadata of its report."""

    key: str
    event: Event
    doc_id: str
    title: str | None
    source: str | None
    published: str | None


def _representative(members: Sequence[Member], policy: MergePolicy) -> Member:
    return min(members, key=lambda m: (policy.type_rank(m.event.event_type), -m.event.confidence, m.key))


def _most_precise_place(members: Sequence[Member]) -> JsonDict | None:
    placed = [m for m in members if m.event.place is not None]
    if not placed:
        return None
    best = min(placed, key=lambda m: (m.event.place.geo_precision or 9, m.event.place.where_prec or 9, m.key))  # type: ignore[union-attr]
    return event_json(best.event)["place"]  # type: ignore[no-any-return]


def _time_width(member: Member) -> int:
    time = member.event.time
    if time is None or time.start is None or time.end is None:
        return 1 << 30
    return (time.end - time.start).days


def _most_precise_time(members: Sequence[Member]) -> JsonDict | None:
    timed = [m for m in members if m.event.time is not None and (m.event.time.start or m.event.time.end)]
    if not timed:
        return None
    best = min(timed, key=lambda m: (m.event.time.time_precision or 9, _time_width(m), m.key))  # type: ignore[union-attr]
    return event_json(best.event)["time"]  # type: ignore[no-any-return]


def merge_fatalities(members: Sequence[Member]) -> JsonDict:
    """low = smallest credible figure, high = largest, best = lower median of the bests."""
    tolls = [m.event.fatalities for m in members]
    lows = [t.low if t.low is not None else t.best for t in tolls]
    highs = [t.high if t.high is not None else t.best for t in tolls]
    bests = sorted(t.best for t in tolls if t.best is not None)
    known_lows = [v for v in lows if v is not None]
    known_highs = [v for v in highs if v is not None]
    best = bests[(len(bests) - 1) // 2] if bests else None
    source = next((m for m in members if best is not None and m.event.fatalities.best == best), None)
    phrase = source.event.fatalities if source else next((t for t in tolls if t.text), tolls[0])
    return {
        "low": min(known_lows) if known_lows else None,
        "best": best,
        "high": max(known_highs) if known_highs else None,
        "qualifier": phrase.qualifier,
        "text": phrase.text,
        "span": phrase.span.to_list() if phrase.span else None,
    }


def _actor_count(member: Member) -> int:
    return sum(1 for a in (member.event.actor1, member.event.actor2) if a is not None and a.id)


def _union_actors(members: Sequence[Member], role: str) -> list[JsonDict]:
    seen: set[str] = set()
    result: list[JsonDict] = []
    for member in members:
        refs: tuple[ActorRef, ...] = getattr(member.event, role)
        for ref in refs:
            key = ref.id or ref.text.casefold()
            if key not in seen:
                seen.add(key)
                result.append(actor_json(ref))  # type: ignore[arg-type]
    return result


def _claims(members: Sequence[Member]) -> list[JsonDict]:
    result: list[JsonDict] = []
    for member in members:
        for claim in member.event.attribution:
            result.append({**claim_json(claim), "doc_id": member.doc_id})
    return result


def _sources(members: Sequence[Member]) -> list[JsonDict]:
    seen: dict[str, JsonDict] = {}
    for member in sorted(members, key=lambda m: (m.published or "", m.doc_id)):
        seen.setdefault(member.doc_id, {"doc_id": member.doc_id, "title": member.title, "source": member.source, "published": member.published})
    return list(seen.values())


def build_record(cluster_id: str, members: Sequence[Member], policy: MergePolicy) -> JsonDict:
    """The merged event record (before reviews) of a cluster with at least one member."""
    ordered = sorted(members, key=lambda m: m.key)
    rep = _representative(ordered, policy)
    actors_from = max(ordered, key=lambda m: (_actor_count(m), m is rep))
    record = event_json(rep.event)
    record.update(
        id=cluster_id,
        merged_id=cluster_id,
        members=[m.key for m in ordered],
        sources=_sources(ordered),
        actor1=actor_json(actors_from.event.actor1),
        actor2=actor_json(actors_from.event.actor2),
        assoc_actor_1=_union_actors(ordered, "assoc_actor_1"),
        assoc_actor_2=_union_actors(ordered, "assoc_actor_2"),
        place=_most_precise_place(ordered),
        time=_most_precise_time(ordered),
        fatalities=merge_fatalities(ordered),
        attribution=_claims(ordered),
        confidence=round(max(m.event.confidence for m in ordered), 3),
        hedged=all(m.event.hedged for m in ordered),
        review=None,
        rejected=False,
    )
    return record


def _corrected(original: Any, value: Any) -> Any:
    # A string corrects an actor or place by name; a mapping overrides the given keys only.
    if isinstance(value, dict) and isinstance(original, dict):
        return {**original, **value}
    if isinstance(value, str) and (isinstance(original, dict) or original is None):
        return {"id": None, "name": value, "text": value, "span": None, "resolution": "review"}
    return value


def apply_reviews(record: JsonDict, reviews: Sequence[JsonDict], event_type_of: Any = None) -> JsonDict:
    """Apply corrections (oldest first, so the latest wins) and set `review` and `rejected`."""
    result = dict(record)
    for review in reviews:
        field = review.get("field")
        if review["action"] == "correct" and field in CORRECTABLE_FIELDS:
            if field in {"event_type", "sub_event_type", "notes"}:
                result[field] = review["value"]
            else:
                result[field] = _corrected(result.get(field), review["value"])
            if field == "sub_event_type" and event_type_of is not None:
                result["event_type"] = event_type_of(review["value"]) or result["event_type"]
    judged = [r for r in reviews if r["action"] in {"confirm", "correct", "reject"}]
    result["review"] = reviews[-1] if reviews else None
    result["rejected"] = bool(judged) and judged[-1]["action"] == "reject"
    return result
