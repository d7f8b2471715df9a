"""Every UCDP side in the Burkina Faso GED set maps to an actor through its UCDP name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.kb.actors import ActorKB


def _ucdp_sides(shared_dir: Path) -> set[str]:
    sides: set[str] = set()
    with (shared_dir / "eval" / "ucdp-bfa-events.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            event = json.loads(line)
            sides.update({event["side_a"], event["side_b"]})
    return sides


def test_actors_every_ucdp_side_resolves(kb: ActorKB, shared_dir: Path) -> None:
    sides = _ucdp_sides(shared_dir)
    assert len(sides) >= 5
    missing = sorted(side for side in sides if kb.by_ucdp_name(side, countries=("BF",)) is None)
    assert missing == []


@pytest.mark.parametrize(
    ("side", "countries", "expected"),
    [
        ("JNIM", ("BF",), "jnim"),
        ("IS", ("BF",), "issp"),
        ("IS", ("IQ",), "islamic_state"),
        ("Government of Burkina Faso", ("BF",), "military_forces_burkina_faso"),
        ("Koglweogo", ("BF",), "koglweogo"),
        ("Civilians", ("BF",), "civilians"),
        ("Ansaroul Islam", ("BF",), "ansarul_islam"),
        ("AQIM", ("BF",), "aqim"),
    ],
)
def test_actors_ucdp_side_maps_to_actor(kb: ActorKB, side: str, countries: tuple[str, ...], expected: str) -> None:
    actor = kb.by_ucdp_name(side, countries=countries)
    assert actor is not None and actor.id == expected


def test_actors_ucdp_name_without_context_prefers_sahel(kb: ActorKB) -> None:
    actor = kb.by_ucdp_name("IS")
    assert actor is not None and actor.id == "issp"
