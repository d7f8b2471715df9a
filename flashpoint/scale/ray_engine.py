"""Scale-out with Ray Data: the same per-document pipeline, run by a pool of actors.

Each actor (`ExtractBatch`) builds the pipeline once and runs it over batches of rows;
the driver streams documents from `iter_documents` in windows (so memory stays
bounded on any corpus), skips the ones already written, and writes results to the
store or to Parquet. Locally `run_ray` starts Ray on `num_cpus` cores; with
`RAY_ADDRESS` set it joins that cluster instead (docs/scale-out.md).

Example:
    >>> report = run_ray("reports/", settings=load_settings(), store_url="sqlite:///e.sqlite")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from flashpoint.errors import ConfigError, FlashpointError
from flashpoint.model import Document, Failure
from flashpoint.scale.rows import INPUT_COLUMNS, RESULT_COLUMNS, Row, batch_rows, document_row, result_row, row_document, rows_batch
from flashpoint.scale.sinks import ResultSink, open_sink
from flashpoint.settings import Settings
from flashpoint.store.batch import IngestReport, Outcome, PipelineFactory

DEFAULT_WINDOW = 2_000
DEFAULT_BATCH_SIZE = 16


class ExtractBatch:
    """Ray Data stateful transform: builds the pipeline once, runs it over each batch of rows."""

    def __init__(self, settings: Settings | None = None, factory: PipelineFactory | None = None) -> None:
        from flashpoint.build import build_pipeline

        self.nlp = factory() if factory is not None else build_pipeline(settings)

    def __call__(self, batch: Any) -> dict[str, list[Any]]:
        docs = (row_document(row) for row in batch_rows(batch))
        results = self.nlp.pipe_safe(docs)
        return rows_batch((result_row(result) for result in results), RESULT_COLUMNS)


def start_ray(num_cpus: int | None, *, quiet: bool = False) -> Any:
    """Join the cluster named by `RAY_ADDRESS`, or start a local Ray on `num_cpus` cores."""
    try:
        import ray
    except ImportError as exc:
        raise ConfigError("the ray engine needs the optional extra: pip install 'flashpoint[ray]'", field="engine") from exc
    # Usage statistics would phone home; Flashpoint runs offline.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if not ray.is_initialized():
        local: dict[str, Any] = {} if os.environ.get("RAY_ADDRESS") else {"num_cpus": num_cpus, "include_dashboard": False}
        ray.init(**local, logging_level=logging.WARNING if quiet else logging.INFO, log_to_driver=not quiet)
    ray.data.DataContext.get_current().enable_progress_bars = not quiet
    return ray


def _actor_count(ray: Any, num_cpus: int | None, documents: int, batch_size: int) -> int:
    cores = num_cpus or int(ray.cluster_resources().get("CPU", 1))
    return max(1, min(cores, math.ceil(documents / batch_size)))


def extract_rows(
    docs: Sequence[Document],
    *,
    settings: Settings | None = None,
    factory: PipelineFactory | None = None,
    num_cpus: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    quiet: bool = False,
) -> Iterator[Row]:
    """Run the pipeline over `docs` on Ray actors; yields one result row per document (any order)."""
    if not docs:
        return
    ray = start_ray(num_cpus, quiet=quiet)
    actors = _actor_count(ray, num_cpus, len(docs), batch_size)
    dataset = ray.data.from_items([document_row(doc) for doc in docs], override_num_blocks=actors * 4)
    results = dataset.map_batches(
        ExtractBatch,
        fn_constructor_kwargs={"settings": settings, "factory": factory},
        compute=ray.data.ActorPoolStrategy(size=actors),
        batch_size=batch_size,
        batch_format="numpy",
        num_cpus=1,
    )
    for batch in results.iter_batches(batch_size=batch_size, batch_format="numpy"):
        yield from batch_rows(batch)


def _as_document(raw: Any, published: dt.date | None) -> Document | Failure:
    if isinstance(raw, Failure):
        return raw
    try:
        doc = raw if isinstance(raw, Document) else raw.to_document()
    except FlashpointError as exc:
        return Failure(exc.doc_id, "ingest", exc.message, exc.path or getattr(raw, "path", None))
    return doc.with_layers(published=published) if doc.published is None and published else doc


def _windows(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    window: list[Any] = []
    for item in items:
        window.append(item)
        if len(window) >= size:
            yield window
            window = []
    if window:
        yield window


def _fresh(window: list[Document | Failure], sink: ResultSink, report: IngestReport,
           notify: Callable[[Outcome], None]) -> list[Document]:
    """The window's documents not written yet (nor repeated earlier in the window); the rest are counted."""
    docs = [item for item in window if isinstance(item, Document)]
    seen = sink.known(doc.doc_id for doc in docs)
    fresh = []
    for item in window:
        if isinstance(item, Failure):
            report.failures.append(item)
            notify("failed")
        elif item.doc_id in seen:
            report.skipped += 1
            notify("skipped")
        else:
            seen.add(item.doc_id)
            fresh.append(item)
    return fresh


def ingest_with_ray(
    raws: Iterable[Any],
    sink: ResultSink,
    *,
    settings: Settings | None = None,
    factory: PipelineFactory | None = None,
    published: dt.date | None = None,
    num_cpus: int | None = None,
    window: int = DEFAULT_WINDOW,
    batch_size: int = DEFAULT_BATCH_SIZE,
    quiet: bool = False,
    notify: Callable[[Outcome], None] = lambda outcome: None,
) -> IngestReport:
    """Process `raws` (RawDocument, Document or Failure) window by window on Ray, into `sink`."""
    report = IngestReport()
    started = time.monotonic()
    documents = (_as_document(raw, published) for raw in raws)
    for items in _windows(documents, window):
        fresh = _fresh(items, sink, report, notify)
        rows = extract_rows(fresh, settings=settings, factory=factory, num_cpus=num_cpus, batch_size=batch_size, quiet=quiet)
        for row in rows:
            notify(sink.write(row, report))
        sink.flush()
    report.seconds = time.monotonic() - started
    return report


def run_ray(
    target: str | Path,
    *,
    settings: Settings,
    published: dt.date | None = None,
    num_cpus: int | None = None,
    output: Path | None = None,
    store_url: str | None = None,
    factory: PipelineFactory | None = None,
    window: int = DEFAULT_WINDOW,
    quiet: bool = False,
    notify: Callable[[Outcome], None] = lambda outcome: None,
) -> IngestReport:
    """Ingest `target` (anything `iter_documents` reads) with Ray, into the store at `store_url`
    or the Parquet folder `output` (exactly one). A re-run skips what was written before.

    Raises:
        ConfigError: Ray is not installed, or not exactly one of `output`/`store_url` is given.
        InputError: `target` does not exist.
    """
    from flashpoint.ingest.sources import iter_documents

    sink = open_sink(output=output, store_url=store_url)
    try:
        raws = iter_documents(
            target, max_chars=int(settings.get("max_doc_chars")), allow_private=bool(settings.get("allow_private_urls"))
        )
        return ingest_with_ray(raws, sink, settings=settings, factory=factory, published=published,
                               num_cpus=num_cpus, window=window, quiet=quiet, notify=notify)
    finally:
        sink.close()


__all__ = ["INPUT_COLUMNS", "ExtractBatch", "extract_rows", "ingest_with_ray", "run_ray", "start_ray"]
