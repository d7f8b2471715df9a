"""The event matching rule of docs/event-format.md, on hand-made records."""

from __future__ import annotations

from typing import Any

import pytest

from flashpoint.evaluate.events import EventScore, matches, score_document


def key(actor: dict[str, Any] | None) -> str | None:
    return (actor or {}).get("id") or (actor or {}).get("name")


def event(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "event_type": "Battles", "sub_event_type": "Armed clash",
        "actor1": {"id": "a"}, "actor2": {"id": "b"},
        "place": {"lat": 15.0, "lon": 2.0, "admin1": "Ménaka", "country": "ML"},
        "time": {"start": "2022-05-01", "end": "2022-05-31"},
    }
    base.update(fields)
    return base


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (event(), event(), True),
        (event(), event(actor1={"id": "b"}, actor2={"id": "a"}), True),  # unordered for Battles
        (event(event_type="Violence against civilians"), event(event_type="Violence against civilians", actor1={"id": "b"}, actor2={"id": "a"}), False),
        (event(), event(place={"lat": 15.3, "lon": 2.0}), False),  # 33 km > 25 km
        (event(place={"lat": 15.0, "lon": 2.0, "tolerance_km": 50}), event(place={"lat": 15.3, "lon": 2.0}), True),
        (event(place={"lat": 14.0, "lon": 2.0, "admin1": "Menaka", "geo_precision": 3}), event(), True),  # same admin1
        (event(), event(time={"start": "2022-06-01", "end": "2022-06-30"}), False),
        (event(time={"start": None, "end": "2022-11-15"}), event(), True),  # open start
        (event(actor2=None), event(actor2=None), True),
        (event(actor2=None), event(), False),  # a missing gold actor2 matches only an unknown one
        (event(alt_types=[["Strategic developments", "Non-violent transfer of territory"]]), event(event_type="Strategic developments"), True),
    ],
)
def test_events_matching_rule(gold: dict[str, Any], pred: dict[str, Any], expected: bool) -> None:
    assert matches(gold, pred, key) is expected


def test_events_optional_gold_neither_rewards_nor_penalises() -> None:
    golds = [event(), event(optional=True, place={"lat": 10.0, "lon": 0.0})]
    preds = [event(), event(place={"lat": 10.0, "lon": 0.0})]
    score = EventScore()
    score_document(golds, preds, key, score)
    assert (score.true_positives, score.false_positives, score.false_negatives) == (1, 0, 0)


def test_events_matching_is_one_to_one_and_maximum() -> None:
    wide = event(time={"start": "2022-01-01", "end": "2022-12-31"})
    narrow = event()
    preds = [event(), event(time={"start": "2022-08-01", "end": "2022-08-31"})]
    score = EventScore()
    score_document([narrow, wide], preds, key, score)
    assert score.true_positives == 2 and score.f1 == 1.0
