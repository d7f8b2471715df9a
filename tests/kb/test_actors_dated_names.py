"""ACLED names follow the date: ISGS→ISSP renaming, regime periods, per-country suffixes."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.errors import ConfigError
from flashpoint.kb.actors import ActorKB


@pytest.mark.parametrize(
    ("actor_id", "date", "expected"),
    [
        ("issp", dt.date(2018, 6, 1), "Islamic State (Greater Sahara)"),
        ("issp", dt.date(2021, 6, 1), "Islamic State (West Africa) - Greater Sahara Faction"),
        ("issp", dt.date(2022, 3, 1), "Islamic State Sahel Province"),
        ("issp", dt.date(2023, 1, 10), "Islamic State Sahel Province"),
        ("issp", None, "Islamic State Sahel Province"),
        ("military_forces_mali", dt.date(2019, 1, 1), "Military Forces of Mali (2013-2020)"),
        ("military_forces_mali", dt.date(2021, 1, 1), "Military Forces of Mali (2020-2021)"),
        ("military_forces_mali", dt.date(2022, 11, 15), "Military Forces of Mali (2021-)"),
        ("military_forces_niger", dt.date(2023, 8, 1), "Military Forces of Niger (2023-)"),
        ("military_forces_burkina_faso", dt.date(2019, 1, 1), "Military Forces of Burkina Faso (2015-2022)"),
        ("jnim", dt.date(2015, 1, 1), "JNIM: Group for Support of Islam and Muslims"),
    ],
)
def test_actors_acled_name_follows_date(kb: ActorKB, actor_id: str, date: dt.date | None, expected: str) -> None:
    assert kb.acled_name(actor_id, date) == expected


def test_actors_issp_resolved_in_2021_carries_the_old_name(kb: ActorKB) -> None:
    before = kb.resolve("ISIS", countries=("ML",), date=dt.date(2021, 6, 1))
    after = kb.resolve("ISIS", countries=("ML",), date=dt.date(2023, 6, 1))
    assert before.actor is not None and after.actor is not None and before.actor.id == after.actor.id == "issp"
    assert before.actor.name_on(dt.date(2021, 6, 1)) != after.actor.name_on(dt.date(2023, 6, 1))


@pytest.mark.parametrize(
    ("actor_id", "country", "expected"),
    [
        ("unidentified_armed_group", "ML", "Unidentified Armed Group (Mali)"),
        ("unidentified_armed_group", "BF", "Unidentified Armed Group (Burkina Faso)"),
        ("islamic_state", "IQ", "Islamic State (Iraq)"),
        ("civilians", "ML", "Civilians"),
        ("jnim", "ML", "JNIM: Group for Support of Islam and Muslims"),
    ],
)
def test_actors_country_suffix(kb: ActorKB, actor_id: str, country: str, expected: str) -> None:
    assert kb.acled_name(actor_id, country=country) == expected


def test_actors_hedged_name_uses_and_or(kb: ActorKB) -> None:
    name = kb.hedged_acled_name(["jnim", "issp"], dt.date(2021, 6, 1))
    assert name == "JNIM: Group for Support of Islam and Muslims and/or Islamic State (West Africa) - Greater Sahara Faction"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Islamic State (Greater Sahara)", "issp"),
        ("Military Forces of Mali (2013-2020)", "military_forces_mali"),
        ("Unidentified Armed Group (Niger)", "unidentified_armed_group"),
        ("Civilians", "civilians"),
    ],
)
def test_actors_by_acled_name(kb: ActorKB, name: str, expected: str) -> None:
    actor = kb.by_acled_name(name)
    assert actor is not None and actor.id == expected


def test_actors_links_are_dated(kb: ActorKB) -> None:
    mnla = kb.get("mnla")
    assert "cma" in mnla.linked("member_of") and "fla" in mnla.linked("successor")
    assert kb.get("wagner").linked("successor") == ("africa_corps",)
    assert "jnim" in kb.get("katiba_macina").linked("member_of")


def test_actors_unknown_id_names_the_command(kb: ActorKB) -> None:
    with pytest.raises(ConfigError, match="flashpoint actors list"):
        kb.get("no_such_actor")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Unidentified Armed Group (Mali)", "unidentified_armed_group"),
        ("Civilians", "civilians"),
        ("Islamic State (West Africa) - Greater Sahara Faction", "issp"),
        ("JNIM: Group for Support of Islam and Muslims", "jnim"),
        ("Platform", "platform"),
    ],
)
def test_actors_resolve_accepts_acled_names(kb: ActorKB, name: str, expected: str) -> None:
    resolution = kb.resolve(name)
    assert resolution.actor is not None and resolution.actor.id == expected
