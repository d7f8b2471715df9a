"""The published JSON Schema is current and event records validate against it."""

from __future__ import annotations

import json

from flashpoint.export.records import event_json
from flashpoint.export.schema import SCHEMA_PATH, EventRecord, event_schema
from flashpoint.model import ActorRef, Event, Fatalities, Place, Span, TimeRange, Trigger
import datetime as dt


def test_schema_shipped_file_is_current() -> None:
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == event_schema()


def test_schema_event_json_validates() -> None:
    event = Event(
        doc_id="d", event_id="d-000", event_type="Battles", sub_event_type="Armed clash",
        actor1=ActorRef("jnim", "JNIM: Group for Support of Islam and Muslims", "JNIM", Span(0, 4), inter=2),
        actor2=None,
        place=Place("Gao", "geonames:2457163", "ML", "Gao", None, 16.27, -0.04, 1, 1, "Gao", Span(10, 13)),
        time=TimeRange(dt.date(2022, 5, 1), dt.date(2022, 5, 31), 3, 4, "in May", Span(14, 20)),
        fatalities=Fatalities(low=3, qualifier="at least", text="at least 3", span=Span(21, 31)),
        trigger=Trigger("Battles", "Armed clash", Span(5, 9), "clash"),
        evidence=(Span(0, 31),),
    )
    record = EventRecord.model_validate(event_json(event))
    assert record.place is not None and record.place.geo_precision == 1
