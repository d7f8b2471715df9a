"""evaluate_toponyms: counts, distances and abstentions; targets on the UCDP Burkina Faso set."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from flashpoint.gazetteer.importer import import_files
from flashpoint.gazetteer.index import Gazetteer
from flashpoint.gazetteer.toponym_eval import evaluate_toponyms, format_toponym_report
from flashpoint.kb.actors import ActorKB

PLACES = [
    (1, "Djibo", "BF", "52", 14.10, -1.63, "P", "PPL", 60000, ()),
    (2, "Arbinda", "BF", "52", 14.23, -0.87, "P", "PPL", 0, ("Aribinda",)),
    (3, "Djibo", "ML", "01", 12.00, -8.00, "P", "PPL", 0, ()),
]


def write_gold(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_evaluate_toponyms_counts(tmp_path: Path, make_index: Callable[..., Path]) -> None:
    gaz = Gazetteer.open(make_index(PLACES))
    gold = write_gold(tmp_path / "gold.jsonl", [
        {"name": "Djibo", "country": "BF", "lat": 14.10, "lon": -1.63, "where_prec": 1},  # exact
        {"name": "Aribinda", "country": "BF", "lat": 14.50, "lon": -0.87, "where_prec": 2},  # ~30 km off
        {"name": "Nowhere", "country": "BF", "lat": 12.0, "lon": -1.0, "where_prec": 1},  # absent: abstain
    ])
    groups = evaluate_toponyms(gaz, gold)["groups"]
    assert (groups["all"]["n"], groups["all"]["found"], groups["all"]["abstained"]) == (3, 2, 1)
    assert groups["in_gazetteer"]["n"] == 1 and groups["in_gazetteer"]["acc@25km"] == 1.0
    assert groups["where_prec=2"]["within_25km"] == 0 and groups["where_prec=2"]["within_161km"] == 1
    assert groups["absent"]["abstain_rate"] == 0.5
    text = format_toponym_report(evaluate_toponyms(gaz, gold))
    assert "in_gazetteer" in text and "acc@161km" in text


def test_evaluate_toponyms_rejects_bad_lines(tmp_path: Path, make_index: Callable[..., Path]) -> None:
    from flashpoint.errors import InputError

    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"name": "Djibo"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        evaluate_toponyms(Gazetteer.open(make_index(PLACES)), gold)


def test_ucdp_bfa_toponyms_targets_with_country_dump(default_gazetteer: Path, shared_dir: Path, tmp_path: Path) -> None:
    """Where the place is in the gazetteer, counting abstentions as misses: >= 0.90 within 25 km and
    >= 0.97 within 161 km (the targets; measured 0.934 / 0.971 with the areas where the country's
    armed groups operate deciding between namesakes, 0.924 / 0.963 without them); most absent
    places are abstained on (an exact namesake elsewhere in the country is answered, with its count)."""
    index = tmp_path / "with-bf.sqlite"
    shutil.copy(default_gazetteer, index)
    import_files(index, [shared_dir / "data" / "geonames" / "BF.txt"])
    gold = shared_dir / "eval" / "ucdp-bfa-toponyms.jsonl"
    groups = evaluate_toponyms(Gazetteer.open(index), gold, ActorKB.load())["groups"]
    present = groups["in_gazetteer"]
    assert present["n"] >= 500
    assert present["acc@25km"] >= 0.90 and present["acc@161km"] >= 0.97
    without_actor_areas = evaluate_toponyms(Gazetteer.open(index), gold)["groups"]["in_gazetteer"]
    assert without_actor_areas["acc@161km"] < present["acc@161km"]
    assert present["found"] / present["n"] >= 0.95
    assert groups["absent"]["abstain_rate"] >= 0.6


def test_ucdp_bfa_toponyms_embedded_index_is_right_when_it_answers(default_gazetteer: Path, shared_dir: Path) -> None:
    gold = shared_dir / "eval" / "ucdp-bfa-toponyms.jsonl"
    groups = evaluate_toponyms(Gazetteer.open(default_gazetteer), gold, ActorKB.load())["groups"]
    assert groups["in_gazetteer"]["acc@25km"] >= 0.90 and groups["in_gazetteer"]["acc@161km"] >= 0.97
    assert groups["absent"]["abstain_rate"] >= 0.85
