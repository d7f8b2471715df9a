"""Who did what to whom: actor roles of one trigger's clause.

Battles need two sides: both named in the clause, or one named and the other taken
from the conflict the report is about (the last pair that fought). A territorial
change names the winner; an actor after "withdrawal of" is the loser. Violence
against civilians puts civilians second. Actors that only make a claim ("as X
claims") never take a role.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from flashpoint.model import ActorRef, Span, Toll
from flashpoint.stages.event_cues import EventCues, contains_any

CIVILIANS = "civilians"
TERRITORY = frozenset({"Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory"})


@dataclass(frozen=True, slots=True)
class Roles:
    """actor1/actor2 of a draft event (None when the text does not say)."""

    actor1: ActorRef | None
    actor2: ActorRef | None


def is_armed(actor: ActorRef) -> bool:
    """A resolved actor that is not civilians."""
    return actor.id is not None and actor.id != CIVILIANS and actor.resolution != "unresolved"


def distinct_armed(actors: list[ActorRef]) -> list[ActorRef]:
    """Armed actors, first mention of each id, in text order; an unnamed perpetrator
    ("gunmen") only when no group is named by name ("gunmen from JNIM" is JNIM)."""
    seen: set[str] = set()
    found = []
    for actor in actors:
        if is_armed(actor) and actor.id not in seen:
            seen.add(str(actor.id))
            found.append(actor)
    if not any(a.resolution != "generic" for a in found):
        return found  # "soldiers ... when gunmen ambushed": the unnamed side stays a side
    return [a for a in found if a.resolution != "generic" or a.inter == 1]


def civilians_in(actors: list[ActorRef]) -> ActorRef | None:
    """The first civilian mention, if any."""
    return next((a for a in actors if a.id == CIVILIANS), None)


def other_side(pair: tuple[ActorRef, ActorRef] | None, actor: ActorRef) -> ActorRef | None:
    """The opponent of `actor` in the ongoing pair, if it is part of it."""
    if pair is None:
        return None
    first, second = pair
    if actor.id == first.id:
        return second
    if actor.id == second.id:
        return first
    return None


def losers(actors: list[ActorRef], text: str, text_offset: int, cues: EventCues) -> list[ActorRef]:
    """Actors right after a loser cue ("withdrawal of X") in the text."""
    found = []
    for actor in actors:
        before = text[max(0, actor.span.start - text_offset - 40) : actor.span.start - text_offset]
        tail = before.rstrip(" “\"'‘(").lower()
        if any(tail.endswith(cue) or tail.endswith(cue + " the") for cue in cues.loser_before):
            found.append(actor)
    return found


def territory_roles(clause_armed: list[ActorRef], lost: list[ActorRef], pair: tuple[ActorRef, ActorRef] | None) -> Roles:
    """Winner first; the loser second only when the text says who lost."""
    winners = [a for a in clause_armed if a not in lost]
    if winners:
        return Roles(winners[0], lost[0] if lost else None)
    if lost:
        return Roles(other_side(pair, lost[0]), lost[0])
    return Roles(None, None)


def battle_roles(
    clause_armed: list[ActorRef],
    sentence_armed: list[ActorRef],
    pair: tuple[ActorRef, ActorRef] | None,
    *,
    concrete: bool,
    allied: Callable[[ActorRef, ActorRef], bool] = lambda a, b: a.id == b.id,
) -> Roles:
    """Two sides of a fight: the clause's, then others the sentence names, then the ongoing
    pair. An ally of a side is its associate, never its opponent ("the army and VDP")."""
    named = {a.id for a in clause_armed}
    sides = clause_armed + [a for a in sentence_armed if a.id not in named]
    first = sides[0] if sides else None
    opponents = [a for a in sides[1:] if first is not None and not allied(first, a)]
    if first is not None and opponents:
        return Roles(first, opponents[0])
    if first is not None:
        return Roles(first, other_side(pair, first))
    if pair is not None and concrete:
        return Roles(pair[0], pair[1])
    return Roles(None, None)


def associates(roles: Roles, actors: list[ActorRef], allied: Callable[[ActorRef, ActorRef], bool]) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]:
    """Other actors of the sentence allied with actor1 or actor2: ACLED's associated actors."""
    taken = {a.id for a in (roles.actor1, roles.actor2) if a is not None}
    assoc1: list[ActorRef] = []
    assoc2: list[ActorRef] = []
    for actor in distinct_armed(actors):
        if actor.id in taken:
            continue
        if roles.actor1 is not None and allied(roles.actor1, actor):
            assoc1.append(actor)
            taken.add(actor.id)
        elif roles.actor2 is not None and allied(roles.actor2, actor):
            assoc2.append(actor)
            taken.add(actor.id)
    return tuple(assoc1), tuple(assoc2)


def one_sided_roles(
    clause_actors: list[ActorRef],
    sentence_actors: list[ActorRef],
    allied: Callable[[ActorRef, ActorRef], bool] = lambda a, b: a.id == b.id,
) -> Roles:
    """Perpetrator first, civilians (or the next armed actor not on its side) second."""
    armed = distinct_armed(clause_actors) or distinct_armed(sentence_actors)
    civilians = civilians_in(clause_actors) or civilians_in(sentence_actors)
    if not armed:
        return Roles(None, civilians)
    opponents = [a for a in armed[1:] if not allied(armed[0], a)]
    second = civilians if civilians is not None else (opponents[0] if opponents else None)
    return Roles(armed[0], second)


def victims_of(actors: list[ActorRef], tolls: list[Toll]) -> list[ActorRef]:
    """Actors named inside a casualty phrase ("killing 9 soldiers"): they suffered it."""
    return [a for a in actors if any(t.span.contains(a.span) for t in tolls if t.outcome != "losses")]


# Between a target cue and the actor: a determiner and one adjective, never a relative
# pronoun ("against whom ISIS commits" makes ISIS the subject, not the target).
_LEAD_IN = re.compile(
    r"(?:\s+(?:the|a|an|its|their|le|la|les|l['’]|un|une|des))?"
    r"(?:\s+(?!(?:whom|which|who|that|qui|que|lesquels|lesquelles)\b)[\w\-]+)?\s+$",
    re.IGNORECASE,
)


def targets_of(actors: list[ActorRef], text: str, text_offset: int, cues: EventCues) -> list[ActorRef]:
    """Actors an attack is aimed at: "into a military camp", "against soldiers"."""
    found = []
    for actor in actors:
        before = text[max(0, actor.span.start - text_offset - 40) : actor.span.start - text_offset].lower()
        head = _LEAD_IN.sub("", before) if _LEAD_IN.search(before) else before
        if any(head.endswith(f" {cue}") or head == cue for cue in cues.target_before):
            found.append(actor)
    return found


def crowd_roles(actors: list[ActorRef], sub_type: str, crowd: ActorRef) -> Roles:
    """Protests and riots: the crowd first; state forces second when they intervened."""
    named = next((a for a in actors if a.id in {"protesters", "rioters"}), None)
    forces = next((a for a in actors if a.inter == 1), None) if sub_type != "Peaceful protest" else None
    return Roles(named or crowd, forces)


def actors_outside(actors: list[ActorRef], blocked: list[Span]) -> list[ActorRef]:
    """Drop actors whose mention lies inside a claim's source ("as X claims")."""
    return [a for a in actors if not any(b.start <= a.span.start < b.end for b in blocked)]


def is_modal(before_trigger: str, cue_list: list[str]) -> bool:
    """True when a cue of the list occurs in the clause text before the trigger."""
    return contains_any(before_trigger, cue_list) is not None
