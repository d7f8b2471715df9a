"""Test support for the store, API and ingest tests: clean stores per backend, a model-free pipeline.

`clean_store_url(backend)` gives a fresh SQLite file or an emptied PostgreSQL test
database (`FLASHPOINT_TEST_PG_URL`); when that variable is unset the PostgreSQL case
fails under CI and is skipped elsewhere. `keyword_pipeline()` is a one-stage pipeline
that codes "killed"/"clash" sentences without any model, so ingest mechanics (skip,
resume, workers) can be tested quickly; it is not an extractor.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from pathlib import Path
from typing import ClassVar

from sqlalchemy import text

from flashpoint.model import ActorRef, Document, Event, Fatalities, Place, Span, TimeRange, Trigger
from flashpoint.pipeline import Pipeline, Stage
from flashpoint.store.engine import open_store

PG_ENV = "FLASHPOINT_TEST_PG_URL"
TABLES = ("merge_splits", "reviews", "cluster_actors", "clusters", "influences", "events", "documents")


def postgres_url() -> str:
    """The PostgreSQL test URL; fails under CI and skips elsewhere when it is not set."""
    import pytest

    url = os.environ.get(PG_ENV)
    if not url:
        message = f"{PG_ENV} is not set (run: eval \"$(bash .ci/postgres.sh)\")"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return url


def clean_store_url(backend: str, tmp_path: Path) -> str:
    """A URL of an empty, migrated store on `backend` ("sqlite" or "postgresql")."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    url = postgres_url()
    with open_store(url) as store, store.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
    return url


class KeywordEvents(Stage):
    """Codes one Battles event per sentence containing "clash" or "killed" (test double, no model)."""

    name: ClassVar[str] = "keyword_events"
    assigns: ClassVar[tuple[str, ...]] = ("events",)
    _WORD = re.compile(r"\b(clash|killed)\b", re.IGNORECASE)

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def __call__(self, doc: Document) -> Document:
        if self.delay:
            time.sleep(self.delay)
        if "FAIL" in doc.text:
            raise ValueError("asked to fail")
        events = tuple(self._event(doc, i, m) for i, m in enumerate(self._WORD.finditer(doc.text)))
        return doc.with_layers(events=events)

    def _event(self, doc: Document, index: int, match: re.Match[str]) -> Event:
        span = Span(match.start(), match.end())
        day = doc.published or dt.date(2024, 1, 1)
        place = Place("Testville", None, "ML", "Mopti", None, 14.5, -4.2, 1, 1, "Testville", span)
        return Event(
            doc_id=doc.doc_id, event_id=f"e{index}", event_type="Battles", sub_event_type="Armed clash",
            actor1=ActorRef("jnim", "JNIM", "JNIM", span, inter=2), actor2=None, place=place,
            time=TimeRange(day, day, 1, 1, "today", span), fatalities=Fatalities(),
            trigger=Trigger("Battles", "Armed clash", span, match.group(0)), evidence=(span,),
        )


def keyword_pipeline() -> Pipeline:
    """The model-free test pipeline (factory for `--pipeline flashpoint.store.testing:keyword_pipeline`)."""
    return Pipeline([KeywordEvents()])


def slow_keyword_pipeline() -> Pipeline:
    """The test pipeline with a delay per document, so a kill lands mid-batch."""
    return Pipeline([KeywordEvents(delay=float(os.environ.get("FLASHPOINT_TEST_DELAY", "0.05")))])
