"""A batch killed (SIGKILL) several times mid-run and resumed stores every document exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

DOCS = 40
RUN = "from flashpoint.cli.main import main; main()"


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=30) as connection:
            return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608 - fixed names
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def _ingest(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "FLASHPOINT_TEST_DELAY": "0.05"}
    command = [sys.executable, "-c", RUN, "ingest", str(folder), "--db", str(db), "--quiet",
               "--pipeline", "flashpoint.store.testing:slow_keyword_pipeline"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill_after_progress(folder: Path, db: Path, step: int) -> None:
    before = _count(db, "documents")
    process = _ingest(folder, db)
    deadline = time.monotonic() + 120
    while _count(db, "documents") < before + step and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


@pytest.mark.slow
def test_sigkill_and_resume_store_each_document_once(tmp_path: Path) -> None:
    folder, db = tmp_path / "reports", tmp_path / "store.sqlite"
    folder.mkdir()
    for i in range(DOCS):
        # Report i mentions "killed" i % 3 + 1 times, so each document's event count is known.
        body = " ".join(["Two were killed."] * (i % 3 + 1))
        (folder / f"report{i:03d}.txt").write_text(f"Report number {i}. {body}\n", encoding="utf-8")
    for step in (3, 5, 4, 6):
        _kill_after_progress(folder, db, step)
        assert _count(db, "documents") < DOCS
    final = _ingest(folder, db)
    _, stderr = final.communicate(timeout=300)
    assert final.returncode == 0, stderr.decode()
    with sqlite3.connect(db) as connection:
        docs = connection.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone()
        per_doc = dict(connection.execute("SELECT d.path, count(e.id) FROM documents d LEFT JOIN events e ON e.doc_id = d.doc_id GROUP BY d.doc_id").fetchall())
        unmerged = connection.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL").fetchone()[0]
        orphans = connection.execute("SELECT count(*) FROM events e LEFT JOIN clusters c ON c.id = e.cluster_id WHERE c.id IS NULL").fetchone()[0]
    assert docs == (DOCS, DOCS)
    assert {Path(p).name: n for p, n in per_doc.items()} == {f"report{i:03d}.txt": i % 3 + 1 for i in range(DOCS)}
    assert (unmerged, orphans) == (0, 0)
