"""Where and when a trigger's clause happened: event geolocation and event time.

The clause's own places (a list of villages is one event each), else "the region"
anaphora, a border area or the region the report is about; an unfound village
"near X" takes X's coordinates at precision 2. Dates after a reporting verb or in
a dateline date the report, not the event; several dates make several events only
when coordinated ("in May and September").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from flashpoint.model import Place, PlaceMention, Span, TimeRange, Toll
from flashpoint.stages.event_cues import EventCues, contains_any
from flashpoint.stages.event_drafts import Clause, Discourse, Draft, SentenceView

_LIST_JOIN = re.compile(r"^\s*(?:,|and|et|or|ou)\s*(?:and\s+|et\s+)?$")

# How a statement was made, between a reporting verb and its date ("in a statement",
# "on its Telegram channel", "dans un communiqué").
_REPORTED_HOW = re.compile(r"\s+(?:in|on|via|through|dans|sur|par)\s+(?:(?:a|an|the|its|their|un|une|le|la|son|sa|ses)\s+)?[\w'’-]+(?:\s+[\w'’-]+)?$")

# An upper-case place name and a comma opening a sentence: the dateline of a wire report.
# "MAIDUGURI, Nigeria, May 8" names the country after the city.
# The word that introduces a date ("said on Monday"), dropped before looking for the verb.
_DATE_LEAD_IN = re.compile(r"\b(on|in|last|le|lundi|this)\s*$")
_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ'’\- ]{2,40},(?:\s*[A-ZÀ-Þ][\w'’\- ]{2,30},)?\s*$")


def clause_places_raw(view: SentenceView, clause: Clause) -> list[PlaceMention]:
    """Event-role place mentions inside the clause (containers qualify, they are not events)."""
    return [m for m in view.places if clause.holds(m.span) and m.role in {"event", "region"} and m.place is not None]


def clause_places(view: SentenceView, clause: Clause, state: Discourse, cues: EventCues) -> list[Place]:
    """Where the clause happened, from the most to the least specific evidence: its own
    places (found, else unfound ones kept at country level), "the region" anaphora, the
    sentence's places, a border area, the region the report is about."""
    own = _places_in(view, clause.holds, state)
    if own:
        return [near_known_place(view, clause, own[0])] if len(own) == 1 and own[0].no_match else own
    unfound = [m for m in view.places if clause.holds(m.span) and m.role == "event" and m.place is None]
    regions = _region_qualifiers(view, clause)
    if unfound and regions:  # the report names no country, but "X in the Tillaberi region"
        return [replace(regions[0], text=unfound[0].text, span=unfound[0].span, no_match=True)]
    countries = [m.place for m in view.places if clause.holds(m.span) and m.role == "country" and m.place is not None]
    if len(countries) == 1 and not unfound:  # "... 20,000 deaths in Burkina Faso": the country, at its precision
        return countries
    clause_text = view.between(clause.span.start, clause.span.end).lower()
    if contains_any(clause_text, cues.region_anaphora) is not None:
        earlier = _places_in(view, lambda span: span.start < clause.span.start, state)
        return earlier[-1:] if earlier else ([state.region] if state.region is not None else [])
    sentence = _places_in(view, lambda span: True, state)
    if sentence:
        return sentence[:1]
    border = [m.place for m in view.places if m.role == "border" and m.place is not None and clause.holds(m.span)]
    if border:
        return border[:1]
    return [state.region] if state.region is not None else []


def _places_in(view: SentenceView, where: Callable[[Span], bool], state: Discourse) -> list[Place]:
    """Event places whose mention satisfies `where`: found ones, else unfound ones."""
    mentions = [m for m in view.places if m.role in {"event", "region"} and where(m.span)]
    found = [m.place for m in mentions if m.place is not None]
    if found:
        return found
    return [p for p in (unfound_place(m, state) for m in mentions) if p is not None]


def unfound_place(mention: PlaceMention, state: Discourse) -> Place | None:
    """A village the gazetteer does not know, in a report about one country: the country
    at precision 3 (UCDP 6), with the village's name kept and `no_match` set."""
    if mention.role != "event" or mention.place is not None or state.country is None:
        return None
    return replace(state.country, text=mention.text, span=mention.span, no_match=True)


def near_known_place(view: SentenceView, clause: Clause, unknown: Place) -> Place:
    """An unfound village "near Djibo": Djibo's coordinates at ACLED precision 2 (UCDP 2);
    "X in the Tillaberi region": the region at precision 3, X's name kept."""
    near = [place for place in _qualifiers(view, clause) if place.geo_precision == 1]
    if near:
        return replace(near[0], text=unknown.text, span=unknown.span, geo_precision=2, where_prec=2, no_match=True)
    regions = _region_qualifiers(view, clause)
    if regions:
        return replace(regions[0], text=unknown.text, span=unknown.span, no_match=True)
    return unknown


def _qualifiers(view: SentenceView, clause: Clause) -> list[Place]:
    """Found places that locate another place of the clause ("near Djibo", "in Soum province")."""
    return [
        m.place for m in view.places
        if m.role == "qualifier" and clause.holds(m.span) and m.place is not None and not m.place.no_match
    ]


def _region_qualifiers(view: SentenceView, clause: Clause) -> list[Place]:
    """Qualifiers that are admin units or analyst regions (UCDP where_prec 4 or 5)."""
    return [place for place in _qualifiers(view, clause) if place.where_prec in (4, 5)]


def clause_times(view: SentenceView, clause: Clause, state: Discourse, cues: EventCues) -> list[TimeRange]:
    """Times in the clause, else in the sentence, else the time the report last gave.

    A date that follows a reporting verb dates the report, not the event; several
    dates make several events only when coordinated ("in May and September").
    """
    event_times = times_of_events(view, cues)
    in_clause = [t for t in event_times if clause.holds(t.span)] or event_times
    if not in_clause:
        shifted = shifted_time(view, state, cues)
        if shifted is not None:
            return [shifted]
        return [state.time] if state.time is not None else []
    chosen = [in_clause[0]]
    for previous, current in zip(in_clause, in_clause[1:]):
        if not _LIST_JOIN.match(view.between(previous.span.end, current.span.start)):
            break
        chosen.append(current)
    return chosen


def shifted_time(view: SentenceView, state: Discourse, cues: EventCues) -> TimeRange | None:
    """"Two days later": the day the report last gave, moved; only from an exact day."""
    previous = state.time
    if previous is None or previous.time_precision != 1 or previous.start is None:
        return None
    lowered = view.text.lower()
    for phrase, days in cues.day_offsets.items():
        start = lowered.find(phrase)
        if start >= 0:
            day = previous.start + dt.timedelta(days=days)
            span = Span(view.sentence.span.start + start, view.sentence.span.start + start + len(phrase))
            return TimeRange(day, day, 1, 1, view.text[start : start + len(phrase)], span, kind="relative")
    return None


def times_of_events(view: SentenceView, cues: EventCues) -> list[TimeRange]:
    """The sentence's times that may date an event (not "said on Monday", not a dateline)."""
    return [t for t in view.times if not reports_on(view, t, cues)]


def reports_on(view: SentenceView, time: TimeRange, cues: EventCues) -> bool:
    """True for "said on Monday" (a date after a reporting verb) and for a dateline
    ("NIAMEY, June 3, 2023 (AFP) -"): they date the report, not the event."""
    if _DATELINE.match(view.between(view.sentence.span.start, time.span.start)):
        return True
    before = view.between(max(view.sentence.span.start, time.span.start - 25), time.span.start).lower()
    before = _DATE_LEAD_IN.sub("", before.rstrip()).rstrip()
    # "said in a statement on Friday that ...": the verb, then only how it was said
    how = _REPORTED_HOW.sub("", before).rstrip()
    verbs = tuple(cues.reporting_verbs)
    return before.endswith(verbs) or how.endswith(verbs)


def clause_tolls(view: SentenceView, clause: Clause) -> list[Toll]:
    """Casualty phrases inside the clause."""
    return [t for t in view.tolls if clause.holds(t.span)]


def refine_time(view: SentenceView, drafts: list[Draft], cues: EventCues) -> None:
    """"... last month. The strike, on Aug. 3, hit the market": a sentence that speaks of the
    event just reported gives it a narrower date that falls inside the one it had."""
    opening = view.text.lower().lstrip()
    if not drafts or not any(opening.startswith(phrase) for phrase in cues.event_anaphora):
        return
    last = drafts[-1]
    exact = [t for t in times_of_events(view, cues) if t.start is not None and t.end is not None]
    if not exact or last.time is None or last.time.start is None or last.time.end is None:
        return
    start, end = exact[0].start, exact[0].end
    if start is not None and end is not None and last.time.start <= start and end <= last.time.end and end - start < last.time.end - last.time.start:
        last.time = exact[0]
        last.evidence.append(view.sentence.span)
