"""import_files: GeoNames txt/zip, alternate names, admin codes; idempotent and resumable."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from flashpoint.errors import GazetteerError
from flashpoint.gazetteer import importer
from flashpoint.gazetteer.importer import import_files
from flashpoint.gazetteer.index import Gazetteer


def counts(index: Path) -> tuple[int, int]:
    with sqlite3.connect(index) as conn:
        return conn.execute("SELECT count(*) FROM places").fetchone()[0], conn.execute("SELECT count(*) FROM keys").fetchone()[0]


@pytest.mark.parametrize("kind", ["txt", "zip"])
def test_import_files_reads_country_dump(tmp_path: Path, geonames_files: dict[str, Path], kind: str) -> None:
    index = tmp_path / "index.sqlite"
    report = import_files(index, [geonames_files[kind], geonames_files["admin1"], geonames_files["admin2"]])
    assert (report.places, report.admin_codes, report.skipped_lines) == (5, 3, 0)
    gaz = Gazetteer.open(index)
    best = gaz.lookup("Tamalt", country="ML")[0]
    assert (best.name, best.admin1, best.admin2, best.gazetteer_id) == ("Tamalat", "Ménaka", "Cercle de Ménaka", "geonames:9000001")
    assert gaz.lookup("تمالت", country="ML")[0].gazetteer_id == "geonames:9000001"
    assert gaz.admin1("Menaka", country="ML") is not None


def test_import_files_adds_alternate_names(tmp_path: Path, geonames_files: dict[str, Path]) -> None:
    index = tmp_path / "index.sqlite"
    report = import_files(index, [geonames_files["txt"], geonames_files["alternates"]])
    assert (report.names, report.skipped_lines) == (1, 1)  # the "link" row is not a name
    best = Gazetteer.open(index).lookup("Insanane", country="ML")[0]
    assert best.gazetteer_id == "geonames:9000002" and best.reasons[0] == "exact name"


def test_import_files_twice_skips_done_files(tmp_path: Path, geonames_files: dict[str, Path]) -> None:
    index = tmp_path / "index.sqlite"
    import_files(index, [geonames_files["txt"]])
    before = counts(index)
    again = import_files(index, [geonames_files["txt"]])
    assert again.already_done == [str(geonames_files["txt"])] and again.places == 0
    assert counts(index) == before


def test_import_files_resumes_after_a_crash(tmp_path: Path, geonames_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    reference = tmp_path / "reference.sqlite"
    import_files(reference, [geonames_files["txt"]])
    index = tmp_path / "index.sqlite"
    monkeypatch.setattr(importer, "CHECKPOINT_LINES", 2)
    original = importer._MemberImport._stage
    calls = {"n": 0}

    def crash_on_fourth_line(self: importer._MemberImport, kind: str, line: str) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError("disk unplugged")
        original(self, kind, line)

    monkeypatch.setattr(importer._MemberImport, "_stage", crash_on_fourth_line)
    with pytest.raises(GazetteerError, match="re-run"):
        import_files(index, [geonames_files["txt"]])
    with pytest.raises(GazetteerError, match="incomplete"):
        Gazetteer.open(index)
    monkeypatch.setattr(importer._MemberImport, "_stage", original)
    report = import_files(index, [geonames_files["txt"]])
    assert report.resumed_lines == 2 and report.places == 3
    assert counts(index) == counts(reference)
    Gazetteer.open(index).close()


def test_import_files_keeps_newer_admin1_of_a_place(tmp_path: Path, geonames_files: dict[str, Path], geoname_row: Callable[..., str]) -> None:
    """An older record filed under the pre-2016 admin1 does not undo a newer one."""
    index = tmp_path / "index.sqlite"
    import_files(index, [geonames_files["txt"], geonames_files["admin1"]])
    old = tmp_path / "old.txt"
    old.write_text(geoname_row(9000001, "Tamalat", "", 15.8, 3.7, "P", "PPL", "ML", "09", modified="2012-01-01") + "\n", encoding="utf-8")
    import_files(index, [old])
    assert Gazetteer.open(index).lookup("Tamalat", country="ML")[0].admin1 == "Ménaka"


def test_import_files_rejects_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no such file"):
        import_files(tmp_path / "index.sqlite", [tmp_path / "absent.zip"])
