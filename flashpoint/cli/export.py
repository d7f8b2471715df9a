"""`flashpoint export`: the store's merged events as JSONL, ACLED CSV, UCDP CSV or GeoJSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from flashpoint.cli.options import DbOption, OutputOption
from flashpoint.export.formats import write_events_to
from flashpoint.export.geojson import write_influences_geojson
from flashpoint.settings import load_settings
from flashpoint.store.engine import open_store
from flashpoint.store.queries import influence_records, iter_records

EXPORT_FORMATS = ("jsonl", "csv", "acled-csv", "ucdp-csv", "geojson")
EXAMPLE = """Example:

    flashpoint export --format acled-csv --db events.sqlite -o events.csv
    flashpoint export --format geojson -o events.geojson --influences influences.geojson
"""


def run_export(*, fmt: str, db: str | None, output: Path | None, influences: Path | None) -> int:
    """Write the export; returns the number of events read from the store."""
    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(EXPORT_FORMATS)}")
    with open_store(load_settings(db=db).db_url) as store, store.session() as session:
        events = list(iter_records(session))
        layer = influence_records(session)
    write_events_to(output, events, fmt)
    if influences is not None:
        with influences.open("w", encoding="utf-8") as handle:
            write_influences_geojson(layer, handle)
    return len(events)


def register(app: typer.Typer) -> None:
    """Add the `export` command."""

    @app.command("export", help="Export the store's merged events.\n\n" + EXAMPLE)
    def export(
        fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(EXPORT_FORMATS)}.")] = "jsonl",
        db: DbOption = None,
        output: OutputOption = None,
        influences: Annotated[
            Optional[Path], typer.Option("--influences", help="Also write the influence layer (GeoJSON) to this file.")
        ] = None,
    ) -> None:
        count = run_export(fmt=fmt, db=db, output=output, influences=influences)
        if output:
            typer.echo(f"wrote {count} events to {output}", err=True)
