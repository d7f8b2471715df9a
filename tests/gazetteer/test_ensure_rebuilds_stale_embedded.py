"""An index of an older schema holding only the embedded data is rebuilt on first use; one with
imported GeoNames files is kept, and opening it asks for a rebuild (nothing lost silently)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from flashpoint.build import ensure_gazetteer
from flashpoint.errors import GazetteerError
from flashpoint.gazetteer.index import Gazetteer


def _old_copy(default_gazetteer: Path, target: Path, *, imported: bool) -> Path:
    shutil.copy(default_gazetteer, target)
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        conn.execute("DELETE FROM import_progress")
        if imported:
            conn.execute("INSERT INTO import_progress VALUES ('ML.txt', 10, 1)")
    return target


def test_stale_embedded_index_is_rebuilt(default_gazetteer: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Path] = []

    def fake_build(path: Path, **_: object) -> Path:
        built.append(path)
        shutil.copy(default_gazetteer, path)
        return path

    monkeypatch.setattr("flashpoint.gazetteer.build.build_default_index", fake_build)
    index = _old_copy(default_gazetteer, tmp_path / "gazetteer.sqlite", imported=False)
    assert ensure_gazetteer(index, quiet=True) == index and built == [index]
    Gazetteer.open(index).close()


def test_index_with_imports_is_kept_and_refused_with_a_rebuild_hint(default_gazetteer: Path, tmp_path: Path) -> None:
    index = _old_copy(default_gazetteer, tmp_path / "gazetteer.sqlite", imported=True)
    assert ensure_gazetteer(index, quiet=True) == index
    with pytest.raises(GazetteerError, match="rebuild"):
        Gazetteer.open(index)
