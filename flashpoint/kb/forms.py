"""Build every surface form the matcher looks for, from the loaded actor data.

Actors give their aliases, descriptors and ACLED names; `coreference` entries
give ambiguous descriptors ("the group"); `generics` crossed with country
demonyms give "Malian soldiers", "soldats maliens", "Burkinabe army", and the
bare "soldiers", whose country comes from the document.
"""

from __future__ import annotations

from collections.abc import Iterator

from flashpoint.kb.aliases import is_acronym, raw_words
from flashpoint.kb.loader import LoadedData
from flashpoint.kb.records import Actor, SurfaceForm
from flashpoint.kb.schema import AliasEntry, CountryEntry, GenericEntry

_ROLE_ACTORS = frozenset({"civilians", "unidentified", "protesters", "rioters"})


def _alias_form(actor: Actor, entry: AliasEntry, kind: str) -> SurfaceForm:
    sensitive = entry.case_sensitive if entry.case_sensitive is not None else is_acronym(entry.text)
    return SurfaceForm(
        text=entry.text,
        kind="descriptor" if kind == "descriptor" else "alias",
        actor_id=actor.id,
        context=entry.context,
        valid_from=entry.valid_from,
        valid_to=entry.valid_to,
        case_sensitive=sensitive,
        words=raw_words(entry.text),
        lang=entry.lang,
    )


def actor_forms(actor: Actor) -> Iterator[SurfaceForm]:
    """Aliases, descriptors and ACLED names of one actor."""
    for entry in actor.aliases:
        yield _alias_form(actor, entry, "alias")
    for entry in actor.descriptors:
        yield _alias_form(actor, entry, "descriptor")
    if actor.generic_role not in _ROLE_ACTORS:
        # An ACLED name found verbatim in a text is as good as an alias; role actors'
        # names ("Civilians", "Protesters") are common words, left to the generic phrases.
        for name in actor.acled_names:
            yield SurfaceForm(
                text=name.name, kind="alias", actor_id=actor.id, case_sensitive=True, words=raw_words(name.name)
            )


def _with_demonym(entry: GenericEntry, demonym: str) -> str:
    return f"{demonym} {entry.text}" if entry.demonym == "before" else f"{entry.text} {demonym}"


def generic_forms(entry: GenericEntry, countries: dict[str, CountryEntry]) -> Iterator[SurfaceForm]:
    """The bare phrase (country from context) and, if it takes one, each demonym variant."""
    if entry.bare:
        yield SurfaceForm(text=entry.text, kind="generic", role=entry.role, lang=entry.lang, words=raw_words(entry.text))
    if entry.demonym == "none":
        return
    for country in countries.values():
        for demonym in country.demonyms:
            text = _with_demonym(entry, demonym)
            yield SurfaceForm(
                text=text, kind="generic", role=entry.role, country=country.code, lang=entry.lang, words=raw_words(text)
            )


def build_forms(data: LoadedData) -> Iterator[SurfaceForm]:
    """Every surface form of the knowledge base."""
    for actor in data.actors.values():
        yield from actor_forms(actor)
    for coref in data.coreference:
        yield SurfaceForm(
            text=coref.text, kind="coref", refers_to=tuple(coref.refers_to), lang=coref.lang, words=raw_words(coref.text)
        )
    for generic in data.generics:
        yield from generic_forms(generic, data.countries)
