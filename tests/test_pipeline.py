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
