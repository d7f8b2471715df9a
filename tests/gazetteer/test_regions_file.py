"""regions.yaml: shipped file loads; a broken entry names file, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.datafiles import read_manifest
from flashpoint.errors import DataFileError
from flashpoint.gazetteer.descriptors import load_descriptors
from flashpoint.gazetteer.regions import load_regions

HEADER = 'schema: regions\nversion: "1"\nupdated: "2026-11-28"\nsource: test\nlicence: CC BY 4.0\n'


def test_load_regions_shipped_file_has_analyst_regions() -> None:
    regions = load_regions()
    for slug in ("liptako-gourma", "tri-border-area", "azawad", "macina", "mali-niger-border", "lake-chad-basin"):
        assert slug in regions
    assert set(regions["tri-border-area"].countries) == {"ML", "NE", "BF"}


def test_shipped_data_files_are_in_manifest() -> None:
    manifest = read_manifest()
    assert manifest["regions.yaml"] == "1" and manifest["place_descriptors.yaml"] == "1"
    assert "camp" in load_descriptors().trailing


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ("name: X\nkind: area\ncountries: [Mali]\ncentroid: [1, 1]\nbbox: [0, 0, 2, 2]", "countries"),
        ("name: X\nkind: area\ncountries: [ML]\ncentroid: [5, 5]\nbbox: [0, 0, 2, 2]", "centroid"),
        ("name: X\nkind: zone\ncountries: [ML]\ncentroid: [1, 1]\nbbox: [0, 0, 2, 2]", "kind"),
    ],
)
def test_load_regions_bad_entry_names_file_entry_field(tmp_path: Path, entry: str, field: str) -> None:
    path = tmp_path / "regions.yaml"
    body = "\n".join("    " + line for line in entry.splitlines())
    path.write_text(HEADER + "regions:\n  bad-one:\n" + body + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_regions(path)
    message = str(info.value)
    assert "regions.yaml" in message and "'bad-one'" in message
    if field != "centroid":
        assert field in message
