"""Sinks: what was written is known on the next run (so it is skipped), failures are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import ConfigError
from flashpoint.model import Document, Failure
from flashpoint.scale.rows import Row, result_row
from flashpoint.scale.sinks import ParquetSink, StoreSink, open_sink
from flashpoint.store.batch import IngestReport
from flashpoint.store.engine import open_store
from flashpoint.store.repository import read_document
from flashpoint.store.testing import keyword_pipeline

TEXTS = ["A clash at the market; two killed.", "Nothing happened today.", "Three killed in a clash."]


def processed_rows() -> list[Row]:
    nlp = keyword_pipeline()
    rows = [result_row(nlp.run_one_safe(Document.from_text(text))) for text in TEXTS]
    return [*rows, result_row(Failure("bad-doc", "places", "boom", "bad.txt"))]


def test_parquet_sink_writes_events_and_knows_them_next_run(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    rows, report = processed_rows(), IngestReport()
    sink = ParquetSink(tmp_path)
    outcomes = [sink.write(row, report) for row in rows]
    sink.close()
    assert outcomes == ["done", "done", "done", "failed"]
    events = pq.read_table(tmp_path / "events").to_pylist()
    assert sum(row["events"].count('"event_id"') for row in rows) == len(events) > 0
    assert {e["event_type"] for e in events} == {"Battles"}
    again = ParquetSink(tmp_path)
    assert again.known([row["doc_id"] for row in rows]) == {row["doc_id"] for row in rows[:3]}


def test_parquet_sink_ignores_a_part_killed_before_its_rename(tmp_path: Path) -> None:
    sink = ParquetSink(tmp_path)
    sink.write(processed_rows()[0], IngestReport())
    sink.flush()
    finished = tmp_path / "documents" / "part-00000.parquet"
    finished.rename(finished.with_suffix(".parquet.tmp"))  # as if killed mid-flush
    assert ParquetSink(tmp_path).known([processed_rows()[0]["doc_id"]]) == set()


def test_store_sink_writes_once_and_keeps_the_document(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    rows, report = processed_rows(), IngestReport()
    sink = StoreSink(url)
    assert [sink.write(row, report) for row in rows] == ["done", "done", "done", "failed"]
    assert sink.write(rows[0], report) == "skipped"
    sink.flush()
    assert sink.known(row["doc_id"] for row in rows) == {row["doc_id"] for row in rows[:3]}
    sink.close()
    store = open_store(url)
    with store.session() as session:
        stored = read_document(session, rows[0]["doc_id"])
    store.close()
    expected = keyword_pipeline().run_one_safe(Document.from_text(TEXTS[0]))
    assert isinstance(expected, Document) and stored is not None
    assert stored.events == expected.events
    assert (report.done, report.skipped, report.failed) == (3, 1, 1)


@pytest.mark.parametrize("output, store_url", [(None, None), (Path("out"), "sqlite:///x.sqlite")])
def test_open_sink_wants_exactly_one_destination(output: Path | None, store_url: str | None) -> None:
    with pytest.raises(ConfigError, match="exactly one"):
        open_sink(output=output, store_url=store_url)
