"""Ingest a stream of raw documents into the store: skip known ones, run the pipeline, write, merge.

Each document is looked up by its content hash BEFORE the NLP runs and written in its
own transaction, so a batch killed at any moment and run again stores every document
exactly once. Merging runs every `merge_every` documents and at the end; a run also
merges whatever an interrupted run left unmerged.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import Any, Protocol

from flashpoint.errors import FlashpointError
from flashpoint.model import Document, Failure
from flashpoint.pipeline import BATCH_SIZE, chunked
from flashpoint.store.engine import Store
from flashpoint.store.merge import merge_pending
from flashpoint.store.repository import has_document, write_document


class RunsDocuments(Protocol):
    """What ingest needs of a pipeline: `run_one_safe(doc)`, and `pipe_safe(docs)` for a stream
    (in order; a `Failure` given passes through)."""

    def run_one_safe(self, doc: Document) -> Document | Failure: ...

    def pipe_safe(self, docs: Iterable[Document | Failure], *, batch_size: int = ...) -> Iterator[Document | Failure]: ...


class RawLike(Protocol):
    """What ingest needs of a raw document (`flashpoint.ingest.raw.RawDocument`)."""

    def to_document(self) -> Document: ...


PipelineFactory = Callable[[], RunsDocuments]
Outcome = str  # "done", "skipped" or "failed"


@dataclass(slots=True)
class IngestReport:
    """Counts of a run, the failures with their reasons, and the elapsed time."""

    done: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        """Number of documents that failed."""
        return len(self.failures)


_WORKER_PIPELINE: list[RunsDocuments] = []


def _init_worker(factory: PipelineFactory) -> None:
    _WORKER_PIPELINE.append(factory())


def _run_in_worker(chunk: list[Document | Failure]) -> list[Document | Failure]:
    # The spaCy Doc does not cross process boundaries (and is never stored).
    return [result.with_layers(ling=None) if isinstance(result, Document) else result
            for result in _WORKER_PIPELINE[0].pipe_safe(chunk, batch_size=len(chunk))]


def _to_document(raw: Any, published: dt.date | None) -> Document | Failure:
    if isinstance(raw, Failure):
        return raw
    doc = raw if isinstance(raw, Document) else raw.to_document()
    return doc.with_layers(published=published) if doc.published is None and published else doc


def _pending(store: Store, raws: Iterable[Any], published: dt.date | None, report: IngestReport,
             notify: Callable[[Outcome], None]) -> Iterator[Document | Failure]:
    """Documents to process; already stored ones are counted as skipped here, before any NLP."""
    for raw in raws:
        try:
            doc = _to_document(raw, published)
        except FlashpointError as exc:
            doc = Failure(exc.doc_id, "ingest", exc.message, exc.path or getattr(raw, "path", None))
        if isinstance(doc, Document):
            with store.session() as session:
                if has_document(session, doc.doc_id):
                    report.skipped += 1
                    notify("skipped")
                    continue
        yield doc


def _results(docs: Iterator[Document | Failure], factory: PipelineFactory, workers: int) -> Iterator[Document | Failure]:
    if workers <= 1:
        yield from factory().pipe_safe(docs, batch_size=BATCH_SIZE)
        return
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_init_worker, initargs=(factory,)) as pool:
        in_flight: deque[Future[list[Document | Failure]]] = deque()
        for chunk in chunked(docs, BATCH_SIZE):
            in_flight.append(pool.submit(_run_in_worker, chunk))
            while len(in_flight) >= workers * 2:  # bounded: constant memory on any corpus size
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()


def _store_one(store: Store, result: Document | Failure, report: IngestReport) -> Outcome:
    if isinstance(result, Failure):
        report.failures.append(result)
        return "failed"
    try:
        written = write_document(store, result.with_layers(ling=None))
    except FlashpointError as exc:
        report.failures.append(Failure(result.doc_id, "store", exc.message, result.path))
        return "failed"
    if written:
        report.done += 1
        return "done"
    report.skipped += 1
    return "skipped"


def merge_store(store: Store) -> None:
    """Merge every event not merged yet, in one transaction."""
    with store.session.begin() as session:
        merge_pending(session)


def ingest_documents(
    store: Store,
    raws: Iterable[Any],
    *,
    pipeline_factory: PipelineFactory,
    workers: int = 1,
    published: dt.date | None = None,
    merge_every: int = 200,
    notify: Callable[[Outcome], None] = lambda outcome: None,
) -> IngestReport:
    """Run the pipeline over `raws` (RawDocument, Document or Failure) and store the results.

    `published` fills documents that carry no date; `notify` is called once per document
    with "done", "skipped" or "failed" (for a progress bar).
    Example: `ingest_documents(store, iter_documents("reports/", max_chars=2_000_000), pipeline_factory=flashpoint.load)`
    """
    report = IngestReport()
    started = time.monotonic()
    merge_store(store)  # finish what an interrupted run left unmerged
    since_merge = 0
    for result in _results(_pending(store, raws, published, report, notify), pipeline_factory, workers):
        outcome = _store_one(store, result, report)
        notify(outcome)
        since_merge += outcome == "done"
        if since_merge >= merge_every:
            merge_store(store)
            since_merge = 0
    merge_store(store)
    report.seconds = time.monotonic() - started
    return report
