"""UCDP-style CSV: organised violence only, sides and type of violence, uncertainty kept."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from flashpoint.export.ucdp_csv import load_ucdp_policy, priogrid_gid, sides, write_ucdp_csv


def _rows(events: list[dict[str, Any]]) -> list[dict[str, str]]:
    stream = io.StringIO()
    write_ucdp_csv(events, stream)
    return list(csv.DictReader(io.StringIO(stream.getvalue())))


def test_header_and_types(demo_records: dict[str, Any]) -> None:
    rows = _rows(demo_records["events"])
    assert list(rows[0]) == list(load_ucdp_policy().columns)
    assert {r["type_of_violence"] for r in rows} == {"1", "3"}
    assert len(rows) == 3  # the protest is not organised violence


def test_clash_row_keeps_range_and_sources(demo_records: dict[str, Any]) -> None:
    clash = next(r for r in _rows(demo_records["events"]) if r["number_of_sources"] == "2")
    assert clash["side_a"].startswith("Military Forces of Mali") and clash["side_b"].startswith("JNIM")
    assert (clash["low"], clash["best"], clash["high"]) == ("7", "7", "12")
    assert clash["source_original"] == "Malian army; Local officials" and clash["source_date"] == "2024-03-04; 2024-03-05"
    assert clash["deaths_a"] == "" and clash["deaths_unknown"] == "7"


@pytest.mark.parametrize(
    ("actor1", "actor2", "violence"),
    [({"inter": 2}, {"inter": 1}, 1), ({"inter": 2}, {"inter": 3}, 2), ({"inter": 2}, {"id": "civilians", "inter": 7}, 3), ({"id": "civilians"}, {"inter": 1}, 3)],
)
def test_type_of_violence(actor1: dict[str, Any], actor2: dict[str, Any], violence: int) -> None:
    assert sides({"actor1": actor1, "actor2": actor2})[0] == violence


@pytest.mark.parametrize(("lat", "lon", "gid"), [(-90.0, -180.0, 1), (-89.75, -179.75, 1), (-90.0, -179.5, 2), (-89.5, -180.0, 721), (89.99, 179.99, 259200)])
def test_priogrid(lat: float, lon: float, gid: int) -> None:
    assert priogrid_gid(lat, lon) == gid
