"""Golden files: extraction of reports under tests/golden/ (and the seed, read from
../shared) diffed field by field against `<name>.expected.jsonl`.

Rewrite them with `pytest tests/test_golden.py --update-golden` and review the diff.
The projection keeps the fields an analyst checks, not the report's own words.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from flashpoint.model import Document, Event

pytestmark = pytest.mark.slow

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = Path(__file__).resolve().parents[1] / "flashpoint" / "examples"
CASES = {"djibo-demo": (EXAMPLES / "djibo-demo.txt", dt.date(2023, 3, 14)), "menaka-seed": (None, dt.date(2022, 11, 15))}


def project(event: Event) -> dict[str, Any]:
    """The fields compared: type, actor ids, place, time, fatalities, flags."""
    place, time, deaths = event.place, event.time, event.fatalities
    return {
        "sub_event_type": event.sub_event_type,
        "event_type": event.event_type,
        "actor1": event.actor1.id if event.actor1 else None,
        "actor2": event.actor2.id if event.actor2 else None,
        "place": None if place is None else [place.name, place.gazetteer_id, place.geo_precision, place.no_match],
        "time": None if time is None else [str(time.start), str(time.end), time.time_precision],
        "fatalities": [deaths.low, deaths.best, deaths.high, deaths.qualifier],
        "aggregate": event.aggregate,
    }


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_extraction(name: str, nlp, seed_text: str, update_golden: bool) -> None:  # type: ignore[no-untyped-def]
    path, published = CASES[name]
    text = seed_text if path is None else path.read_text(encoding="utf-8")
    got = [project(e) for e in nlp(Document.from_text(text, published=published)).events]
    expected_path = GOLDEN / f"{name}.expected.jsonl"
    if update_golden:
        expected_path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in got), encoding="utf-8")
    expected = [json.loads(line) for line in expected_path.read_text(encoding="utf-8").splitlines()]
    assert len(got) == len(expected), f"{len(got)} events, expected {len(expected)}"
    for index, (g, e) in enumerate(zip(got, expected)):
        for field in e:
            assert g[field] == e[field], f"event {index} field {field}: {g[field]!r} != {e[field]!r}"
