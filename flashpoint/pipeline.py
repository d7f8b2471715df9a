"""Named stages over one `Document`, and the pipeline that runs them in order.

A stage declares what it `requires` and `assigns` (layer names of `Document`);
building a pipeline checks every requirement is met upstream, and running it
checks each stage returns a `Document` — a bad config fails at load, naming the stage.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar, TypeVar

from flashpoint.deadline import DeadlineExceeded, deadline
from flashpoint.errors import ConfigError, FlashpointError
from flashpoint.model import Document, Failure

T = TypeVar("T")
# Documents `pipe_safe` hands a batching stage at once: a model's batch costs far less per
# text, and a batch killed mid-way loses only its own documents' work.
BATCH_SIZE = 16
BASE_LAYERS = frozenset({"text", "doc_id", "published", "lang", "source", "url", "path", "title"})


class Stage:
    """Base class of a pipeline stage: a name, declared layers, `__call__` and `pipe`."""

    name: ClassVar[str] = "stage"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()
    batches: ClassVar[bool] = False
    """True when `pipe` over many documents costs less than `__call__` on each (a statistical
    model's batch): `Pipeline.pipe_safe` then hands it a batch of documents at once."""

    def __call__(self, doc: Document) -> Document:
        raise NotImplementedError(f"stage {self.name!r} must implement __call__")

    def pipe(self, docs: Iterable[Document], *, batch_size: int = 32) -> Iterator[Document]:
        """Process a stream of documents; stages that batch well override this."""
        for doc in docs:
            yield self(doc)


def check_layers(stages: Sequence[Stage]) -> None:
    """Raise ConfigError when a stage requires a layer no earlier stage assigns."""
    available = set(BASE_LAYERS)
    for stage in stages:
        missing = [layer for layer in stage.requires if layer not in available]
        if missing:
            raise ConfigError(
                f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns",
                stage=stage.name,
            )
        available.update(stage.assigns)


class Pipeline:
    """The ordered stages; `nlp(text)` is `nlp.pipe` with one item."""

    def __init__(self, stages: Sequence[Stage], *, max_seconds: float | None = None) -> None:
        check_layers(stages)
        self.stages: list[Stage] = list(stages)
        self.max_seconds = max_seconds
        """Per-document time limit of `run_one_safe` (setting `max_doc_seconds`)."""

    @property
    def stage_names(self) -> list[str]:
        """Names of the stages, in order."""
        return [stage.name for stage in self.stages]

    def get_stage(self, name: str) -> Stage:
        """Return the stage called `name`; ConfigError lists the valid names."""
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise ConfigError(f"no stage {name!r}; stages are: {', '.join(self.stage_names)}", stage=name)

    def __call__(self, text: str | Document, *, published: dt.date | str | None = None, **meta: Any) -> Document:
        doc = text if isinstance(text, Document) else make_document(text, published=published, **meta)
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document], *, batch_size: int = 32) -> Iterator[Document]:
        """Run every stage over a stream of documents, raising on the first failure."""
        stream: Iterable[Document] = docs
        for stage in self.stages:
            stream = _checked(stage, stage.pipe(stream, batch_size=batch_size))
        yield from stream

    def pipe_safe(self, docs: Iterable[Document | Failure], *, batch_size: int = BATCH_SIZE) -> Iterator[Document | Failure]:
        """Like `pipe`, but a failing document becomes a `Failure` and the batch goes on.

        Results come in input order (a `Failure` given passes through). Stages that batch
        see up to `batch_size` documents at once; the others, and the time limit, work per
        document as in `run_one_safe` (the limit applies to each run of per-document stages).
        """
        for chunk in chunked(docs, batch_size):
            yield from self._run_chunk(chunk)

    def _run_chunk(self, chunk: list[Document | Failure]) -> Iterator[Document | Failure]:
        results, start = chunk, 0
        for index, stage in enumerate(self.stages):
            if stage.batches and len(results) > 1:
                results = [self._run_stages(item, self.stages[start:index]) for item in results]
                results = self._run_batched(stage, results)
                start = index + 1
        # After the last batching stage each document is yielded as soon as it is done.
        for item in results:
            yield self._run_stages(item, self.stages[start:])

    def _run_batched(self, stage: Stage, items: list[Document | Failure]) -> list[Document | Failure]:
        """`stage.pipe` over the documents of `items`; when it fails, each document on its own
        (so the failure is pinned to the document that caused it)."""
        docs = [item for item in items if isinstance(item, Document)]
        try:
            results = [_check_result(stage, result) for result in stage.pipe(docs, batch_size=len(docs))]
            if len(results) != len(docs):
                raise ConfigError(f"stage {stage.name!r} returned {len(results)} documents for {len(docs)}", stage=stage.name)
        except Exception:  # one bad document must not fail its batch: retried one by one below
            return [self._run_stages(item, [stage]) for item in items]
        done = iter(results)
        return [next(done) if isinstance(item, Document) else item for item in items]

    def run_one_safe(self, doc: Document) -> Document | Failure:
        """Run all stages on one document within `max_seconds`, turning an error into a
        `Failure` naming the stage."""
        return self._run_stages(doc, self.stages)

    def _run_stages(self, doc: Document | Failure, stages: Sequence[Stage]) -> Document | Failure:
        if isinstance(doc, Failure) or not stages:
            return doc
        current, stage = doc, stages[0]
        try:
            with deadline(self.max_seconds) as expires:
                for stage in stages:
                    current = _check_result(stage, stage(current))
                    if time.monotonic() > expires:
                        raise DeadlineExceeded(f"took longer than {self.max_seconds:g} s")
        except DeadlineExceeded as exc:
            return Failure(doc.doc_id, stage.name, f"{exc} (max_doc_seconds)", doc.path)
        except FlashpointError as exc:
            return Failure(doc.doc_id, stage.name, exc.message, doc.path)
        except Exception as exc:  # a bug in one document must not kill the batch
            return Failure(doc.doc_id, stage.name, f"{type(exc).__name__}: {exc}", doc.path)
        return current


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter), read lazily."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _check_result(stage: Stage, result: object) -> Document:
    if not isinstance(result, Document):
        raise ConfigError(
            f"stage {stage.name!r} returned {type(result).__name__}, not a Document", stage=stage.name
        )
    return result


def _checked(stage: Stage, docs: Iterable[Document]) -> Iterator[Document]:
    for doc in docs:
        yield _check_result(stage, doc)


def parse_published(value: dt.date | str | None) -> dt.date | None:
    """Accept a date, an ISO `YYYY-MM-DD` string or None; ConfigError otherwise."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise ConfigError(f"published date {value!r} is not YYYY-MM-DD", field="published", value=value) from exc


def make_document(text: str, *, published: dt.date | str | None = None, **meta: Any) -> Document:
    """Build a `Document` from text and metadata (the entry point of `nlp(text)`)."""
    return Document.from_text(text, published=parse_published(published), **meta)
