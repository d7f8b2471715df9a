"""Fixtures for gazetteer tests: tiny hand-made indexes and GeoNames files."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from flashpoint.gazetteer.schema import connect, create_schema
from flashpoint.gazetteer.writer import IndexWriter, PlaceRow

# (id, name, country, admin1 code, lat, lon, feature class, feature code, population, alternate names)
PlaceSpec = tuple[int, str, str, str, float, float, str, str, int, tuple[str, ...]]


def write_index(path: Path, places: Sequence[PlaceSpec], admin1: Sequence[tuple[str, str, str, int]] = ()) -> Path:
    """A complete index holding exactly `places` (and admin1 names)."""
    conn = connect(path)
    create_schema(conn)
    writer = IndexWriter(conn)
    for pid, name, country, adm1, lat, lon, fclass, fcode, pop, alternates in places:
        writer.add_place(PlaceRow(pid, name, country, adm1, "", lat, lon, fclass, fcode, pop, "2024-01-01"), alternates)
    writer.add_admin1(admin1)
    writer.finalise()
    with conn:
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('complete', '1')")
    conn.close()
    return path


@pytest.fixture
def make_index(tmp_path: Path) -> Callable[..., Path]:
    """Build a tiny index from place specs: `make_index(places, admin1=...)`."""
    counter = iter(range(1000))

    def _make(places: Sequence[PlaceSpec], admin1: Sequence[tuple[str, str, str, int]] = ()) -> Path:
        return write_index(tmp_path / f"tiny{next(counter)}.sqlite", places, admin1)

    return _make


def geoname_line(pid: int, name: str, alternates: str, lat: float, lon: float, fclass: str, fcode: str,
                 country: str, admin1: str, admin2: str = "", population: int = 0, modified: str = "2024-02-01") -> str:
    """One 19-column GeoNames row."""
    ascii_name = name.encode("ascii", "ignore").decode()
    cols = [str(pid), name, ascii_name, alternates, str(lat), str(lon), fclass, fcode, country, "", admin1, admin2,
            "", "", str(population), "", "300", "Africa/Bamako", modified]
    return "\t".join(cols)


SAMPLE_ROWS = [
    geoname_line(9000001, "Tamalat", "Tamalet,تمالت", 15.80, 3.70, "P", "PPL", "ML", "12070577", "8631539"),
    geoname_line(9000002, "Inchinanane", "", 15.90, 3.05, "P", "PPL", "ML", "12070577", "8631539"),
    geoname_line(9000003, "Tin-Tabakat", "Tintabakat", 15.60, 2.90, "P", "PPL", "ML", "09", ""),
    geoname_line(9000004, "Ménaka Region", "Menaka", 15.91, 2.40, "A", "ADM1", "ML", "12070577", "", 54456),
    geoname_line(9000005, "Tamalat", "", 33.00, -7.00, "P", "PPL", "MA", "01", ""),
]


@pytest.fixture
def geonames_files(tmp_path: Path) -> dict[str, Path]:
    """A small country dump (txt and zip), alternate names and admin code files."""
    folder = tmp_path / "dumps"
    folder.mkdir()
    txt = folder / "XX.txt"
    txt.write_text("\n".join(SAMPLE_ROWS) + "\n", encoding="utf-8")
    archive = folder / "XX.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("XX.txt", txt.read_text(encoding="utf-8"))
        zf.writestr("readme.txt", "not data")
    alternates = folder / "alternateNamesV2.txt"
    alternates.write_text("1\t9000002\tfr\tInsanane\t\t\t\t\t\t\n2\t9000002\tlink\thttps://example.org/x\t\t\t\t\t\t\n", encoding="utf-8")
    admin1 = folder / "admin1CodesASCII.txt"
    admin1.write_text("ML.12070577\tMénaka\tMenaka\t12070577\nML.09\tGao\tGao\t2457161\n", encoding="utf-8")
    admin2 = folder / "admin2Codes.txt"
    admin2.write_text("ML.12070577.8631539\tCercle de Ménaka\tCercle de Menaka\t8631539\n", encoding="utf-8")
    return {"txt": txt, "zip": archive, "alternates": alternates, "admin1": admin1, "admin2": admin2}


@pytest.fixture
def geoname_row() -> Callable[..., str]:
    """The `geoname_line` builder, for tests that write their own dump rows."""
    return geoname_line
