"""Gazetteer.open: one-line GazetteerError with a hint for missing, broken or incomplete indexes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from flashpoint.errors import GazetteerError
from flashpoint.gazetteer.index import Gazetteer


def test_open_missing_index_hints_build(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="run `flashpoint gazetteer build`") as info:
        Gazetteer.open(tmp_path / "none.sqlite")
    assert "\n" not in str(info.value) and info.value.path == str(tmp_path / "none.sqlite")


def test_open_garbage_file_is_broken(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GazetteerError, match="broken"):
        Gazetteer.open(path)


def test_open_incomplete_index_is_refused(make_index: Callable[..., Path]) -> None:
    path = make_index([])
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'complete'")
    with pytest.raises(GazetteerError, match="incomplete"):
        Gazetteer.open(path)
