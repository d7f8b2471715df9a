"""The published JSON Schema of an event record, generated from pydantic models.

`flashpoint/schema/event.schema.json` is this module's output; a test checks the
shipped file is current and that every record `event_json` writes validates.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schema" / "event.schema.json"
SpanList = list[int]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ActorRecord(_Record):
    """An actor role: knowledge-base id, ACLED name, the words and where they are."""

    id: Optional[str]
    name: Optional[str]
    text: str
    span: SpanList
    inter: Optional[int] = Field(None, ge=1, le=8)
    resolution: str


class PlaceRecord(_Record):
    """Where: gazetteer id, admin names, coordinates, ACLED and UCDP precision."""

    name: Optional[str]
    gazetteer_id: Optional[str]
    country: Optional[str]
    admin1: Optional[str]
    admin2: Optional[str]
    lat: Optional[float] = Field(None, ge=-90, le=90)
    lon: Optional[float] = Field(None, ge=-180, le=180)
    geo_precision: Optional[int] = Field(None, ge=1, le=3)
    where_prec: Optional[int] = Field(None, ge=1, le=7)
    text: str
    span: SpanList
    feature_code: Optional[str]
    no_match: bool
    namesakes: int = Field(0, ge=0, description="other places of this name the context could not rule out")


class TimeRecord(_Record):
    """When: a date range with ACLED time_precision and UCDP date_prec."""

    start: Optional[str]
    end: Optional[str]
    time_precision: Optional[int] = Field(None, ge=1, le=3)
    date_prec: Optional[int] = Field(None, ge=1, le=5)
    text: str
    span: SpanList
    kind: str


class FatalitiesRecord(_Record):
    """Deaths: low/best/high, a qualifier, the phrase."""

    low: Optional[int] = Field(None, ge=0)
    best: Optional[int] = Field(None, ge=0)
    high: Optional[int] = Field(None, ge=0)
    qualifier: Optional[str]
    text: Optional[str]
    span: Optional[SpanList]


class ClaimRecord(_Record):
    """Who claims it."""

    source: str
    kind: Literal["outlet", "named", "anonymous", "group", "document"]
    role: Optional[str]
    verb: Optional[str]
    span: SpanList
    covers: SpanList


class TriggerRecord(_Record):
    """The words that signal the event."""

    text: str
    span: SpanList


class EventRecord(_Record):
    """One event as `flashpoint extract --format jsonl` writes it."""

    doc_id: str
    event_id: str
    event_type: str
    sub_event_type: str
    actor1: Optional[ActorRecord]
    assoc_actor_1: list[ActorRecord]
    actor2: Optional[ActorRecord]
    assoc_actor_2: list[ActorRecord]
    place: Optional[PlaceRecord]
    time: Optional[TimeRecord]
    fatalities: FatalitiesRecord
    attribution: list[ClaimRecord]
    aggregate: bool
    hedged: bool
    negated: bool
    future: bool
    confidence: float = Field(ge=0, le=1)
    evidence: list[SpanList]
    trigger: TriggerRecord
    notes: Optional[str]


def event_schema() -> dict[str, Any]:
    """The JSON Schema of `EventRecord`."""
    schema = EventRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://flashpoint.invalid/schema/event.schema.json"
    return schema


def write_schema(path: Path = SCHEMA_PATH) -> Path:
    """Regenerate the shipped schema file."""
    path.write_text(json.dumps(event_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
