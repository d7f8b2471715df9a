"""Pipeline construction checks layers; running checks results; failures do not stop a batch."""

from __future__ import annotations

import pytest

from flashpoint.errors import ConfigError
from flashpoint.model import Document, Failure
from flashpoint.pipeline import Pipeline, Stage, parse_published


class Countries(Stage):
    name = "countries"
    assigns = ("countries",)

    def __call__(self, doc: Document) -> Document:
        return doc.with_layers(countries=("ML",))


class NeedsActors(Stage):
    name = "needs_actors"
    requires = ("actors",)

    def __call__(self, doc: Document) -> Document:
        return doc


class ReturnsNone(Stage):
    name = "broken"

    def __call__(self, doc: Document) -> Document:
        return None  # type: ignore[return-value]


class Explodes(Stage):
    name = "explodes"

    def __call__(self, doc: Document) -> Document:
        if "boom" in doc.text:
            raise RuntimeError("bad document")
        return doc


def test_pipeline_missing_requirement_fails_at_build_naming_the_stage() -> None:
    with pytest.raises(ConfigError, match="needs_actors.*actors"):
        Pipeline([Countries(), NeedsActors()])


def test_pipeline_stage_that_returns_no_document_is_named() -> None:
    with pytest.raises(ConfigError, match="broken"):
        Pipeline([ReturnsNone()])("text")


def test_pipeline_failure_keeps_the_batch_going() -> None:
    nlp = Pipeline([Countries(), Explodes()])
    results = list(nlp.pipe_safe([Document.from_text("boom"), Document.from_text("calm")]))
    assert isinstance(results[0], Failure) and results[0].stage == "explodes"
    assert isinstance(results[1], Document) and results[1].countries == ("ML",)


@pytest.mark.parametrize("value", ["2022-13-01", "last week", "15/11/2022"])
def test_pipeline_parse_published_rejects_bad_dates(value: str) -> None:
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        parse_published(value)


class Sleeps(Stage):
    name = "sleeps"

    def __call__(self, doc: Document) -> Document:
        import time

        time.sleep(5)
        return doc


@pytest.mark.issue(8)
def test_pipeline_time_limit_turns_a_slow_document_into_a_failure() -> None:
    import time

    nlp = Pipeline([Countries(), Sleeps()], max_seconds=0.3)
    started = time.monotonic()
    result = nlp.run_one_safe(Document.from_text("slow"))
    assert isinstance(result, Failure) and result.stage == "sleeps" and "max_doc_seconds" in result.error
    assert time.monotonic() - started < 2


class Batched(Stage):
    """A batching stage that records its batch sizes; a document saying "poison" breaks its batch."""

    name = "batched"
    batches = True
    assigns = ("title",)

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def __call__(self, doc: Document) -> Document:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, *, batch_size: int = 32):  # type: ignore[no-untyped-def]
        docs = list(docs)
        self.sizes.append(len(docs))
        if any("poison" in doc.text for doc in docs):
            raise RuntimeError("poisoned batch")
        return [doc.with_layers(title=doc.text.upper()) for doc in docs]


def test_pipe_safe_hands_batching_stages_whole_batches_and_keeps_order() -> None:
    stage = Batched()
    nlp = Pipeline([Countries(), stage, Countries()])
    given: list[Document | Failure] = [Document.from_text(f"report {i}") for i in range(5)]
    given.insert(2, Failure("gone", "ingest", "unreadable", "x.txt"))
    results = list(nlp.pipe_safe(given, batch_size=4))
    assert stage.sizes == [3, 2]  # the Failure takes a place in its chunk but never reaches a stage
    assert [getattr(r, "title", None) or r.doc_id for r in results] == [
        "REPORT 0", "REPORT 1", "gone", "REPORT 2", "REPORT 3", "REPORT 4"]


def test_pipe_safe_pins_a_failing_batch_on_the_document_that_breaks_it() -> None:
    nlp = Pipeline([Countries(), Batched()])
    results = list(nlp.pipe_safe([Document.from_text(t) for t in ("calm", "poison", "quiet")], batch_size=8))
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Document"]
    assert isinstance(results[1], Failure) and results[1].stage == "batched" and "poisoned" in results[1].error
    assert [r.title for r in results if isinstance(r, Document)] == ["CALM", "QUIET"]
