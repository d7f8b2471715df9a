"""build_default_index: swaps the new index in only when complete."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from flashpoint.errors import GazetteerError
from flashpoint.gazetteer import build
from flashpoint.gazetteer.embedded import write_regions
from flashpoint.gazetteer.index import Gazetteer
from flashpoint.gazetteer.writer import IndexWriter


def regions_only(conn: sqlite3.Connection, *, progress: bool) -> None:
    writer = IndexWriter(conn)
    write_regions(writer)
    writer.finalise()
    with conn:
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('complete', '1')")


def test_build_default_index_failure_leaves_old_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = tmp_path / "gazetteer.sqlite"
    monkeypatch.setattr(build, "_write_embedded", regions_only)
    build.build_default_index(index)
    before = index.read_bytes()

    def half_then_fail(conn: sqlite3.Connection, *, progress: bool) -> None:
        regions_only(conn, progress=progress)
        raise sqlite3.OperationalError("disk full")

    monkeypatch.setattr(build, "_write_embedded", half_then_fail)
    with pytest.raises(GazetteerError, match="disk full"):
        build.build_default_index(index)
    assert index.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazetteer.sqlite"]
    assert Gazetteer.open(index).region("Azawad") is not None


def test_build_default_index_creates_parent_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "_write_embedded", regions_only)
    index = build.build_default_index(tmp_path / "a" / "b" / "gazetteer.sqlite")
    assert index.is_file() and not Path(f"{index}-wal").exists()
