"""A populated store for the load test: the demo reports plus a few hundred synthetic events.

The synthetic reports are invented here, one short paragraph per event, from small tables of
actors, event kinds and towns (public coordinates), with dates spread over a year. They are
hand-built `Document`s written with `write_document` and merged with `merge_pending`, so the
store holds what an ingest would leave, without loading any model.

    build_load_store("sqlite:////tmp/load.sqlite", events=300)
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from flashpoint.model import (
    ActorRef,
    Document,
    Event,
    Fatalities,
    Place,
    Span,
    TimeRange,
    Trigger,
)
from flashpoint.store.engine import open_store
from flashpoint.store.fixtures import build_demo_store
from flashpoint.store.merge import merge_pending
from flashpoint.store.repository import write_document

EVENTS_PER_REPORT = 3
FIRST_DAY = dt.date(2023, 6, 1)
DAYS_SPAN = 365


@dataclass(frozen=True)
class Town:
    name: str
    country: str
    admin1: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Kind:
    event_type: str
    sub_event_type: str
    verb: str
    target: str


@dataclass(frozen=True)
class Group:
    id: str | None
    name: str | None
    text: str
    inter: int | None


TOWNS = (
    Town("Gao", "ML", "Gao", 16.27, -0.04), Town("Kidal", "ML", "Kidal", 18.44, 1.41),
    Town("Menaka", "ML", "Menaka", 15.92, 2.40), Town("Tombouctou", "ML", "Tombouctou", 16.77, -3.01),
    Town("Djenne", "ML", "Mopti", 13.91, -4.55), Town("Segou", "ML", "Segou", 13.43, -6.26),
    Town("Djibo", "BF", "Sahel", 14.10, -1.63), Town("Dori", "BF", "Sahel", 14.03, -0.03),
    Town("Kaya", "BF", "Centre-Nord", 13.09, -1.08), Town("Fada N'Gourma", "BF", "Est", 12.06, 0.36),
    Town("Tillaberi", "NE", "Tillaberi", 14.21, 1.45), Town("Diffa", "NE", "Diffa", 13.32, 12.61),
    Town("Maiduguri", "NG", "Borno", 11.85, 13.16), Town("Kousseri", "CM", "Far North", 12.08, 15.03),
)
KINDS = (
    Kind("Battles", "Armed clash", "clashed with", "a patrol"),
    Kind("Violence against civilians", "Attack", "attacked", "villagers"),
    Kind("Explosions/Remote violence", "Remote explosive/landmine/IED", "hit with a roadside bomb", "a convoy"),
    Kind("Explosions/Remote violence", "Air/drone strike", "struck from the air", "a camp"),
    Kind("Protests", "Peaceful protest", "marched against", "the curfew"),
    Kind("Riots", "Violent demonstration", "set fire to", "the prefecture"),
)
ARMED_GROUPS = (
    Group("jnim", "JNIM: Group for Support of Islam and Muslims", "JNIM fighters", 2),
    Group("islamic_state", "Islamic State", "Islamic State militants", 2),
    Group(None, None, "unidentified gunmen", 3),
)
CROWD = Group("protesters", "Protesters", "hundreds of residents", 6)
CROWD_TYPES = {"Protests", "Riots"}
STATE_FORCES = Group("state_forces", "State forces", "soldiers", 1)
NUMBER_WORDS = ("no one", "one person", "two people", "three people", "five people", "eight people", "a dozen people")
NUMBER_VALUES = (0, 1, 2, 3, 5, 8, 12)


def _day_text(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _sentence(rng: random.Random, number: int) -> tuple[str, Town, Kind, Group, dt.date, int]:
    town, kind = rng.choice(TOWNS), rng.choice(KINDS)
    group = CROWD if kind.event_type in CROWD_TYPES else rng.choice(ARMED_GROUPS)
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS_SPAN))
    toll = rng.randrange(len(NUMBER_WORDS)) if kind.event_type != "Protests" else 0
    text = (f"Item {number}: on {_day_text(day)}, {group.text} {kind.verb} {kind.target} near {town.name}; "
            f"{NUMBER_WORDS[toll]} died, witnesses said.")
    return text, town, kind, group, day, toll


def _event(doc: Document, index: int, offset: int, parts: tuple[str, Town, Kind, Group, dt.date, int]) -> Event:
    sentence, town, kind, group, day, toll = parts
    t = doc.text
    place = Place(name=town.name, gazetteer_id=None, country=town.country, admin1=town.admin1, admin2=None,
                  lat=town.lat, lon=town.lon, geo_precision=1, where_prec=1, text=town.name,
                  span=Span.of(t, town.name, after=offset), score=0.8)
    date_text = _day_text(day)
    other = STATE_FORCES if kind.event_type == "Battles" else None
    return Event(
        doc_id=doc.doc_id, event_id=f"e{index}", event_type=kind.event_type, sub_event_type=kind.sub_event_type,
        actor1=ActorRef(group.id, group.name, group.text, Span.of(t, group.text, after=offset), group.inter, country=town.country),
        actor2=None if other is None else ActorRef(other.id, other.name, kind.target, Span.of(t, kind.target, after=offset), other.inter),
        place=place,
        time=TimeRange(day, day, 1, 1, date_text, Span.of(t, date_text, after=offset)),
        fatalities=Fatalities(low=NUMBER_VALUES[toll], best=NUMBER_VALUES[toll], high=NUMBER_VALUES[toll],
                              text=NUMBER_WORDS[toll], span=Span.of(t, NUMBER_WORDS[toll], after=offset)),
        trigger=Trigger(kind.event_type, kind.sub_event_type, Span.of(t, kind.verb, after=offset), kind.verb),
        evidence=(Span(offset, offset + len(sentence)),), confidence=0.6,
    )


def synthetic_documents(events: int, seed: int = 7) -> list[Document]:
    """Invented reports holding `events` events in total, deterministic for a given seed."""
    rng = random.Random(seed)
    docs: list[Document] = []
    for first in range(0, events, EVENTS_PER_REPORT):
        parts = [_sentence(rng, n) for n in range(first, min(events, first + EVENTS_PER_REPORT))]
        text = f"Synthetic field digest {first // EVENTS_PER_REPORT}\n\n" + " ".join(p[0] for p in parts)
        doc = Document.from_text(text, published=max(p[4] for p in parts) + dt.timedelta(days=1),
                                 source=f"Load Test Wire {first % 5}", title=f"Synthetic field digest {first // EVENTS_PER_REPORT}")
        offsets = [doc.text.index(p[0]) for p in parts]
        found = tuple(_event(doc, i, offsets[i], p) for i, p in enumerate(parts))
        docs.append(doc.with_layers(events=found, lang="en"))
    return docs


def build_load_store(url: str, *, events: int = 300, seed: int = 7) -> dict[str, int]:
    """Demo reports + `events` synthetic events in the store at `url`, merged; returns counts."""
    demo = build_demo_store(url)
    store = open_store(url)
    try:
        docs = synthetic_documents(events, seed)
        written = sum(write_document(store, doc) for doc in docs)
        with store.session.begin() as session:
            merge_pending(session)
        return {"demo_documents": demo, "synthetic_documents": written, "synthetic_events": events}
    finally:
        store.close()
