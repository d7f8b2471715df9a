"""Areas of influence: "X is strongly present in Y", "under the control of X since March".

These are not events but structured context analysts map as their own layer.
The actor is the one the cue governs ("control of X") or else the sentence's
subject; the area is the nearest place mention; the time is the sentence's.
"""

from __future__ import annotations

from collections.abc import Iterator

from flashpoint.model import ActorRef, Document, Influence, PlaceMention, Span
from flashpoint.stages.event_cues import EventCues
from flashpoint.stages.event_drafts import SentenceView
from flashpoint.stages.event_roles import distinct_armed


def cue_hits(text: str, cues: EventCues) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of every influence cue in a sentence, relative offsets."""
    lowered = text.lower()
    blocked = [(m, m + len(n)) for n in cues.influence_not if n in lowered for m in _find_all(lowered, n)]
    for kind in ("control", "influence", "presence", "aim"):
        for phrase in getattr(cues.influence, kind):
            # Most sentences hold no cue: one substring test before any generator is made.
            if phrase not in lowered:
                continue
            for start in _find_all(lowered, phrase):
                if not any(a <= start < b for a, b in blocked):
                    yield kind, start, start + len(phrase)


def _find_all(text: str, phrase: str) -> Iterator[int]:
    start = text.find(phrase)
    while start >= 0:
        yield start
        start = text.find(phrase, start + 1)


def governed_actor(view: SentenceView, end: int) -> ActorRef | None:
    """The armed actor right after a cue like "control of", else the sentence's first."""
    armed = distinct_armed(view.actors)
    base = view.sentence.span.start
    after = [a for a in armed if 0 <= a.span.start - base - end <= 12]
    if after:
        return after[0]
    before = [a for a in armed if a.span.start - base < end]
    return before[0] if before else (armed[0] if armed else None)


def nearest_place(view: SentenceView, position: int) -> PlaceMention | None:
    """The resolved place mention closest to a cue, finer places before countries."""
    candidates = [m for m in view.places if m.place is not None and m.role != "context"]
    if not candidates:
        return None
    base = view.sentence.span.start
    return min(candidates, key=lambda m: (m.role == "country", abs(m.span.start - base - position)))


def find_influences(doc: Document, views: list[SentenceView], cues: EventCues) -> Iterator[Influence]:
    """Influence records of every sentence that states presence, control or influence."""
    for view in views:
        seen: set[tuple[str | None, str]] = set()
        for kind, start, end in cue_hits(view.text, cues):
            actor = governed_actor(view, end)
            mention = nearest_place(view, start)
            if actor is None or (actor.id, kind) in seen:
                continue
            seen.add((actor.id, kind))
            base = view.sentence.span.start
            yield Influence(
                actor=actor,
                place=mention.place if mention else None,
                time=view.times[0] if view.times else None,
                kind=kind,
                text=view.text[start:end],
                span=Span(base + start, base + end),
                attribution=tuple(view.claims),
            )
