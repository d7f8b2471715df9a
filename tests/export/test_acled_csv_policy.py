"""ACLED CSV export: the codebook's column order and ACLED's conventions, applied on export only."""

from __future__ import annotations

import copy
import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

from flashpoint.export.acled_csv import POLICY_NAME, event_date, fatality_count, interaction, load_acled_policy, write_acled_csv

POLICY = load_acled_policy()


def test_columns_follow_codebook_notes(shared_dir: Path) -> None:
    notes = (shared_dir / "docs" / "codebook-notes.md").read_text(encoding="utf-8")
    section = notes[notes.index("### 1.8") :]
    listed = re.search(r"`(event_id_cnty[^`]+)`", section)
    assert listed is not None
    assert list(POLICY.columns) == [c.strip() for c in listed.group(1).split(",")]
    assert POLICY.policy == POLICY_NAME


@pytest.mark.parametrize(
    ("tolls", "number", "noted"),
    [
        ({"best": 7, "low": 5}, 7, False),
        ({"low": 10, "qualifier": "more than", "text": "more than 10 soldiers"}, 10, False),
        ({"text": "dozens of civilians"}, 12, True),
        ({"text": "tens of people"}, 10, True),
        ({"text": "hundreds of fighters"}, 100, True),
        ({"text": "des dizaines de civils"}, 10, True),
        ({"text": "heavy losses"}, 0, True),
        ({"text": "a dozen herders"}, 12, True),
        ({}, 0, False),
        (None, 0, False),
    ],
)
def test_fatality_conventions(tolls: Any, number: int, noted: bool) -> None:
    value, note = fatality_count(tolls, POLICY)
    assert value == number and (note is not None) is noted


@pytest.mark.parametrize(
    ("time", "day", "precision", "noted"),
    [
        ({"start": "2024-03-02", "end": "2024-03-02", "time_precision": 1}, "2024-03-02", 1, False),
        ({"start": "2024-03-04", "end": "2024-03-10", "time_precision": 2}, "2024-03-07", 2, True),
        ({"start": "2024-03-01", "end": "2024-03-31", "time_precision": 3}, "2024-03-15", 3, True),
        ({"start": "2022-05-01", "end": "2022-10-31", "time_precision": 3}, "2022-05-15", 3, True),
        ({"start": None, "end": "2024-01-09", "time_precision": 1}, "2024-01-09", 1, False),
        ({"start": None, "end": None, "time_precision": None}, None, None, False),
        (None, None, None, False),
    ],
)
def test_one_day_per_event(time: Any, day: str | None, precision: int | None, noted: bool) -> None:
    got_day, got_precision, note = event_date(time)
    assert (got_day.isoformat() if got_day else None, got_precision, note is not None) == (day, precision, noted)


@pytest.mark.parametrize(("inter1", "inter2", "sole", "code"), [(2, 1, False, "12"), (1, 2, False, "12"), (7, 2, False, "27"), (1, None, True, "10"), (2, None, False, ""), (None, None, True, "")])
def test_interaction_lowest_digit_first(inter1: int | None, inter2: int | None, sole: bool, code: str) -> None:
    assert interaction(inter1, inter2, sole=sole) == code


def _rows(events: list[dict[str, Any]]) -> list[dict[str, str]]:
    stream = io.StringIO()
    write_acled_csv(events, stream)
    return list(csv.DictReader(io.StringIO(stream.getvalue())))


def test_demo_rows(demo_records: dict[str, Any]) -> None:
    rows = {r["sub_event_type"]: r for r in _rows(demo_records["events"])}
    clash = rows["Armed clash"]
    assert (clash["event_date"], clash["fatalities"], clash["interaction"], clash["iso"], clash["region"]) == ("2024-03-02", "7", "12", "466", "Western Africa")
    assert clash["source"] == "Sahel Monitor; Radio Niger Bend" and "7 to 12" in clash["notes"]
    assert clash["disorder_type"] == "Political violence" and clash["latitude"] == "15.0030"
    attack = rows["Attack"]
    assert (attack["fatalities"], attack["civilian_targeting"], attack["event_date"]) == ("12", "Civilian targeting", "2024-01-15")
    assert "2024-01-01 to 2024-03-20" in attack["notes"]
    assert rows["Peaceful protest"]["disorder_type"] == "Demonstrations"


@pytest.mark.parametrize("flag", ["negated", "future", "rejected"])
def test_non_events_are_not_written(demo_records: dict[str, Any], flag: str) -> None:
    events = copy.deepcopy(demo_records["events"])
    events[0][flag] = True
    assert len(_rows(events)) == len(events) - 1


def test_records_are_not_changed_by_export(demo_records: dict[str, Any]) -> None:
    before = copy.deepcopy(demo_records["events"])
    _rows(demo_records["events"])
    assert demo_records["events"] == before
