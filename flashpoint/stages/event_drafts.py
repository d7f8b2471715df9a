"""Draft events and the per-sentence view the events stage builds them from."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TypeVar

from flashpoint.model import ActorRef, Claim, Document, PlaceMention, Place, Sentence, Span, TimeRange, Toll, Trigger


@dataclass(frozen=True, slots=True)
class SentenceView:
    """Everything earlier stages found inside one sentence."""

    sentence: Sentence
    text: str
    actors: list[ActorRef]
    places: list[PlaceMention]
    times: list[TimeRange]
    tolls: list[Toll]
    claims: list[Claim]
    triggers: list[Trigger]

    @classmethod
    def of(cls, doc: Document, sentence: Sentence) -> SentenceView:
        """Collect each layer's records that start inside the sentence."""
        span = sentence.span

        def inside(item_span: Span) -> bool:
            return span.start <= item_span.start < span.end

        return cls(
            sentence=sentence,
            text=doc.snippet(span),
            actors=[a for a in doc.actors if inside(a.span)],
            places=[p for p in doc.places if inside(p.span)],
            times=[t for t in doc.times if inside(t.span)],
            tolls=[t for t in doc.tolls if inside(t.span)],
            claims=_claims_of(doc, span),
            triggers=usable_triggers(doc, [t for t in doc.triggers if inside(t.span)]),
        )

    @classmethod
    def all_of(cls, doc: Document) -> list[SentenceView]:
        """`of` for every sentence, each layer read once: records are dealt to the sentence
        holding their start (found by bisection) instead of every sentence scanning every
        layer. Sentences out of order or overlapping are read one by one, as `of` does."""
        sentences = doc.sentences
        starts = [s.span.start for s in sentences]
        ends = [s.span.end for s in sentences]
        if any(ends[k] > starts[k + 1] for k in range(len(sentences) - 1)) or any(s > e for s, e in zip(starts, ends)):
            return [cls.of(doc, sentence) for sentence in sentences]
        deal = _Dealer(starts, ends)
        actors, places, times = deal(doc.actors), deal(doc.places), deal(doc.times)
        tolls, triggers = deal(doc.tolls), deal(doc.triggers)
        taken = _Covers([a.span for a in doc.actors] + [t.span for t in doc.times])
        return [
            cls(sentence=sentence, text=doc.snippet(sentence.span), actors=actors[k], places=places[k], times=times[k],
                tolls=tolls[k], claims=_claims_of(doc, sentence.span), triggers=_usable(triggers[k], taken.covers))
            for k, sentence in enumerate(sentences)
        ]

    def local(self, span: Span) -> tuple[int, int]:
        """Offsets of `span` relative to the sentence."""
        return span.start - self.sentence.span.start, span.end - self.sentence.span.start

    def between(self, start: int, end: int) -> str:
        """Sentence text between two document offsets."""
        base = self.sentence.span.start
        return self.text[max(0, start - base) : max(0, end - base)]


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def usable_triggers(doc: Document, triggers: list[Trigger]) -> list[Trigger]:
    """Triggers in text order, minus those inside a name or a date ("Liberation" in a
    movement's name, "March" the month) and minus weaker overlapping duplicates."""
    return _usable(triggers, _Covers([a.span for a in doc.actors] + [t.span for t in doc.times]).covers)


def _usable(triggers: list[Trigger], taken: Callable[[Span], bool]) -> list[Trigger]:
    free = [t for t in triggers if not taken(t.span)]
    kept: list[Trigger] = []
    for trigger in sorted(free, key=lambda t: -t.score):
        if not any(_overlaps(trigger.span, other.span) for other in kept):
            kept.append(trigger)
    return sorted(kept, key=lambda t: t.span.start)


def _claims_of(doc: Document, span: Span) -> list[Claim]:
    """Claims whose covered text starts in `span`, or covers all of it."""
    return [c for c in doc.claims if span.start <= c.covers.start < span.end or c.covers.contains(span)]


_Spanned = TypeVar("_Spanned", ActorRef, PlaceMention, TimeRange, Toll, Trigger)


class _Dealer:
    """Deals records to the sentence holding their start; sentences sorted, not overlapping."""

    def __init__(self, starts: list[int], ends: list[int]) -> None:
        self.starts, self.ends = starts, ends

    def __call__(self, records: Sequence[_Spanned]) -> list[list[_Spanned]]:
        dealt: list[list[_Spanned]] = [[] for _ in self.starts]
        for record in records:
            # The last sentence starting at or before the record is the only one that can hold it.
            k = bisect_right(self.starts, record.span.start) - 1
            if k >= 0 and record.span.start < self.ends[k]:
                dealt[k].append(record)
        return dealt


class _Covers:
    """Whether any of some spans contains a span, by bisection instead of a scan of them all."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted(spans, key=lambda span: span.start)
        self.starts = [span.start for span in ordered]
        # Furthest end among the spans starting at or before each position of `starts`.
        self.reach = list(accumulate((span.end for span in ordered), max))

    def covers(self, span: Span) -> bool:
        """True when some span starts at or before `span` and ends at or after it."""
        k = bisect_right(self.starts, span.start)
        return k > 0 and self.reach[k - 1] >= span.end


@dataclass(frozen=True, slots=True)
class Clause:
    """The stretch of a sentence that belongs to one trigger."""

    trigger: Trigger
    span: Span

    def holds(self, span: Span) -> bool:
        """True when `span` starts inside the clause."""
        return self.span.start <= span.start < self.span.end


_COORDINATION = re.compile(r",\s+(?:and|while|as|whereas|et|tandis que)\s+", re.IGNORECASE)


def split_coordination(view: SentenceView, clause: Clause) -> list[Clause]:
    """Sub-clauses joined by ", and" ("withdrawal of X from A, and entry of Y into B")."""
    text = view.between(clause.span.start, clause.span.end)
    cuts = [m.end() for m in _COORDINATION.finditer(text)]
    if not cuts:
        return [clause]
    bounds = [0, *cuts, len(text)]
    return [Clause(clause.trigger, Span(clause.span.start + a, clause.span.start + b)) for a, b in zip(bounds, bounds[1:])]


def split_clauses(view: SentenceView) -> list[Clause]:
    """One clause per trigger: from the previous trigger's end to the next trigger's start.

    The first clause starts at the sentence start, the last ends at its end, so
    a subject before the first trigger belongs to it.
    """
    triggers = view.triggers
    clauses = []
    for index, trigger in enumerate(triggers):
        start = view.sentence.span.start if index == 0 else triggers[index - 1].span.end
        start = _new_subject_start(view, start, trigger.span.start)
        end = triggers[index + 1].span.start if index + 1 < len(triggers) else view.sentence.span.end
        clauses.append(Clause(trigger, Span(start, end)))
    return clauses


# ", and", "; ", ", but", ", while", ", et", ", mais", ", tandis que": a coordinated clause.
_COORDINATION = re.compile(r"(?:[,;]\s*(?:and|but|while|whereas|et|mais|tandis que|alors que)\b|;)\s*", re.IGNORECASE)


def _new_subject_start(view: SentenceView, start: int, trigger_start: int) -> int:
    """"The soldiers withdrew to Dikwa, and the militants carted away weapons": when a
    coordinated clause names its own actor before the trigger, the clause starts there."""
    text = view.between(start, trigger_start)
    breaks = list(_COORDINATION.finditer(text))
    if not breaks:
        return start
    after = start + breaks[-1].end()
    if any(after <= actor.span.start < trigger_start for actor in view.actors):
        return after
    return start


@dataclass(slots=True)
class Draft:
    """An event under construction (mutable until merged and frozen into an `Event`)."""

    event_type: str
    sub_event_type: str
    trigger: Trigger
    actor1: ActorRef | None
    actor2: ActorRef | None
    place: Place | None
    time: TimeRange | None
    evidence: list[Span]
    tolls: list[Toll] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    hedged: bool = False
    aggregate: bool = False
    inherited: bool = False
    """Neither place nor time came from its own sentence: it may continue the previous event."""
    assoc1: tuple[ActorRef, ...] = ()
    assoc2: tuple[ActorRef, ...] = ()


def publication_range(published: dt.date | None) -> TimeRange | None:
    """The only thing a past-tense report says about an undated event: before publication."""
    if published is None:
        return None
    return TimeRange(None, published, 3, 5, "", Span(0, 0), kind="before_publication")


def place_key(place: Place | None) -> str:
    """Identity of a place for merging: the gazetteer id, or the text when unresolved."""
    if place is None:
        return ""
    if place.no_match or place.gazetteer_id is None:
        return "text:" + _base_name(place.text)
    return str(place.gazetteer_id)


def _base_name(text: str) -> str:
    words = text.lower().split()
    while len(words) > 1 and words[-1] in {"region", "state", "area", "province", "town", "village", "région"}:
        words.pop()
    return " ".join(words)


@dataclass(slots=True)
class Discourse:
    """What the report has established so far, for sentences that leave it out."""

    pair: tuple[ActorRef, ActorRef] | None = None
    forces: ActorRef | None = None
    """The state forces the report last named as acting."""
    time: TimeRange | None = None
    region: Place | None = None
    country: Place | None = None
    """The report's main country, for a place the gazetteer cannot find."""
    imply: Callable[[str, Span], ActorRef] | None = None
    """Names an actor the text implies (unidentified perpetrator, protesters) the ACLED way."""
    allied: Callable[[ActorRef, ActorRef], bool] = lambda a, b: a.id == b.id
    """Whether two actors fight on the same side (from the knowledge base)."""
    localise: Callable[[ActorRef | None, Place | None], ActorRef | None] = lambda actor, place: actor
    """Bare "troops" belong to the country where the event happened."""
