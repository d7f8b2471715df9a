"""Documents and results as flat rows of strings, the form Ray Data moves between processes.

Arrow columns need one type per column, so nested records travel as JSON strings:
`events` holds the public event records (`event_json`) and `document` the exact
store encoding (`flashpoint.store.codec`), which the driver decodes back to an equal
`Document` before writing it. The spaCy `Doc` (`ling`) never leaves the worker.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from flashpoint.export.records import event_json
from flashpoint.model import Document, Failure
from flashpoint.store.codec import decode, encode

INPUT_COLUMNS: tuple[str, ...] = ("text", "doc_id", "published", "lang", "source", "url", "path", "title")
RESULT_COLUMNS: tuple[str, ...] = ("doc_id", "path", "status", "stage", "error", "events", "document")

Row = dict[str, Any]


def document_row(doc: Document) -> Row:
    """The input row of a document: its text and metadata, the date as ISO text."""
    row: Row = {name: getattr(doc, name) for name in INPUT_COLUMNS}
    row["published"] = doc.published.isoformat() if doc.published else None
    return row


def row_document(row: Mapping[str, Any]) -> Document:
    """Rebuild the `Document` of an input row (the inverse of `document_row`)."""
    published = row.get("published")
    values: dict[str, Any] = {name: row.get(name) for name in INPUT_COLUMNS}
    values["published"] = dt.date.fromisoformat(published) if published else None
    return Document(**values)


def result_row(result: Document | Failure) -> Row:
    """The output row of one processed document: `status` is "done" or "failed"."""
    if isinstance(result, Failure):
        return {"doc_id": result.doc_id, "path": result.path, "status": "failed", "stage": result.stage,
                "error": result.error, "events": "[]", "document": None}
    return {
        "doc_id": result.doc_id,
        "path": result.path,
        "status": "done",
        "stage": None,
        "error": None,
        "events": json.dumps([event_json(event) for event in result.events], ensure_ascii=False),
        "document": json.dumps(encode(result.with_layers(ling=None)), ensure_ascii=False),
    }


def row_result(row: Mapping[str, Any]) -> Document | Failure:
    """The `Document` (exactly as the worker produced it) or `Failure` of an output row."""
    if row["status"] == "failed":
        return Failure(row["doc_id"], str(row["stage"]), str(row["error"]), row["path"])
    return decode(Document, json.loads(row["document"]))


def batch_rows(batch: Mapping[str, Any] | Any) -> Iterator[Row]:
    """Rows of a Ray batch (a dict of columns, numpy format, or a pandas DataFrame), nulls as None."""
    columns: Mapping[str, Any] = batch if isinstance(batch, Mapping) else {name: batch[name] for name in batch.columns}
    names = list(columns)
    for values in zip(*(list(columns[name]) for name in names), strict=True):
        yield {name: _plain(value) for name, value in zip(names, values, strict=True)}


def rows_batch(rows: Iterable[Row], columns: tuple[str, ...]) -> dict[str, list[Any]]:
    """A dict of columns, the batch form Ray Data accepts back from a transform."""
    materialised = list(rows)
    return {name: [row[name] for row in materialised] for name in columns}


def _plain(value: Any) -> Any:
    # An all-null column comes back as NaN (numpy float32 or float); the model wants None.
    if value is None or (not isinstance(value, str) and value != value):
        return None
    return str(value) if isinstance(value, str) else value  # numpy's str_ becomes a plain str
