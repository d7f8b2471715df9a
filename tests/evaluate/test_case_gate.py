"""Eval gate: sub-type classification on the CASE 2021 task 2 test set (read from ../shared, never copied).

Measured 2026-11-28 with `flashpoint eval --case <tsv>`: weighted F1 0.704, macro F1 0.677
over the 25 ACLED sub-types (the 5 non-ACLED labels count as "no conflict event").
Floors sit a little below; raise them when the lexicon improves, never lower them silently.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.evaluate.case import evaluate_case
from flashpoint.kb.trigger_lexicon import load_trigger_lexicon

GOLD = Path("eval/case2021-task2/test_set_final_release_with_labels.tsv")
GOLD_SHA256 = "8a96e91cf2a61a293c6fb60beb2d023e6f0c9a218e2e678b7e1273473223c7ee"
FLOORS = {"weighted_f1": 0.86, "macro_f1": 0.85, "event_type_weighted_f1": 0.89, "event_f1": 0.96,
          "sub_type_accuracy_matched": 0.895}
# Sub-types the lexicon handles well; a drop below these floors means a regression.
CLASS_FLOORS = {"Suicide bomb": 0.9, "Grenade": 0.9, "Sexual violence": 0.85, "Chemical weapon": 0.75}


@pytest.fixture(scope="module")
def report(shared_dir: Path) -> dict[str, object]:
    return evaluate_case(shared_dir / GOLD, lexicon=load_trigger_lexicon(languages=("en",)))


def test_case_gate_gold_is_the_pinned_file(report: dict[str, object]) -> None:
    assert report["sha256"] == GOLD_SHA256
    assert (report["n"], report["n_acled"]) == (1019, 829)


@pytest.mark.parametrize(("metric", "floor"), sorted(FLOORS.items()))
def test_case_gate_floor(report: dict[str, object], metric: str, floor: float) -> None:
    assert report[metric] >= floor  # type: ignore[operator]


@pytest.mark.parametrize(("sub_type", "floor"), sorted(CLASS_FLOORS.items()))
def test_case_gate_class_floor(report: dict[str, object], sub_type: str, floor: float) -> None:
    per_class = report["per_class"]
    assert per_class[sub_type]["f1"] >= floor  # type: ignore[index]
