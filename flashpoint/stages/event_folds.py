"""Folding drafts of one sentence into what an analyst would code as one event.

A clash that ends in a withdrawal is the capture; looting during an attack is part
of the attack; a killing that is a strike's toll is that strike's toll.
"""

from __future__ import annotations

from flashpoint.model import ActorRef
from flashpoint.stages.event_cues import EventCues, contains_any
from flashpoint.stages.event_drafts import Draft, SentenceView
from flashpoint.stages.event_merge import actors_compatible
from flashpoint.stages.event_roles import TERRITORY

def fold_consequences(view: SentenceView, drafts: list[Draft], cues: EventCues) -> list[Draft]:
    """A clash that "ended with" a territorial change is that change (codebook: final hold),
    and a change won by fighting is not a non-violent transfer."""
    territorial = [d for d in drafts if d.sub_event_type in TERRITORY]
    if not territorial or contains_any(view.text, cues.consequence) is None:
        return drafts
    if not any(d.sub_event_type == "Armed clash" for d in drafts):
        return drafts
    for draft in territorial:
        draft.event_type, draft.sub_event_type = "Battles", capture_sub_type(draft.actor1)
    return [d for d in drafts if d.sub_event_type != "Armed clash"]


def fold_casualties(view: SentenceView, drafts: list[Draft]) -> list[Draft]:
    """"A drone strike ... killed several militants": the killing is the strike's toll,
    not a second event. A draft whose trigger overlaps a casualty phrase folds into
    another draft of the sentence that has a trigger of its own and shares an actor."""
    def in_toll(draft: Draft) -> bool:
        span = draft.trigger.span
        return any(t.span.start < span.end and span.start < t.span.end for t in view.tolls)

    main = [d for d in drafts if not in_toll(d)]
    kept = list(main)
    for draft in drafts:
        if draft in main:
            continue
        target = next((m for m in main if actors_compatible(draft, m)), None)
        if target is None:
            kept.append(draft)
        else:
            target.tolls.extend(t for t in draft.tolls if t not in target.tolls)
    return sorted(kept, key=lambda d: d.trigger.span.start)


def fold_side_effects(drafts: list[Draft]) -> list[Draft]:
    """Looting or burning during an attack is part of that attack, not its own event."""
    violent = {d.actor1.id for d in drafts if d.event_type != "Strategic developments" and d.actor1 is not None}
    return [d for d in drafts if not (d.event_type == "Strategic developments" and d.actor1 is not None and d.actor1.id in violent)]


def capture_sub_type(winner: ActorRef | None) -> str:
    """State forces regain territory; anyone else overtakes it."""
    return "Government regains territory" if winner is not None and winner.inter == 1 else "Non-state actor overtakes territory"


# Protest sub-types from the most to the least severe: one crowd, one event, the worst outcome.
_PROTEST_SEVERITY = ("Excessive force against protesters", "Protest with intervention", "Peaceful protest")


def fold_protests(drafts: list[Draft]) -> list[Draft]:
    """"Hundreds protested; police fired tear gas": one protest, with intervention."""
    protests = [d for d in drafts if d.sub_event_type in _PROTEST_SEVERITY]
    if len(protests) < 2:
        return drafts
    worst = min(protests, key=lambda d: _PROTEST_SEVERITY.index(d.sub_event_type))
    for draft in protests:
        if draft is not worst:
            worst.evidence.extend(span for span in draft.evidence if span not in worst.evidence)
            worst.actor2 = worst.actor2 or draft.actor2
    return [d for d in drafts if d is worst or d not in protests]
