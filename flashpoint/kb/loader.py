"""Read actor data files, validate every entry, and merge users' files over ours.

Shipped files (`flashpoint/data/actors/*.yaml`) load first, then each user file
or folder in the order given. A user entry with a new id adds an actor; with an
existing id it extends it: list fields (aliases, countries, links, ...) are added
to, other fields it sets replace ours. Errors name the file, the entry and the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from flashpoint.datafiles import data_path, read_data_file
from flashpoint.errors import DataFileError
from flashpoint.kb.records import Actor
from flashpoint.kb.schema import (
    ACTOR_SCHEMA,
    ActorEntry,
    ActorFile,
    CorefEntry,
    CountryEntry,
    GenericEntry,
)

ACTOR_DIR = "actors"
_LIST_FIELDS = ("ucdp_names", "tags", "countries", "regions", "aliases", "descriptors", "links")
_SECTIONS: dict[str, type[BaseModel]] = {
    "actors": ActorEntry,
    "coreference": CorefEntry,
    "generics": GenericEntry,
    "countries": CountryEntry,
}


@dataclass(slots=True)
class LoadedData:
    """Everything the actor files hold, merged."""

    actors: dict[str, Actor] = field(default_factory=dict)
    coreference: list[CorefEntry] = field(default_factory=list)
    generics: list[GenericEntry] = field(default_factory=list)
    countries: dict[str, CountryEntry] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


def shipped_actor_files() -> list[Path]:
    """Our actor files, in name order."""
    return sorted(data_path(ACTOR_DIR).glob("*.yaml"))


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders become their `*.yaml`/`*.yml` files in name order."""
    expanded: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            expanded.extend(sorted([*path.glob("*.yaml"), *path.glob("*.yml")]))
        elif path.is_file():
            expanded.append(path)
        else:
            raise DataFileError("actor file or folder not found", path=str(path))
    return expanded


def _entry_name(item: object, index: int) -> str:
    if isinstance(item, dict):
        for key in ("id", "code", "text"):
            if item.get(key):
                return str(item[key])
    return f"#{index}"


def _label(node: object) -> str | None:
    if isinstance(node, dict):
        for key in ("text", "actor", "name"):
            if node.get(key):
                return str(node[key])
    return None


def _field_name(item: object, loc: tuple[Any, ...]) -> str:
    """`aliases[al-Nusra].valid_from` rather than `aliases.3.valid_from`."""
    parts: list[str] = []
    node: Any = item
    for part in loc:
        if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            node = node[part]
            label = f"[{_label(node) or part}]"
            parts[-1:] = [parts[-1] + label] if parts else [label]
        else:
            node = node.get(part) if isinstance(node, dict) else None
            parts.append(str(part))
    return ".".join(parts)


def _validate_entry(path: Path, section: str, index: int, item: object) -> BaseModel:
    model = _SECTIONS[section]
    name = _entry_name(item, index)
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _field_name(item, tuple(first["loc"])) or section
        message = f"{section} {name!r}: {where!r}: {first['msg']}"
        raise DataFileError(message, path=str(path), field=where, value=name) from exc


def read_actor_file(path: Path) -> ActorFile:
    """Read and validate one actor file; DataFileError names file, entry and field."""
    content = read_data_file(path)
    if str(content["schema"]) != ACTOR_SCHEMA:
        raise DataFileError(
            f"schema is {content['schema']!r}, expected {ACTOR_SCHEMA!r}", path=str(path), field="schema"
        )
    body = {key: value for key, value in content.items() if key not in {"schema", "version", "updated", "source", "licence"}}
    unknown = sorted(set(body) - {"rank", *_SECTIONS})
    if unknown:
        raise DataFileError(
            f"unknown section {unknown[0]!r}; valid: rank, {', '.join(_SECTIONS)}", path=str(path), field=unknown[0]
        )
    sections: dict[str, Any] = {"rank": body.get("rank", 50)}
    for section in _SECTIONS:
        items = body.get(section) or []
        if not isinstance(items, list):
            raise DataFileError(f"{section!r} must be a list", path=str(path), field=section)
        sections[section] = [_validate_entry(path, section, index, item) for index, item in enumerate(items)]
    try:
        return ActorFile.model_validate(sections)
    except ValidationError as exc:
        raise DataFileError(f"'rank': {exc.errors()[0]['msg']}", path=str(path), field="rank") from exc


def _merge_entry(old: ActorEntry, new: ActorEntry) -> ActorEntry:
    update: dict[str, Any] = {}
    for name in new.model_fields_set - {"id"}:
        value = getattr(new, name)
        if name in _LIST_FIELDS:
            value = [*getattr(old, name), *(item for item in value if item not in getattr(old, name))]
        update[name] = value
    return old.model_copy(update=update)


def _build_actor(entry: ActorEntry, path: Path, rank: int) -> Actor:
    acled_names, inter = tuple(entry.acled_names or ()), entry.inter or 0
    missing = [name for name, value in (("acled_names", acled_names), ("inter", inter)) if not value]
    if missing:
        raise DataFileError(
            f"actors {entry.id!r}: {missing[0]!r}: required for a new actor", path=str(path), field=missing[0]
        )
    return Actor(
        id=entry.id,
        acled_names=acled_names,
        inter=inter,
        ucdp_names=tuple(entry.ucdp_names),
        countries=tuple(entry.countries),
        regions=tuple(entry.regions),
        tags=tuple(entry.tags),
        aliases=tuple(entry.aliases),
        descriptors=tuple(entry.descriptors),
        links=tuple(entry.links),
        country_suffix=bool(entry.country_suffix),
        generic_role=entry.generic_role,
        rank=rank,
        source=str(path),
    )


def load_actor_data(extra_paths: Sequence[Path] = ()) -> LoadedData:
    """Load our files, then users' files over them; check links point at known actors."""
    entries: dict[str, tuple[ActorEntry, Path, int]] = {}
    data = LoadedData()
    for path in [*shipped_actor_files(), *expand_paths(extra_paths)]:
        body = read_actor_file(path)
        data.files.append(path)
        for entry in body.actors:
            if entry.id in entries:
                old, origin, rank = entries[entry.id]
                entries[entry.id] = (_merge_entry(old, entry), origin, rank)
            else:
                entries[entry.id] = (entry, path, body.rank)
        data.coreference.extend(body.coreference)
        data.generics.extend(body.generics)
        data.countries.update({country.code: country for country in body.countries})
    data.actors = {actor_id: _build_actor(*value) for actor_id, value in entries.items()}
    _check_links(data.actors)
    return data


def _check_links(actors: dict[str, Actor]) -> None:
    for actor in actors.values():
        for link in actor.links:
            if link.actor not in actors:
                raise DataFileError(
                    f"actors {actor.id!r}: 'links[{link.actor}]': unknown actor id",
                    path=actor.source,
                    field="links",
                    value=link.actor,
                )
