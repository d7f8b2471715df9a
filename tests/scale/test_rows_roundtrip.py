"""Rows that cross Ray's process boundary rebuild equal documents, results and failures."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

from flashpoint.model import Document, Failure
from flashpoint.scale.rows import (
    RESULT_COLUMNS,
    batch_rows,
    document_row,
    result_row,
    row_document,
    row_result,
    rows_batch,
)
from flashpoint.store.testing import keyword_pipeline

DOCUMENTS = [
    Document.from_text("Two killed in a clash near Kelvara.", published=dt.date(2024, 5, 1), path="a.txt"),
    Document.from_text("Quiet day.", url="https://example.org/x", source="Courier", title="Nothing"),
    Document.from_text("Ünïcode — « guillemets » killed", doc_id="given-id", lang="fr"),
]


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_document_row_roundtrip(doc: Document) -> None:
    row = document_row(doc)
    assert all(value is None or isinstance(value, str) for value in row.values())
    assert row_document(row) == doc


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_result_row_rebuilds_the_processed_document(doc: Document) -> None:
    processed = keyword_pipeline().run_one_safe(doc)
    assert isinstance(processed, Document)
    row = result_row(processed)
    assert row["status"] == "done"
    assert row_result(row) == processed
    assert [e["event_id"] for e in json.loads(row["events"])] == [e.event_id for e in processed.events]


@pytest.mark.parametrize("failure", [
    Failure("abc", "places", "GazetteerError: index missing", "b.txt"),
    Failure(None, "ingest", "file is binary", None),
])
def test_failure_row_roundtrip(failure: Failure) -> None:
    row = result_row(failure)
    assert (row["status"], row["events"], row["document"]) == ("failed", "[]", None)
    assert row_result(row) == failure


def test_batch_rows_turns_nan_nulls_into_none() -> None:
    # An all-null column comes back from Arrow as float NaN in numpy format.
    batch = {"doc_id": np.array(["a", "b"], dtype=object), "path": np.array([np.nan, np.nan], dtype=np.float32)}
    assert list(batch_rows(batch)) == [{"doc_id": "a", "path": None}, {"doc_id": "b", "path": None}]


def test_rows_batch_is_columnar_and_batch_rows_inverts_it() -> None:
    rows = [result_row(keyword_pipeline().run_one_safe(doc)) for doc in DOCUMENTS]
    batch = rows_batch(rows, RESULT_COLUMNS)
    assert list(batch) == list(RESULT_COLUMNS)
    assert list(batch_rows(batch)) == rows


def test_batch_rows_reads_pandas_batches() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"doc_id": ["a", "b"], "path": [None, "b.txt"]})
    assert list(batch_rows(frame)) == [{"doc_id": "a", "path": None}, {"doc_id": "b", "path": "b.txt"}]
