"""Batch ingest: stored documents are skipped before the pipeline runs; failures are listed."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from flashpoint.model import Document, Failure
from flashpoint.pipeline import Pipeline
from flashpoint.store.batch import ingest_documents
from flashpoint.store.engine import Store
from flashpoint.store.testing import KeywordEvents, keyword_pipeline


class CountingStage(KeywordEvents):
    calls: Counter[str] = Counter()

    def __call__(self, doc: Document) -> Document:
        CountingStage.calls[doc.doc_id] += 1
        return super().__call__(doc)


def counting_pipeline() -> Pipeline:
    return Pipeline([CountingStage()])


def docs(n: int) -> list[Document]:
    return [Document.from_text(f"Report {i}: a clash near town {i}; two killed.") for i in range(n)]


def test_second_run_skips_before_nlp(store: Store) -> None:
    CountingStage.calls.clear()
    first = ingest_documents(store, docs(5), pipeline_factory=counting_pipeline, published=dt.date(2024, 5, 1))
    second = ingest_documents(store, docs(5), pipeline_factory=counting_pipeline)
    assert (first.done, first.skipped, first.failed) == (5, 0, 0)
    assert (second.done, second.skipped, second.failed) == (0, 5, 0)
    assert set(CountingStage.calls.values()) == {1}


def test_failures_are_listed_and_batch_goes_on(store: Store) -> None:
    inputs: list[object] = [
        Document.from_text("a clash today"),
        Document.from_text("FAIL on purpose"),
        Failure(None, "ingest", "file is binary", "bad.bin"),
        Document.from_text("two killed"),
    ]
    outcomes: list[str] = []
    report = ingest_documents(store, inputs, pipeline_factory=keyword_pipeline, notify=outcomes.append)
    assert (report.done, report.failed) == (2, 2)
    assert {(f.stage, f.path) for f in report.failures} == {("keyword_events", None), ("ingest", "bad.bin")}
    assert Counter(outcomes) == {"done": 2, "failed": 2}


@pytest.mark.slow
def test_workers_give_the_same_store(store: Store) -> None:
    report = ingest_documents(store, docs(12), pipeline_factory=keyword_pipeline, workers=2)
    assert (report.done, report.skipped, report.failed) == (12, 0, 0)
    again = ingest_documents(store, docs(12), pipeline_factory=keyword_pipeline, workers=2)
    assert again.skipped == 12
