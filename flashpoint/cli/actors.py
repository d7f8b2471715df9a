"""`flashpoint actors`: look up, list and extend the actor knowledge base."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Optional

import typer

from flashpoint.errors import ConfigError
from flashpoint.kb.actors import ActorKB, user_actor_dir
from flashpoint.pipeline import parse_published
from flashpoint.settings import load_settings

LOOKUP_EXAMPLE = """Example:

    flashpoint actors lookup "Al-Nusra Group" --country ML --date 2022-10-01
"""
ADD_EXAMPLE = """Example:

    flashpoint actors add my_actors.yaml
"""
LIST_EXAMPLE = """Example:

    flashpoint actors list --country BF
"""

ActorsOption = Annotated[
    Optional[list[Path]], typer.Option("--actors", help="Extra actor YAML file or folder, merged over ours (repeatable).")
]


def load_kb(extra: Sequence[Path] = ()) -> ActorKB:
    """Our files, the user's `<home>/actors/` files, then `extra`."""
    home_dir = user_actor_dir(load_settings().home)
    paths = [home_dir] if home_dir.is_dir() else []
    return ActorKB.load([*paths, *extra])


def lookup_lines(kb: ActorKB, text: str, *, countries: Sequence[str], date: dt.date | None) -> list[str]:
    """First line: chosen id and ACLED name (or `unresolved`); then candidates and reasons."""
    resolution = kb.resolve(text, countries=countries, date=date)
    actor = resolution.actor
    country = next((code for code in countries if actor and code in actor.countries), None)
    first = f"{actor.id}\t{kb.acled_name(actor.id, date, country=country)}" if actor else "unresolved"
    lines = [first, f"method: {resolution.method}  score: {resolution.score:.2f}", "candidates:"]
    lines += [f"  {actor_id}\t{score:.2f}" for actor_id, score in resolution.candidates] or ["  (none)"]
    lines += ["reasons:", *(f"  {reason}" for reason in resolution.reasons)]
    return lines


def add_actor_file(path: Path, home: Path, *, force: bool = False) -> Path:
    """Validate `path` merged over ours (and earlier user files), then copy it into `<home>/actors/`."""
    target_dir = user_actor_dir(home)
    existing = [target_dir] if target_dir.is_dir() else []
    ActorKB.load([*existing, path])
    target = target_dir / path.name
    if target.exists() and not force:
        raise ConfigError(f"{target} exists; use --force to replace it", path=str(target))
    target_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, target)
    return target


def list_lines(kb: ActorKB, *, country: str | None) -> list[str]:
    """One line per actor: id, inter code, current ACLED name, countries."""
    return [
        f"{actor.id}\t{actor.inter}\t{actor.acled_name}\t{','.join(actor.countries)}"
        for actor in sorted(kb, key=lambda item: item.id)
        if country is None or country.upper() in actor.countries
    ]


def register(app: typer.Typer) -> None:
    """Add the `actors` command group (lookup, add, list)."""
    actors_app = typer.Typer(help="Look up, list and extend the actor knowledge base.", no_args_is_help=True)
    app.add_typer(actors_app, name="actors")

    @actors_app.command("lookup", help="Resolve a name to an actor in a context.\n\n" + LOOKUP_EXAMPLE)
    def lookup(
        text: Annotated[str, typer.Argument(help="The name or phrase, e.g. \"Al-Nusra Group\".")],
        country: Annotated[Optional[list[str]], typer.Option("--country", "-c", help="ISO2 country of the report (repeatable, most relevant first).")] = None,
        date: Annotated[Optional[str], typer.Option("--date", help="Event or report date YYYY-MM-DD (picks dated names).")] = None,
        actors: ActorsOption = None,
    ) -> None:
        kb = load_kb(actors or [])
        codes = [code.upper() for code in country or []]
        typer.echo("\n".join(lookup_lines(kb, text, countries=codes, date=parse_published(date))))

    @actors_app.command("add", help="Validate a user actor file and install it in <home>/actors/.\n\n" + ADD_EXAMPLE)
    def add(
        file: Annotated[Path, typer.Argument(help="Actor YAML file (same schema as ours).", exists=True, dir_okay=False)],
        force: Annotated[bool, typer.Option("--force", help="Replace an installed file of the same name.")] = False,
    ) -> None:
        target = add_actor_file(file, load_settings().home, force=force)
        typer.echo(f"installed {target}; merged over the shipped actors on next load", err=True)

    @actors_app.command("list", help="List actors: id, inter code, ACLED name, countries.\n\n" + LIST_EXAMPLE)
    def list_actors(
        country: Annotated[Optional[str], typer.Option("--country", "-c", help="Only actors operating in this ISO2 country.")] = None,
        actors: ActorsOption = None,
    ) -> None:
        typer.echo("\n".join(list_lines(load_kb(actors or []), country=country)))
