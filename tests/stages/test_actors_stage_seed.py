"""The actors stage on the seed report (read from ../shared, never copied)."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest

from flashpoint.kb.actors import ActorKB
from flashpoint.model import ActorRef, Document, Sentence, Span
from flashpoint.stages.actors import ActorStage

SEED_COUNTRIES = ("ML", "NE", "DZ", "MR", "BF")


@pytest.fixture(scope="module")
def seed_refs(shared_dir: Path) -> tuple[ActorRef, ...]:
    text = (shared_dir / "seed" / "menaka-article.txt").read_text(encoding="utf-8")
    starts = [0, *(m.end() for m in re.finditer(r"(?<=[.!?])\s+|\n+", text))]
    ends = [*starts[1:], len(text)]
    sentences = tuple(Sentence(Span(a, b), i) for i, (a, b) in enumerate(zip(starts, ends)) if b > a)
    doc = Document.from_text(text, published=dt.date(2022, 11, 15)).with_layers(
        sentences=sentences, countries=SEED_COUNTRIES
    )
    return ActorStage(ActorKB.load())(doc).actors


def _mentions(refs: tuple[ActorRef, ...], pattern: str) -> list[ActorRef]:
    return [ref for ref in refs if re.fullmatch(pattern, ref.text, re.IGNORECASE)]


@pytest.mark.parametrize(
    ("pattern", "actor_id"),
    [
        (r"(the )?al-nusra( group)?", "jnim"),
        (r"nasrat al-islam and muslims", "jnim"),
        (r"the al-qaeda-affiliated group", "jnim"),
        (r"isis", "issp"),
        (r"the terrorist organization", "issp"),
        (r"(the )?platform( movement)?", "platform"),
        (r"national movement for the liberation of azawad", "mnla"),
    ],
)
def test_actors_stage_seed_mentions(seed_refs: tuple[ActorRef, ...], pattern: str, actor_id: str) -> None:
    found = _mentions(seed_refs, pattern)
    assert found, f"no mention matching {pattern!r}"
    assert {ref.id for ref in found} == {actor_id}


def test_actors_stage_seed_counts(seed_refs: tuple[ActorRef, ...]) -> None:
    assert len(_mentions(seed_refs, r"al-nusra( group)?")) >= 7
    assert len(_mentions(seed_refs, r"isis")) >= 10


def test_actors_stage_seed_never_means_syria(seed_refs: tuple[ActorRef, ...]) -> None:
    assert all(ref.id not in {"al_nusra_front", "islamic_state", "hts"} for ref in seed_refs)


def test_actors_stage_seed_civilians(seed_refs: tuple[ActorRef, ...]) -> None:
    civilians = [ref for ref in seed_refs if ref.id == "civilians"]
    assert len(civilians) >= 2 and all(ref.name == "Civilians" for ref in civilians)


def test_actors_stage_seed_time_per_document(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "menaka-article.txt").read_text(encoding="utf-8")
    stage = ActorStage(ActorKB.load())
    doc = Document.from_text(text).with_layers(countries=SEED_COUNTRIES)
    stage(doc)
    began = time.perf_counter()
    for _ in range(10):
        stage(doc)
    per_doc = (time.perf_counter() - began) / 10
    assert per_doc < 0.25, f"{per_doc * 1000:.1f} ms per document"
