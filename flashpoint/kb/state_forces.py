"""State forces of every country the knowledge base names, for those without an entry of their own.

ACLED codes any state's army as "Military Forces of <Country>" and its police as "Police
Forces of <Country>". The knowledge base writes entries (with regime periods, UCDP names and
aliases) for the states it follows closely; for the other countries of its country list,
"Israeli forces" or "the Turkish army" would otherwise name nobody and the event would be
lost. These implied entries carry the ACLED name without a regime period (the knowledge
base does not know the periods) and say where they come from.

Example:
    >>> [a.id for a in implied_state_forces({}, {"TR": CountryEntry(code="TR", name="Turkey")})]
    ['military_forces_tr', 'police_forces_tr']
"""

from __future__ import annotations

from collections.abc import Mapping

from flashpoint.kb.records import Actor
from flashpoint.kb.schema import CountryEntry, DatedName

_ROLES = {"military": "Military Forces of {name}", "police": "Police Forces of {name}"}
SOURCE = "implied: the state forces of a country in the knowledge base's country list"
# After every written entry: an implied one never outranks a real one.
_RANK = 95


def implied_state_forces(actors: Mapping[str, Actor], countries: Mapping[str, CountryEntry]) -> list[Actor]:
    """An actor per country and role (military, police) that no written entry covers."""
    covered = {(actor.generic_role, actor.countries[0]) for actor in actors.values() if actor.generic_role and actor.countries}
    implied = []
    for code, country in sorted(countries.items()):
        for role, pattern in _ROLES.items():
            actor_id = f"{role}_forces_{code.lower()}"
            if (role, code) in covered or actor_id in actors:
                continue
            implied.append(Actor(
                id=actor_id, acled_names=(DatedName(name=pattern.format(name=country.name)),), inter=1,
                countries=(code,), tags=("state", role, "implied"), generic_role=role, rank=_RANK, source=SOURCE,
            ))
    return implied
