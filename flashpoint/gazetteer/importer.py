"""Import GeoNames files into an index: streaming, constant memory, resumable.

Each data file's lines are staged in batches; after every batch the number of
lines done is committed with the rows (`import_progress`), so a killed import
re-run with the same files skips what it already staged. When all files are
staged, one sorted merge moves them into the indexed tables. While an import is
unfinished the index is marked incomplete and `Gazetteer.open` says so.

Example:
    >>> import_files(load_settings().gazetteer_path, [Path("ML.zip")], progress=True)  # doctest: +SKIP
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from flashpoint.errors import GazetteerError
from flashpoint.gazetteer.geonames_format import Member, members_of, numbered_lines, parse_admin1, parse_admin2, parse_alternate, parse_geoname
from flashpoint.gazetteer.progress import Tracker, track
from flashpoint.gazetteer.schema import connect, create_schema
from flashpoint.gazetteer.writer import IndexWriter

CHECKPOINT_LINES = 50_000


@dataclass(slots=True)
class ImportReport:
    """What an import did: per-kind row counts, files skipped as done, lines resumed."""

    files: list[str] = field(default_factory=list)
    places: int = 0
    names: int = 0
    admin_codes: int = 0
    skipped_lines: int = 0
    already_done: list[str] = field(default_factory=list)
    resumed_lines: int = 0
    seconds: float = 0.0


def _source_key(member: Member) -> str:
    stat = member.path.stat()
    return f"{member.label}|{stat.st_size}|{int(stat.st_mtime)}"


class _MemberImport:
    """Stages one data file's rows, checkpointing every CHECKPOINT_LINES lines."""

    def __init__(self, conn: sqlite3.Connection, writer: IndexWriter, report: ImportReport, tracker: Tracker) -> None:
        self.conn, self.writer, self.report, self.tracker = conn, writer, report, tracker
        self._admin1: list[tuple[str, str, str, int | None]] = []
        self._admin2: list[tuple[str, str, str, str, int | None]] = []

    def run(self, member: Member) -> None:
        key = _source_key(member)
        row = self.conn.execute("SELECT lines, done FROM import_progress WHERE source = ?", (key,)).fetchone()
        if row is not None and row[1]:
            self.report.already_done.append(member.label)
            return
        skip = row[0] if row else 0
        self.report.resumed_lines += skip
        self.tracker.describe(f"import {Path(member.label).name}")
        number = skip
        for number, line in numbered_lines(member, skip=skip):
            self._stage(member.kind, line)
            if number % CHECKPOINT_LINES == 0:
                self._checkpoint(key, number, done=False)
                self.tracker.advance(CHECKPOINT_LINES)
        self._checkpoint(key, number, done=False)
        self.report.files.append(member.label)

    def _stage(self, kind: str, line: str) -> None:
        if kind == "geoname":
            parsed = parse_geoname(line)
            if parsed is not None:
                self.writer.add_place(parsed[0], parsed[1])
                self.report.places += 1
                return
        elif kind == "alternate":
            alternate = parse_alternate(line)
            if alternate is not None:
                self.writer.add_names(alternate[0], (alternate[1],))
                self.report.names += 1
                return
        elif self._stage_admin(kind, line):
            return
        self.report.skipped_lines += 1

    def _stage_admin(self, kind: str, line: str) -> bool:
        one = parse_admin1(line) if kind == "admin1" else None
        two = parse_admin2(line) if kind == "admin2" else None
        if one is not None:
            self._admin1.append(one)
        if two is not None:
            self._admin2.append(two)
        self.report.admin_codes += one is not None or two is not None
        return one is not None or two is not None

    def _checkpoint(self, key: str, lines: int, *, done: bool) -> None:
        self.writer.flush()
        self.writer.add_admin1(self._admin1)
        self.writer.add_admin2(self._admin2)
        self._admin1.clear()
        self._admin2.clear()
        self.conn.execute("INSERT OR REPLACE INTO import_progress(source, lines, done) VALUES (?, ?, ?)", (key, lines, int(done)))
        self.conn.commit()


def import_files(index_path: Path, files: Sequence[Path], *, progress: bool = False) -> ImportReport:
    """Import GeoNames files (txt or zip) into the index at `index_path` (created if absent).

    Raises GazetteerError naming the file when one cannot be read; re-running the same
    call resumes where the failed one stopped.
    """
    started = time.monotonic()
    members = [member for path in files for member in members_of(Path(path))]
    report = ImportReport()
    Path(index_path).parent.mkdir(parents=True, exist_ok=True)
    conn = connect(Path(index_path), cache_mb=256)
    try:
        create_schema(conn, Path(index_path))
        with conn:
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('complete', '0')")
        _stage_all(conn, members, report, progress=progress)
        _finish(conn, members)
    except (OSError, UnicodeDecodeError, sqlite3.Error) as exc:
        raise GazetteerError(f"import failed: {exc}; re-run the same command to resume", path=str(index_path)) from exc
    finally:
        conn.close()
    report.seconds = round(time.monotonic() - started, 2)
    return report


def _stage_all(conn: sqlite3.Connection, members: list[Member], report: ImportReport, *, progress: bool) -> None:
    writer = IndexWriter(conn)
    with track(progress, "import") as tracker:
        for member in members:
            _MemberImport(conn, writer, report, tracker).run(member)
        tracker.describe("merge into index")
        writer.finalise()


def _finish(conn: sqlite3.Connection, members: list[Member]) -> None:
    with conn:
        for member in members:
            conn.execute("UPDATE import_progress SET done = 1 WHERE source = ?", (_source_key(member),))
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('complete', '1')")
    conn.execute("PRAGMA optimize")
    conn.execute("PRAGMA journal_mode=DELETE")
