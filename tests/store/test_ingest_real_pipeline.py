"""End to end with the real pipeline: two invented reports of one clash become one event with two sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from flashpoint.store.engine import open_store
from flashpoint.store.models import ClusterRow

REPORTS = {
    "wire-a.txt": "Gunmen attacked an army post near Douentza on Saturday, killing five soldiers, officials said.",
    "wire-b.txt": "Armed men attacked a military camp in Douentza on Saturday and killed four soldiers, residents said.",
}


@pytest.mark.slow
def test_second_report_merges_with_the_first(tmp_path: Path) -> None:
    import flashpoint
    from flashpoint.ingest.sources import iter_documents
    from flashpoint.store.batch import ingest_documents

    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    try:
        report = ingest_documents(store, iter_documents(str(tmp_path), max_chars=100_000), pipeline_factory=flashpoint.load, published=dt.date(2024, 3, 4))
        again = ingest_documents(store, iter_documents(str(tmp_path), max_chars=100_000), pipeline_factory=flashpoint.load, published=dt.date(2024, 3, 4))
        with store.session() as session:
            records = list(session.scalars(select(ClusterRow.record)))
    finally:
        store.close()
    assert (report.done, report.failed, again.skipped) == (2, 0, 2)
    battles = [r for r in records if r["event_type"] == "Battles"]
    assert len(battles) == 1, records
    assert len(battles[0]["sources"]) == 2
