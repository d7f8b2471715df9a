"""State forces implied for the countries of the knowledge base's list that have no entry of their own."""

from __future__ import annotations

import pytest

from flashpoint.kb.actors import ActorKB
from flashpoint.kb.records import Actor
from flashpoint.kb.schema import CountryEntry, DatedName
from flashpoint.kb.state_forces import implied_state_forces


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_only_countries_without_a_written_entry_get_implied_forces() -> None:
    written = {"military_forces_mali": Actor(id="military_forces_mali", acled_names=(DatedName(name="Military Forces of Mali (2021-)"),),
                                             inter=1, countries=("ML",), generic_role="military")}
    countries = {"ML": CountryEntry(code="ML", name="Mali"), "TR": CountryEntry(code="TR", name="Turkey")}
    implied = {actor.id: actor for actor in implied_state_forces(written, countries)}
    assert set(implied) == {"police_forces_ml", "military_forces_tr", "police_forces_tr"}
    turkey = implied["military_forces_tr"]
    assert (turkey.acled_name, turkey.inter, turkey.countries, turkey.generic_role) == ("Military Forces of Turkey", 1, ("TR",), "military")
    assert "implied" in turkey.tags and "implied" in turkey.source


@pytest.mark.parametrize(
    ("text", "actor_id", "name"),
    [
        ("Turkish army", "military_forces_tr", "Military Forces of Turkey"),
        ("Israeli forces", "military_forces_il", "Military Forces of Israel"),
        ("Burmese police", "police_forces_mm", "Police Forces of Myanmar"),
        ("Malian army", "military_forces_mali", None),  # the written entry, with its regime periods
        ("Yemeni government forces", "military_forces_ye", "Military Forces of Yemen"),
        ("forces gouvernementales maliennes", "military_forces_mali", None),
        ("two suicide bombers", "unidentified_armed_group", None),
    ],
)
def test_a_demonym_and_a_role_name_the_state_forces(kb: ActorKB, text: str, actor_id: str, name: str | None) -> None:
    resolution = kb.resolve(text)
    assert resolution.actor is not None and resolution.actor.id == actor_id
    if name is not None:
        assert kb.acled_name(actor_id) == name


def test_an_implied_actor_never_outranks_a_written_one(kb: ActorKB) -> None:
    implied = [actor for actor in kb if "implied" in actor.tags]
    written = [actor for actor in kb if "implied" not in actor.tags]
    assert implied and max(actor.rank for actor in written) < min(actor.rank for actor in implied)
    assert not {(a.generic_role, a.countries[0]) for a in implied} & {(a.generic_role, a.countries[0]) for a in written if a.generic_role and a.countries}
