"""The events stage: from triggers, actors, places, times, tolls and claims to events.

Reads every earlier layer; assigns `events` and `influences`. Per sentence, each
trigger owns a clause; the clause gives the roles, the place and the time, with
discourse filling what a sentence leaves out (the pair that was fighting, the
region last named, the time last given). Casualty phrases split one attack on two
kinds of victims into two events. Negated and future actions are not events.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from typing import Any

from flashpoint.model import ActorRef, Document, Place, PlaceMention, Span, TimeRange, Toll, Trigger
from flashpoint.pipeline import Stage
from flashpoint.stages.alliances import Alliances
from flashpoint.stages.event_cues import EventCues, contains_any, load_escalation, load_event_cues
from flashpoint.stages.event_drafts import (
    Clause,
    Discourse,
    Draft,
    SentenceView,
    publication_range,
    split_clauses,
    split_coordination,
)
from flashpoint.stages.event_folds import fold_casualties, fold_consequences, fold_protests, fold_side_effects
from flashpoint.stages.event_merge import absorb, actors_compatible, escalate, freeze, merge_drafts
from flashpoint.stages.event_roles import (
    TERRITORY,
    Roles,
    actors_outside,
    associates,
    battle_roles,
    civilians_in,
    distinct_armed,
    is_modal,
    losers,
    crowd_roles,
    one_sided_roles,
    targets_of,
    territory_roles,
    victims_of,
)
from flashpoint.stages.event_where_when import clause_places, clause_places_raw, clause_times, clause_tolls, refine_time, times_of_events
from flashpoint.stages.implied_actors import PROTESTERS, RIOTERS, UNIDENTIFIED, implied_actor, localised
from flashpoint.stages.influence import find_influences

_EVENT_ROLES = {"event", "region", "container"}
_CROWDS = {"Protests": PROTESTERS, "Riots": RIOTERS}


class EventStage(Stage):
    """Adds `events` and `influences` from the earlier layers."""

    name = "events"
    requires = ("sentences", "actors", "places", "times", "tolls", "claims", "triggers")
    assigns = ("events", "influences")

    def __init__(self, kb: Any = None) -> None:
        self.cues = load_event_cues()
        self.escalation = load_escalation()
        self._kb = kb
        self._alliances: Alliances | None = None

    @property
    def alliances(self) -> Alliances:
        """Same-side checks from the knowledge base (built on first use)."""
        if self._alliances is None:
            self._alliances = Alliances(self.kb)
        return self._alliances

    @property
    def kb(self) -> Any:
        """The actor knowledge base that names implied actors (loaded on first use)."""
        if self._kb is None:
            from flashpoint.kb.actors import ActorKB

            self._kb = ActorKB.load()
        return self._kb

    def __call__(self, doc: Document) -> Document:
        cues = self.cues.get(doc.lang or "en", self.cues["en"])
        state = self.discourse_of(doc)
        drafts: list[Draft] = []
        views = SentenceView.all_of(doc)
        heads = headings(doc, views)
        for index, view in enumerate(views):
            if index in heads:
                state.time = None
                continue
            if takes_responsibility(view, drafts, cues):
                continue
            sentence_drafts = merge_drafts(drafts_for_sentence(doc, view, state, cues))
            if not sentence_drafts:
                refine_time(view, drafts, cues)
            update_discourse(state, view, sentence_drafts, cues)
            drafts.extend(d for d in sentence_drafts if not continues(drafts, d, self.escalation))
        events = tuple(freeze(d, doc_id=doc.doc_id, index=i) for i, d in enumerate(merge_drafts(drafts, self.escalation)))
        influences = tuple(find_influences(doc, views, cues))
        return doc.with_layers(events=events, influences=influences)


    def discourse_of(self, doc: Document) -> Discourse:
        """Start-of-report context: its main region and country, and how to name implied actors."""
        country = doc.countries[0] if doc.countries else None
        mention = next((m for m in doc.places if m.role == "country" and m.place and m.place.country == country), None)

        def imply(actor_id: str, span: Span) -> ActorRef:
            return implied_actor(self.kb, actor_id, country=country, date=doc.published, span=span)

        def localise(actor: ActorRef | None, place: Place | None) -> ActorRef | None:
            if actor is None or place is None:
                return actor
            return localised(self.kb, actor, place.country, doc.published)

        return Discourse(region=main_place(doc), country=mention.place if mention else None, imply=imply,
                         allied=self.alliances.allied, localise=localise)


def takes_responsibility(view: SentenceView, drafts: list[Draft], cues: EventCues) -> bool:
    """"JNIM claimed responsibility for the attack": the claimant becomes the last event's
    perpetrator when it had none named; the sentence is not a new event. True when folded."""
    cue = contains_any(view.text, cues.responsibility)
    if not drafts or cue is None:
        return False
    if contains_any(view.text[: view.text.lower().find(cue)], cues.negation) is not None:
        drafts[-1].evidence.append(view.sentence.span)  # "no group has claimed responsibility": nobody named
        return True
    claimant = next((a for a in distinct_armed(view.actors) if a.resolution != "generic"), None)
    last = drafts[-1]
    if claimant is None or last.actor1 is None or last.actor1.id not in {UNIDENTIFIED, claimant.id}:
        return False
    last.actor1 = claimant
    last.claims.extend(c for c in view.claims if c not in last.claims)
    last.evidence.append(view.sentence.span)
    return True


def is_heading(text: str) -> bool:
    """Short and without final punctuation: how a headline or a title looks."""
    return len(text) < _HEADING_MAX_CHARS and not text.rstrip().endswith((".", "!", "?", "”", '"', ":", ";"))


def headings(doc: Document, views: list[SentenceView]) -> set[int]:
    """The sentences that head a report's body: lines of their own that look like headings
    and have body text after them. A headline restates the body's events, it is not one
    more (and it resets the time context); a report with no body after its heading-like
    lines (a feed of titles, a list of incidents, a snippet cut short) is read as it is."""
    found: set[int] = set()
    body_after = False
    for index in reversed(range(len(views))):
        view = views[index]
        if not (is_heading(view.text) and _whole_line(doc.text, view.sentence.span)):
            body_after = True
        elif body_after:
            found.add(index)
    return found


def _whole_line(text: str, span: Span) -> bool:
    start, end = span.start - 1, span.end
    while start >= 0 and text[start] in " \t":
        start -= 1
    while end < len(text) and text[end] in " \t":
        end += 1
    return (start < 0 or text[start] == "\n") and (end >= len(text) or text[end] == "\n")


_HEADING_MAX_CHARS = 160


def main_place(doc: Document) -> Place | None:
    """The place the report is about: the most mentioned resolved event or region place."""
    counts: Counter[str] = Counter()
    first: dict[str, PlaceMention] = {}
    for mention in doc.places:
        if mention.role in _EVENT_ROLES and mention.place is not None and not mention.place.no_match:
            key = mention.place.name or mention.text
            counts[key] += 1
            first.setdefault(key, mention)
    if not counts:
        return None
    best = max(counts, key=lambda key: (counts[key], -first[key].span.start))
    place = first[best].place
    if place is None:
        return None
    return replace(place, geo_precision=3, where_prec=max(place.where_prec or 4, 4))


def update_discourse(state: Discourse, view: SentenceView, drafts: list[Draft], cues: EventCues) -> None:
    """Carry forward the last fighting pair, the last dated time (not a report's date:
    "la veille" counts from the attack, not from the day it was learnt) and the last region."""
    for draft in drafts:
        if draft.event_type == "Battles" and draft.actor1 is not None and draft.actor2 is not None:
            state.pair = (draft.actor1, draft.actor2)
        if draft.actor1 is not None and draft.actor1.inter == 1:
            state.forces = draft.actor1
    dated = [t for t in times_of_events(view, cues) if t.start is not None or t.end is not None]
    if dated:
        state.time = dated[-1]
    regions = [
        m.place for m in view.places
        if m.place is not None and (m.role in {"region", "container"} or (m.role == "qualifier" and m.place.where_prec in (4, 5)))
    ]
    if regions:
        state.region = regions[-1]


def family(event_type: str) -> str:
    """Remote violence during a battle belongs to the battle (codebook)."""
    return "Battles" if event_type == "Explosions/Remote violence" else event_type


def continues(drafts: list[Draft], draft: Draft, ladders: tuple[tuple[str, ...], ...] = ()) -> bool:
    """Fold a draft that only carries on the previous event ("Two soldiers were wounded,
    the army said."; "Police later dispersed them.") into it; True when folded."""
    if not drafts or not draft.inherited:
        return False
    previous = drafts[-1]
    if family(previous.event_type) != family(draft.event_type) or not actors_compatible(previous, draft):
        return False
    escalate(previous, draft, ladders)
    absorb(previous, replace(draft, place=previous.place, time=previous.time))
    return True


def claimant_spans(view: SentenceView) -> list[Span]:
    """Sources that only claim ("..., as X claims") take no role; a group that reports its
    own action first ("the army said it neutralised ...") still does."""
    first_trigger = view.triggers[0].span.start if view.triggers else view.sentence.span.end
    return [c.span for c in view.claims if not (c.kind == "group" and c.span.start < first_trigger)]


def drafts_for_sentence(doc: Document, view: SentenceView, state: Discourse, cues: EventCues) -> list[Draft]:
    """All drafts of one sentence: casualty-driven when victims differ, else one per trigger clause."""
    if not view.triggers:
        return []
    blocked = claimant_spans(view)
    toll_drafts = drafts_from_tolls(doc, view, state, cues, blocked)
    if toll_drafts:
        return toll_drafts
    drafts: list[Draft] = []
    for clause in split_clauses(view):
        parts = split_coordination(view, clause) if clause.trigger.sub_event_type in TERRITORY else [clause]
        for part in parts:
            drafts.extend(drafts_for_clause(doc, view, part, state, cues, blocked))
    return fold_protests(fold_casualties(view, fold_side_effects(fold_consequences(view, drafts, cues))))


def drafts_for_clause(
    doc: Document, view: SentenceView, clause: Clause, state: Discourse, cues: EventCues, blocked: list[Span]
) -> list[Draft]:
    """One draft per event place of the clause (a list of villages is one event each)."""
    trigger = clause.trigger
    before = view.between(clause.span.start, trigger.span.start)
    if is_modal(before, cues.negation) or is_modal(before, cues.future):
        return []
    if not cues.strong_enough(trigger.sub_event_type, trigger.score):
        return []
    roles = clause_roles(view, clause, state, cues, blocked)
    if roles.actor1 is None:
        return []
    roles = with_victims(roles, trigger.event_type, clause_tolls(view, clause), cues)
    roles = with_unnamed_side(roles, trigger, state)
    event_type, sub_type = retype(trigger.event_type, trigger.sub_event_type, roles)
    places: list[Place | None] = [*clause_places(view, clause, state, cues)] or [None]
    found: list[TimeRange | None] = [*clause_times(view, clause, state, cues)] or [publication_range(doc.published)]
    times = [t for t in found if not is_background(t, doc.published, cues)]
    if not times:
        return []
    own = bool([m for m in view.places if m.role in _EVENT_ROLES]) or bool(view.times)
    assoc1, assoc2 = associates(roles, actors_outside(view.actors, blocked), state.allied)
    drafts = []
    for place in places:
        for time in times:
            drafts.append(
                Draft(event_type, sub_type, trigger, state.localise(roles.actor1, place), state.localise(roles.actor2, place), place, time,
                      evidence=[view.sentence.span], tolls=clause_tolls(view, clause),
                      claims=list(view.claims), hedged=is_modal(before, cues.hedge),
                      aggregate=is_aggregate(view.text, time), inherited=not own, assoc1=assoc1, assoc2=assoc2)
            )
    return drafts


def clause_roles(view: SentenceView, clause: Clause, state: Discourse, cues: EventCues, blocked: list[Span]) -> Roles:
    """Roles by the trigger's event type (see `event_roles`)."""
    sentence_actors = actors_outside(view.actors, blocked)
    clause_actors = [a for a in sentence_actors if clause.holds(a.span)]
    trigger = clause.trigger
    if trigger.sub_event_type in TERRITORY:
        armed = distinct_armed(clause_actors)
        lost = losers(armed, view.text, view.sentence.span.start, cues)
        return territory_roles(armed, lost, state.pair)
    if trigger.event_type == "Battles":
        concrete = bool(clause_places_raw(view, clause)) or bool([t for t in view.times if clause.holds(t.span)])
        roles = battle_roles(distinct_armed(clause_actors), distinct_armed(sentence_actors), state.pair,
                             concrete=concrete, allied=state.allied)
        if roles.actor2 is None and civilians_in(clause_actors) is not None:
            return Roles(roles.actor1, civilians_in(clause_actors))
        return roles
    if trigger.event_type in _CROWDS:
        crowd = _CROWDS[trigger.event_type]
        implied = state.imply(crowd, trigger.span) if state.imply else None
        return crowd_roles(sentence_actors, trigger.sub_event_type, implied) if implied else Roles(None, None)
    return perpetrator_roles(sentence_actors, clause_actors, view, trigger, state, cues)


def perpetrator_roles(
    sentence_actors: list[ActorRef], clause_actors: list[ActorRef], view: SentenceView, trigger: Trigger,
    state: Discourse, cues: EventCues,
) -> Roles:
    """One-sided violence: those killed are victims, never the perpetrator; an attack with
    victims and no named perpetrator is ACLED's "Unidentified Armed Group (Country)"."""
    victims = victims_of(sentence_actors, view.tolls)
    victims += [a for a in targets_of(sentence_actors, view.text, view.sentence.span.start, cues) if a not in victims]
    roles = one_sided_roles([a for a in clause_actors if a not in victims], [a for a in sentence_actors if a not in victims],
                            state.allied)
    if roles.actor2 is None and victims:
        roles = Roles(roles.actor1, victims[0])
    suffered = roles.actor2 is not None or any(t.outcome in {"killed", "wounded", "abducted"} for t in view.tolls)
    if roles.actor1 is None and suffered and state.imply is not None:
        roles = Roles(state.imply(UNIDENTIFIED, trigger.span), roles.actor2)
    return roles


def with_victims(roles: Roles, event_type: str, tolls: list[Toll], cues: EventCues) -> Roles:
    """Violence against civilians, an explosion, or a "fight" with no armed opponent, whose
    victims are only counted ("three traders", "30 people"): the casualty phrase names the
    civilians (and `retype` makes the one-sided fight an attack)."""
    if event_type not in {"Violence against civilians", "Explosions/Remote violence", "Battles"} or roles.actor2 is not None:
        return roles
    victims = [t for t in tolls if victim_kind(t, cues) == "civilian"]
    if not victims:
        return roles
    toll = victims[0]
    return Roles(roles.actor1, ActorRef("civilians", "Civilians", toll.text, toll.span, inter=7, resolution="generic"))


def with_unnamed_side(roles: Roles, trigger: Trigger, state: Discourse) -> Roles:
    """A fight takes two sides: when only state forces are named ("the army neutralised 30
    terrorists"), the other is ACLED's unidentified armed group (a named group's unnamed
    opponent is as often the state: left unknown). An air or drone strike with no named
    perpetrator is the state forces' the report last named as acting (only they fly there)."""
    if state.imply is None or roles.actor1 is None:
        return roles
    if trigger.sub_event_type == "Armed clash" and roles.actor2 is None and roles.actor1.inter == 1:
        return Roles(roles.actor1, state.imply(UNIDENTIFIED, trigger.span))
    if trigger.sub_event_type == "Air/drone strike" and roles.actor1.id == UNIDENTIFIED and state.forces is not None:
        return Roles(replace(state.forces, text=roles.actor1.text, span=roles.actor1.span, resolution="discourse"), roles.actor2)
    return roles


def retype(event_type: str, sub_type: str, roles: Roles) -> tuple[str, str]:
    """A "fight" whose only opponent is civilians is violence against civilians."""
    if event_type == "Battles" and sub_type == "Armed clash" and roles.actor2 is not None and roles.actor2.id == "civilians":
        return "Violence against civilians", "Attack"
    return event_type, sub_type


def is_background(time: TimeRange | None, published: dt.date | None, cues: EventCues) -> bool:
    """"In 2012, rebels took Kidal" in a 2023 report: history the report recalls, not an event."""
    if time is None or time.end is None or published is None:
        return False
    return (published - time.end).days > cues.background_after_days


def is_aggregate(text: str, time: TimeRange | None) -> bool:
    """A total over many incidents: a multi-month range, or statistics worded as such."""
    if time is not None and time.start is not None and time.end is not None and (time.end - time.start).days > 31:
        return True
    return contains_any(text, ["intensified", "more than ever", "so far this year", "since the beginning", "series of", "campaign"]) is not None


def drafts_from_tolls(
    doc: Document, view: SentenceView, state: Discourse, cues: EventCues, blocked: list[Span]
) -> list[Draft]:
    """When one attack kills civilians and armed men, code one event per kind of victim."""
    killed = [t for t in view.tolls if t.outcome == "killed" and t.victims]
    kinds = {victim_kind(t, cues) for t in killed}
    if len(killed) < 2 or len(kinds - {None}) < 2:
        return []
    sentence_actors = actors_outside(view.actors, blocked)
    perpetrators = distinct_armed([a for a in sentence_actors if a.span.start < killed[0].span.start])
    if not perpetrators:
        return []
    first_clause = split_clauses(view)[0]
    drafts = []
    for toll in killed:
        draft = toll_draft(doc, view, state, cues, toll, perpetrators[0], sentence_actors, first_clause)
        if draft is not None:
            drafts.append(draft)
    return drafts


def victim_kind(toll: Toll, cues: EventCues) -> str | None:
    """civilian or armed, from the victim phrase ("armed men") or its last noun ("men")."""
    phrase = (toll.victims or "").lower()
    said = f" {(toll.text or '').lower()} "
    if phrase in cues.armed_victims or any(f" {armed} " in said for armed in cues.armed_victims if " " in armed):
        return "armed"
    noun = phrase.split()[-1:] or [""]
    if noun[0] in cues.civilian_victims:
        return "civilian"
    if noun[0] in cues.armed_victims:
        return "armed"
    return None


def toll_draft(
    doc: Document, view: SentenceView, state: Discourse, cues: EventCues, toll: Toll,
    perpetrator: ActorRef, actors: list[ActorRef], clause: Clause,
) -> Draft | None:
    """The event of one casualty phrase: civilians → attack; armed men of a group → clash."""
    if victim_kind(toll, cues) == "civilian":
        victim = civilians_in(actors)
        event_type, sub_type = "Violence against civilians", "Attack"
    else:
        after = [a for a in actors if 0 <= a.span.start - toll.span.end <= 60 and a.id != perpetrator.id]
        victim = after[0] if after else None
        event_type, sub_type = "Battles", "Armed clash"
    if victim is None:
        return None
    times: list[TimeRange | None] = [*clause_times(view, clause, state, cues)] or [publication_range(doc.published)]
    time = times[0]
    if is_background(time, doc.published, cues):
        return None
    places: list[Place | None] = [*clause_places(view, clause, state, cues)] or [None]
    return Draft(event_type, sub_type, clause.trigger, perpetrator, victim, places[0], time,
                 evidence=[view.sentence.span], tolls=[toll], claims=list(view.claims),
                 aggregate=is_aggregate(view.text, time) or toll.qualifier is not None)

