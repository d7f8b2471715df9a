"""An index written by another schema version is refused with a hint to rebuild, on open and on import."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from flashpoint.errors import GazetteerError
from flashpoint.gazetteer.importer import import_files
from flashpoint.gazetteer.index import Gazetteer
from flashpoint.gazetteer.schema import SCHEMA_VERSION


def _old(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    return path


def test_current_version_opens(make_index: Callable[..., Path]) -> None:
    with Gazetteer.open(make_index([(1, "Kaya", "BF", "01", 13.0, -1.0, "P", "PPL", 0, ())])) as gaz:
        assert gaz.lookup("Kaya")[0].gazetteer_id == "geonames:1"


@pytest.mark.parametrize("action", ["open", "import"])
def test_old_version_asks_for_rebuild(make_index: Callable[..., Path], geonames_files: dict[str, Path], action: str) -> None:
    assert SCHEMA_VERSION != "1"
    path = _old(make_index([(1, "Kaya", "BF", "01", 13.0, -1.0, "P", "PPL", 0, ())]))
    with pytest.raises(GazetteerError, match=r"schema version 1.*rebuild") as info:
        Gazetteer.open(path) if action == "open" else import_files(path, [geonames_files["txt"]])
    assert info.value.path == str(path) and "\n" not in str(info.value)
