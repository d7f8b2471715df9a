"""Actor resolution accuracy on side mentions (`flashpoint eval --actors`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.evaluate.actors import evaluate_actor_sides, read_side_mentions
from flashpoint.kb.actors import ActorKB


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_actors_eval_reads_dates_and_file_country(tmp_path: Path) -> None:
    path = tmp_path / "sides.jsonl"
    path.write_text(json.dumps({"side_a": "JNIM", "side_b": "Civilians", "date_start": "03/17/2020 00:00:00"}) + "\n")
    mentions = read_side_mentions(path, country="ML")
    assert [(m[0], m[1], str(m[2])) for m in mentions] == [("JNIM", "ML", "2020-03-17"), ("Civilians", "ML", "2020-03-17")]


def test_actors_eval_unknown_side_is_a_miss(kb: ActorKB, tmp_path: Path) -> None:
    path = tmp_path / "sides.jsonl"
    path.write_text(json.dumps({"side_a": "JNIM", "side_b": "Some Invented Front"}) + "\n")
    report = evaluate_actor_sides(kb, path, country="ML")
    assert report["accuracy"] == 0.5 and "Some Invented Front" in report["misses"]


@pytest.mark.slow
def test_actors_eval_ucdp_burkina_sides_meet_the_target(kb: ActorKB, shared_dir: Path) -> None:
    report = evaluate_actor_sides(kb, shared_dir / "eval" / "ucdp-bfa-events.jsonl", country="BF")
    assert report["coverage"] == 1.0
    assert report["accuracy"] >= 0.97, report["misses"]
