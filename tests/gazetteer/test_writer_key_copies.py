"""Key rows carry their place's country, class, code and population, also after a place is staged again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from flashpoint.gazetteer.schema import connect, create_schema
from flashpoint.gazetteer.writer import IndexWriter, PlaceRow

FIRST = PlaceRow(1, "Kaya", "BF", "01", "", 13.1, -1.1, "P", "PPL", 0, "2020-01-01")
OTHER = PlaceRow(2, "Dori", "BF", "02", "", 14.0, -0.03, "P", "PPL", 20000, "2020-01-01")


def _stale_rows(conn: sqlite3.Connection) -> int:
    return int(conn.execute(
        "SELECT count(*) FROM keys AS k JOIN places AS p ON p.id = k.place_id"
        " WHERE (k.country, k.fclass, k.fcode, k.population) IS NOT (p.country, p.fclass, p.fcode, p.population)").fetchone()[0])


@pytest.mark.parametrize("again", [
    FIRST._replace(population=45000, modified="2024-01-01"),
    FIRST._replace(fclass="A", fcode="ADM2", modified="2024-01-01"),
    FIRST._replace(country="ML", modified="2024-01-01"),
    FIRST,
])
def test_restaged_place_refreshes_its_key_rows(tmp_path: Path, again: PlaceRow) -> None:
    conn = connect(tmp_path / "index.sqlite")
    create_schema(conn)
    first = IndexWriter(conn)
    first.add_place(FIRST, ["Kaïa", "Kayah"])
    first.add_place(OTHER)
    first.finalise()
    second = IndexWriter(conn)
    second.add_place(again)  # its alternate names were staged by the first import only
    second.finalise()
    rows = conn.execute("SELECT DISTINCT country, fclass, fcode, population FROM keys WHERE place_id = 1").fetchall()
    assert rows == [(again.country, again.fclass, again.fcode, again.population)]
    assert conn.execute("SELECT count(DISTINCT norm) FROM keys WHERE place_id = 1").fetchone()[0] == 3
    assert _stale_rows(conn) == 0
    conn.close()
