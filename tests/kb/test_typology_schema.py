"""The shipped typology: 6 ACLED event types, 25 sub-types spelled exactly, rules that validate."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from flashpoint.datafiles import data_path
from flashpoint.errors import DataFileError
from flashpoint.kb.typology import load_typology

# ACLED's spelling, as in codebook-notes.md §1.1 (order included).
EXPECTED = [
    ("Battles", "Armed clash"),
    ("Battles", "Government regains territory"),
    ("Battles", "Non-state actor overtakes territory"),
    ("Explosions/Remote violence", "Chemical weapon"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Suicide bomb"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Grenade"),
    ("Violence against civilians", "Sexual violence"),
    ("Violence against civilians", "Attack"),
    ("Violence against civilians", "Abduction/forced disappearance"),
    ("Protests", "Peaceful protest"),
    ("Protests", "Protest with intervention"),
    ("Protests", "Excessive force against protesters"),
    ("Riots", "Violent demonstration"),
    ("Riots", "Mob violence"),
    ("Strategic developments", "Agreement"),
    ("Strategic developments", "Arrests"),
    ("Strategic developments", "Change to group/activity"),
    ("Strategic developments", "Disrupted weapons use"),
    ("Strategic developments", "Headquarters or base established"),
    ("Strategic developments", "Looting/property destruction"),
    ("Strategic developments", "Non-violent transfer of territory"),
    ("Strategic developments", "Other"),
]


def test_typology_has_the_25_sub_types_spelled_exactly() -> None:
    typology = load_typology()
    assert typology.sub_types == EXPECTED
    assert len(typology.type_names) == 6


@pytest.mark.parametrize(("event_type", "sub_type"), EXPECTED)
def test_typology_event_type_of(event_type: str, sub_type: str) -> None:
    assert load_typology().event_type_of(sub_type) == event_type


@pytest.mark.parametrize(
    ("sub_type", "case_label", "disorder"),
    [
        ("Armed clash", "ARMED_CLASH", "Political violence"),
        ("Looting/property destruction", "PROPERTY_DISTRUCT", "Strategic developments"),
        ("Excessive force against protesters", "FORCE_AGAINST_PROTEST", "Political violence; Demonstrations"),
        ("Violent demonstration", "VIOL_DEMONSTR", "Demonstrations"),
        ("Mob violence", "MOB_VIOL", "Political violence"),
        ("Peaceful protest", "PEACE_PROTEST", "Demonstrations"),
    ],
)
def test_typology_case_label_and_disorder_type(sub_type: str, case_label: str, disorder: str) -> None:
    typology = load_typology()
    assert typology.case_label_of(sub_type) == case_label
    assert typology.sub_type_of_case_label(case_label) == sub_type
    assert typology.disorder_type_of(sub_type) == disorder


@pytest.mark.parametrize("label", ["ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"])
def test_typology_non_acled_case_labels_are_no_event(label: str) -> None:
    assert load_typology().sub_type_of_case_label(label) is None


def test_typology_unknown_names_raise_key_error() -> None:
    typology = load_typology()
    with pytest.raises(KeyError, match="valid"):
        typology.event_type_of("Armed Clash")
    with pytest.raises(KeyError):
        typology.sub_type_of_case_label("NOT_A_LABEL")


Edit = Callable[[dict[str, Any]], None]


def _write_variant(tmp_path: Path, edit: Edit) -> Path:
    shipped = yaml.safe_load(data_path("typology.yaml").read_text(encoding="utf-8"))
    edit(shipped)
    path = tmp_path / "typology.yaml"
    path.write_text(yaml.safe_dump(shipped, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _misspell_sub_type_in_rule(content: dict[str, Any]) -> None:
    content["rules"][0]["into"] = "Disrupted weapon use"


def _duplicate_sub_type(content: dict[str, Any]) -> None:
    content["event_types"][0]["sub_types"][1]["name"] = "Armed clash"


def _bad_disorder_type(content: dict[str, Any]) -> None:
    content["event_types"][0]["sub_types"][0]["disorder_type"] = "Violence"


def _rule_without_condition(content: dict[str, Any]) -> None:
    content["rules"][0].pop("min_ratio")


def _drop_header(content: dict[str, Any]) -> None:
    content.pop("licence")


def _unknown_field(content: dict[str, Any]) -> None:
    content["event_types"][0]["sub_types"][0]["colour"] = "red"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_misspell_sub_type_in_rule, "Disrupted weapon use"),
        (_duplicate_sub_type, "duplicate sub-type 'Armed clash'"),
        (_bad_disorder_type, "disorder_type"),
        (_rule_without_condition, "min_ratio/min_score/when_cue"),
        (_drop_header, "licence"),
        (_unknown_field, "colour"),
    ],
)
def test_typology_bad_file_names_the_problem(tmp_path: Path, edit: Edit, message: str) -> None:
    path = _write_variant(tmp_path, edit)
    with pytest.raises(DataFileError, match=message) as caught:
        load_typology(path)
    assert caught.value.path == str(path)
