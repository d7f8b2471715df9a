"""Hypothesis strategies for the model's records (valid Unicode, finite floats)."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from hypothesis import strategies as st

from flashpoint.model import ActorRef, Claim, Document, Event, Fatalities, Influence, Place, Span, TimeRange, Trigger

TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=20)
WORD = st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=20)
SHORT = st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=8)
FLOAT = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
SMALL = st.integers(min_value=0, max_value=10**9)
CODE = st.integers(min_value=1, max_value=8)


def opt(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


SPAN = st.builds(Span, st.integers(0, 10**6), st.integers(0, 10**6))
ACTOR = st.builds(ActorRef, id=opt(WORD), name=opt(TEXT), text=TEXT, span=SPAN, inter=opt(CODE), resolution=WORD, score=FLOAT, country=opt(SHORT))
PLACE = st.builds(
    Place, name=opt(TEXT), gazetteer_id=opt(TEXT), country=opt(SHORT), admin1=opt(TEXT), admin2=opt(TEXT),
    lat=opt(st.floats(-90, 90)), lon=opt(st.floats(-180, 180)), geo_precision=opt(CODE), where_prec=opt(CODE),
    text=TEXT, span=SPAN, feature_code=opt(SHORT), score=FLOAT, no_match=st.booleans(),
)
TIME = st.builds(TimeRange, start=opt(st.dates()), end=opt(st.dates()), time_precision=opt(CODE), date_prec=opt(CODE), text=TEXT, span=SPAN, kind=WORD)
TOLL = st.builds(Fatalities, low=opt(SMALL), best=opt(SMALL), high=opt(SMALL), qualifier=opt(TEXT), text=opt(TEXT), span=opt(SPAN))
CLAIM = st.builds(Claim, source=TEXT, kind=WORD, span=SPAN, covers=SPAN, verb=opt(TEXT), role=opt(TEXT))
TRIGGER = st.builds(Trigger, WORD, WORD, SPAN, TEXT, FLOAT)


def tuples(strategy: st.SearchStrategy[Any], size: int = 2) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=size).map(tuple)


EVENT = st.builds(
    Event, doc_id=st.just("x"), event_id=st.just("x"), event_type=WORD, sub_event_type=WORD,
    actor1=opt(ACTOR), actor2=opt(ACTOR), place=opt(PLACE), time=opt(TIME), fatalities=TOLL, trigger=TRIGGER,
    assoc_actor_1=tuples(ACTOR), assoc_actor_2=tuples(ACTOR), attribution=tuples(CLAIM), evidence=tuples(SPAN),
    aggregate=st.booleans(), hedged=st.booleans(), negated=st.booleans(), future=st.booleans(),
    confidence=FLOAT, notes=opt(TEXT),
)
INFLUENCE = st.builds(Influence, actor=ACTOR, place=opt(PLACE), time=opt(TIME), kind=WORD, text=TEXT, span=SPAN, attribution=tuples(CLAIM))


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A document with events, influences and claims; a fresh doc_id each time."""
    doc_id = uuid.uuid4().hex
    events = tuple(dataclasses.replace(e, doc_id=doc_id, event_id=f"e{i}") for i, e in enumerate(draw(tuples(EVENT, 3))))
    return Document(
        text=draw(st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=200)),
        doc_id=doc_id, published=draw(opt(st.dates())), lang=draw(opt(SHORT)), source=draw(opt(TEXT)),
        url=draw(opt(TEXT)), path=draw(opt(TEXT)), title=draw(opt(TEXT)),
        claims=draw(tuples(CLAIM)), events=events, influences=draw(tuples(INFLUENCE)),
    )
