"""`flashpoint db`: schema migrations, re-merging, undoing a merge, and the demo store."""

from __future__ import annotations

from typing import Annotated

import typer

from flashpoint.cli.options import DbOption
from flashpoint.settings import load_settings
from flashpoint.store.engine import create_store_engine, open_store, upgrade_schema

EXAMPLE = """Example:

    flashpoint db upgrade --db postgresql://user@host/flashpoint
    flashpoint db merge --db events.sqlite
    flashpoint db split 1c796d34fc0d4773:e0 --reviewer ana --db events.sqlite
"""


def register(app: typer.Typer) -> None:
    """Add the `db` command group."""
    group = typer.Typer(help="Manage the event store.\n\n" + EXAMPLE, no_args_is_help=True)
    app.add_typer(group, name="db")

    @group.command("upgrade", help="Apply schema migrations up to the latest revision.\n\n" + EXAMPLE)
    def upgrade(db: DbOption = None, revision: Annotated[str, typer.Option(help="Target revision.")] = "head") -> None:
        engine = create_store_engine(load_settings(db=db).db_url)
        try:
            upgrade_schema(engine, revision)
        finally:
            engine.dispose()
        typer.echo(f"schema at {revision}", err=True)

    @group.command("merge", help="Re-run the cross-report merge over the whole store (deterministic).\n\n" + EXAMPLE)
    def merge(db: DbOption = None) -> None:
        from flashpoint.store.merge import merge_all

        with open_store(load_settings(db=db).db_url) as store, store.session.begin() as session:
            report = merge_all(session)
        typer.echo(f"{report.events} events, {report.changed} reassigned, {report.clusters} merged records rebuilt", err=True)

    @group.command("split", help="Undo a merge: keep EVENT_ID apart from its merged incident.\n\n" + EXAMPLE)
    def split(
        event_id: Annotated[str, typer.Argument(help="Store id of the report's event (the `members` ids).")],
        reviewer: Annotated[str, typer.Option("--reviewer", help="Who decided.")],
        db: DbOption = None,
    ) -> None:
        from flashpoint.store.merge import split_event

        with open_store(load_settings(db=db).db_url) as store, store.session.begin() as session:
            record = split_event(session, event_id, reviewer=reviewer)
        typer.echo(f"{event_id} now in {record['id'] if record else '?'}", err=True)

    @group.command("demo", help="Write the bundled demo reports into the store.\n\n" + EXAMPLE)
    def demo(db: DbOption = None) -> None:
        from flashpoint.store.fixtures import build_demo_store

        written = build_demo_store(load_settings(db=db).db_url)
        typer.echo(f"demo store: {written} documents written", err=True)
