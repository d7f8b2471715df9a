"""The knowledge base's own records: an `Actor` and a `SurfaceForm` (a string that may name one).

Both are built once from validated data files and never change afterwards.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from flashpoint.kb.schema import AliasEntry, DatedName, LinkEntry

FormKind = Literal["alias", "descriptor", "coref", "generic"]


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor of the knowledge base, with its names over time and what it is known by.

    Example:
        >>> kb.get("issp").name_on(dt.date(2021, 6, 1))
        'Islamic State (West Africa) - Greater Sahara Faction'
    """

    id: str
    acled_names: tuple[DatedName, ...]
    inter: int
    ucdp_names: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    aliases: tuple[AliasEntry, ...] = ()
    descriptors: tuple[AliasEntry, ...] = ()
    links: tuple[LinkEntry, ...] = ()
    country_suffix: bool = False
    generic_role: str | None = None
    rank: int = 50
    source: str = ""
    """The data file that defined the actor (user files that extend it are not listed)."""

    @property
    def acled_name(self) -> str:
        """The current ACLED name (the one with no end date, else the latest)."""
        open_ended = [name for name in self.acled_names if name.valid_to is None]
        return (open_ended or list(self.acled_names))[-1].name

    @property
    def ucdp_name(self) -> str | None:
        """UCDP's name for the actor, when UCDP codes it."""
        return self.ucdp_names[0] if self.ucdp_names else None

    def name_on(self, date: dt.date | None) -> str:
        """ACLED's name on `date`: the regime period or the name in use then; current if no date."""
        if date is None:
            return self.acled_name
        for name in self.acled_names:
            if name.valid_on(date):
                return name.name
        # Before the first or after the last dated name: the nearest one in time.
        first, last = self.acled_names[0], self.acled_names[-1]
        return first.name if first.valid_from and date < first.valid_from else last.name

    def active_on(self, date: dt.date | None) -> bool:
        """False when `date` falls before the first or after the last ACLED name of the actor."""
        if date is None:
            return True
        first, last = self.acled_names[0], self.acled_names[-1]
        if first.valid_from and date < first.valid_from:
            return False
        return not (last.valid_to and date > last.valid_to)

    def linked(self, link_type: str) -> tuple[str, ...]:
        """Ids of the actors this one is linked to by `link_type` (parent, successor, ...)."""
        return tuple(link.actor for link in self.links if link.type == link_type)


@dataclass(frozen=True, slots=True)
class SurfaceForm:
    """A string that may name an actor, and how to resolve it.

    `alias`/`descriptor` forms name an actor (`context` when other actors share
    them); `coref` forms refer back to an earlier actor whose tags fit `refers_to`;
    `generic` forms name a role (military, civilians, unidentified) in a country.
    """

    text: str
    kind: FormKind
    actor_id: str | None = None
    context: bool = False
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    case_sensitive: bool = False
    words: tuple[str, ...] = ()
    refers_to: tuple[str, ...] = ()
    role: str | None = None
    country: str | None = None
    lang: str = "any"

    def valid_on(self, date: dt.date | None) -> bool:
        """True when `date` is unknown or inside the alias's validity range."""
        if date is None:
            return True
        return not ((self.valid_from and date < self.valid_from) or (self.valid_to and date > self.valid_to))
