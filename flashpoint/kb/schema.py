"""Pydantic schema of actor data files (`flashpoint/data/actors/*.yaml` and users' files).

A file holds a header (`schema`, `version`, `updated`, `source`, `licence`) and
any of these sections:

- `actors`: named actors (ACLED/UCDP names, inter code, aliases, descriptors, links);
- `coreference`: ambiguous descriptors ("the group") resolved to the last fitting actor;
- `generics`: phrases naming a kind of actor ("soldiers", "gunmen", "villagers");
- `countries`: country names and demonyms used to build generic phrases.

A user file may name an existing actor id with only the fields it adds or changes.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ACTOR_SCHEMA = "flashpoint.actors.v1"

ActorId = str
LinkType = Literal["parent", "affiliate", "member_of", "predecessor", "successor", "ally"]
GenericRole = Literal["military", "police", "civilians", "unidentified", "protesters", "rioters"]
Language = Literal["en", "fr", "ar", "any"]

_STRICT = ConfigDict(extra="forbid", frozen=True)


class _Dated(BaseModel):
    """Something valid between two optional dates (inclusive)."""

    model_config = _STRICT
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    @model_validator(mode="after")
    def _check_order(self) -> _Dated:
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValueError("valid_from after valid_to")
        return self

    def valid_on(self, date: dt.date | None) -> bool:
        """True when `date` is unknown or inside the validity range."""
        if date is None:
            return True
        return not ((self.valid_from and date < self.valid_from) or (self.valid_to and date > self.valid_to))


class DatedName(_Dated):
    """An ACLED name and the dates it applies to (regime periods, renamings)."""

    name: str = Field(min_length=1)


class AliasEntry(_Dated):
    """A name the press uses for an actor.

    `context: true` marks a name shared with another actor (al-Nusra, ISIS): it
    counts for this actor only when the document's countries or regions fit.
    """

    text: str = Field(min_length=1)
    lang: Language = "any"
    context: bool = False
    case_sensitive: bool | None = None
    """None: decided from the text (all-capital aliases are case-sensitive)."""


class LinkEntry(_Dated):
    """A dated relation to another actor of the knowledge base."""

    type: LinkType
    actor: ActorId


class ActorEntry(BaseModel):
    """One actor. Only `id` is required in a user file that extends an existing actor."""

    model_config = _STRICT
    id: ActorId = Field(pattern=r"^[a-z][a-z0-9_]*$")
    acled_names: list[DatedName] | None = None
    ucdp_names: list[str] = []
    inter: int | None = Field(default=None, ge=1, le=8)
    country_suffix: bool | None = None
    """ACLED adds the country: "Unidentified Armed Group (Mali)", "Islamic State (Iraq)"."""
    generic_role: GenericRole | None = None
    """The actor generic phrases ("soldiers", "the army") of its country resolve to."""
    tags: list[str] = []
    countries: list[str] = []
    regions: list[str] = []
    aliases: list[AliasEntry] = []
    descriptors: list[AliasEntry] = []
    links: list[LinkEntry] = []
    note: str | None = None

    @model_validator(mode="after")
    def _check_countries(self) -> ActorEntry:
        bad = [code for code in self.countries if len(code) != 2 or not code.isupper()]
        if bad:
            raise ValueError(f"countries must be ISO2 codes in capitals, not {bad}")
        return self


class CorefEntry(BaseModel):
    """An ambiguous descriptor and the kinds (tags) of actor it may refer back to."""

    model_config = _STRICT
    text: str = Field(min_length=1)
    lang: Language = "any"
    refers_to: list[str] = Field(min_length=1)


class GenericEntry(BaseModel):
    """A phrase naming a kind of actor; `demonym` builds "Malian soldiers" / "soldats maliens"."""

    model_config = _STRICT
    text: str = Field(min_length=1)
    lang: Language = "any"
    role: GenericRole
    demonym: Literal["before", "after", "none"] = "none"
    bare: bool = True
    """False when the phrase names an actor only with a demonym ("Malian forces", not "forces")."""


class CountryEntry(BaseModel):
    """A country's English name (for ACLED's "(Mali)") and the demonyms of its forces and people."""

    model_config = _STRICT
    code: str = Field(pattern=r"^[A-Z]{2}$")
    name: str = Field(min_length=1)
    demonyms: list[str] = []


class ActorFile(BaseModel):
    """The body of one actor data file, after its header."""

    model_config = ConfigDict(extra="forbid")
    rank: int = 50
    """Lower rank wins ties between actors that share a UCDP name (Sahel files before collisions)."""
    actors: list[ActorEntry] = []
    coreference: list[CorefEntry] = []
    generics: list[GenericEntry] = []
    countries: list[CountryEntry] = []
