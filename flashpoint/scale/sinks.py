"""Where the Ray engine's results go: the store (as `flashpoint ingest` writes it) or Parquet.

Both sinks answer `known(doc_ids)` before any NLP runs, so a killed run re-run skips
what was already written: the store per document (its own transaction), Parquet per
window (one `part-NNNNN.parquet` per table and window, written whole or not at all).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from flashpoint.errors import ConfigError, FlashpointError, StoreError
from flashpoint.model import Failure
from flashpoint.scale.rows import Row, row_result
from flashpoint.store.batch import IngestReport, Outcome, merge_store
from flashpoint.store.engine import open_store
from flashpoint.store.repository import stored_doc_ids, write_document


class ResultSink(Protocol):
    """What the Ray engine writes to."""

    def known(self, doc_ids: Iterable[str]) -> set[str]: ...

    def write(self, row: Row, report: IngestReport) -> Outcome: ...

    def flush(self) -> None: ...

    def close(self) -> None: ...


def _fail(report: IngestReport, failure: Failure) -> Outcome:
    report.failures.append(failure)
    return "failed"


class StoreSink:
    """Writes each document in its own transaction and merges at the end of each window."""

    def __init__(self, url: str) -> None:
        self.store = open_store(url)
        merge_store(self.store)  # finish what an interrupted run left unmerged

    def known(self, doc_ids: Iterable[str]) -> set[str]:
        with self.store.session() as session:
            return stored_doc_ids(session, doc_ids)

    def write(self, row: Row, report: IngestReport) -> Outcome:
        try:
            result = row_result(row)
            if isinstance(result, Failure):
                return _fail(report, result)
            written = write_document(self.store, result)
        except FlashpointError as exc:
            return _fail(report, Failure(row.get("doc_id"), "store", exc.message, row.get("path")))
        if not written:
            report.skipped += 1
            return "skipped"
        report.done += 1
        return "done"

    def flush(self) -> None:
        merge_store(self.store)

    def close(self) -> None:
        self.store.close()


def _event_rows(doc_id: str, events_json: str) -> list[dict[str, Any]]:
    rows = []
    for record in json.loads(events_json):
        place, time = record.get("place") or {}, record.get("time") or {}
        rows.append({
            "doc_id": doc_id, "event_id": record["event_id"], "event_type": record["event_type"],
            "sub_event_type": record["sub_event_type"], "country": place.get("country"),
            "admin1": place.get("admin1"), "lat": place.get("lat"), "lon": place.get("lon"),
            "start_date": time.get("start"), "end_date": time.get("end"),
            "fatalities_best": record["fatalities"]["best"], "confidence": record["confidence"],
            "record": json.dumps(record, ensure_ascii=False),
        })
    return rows


class ParquetSink:
    """`documents/` (one row per document: status, failure reason) and `events/` (one row per
    event: filter columns plus the full event record as JSON) under `folder`."""

    def __init__(self, folder: Path) -> None:
        import pyarrow as pa

        self.folder = folder
        for table in ("documents", "events"):
            (folder / table).mkdir(parents=True, exist_ok=True)
        self._done = self._stored_ids()
        self._documents: list[dict[str, Any]] = []
        self._events: list[dict[str, Any]] = []
        self._schemas = {
            "documents": pa.schema([("doc_id", pa.string()), ("path", pa.string()), ("status", pa.string()),
                                    ("stage", pa.string()), ("error", pa.string()), ("n_events", pa.int32())]),
            "events": pa.schema([("doc_id", pa.string()), ("event_id", pa.string()), ("event_type", pa.string()),
                                 ("sub_event_type", pa.string()), ("country", pa.string()), ("admin1", pa.string()),
                                 ("lat", pa.float64()), ("lon", pa.float64()), ("start_date", pa.string()),
                                 ("end_date", pa.string()), ("fatalities_best", pa.int64()),
                                 ("confidence", pa.float64()), ("record", pa.string())]),
        }

    def _stored_ids(self) -> set[str]:
        import pyarrow.parquet as pq

        parts = sorted((self.folder / "documents").glob("part-*.parquet"))
        if not parts:
            return set()
        try:
            table = pq.read_table([str(p) for p in parts], columns=["doc_id", "status"])
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot read earlier Parquet output: {exc}", path=str(self.folder)) from exc
        return {doc_id for doc_id, status in zip(*table.to_pydict().values(), strict=True) if status == "done"}

    def known(self, doc_ids: Iterable[str]) -> set[str]:
        return self._done.intersection(doc_ids)

    def write(self, row: Row, report: IngestReport) -> Outcome:
        doc_id = row["doc_id"]
        events = _event_rows(doc_id, row["events"]) if row["status"] == "done" else []
        self._documents.append({"doc_id": doc_id, "path": row["path"], "status": row["status"],
                                "stage": row["stage"], "error": row["error"], "n_events": len(events)})
        if row["status"] == "failed":
            return _fail(report, Failure(doc_id, str(row["stage"]), str(row["error"]), row["path"]))
        self._events.extend(events)
        self._done.add(doc_id)
        report.done += 1
        return "done"

    def flush(self) -> None:
        if not self._documents:
            return
        number = len(list((self.folder / "documents").glob("part-*.parquet")))
        # Events first, documents last and renamed into place: a part counts as written only
        # once its documents file exists, so a kill mid-flush is redone on the next run.
        self._write_part("events", self._events, number)
        self._write_part("documents", self._documents, number)
        self._documents, self._events = [], []

    def _write_part(self, table: str, rows: list[dict[str, Any]], number: int) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        final = self.folder / table / f"part-{number:05d}.parquet"
        partial = final.with_suffix(".parquet.tmp")
        pq.write_table(pa.Table.from_pylist(rows, schema=self._schemas[table]), partial)
        os.replace(partial, final)

    def close(self) -> None:
        self.flush()


def open_sink(*, output: Path | None, store_url: str | None) -> ResultSink:
    """The sink for exactly one of `output` (a Parquet folder) or `store_url`."""
    if (output is None) == (store_url is None):
        raise ConfigError("give exactly one of a Parquet output folder or a store URL", field="output")
    return ParquetSink(output) if output is not None else StoreSink(str(store_url))

