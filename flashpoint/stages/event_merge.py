"""Fold drafts that tell the same event twice in one report, then freeze them.

Two drafts are one event when sub-type, actors and place agree and their times
overlap (ACLED merges events matching on day, place, actors and type). The merged
event keeps every evidence span and claim, the most precise time, and the
fatalities that carry a number.
"""

from __future__ import annotations

import datetime as dt

from flashpoint.model import ActorRef, Claim, Event, Fatalities, Place, Span, TimeRange, Toll
from flashpoint.stages.event_drafts import Draft, place_key


def _actor_ids(draft: Draft) -> frozenset[str]:
    """The known actor ids of a draft (an unknown side is compatible with any)."""
    return frozenset(a.id for a in (draft.actor1, draft.actor2) if a is not None and a.id is not None)


def actors_compatible(a: Draft, b: Draft) -> bool:
    """One draft's known actors include the other's, and they share at least one."""
    ids_a, ids_b = _actor_ids(a), _actor_ids(b)
    return bool(ids_a & ids_b) and (ids_a <= ids_b or ids_b <= ids_a)


def _bounds(time: TimeRange | None) -> tuple[dt.date, dt.date]:
    if time is None:
        return dt.date.min, dt.date.max
    return time.start or dt.date.min, time.end or dt.date.max


def times_overlap(a: TimeRange | None, b: TimeRange | None) -> bool:
    """True when two ranges share a day (open bounds are unbounded)."""
    a_start, a_end = _bounds(a)
    b_start, b_end = _bounds(b)
    return a_start <= b_end and b_start <= a_end


def _width(time: TimeRange | None) -> int:
    start, end = _bounds(time)
    return (end - start).days


def same_event(a: Draft, b: Draft) -> bool:
    """Same sub-type and aggregation, compatible actors, same place, overlapping time."""
    return (
        a.sub_event_type == b.sub_event_type
        and a.aggregate == b.aggregate  # a total over many incidents never absorbs one of them
        and actors_compatible(a, b)
        and place_key(a.place) == place_key(b.place)
        and times_overlap(a.time, b.time)
    )


def same_gathering(a: Draft, b: Draft, ladders: tuple[tuple[str, ...], ...]) -> bool:
    """One gathering told at two moments ("marched peacefully ... police later dispersed
    them"): sub-types on one escalation ladder, the same day, compatible actors, and the
    same place or an unfound spot within the other's admin1 unit."""
    return (
        a.sub_event_type != b.sub_event_type
        and any(a.sub_event_type in ladder and b.sub_event_type in ladder for ladder in ladders)
        and not a.aggregate and not b.aggregate
        and actors_compatible(a, b)
        and _same_day(a.time, b.time)
        and _same_site(a.place, b.place)
    )


def _same_day(a: TimeRange | None, b: TimeRange | None) -> bool:
    return a is not None and b is not None and a.start is not None and a.start == a.end == b.start == b.end


def _same_site(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return False
    if place_key(a) == place_key(b):
        return True
    unfound, found = (a, b) if a.no_match else (b, a)
    return unfound.no_match and not found.no_match and unfound.admin1 is not None and unfound.admin1 == found.admin1


def escalate(kept: Draft, other: Draft, ladders: tuple[tuple[str, ...], ...]) -> None:
    """When `other` is a harsher step of `kept`'s ladder (the protest met intervention), the
    event takes that sub-type and the actors of that step."""
    ladder = next((ladder for ladder in ladders if kept.sub_event_type in ladder and other.sub_event_type in ladder), None)
    if ladder is not None and ladder.index(other.sub_event_type) > ladder.index(kept.sub_event_type):
        kept.event_type, kept.sub_event_type = other.event_type, other.sub_event_type
        kept.actor1, kept.actor2 = other.actor1 or kept.actor1, other.actor2 or kept.actor2


def absorb(kept: Draft, other: Draft) -> None:
    """Fold `other` into `kept`: union of evidence and claims, most precise time and place."""
    kept.evidence.extend(span for span in other.evidence if span not in kept.evidence)
    kept.claims.extend(claim for claim in other.claims if claim not in kept.claims)
    kept.tolls.extend(toll for toll in other.tolls if toll not in kept.tolls)
    if _width(other.time) < _width(kept.time):
        kept.time = other.time
    if other.place is not None and (kept.place is None or (other.place.geo_precision or 9) < (kept.place.geo_precision or 9)):
        kept.place = other.place
    if len(_actor_ids(other)) > len(_actor_ids(kept)):
        kept.actor1, kept.actor2 = other.actor1, other.actor2
    _absorb_associates(kept, other)
    kept.aggregate = kept.aggregate or other.aggregate
    kept.hedged = kept.hedged and other.hedged


def _absorb_associates(kept: Draft, other: Draft) -> None:
    """Each associate of `other` joins the side of `kept` whose main actor it accompanied;
    an actor appears once, and never both as a main actor and an associate."""
    sides: dict[int, list[ActorRef]] = {1: list(kept.assoc1), 2: list(kept.assoc2)}
    for associates, main in ((other.assoc1, other.actor1), (other.assoc2, other.actor2)):
        side = _side_of(kept, main)
        if side is not None:
            sides[side].extend(associates)
    main_ids = {a.id for a in (kept.actor1, kept.actor2) if a is not None}
    seen: set[str | None] = set(main_ids)
    for side in (1, 2):
        unique = []
        for actor in sides[side]:
            if actor.id not in seen:
                seen.add(actor.id)
                unique.append(actor)
        sides[side] = unique
    kept.assoc1, kept.assoc2 = tuple(sides[1]), tuple(sides[2])


def _side_of(draft: Draft, actor: ActorRef | None) -> int | None:
    if actor is None:
        return None
    if draft.actor1 is not None and draft.actor1.id == actor.id:
        return 1
    if draft.actor2 is not None and draft.actor2.id == actor.id:
        return 2
    return None


def merge_drafts(drafts: list[Draft], ladders: tuple[tuple[str, ...], ...] = ()) -> list[Draft]:
    """Greedy in-document merge, in text order (deterministic). With escalation `ladders`,
    a gathering told at two moments becomes one event of its harshest sub-type."""
    merged: list[Draft] = []
    for draft in drafts:
        target = next((kept for kept in merged if same_event(kept, draft)), None)
        if target is None:
            target = next((kept for kept in merged if same_gathering(kept, draft, ladders)), None)
            if target is not None:
                escalate(target, draft, ladders)
        if target is None:
            merged.append(draft)
        else:
            absorb(target, draft)
    return merged


def fatalities_of(tolls: list[Toll]) -> Fatalities:
    """Deaths from the killed-or-losses tolls. Counts of different victims add up
    ("17 soldiers ... about 30 militants"); a bare qualifier is kept when nothing is counted."""
    relevant = [t for t in tolls if t.outcome in {"killed", "losses"}]
    if not relevant:
        return Fatalities()
    numbered = _distinct_victims([t for t in relevant if t.low is not None or t.best is not None or t.high is not None])
    if not numbered:
        toll = relevant[0]
        return Fatalities(None, None, None, toll.qualifier, toll.text, toll.span)
    if len(numbered) == 1:
        toll = numbered[0]
        return Fatalities(toll.low, toll.best, toll.high, toll.qualifier, toll.text, toll.span)
    return _summed(numbered)


def _distinct_victims(tolls: list[Toll]) -> list[Toll]:
    """One count per victim group, first mention wins (a later repeat is the same dead)."""
    seen: set[str] = set()
    kept = []
    for toll in tolls:
        key = (toll.victims or "").lower()
        if key not in seen:
            seen.add(key)
            kept.append(toll)
    return kept


def _summed(tolls: list[Toll]) -> Fatalities:
    low = sum(t.low if t.low is not None else (t.best or 0) for t in tolls)
    best = sum(t.best for t in tolls if t.best is not None) if all(t.best is not None for t in tolls) else None
    high = sum(t.high for t in tolls if t.high is not None) if all(t.high is not None for t in tolls) else None
    qualifier = "at least" if best is None else None
    first, last = tolls[0].span, tolls[-1].span
    text = "; ".join(t.text for t in tolls)
    return Fatalities(low, best, high, qualifier, text, Span(min(first.start, last.start), max(first.end, last.end)))


def confidence_of(draft: Draft) -> float:
    """A transparent score: resolved actors, precise place and time, no hedging."""
    score = 0.4
    score += 0.15 if draft.actor1 is not None and draft.actor1.id else 0.0
    score += 0.1 if draft.actor2 is not None and draft.actor2.id else 0.0
    score += 0.15 if draft.place is not None and draft.place.geo_precision == 1 else 0.05 if draft.place else 0.0
    score += 0.1 if draft.time is not None and draft.time.time_precision in (1, 2) else 0.0
    return max(0.05, min(0.99, score - (0.2 if draft.hedged else 0.0)))


def freeze(draft: Draft, *, doc_id: str, index: int) -> Event:
    """The immutable `Event` of a draft."""
    claims: tuple[Claim, ...] = tuple(draft.claims)
    return Event(
        doc_id=doc_id,
        event_id=f"{doc_id[:12]}-{index:03d}",
        event_type=draft.event_type,
        sub_event_type=draft.sub_event_type,
        actor1=draft.actor1,
        actor2=draft.actor2,
        assoc_actor_1=draft.assoc1,
        assoc_actor_2=draft.assoc2,
        place=draft.place,
        time=draft.time,
        fatalities=fatalities_of(draft.tolls),
        trigger=draft.trigger,
        attribution=claims,
        evidence=tuple(sorted(set(draft.evidence), key=lambda s: s.start)),
        aggregate=draft.aggregate,
        hedged=draft.hedged,
        confidence=confidence_of(draft),
    )

