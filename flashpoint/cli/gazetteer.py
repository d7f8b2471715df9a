"""`flashpoint gazetteer`: build, import, download and query the gazetteer index."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer

from flashpoint.errors import ConfigError
from flashpoint.settings import load_settings

IndexOption = Annotated[Optional[Path], typer.Option("--index", help="Index path (default: <home>/gazetteer.sqlite).")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary on stderr.")]

gazetteer_app = typer.Typer(
    name="gazetteer",
    help="Build, import, download and query the gazetteer index.\n\nExample:\n\n    flashpoint gazetteer build",
    no_args_is_help=True,
)


def _index(path: Path | None) -> Path:
    return path or load_settings().gazetteer_path


def parse_near(value: str | None) -> tuple[float, float] | None:
    """`"LAT,LON"` -> (lat, lon); ConfigError (exit 2) when malformed."""
    if value is None:
        return None
    try:
        lat, lon = (float(part) for part in value.split(","))
    except ValueError as exc:
        raise ConfigError(f"--near must be LAT,LON (e.g. 15.9,2.4), got {value!r}", field="near", value=value) from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ConfigError(f"--near {value!r} is outside the globe", field="near", value=value)
    return lat, lon


@gazetteer_app.command("build", epilog="Example:\n\n    flashpoint gazetteer build --index /tmp/gazetteer.sqlite")
def build_command(index: IndexOption = None, quiet: QuietOption = False) -> None:
    """Build the embedded default index (cities500, admin units, countries, regions); atomic."""
    from flashpoint.gazetteer.build import build_default_index

    path = build_default_index(_index(index), progress=not quiet)
    if not quiet:
        typer.echo(f"built {path}", err=True)


@gazetteer_app.command("import", epilog="Example:\n\n    flashpoint gazetteer import ML.zip alternateNamesV2.zip admin2Codes.txt")
def import_command(
    files: Annotated[list[Path], typer.Argument(help="GeoNames files: allCountries.zip, ML.zip/ML.txt, cities500.zip, alternateNamesV2.zip, admin1CodesASCII.txt, admin2Codes.txt.")],
    index: IndexOption = None,
    quiet: QuietOption = False,
) -> None:
    """Import GeoNames dump files (streaming; re-run the same command to resume)."""
    from flashpoint.gazetteer.importer import import_files

    report = import_files(_index(index), files, progress=not quiet)
    if not quiet:
        typer.echo(f"done: {report.places} places, {report.names} names, {report.admin_codes} admin codes; "
                   f"skipped {len(report.already_done)} files already imported, {report.skipped_lines} unreadable lines; "
                   f"{report.seconds}s", err=True)


@gazetteer_app.command("download", epilog="Example:\n\n    flashpoint gazetteer download ML NE BF --base-url http://127.0.0.1:8000/")
def download_command(
    codes: Annotated[list[str], typer.Argument(help="Country codes (ML NE BF) or dump names (cities500, allCountries).")],
    base_url: Annotated[Optional[str], typer.Option("--base-url", help="GeoNames export server (default: setting geonames_url).")] = None,
    index: IndexOption = None,
    quiet: QuietOption = False,
) -> None:
    """Download GeoNames dumps (<base>/<CC>.zip) and import them."""
    from flashpoint.gazetteer.download import download_dumps
    from flashpoint.gazetteer.importer import import_files

    settings = load_settings()
    paths = download_dumps(codes, base_url=base_url or settings.get("geonames_url"), dest=settings.home / "geonames", progress=not quiet)
    report = import_files(_index(index), paths, progress=not quiet)
    if not quiet:
        typer.echo(f"done: downloaded {len(paths)} files; {report.places} places, {report.names} names", err=True)


@gazetteer_app.command("lookup", epilog="Example:\n\n    flashpoint gazetteer lookup Tamalat --country ML --near 15.9,2.4 --format json")
def lookup_command(
    name: Annotated[str, typer.Argument(help="Place name in any spelling (Latin or Arabic script).")],
    country: Annotated[Optional[str], typer.Option("--country", help="Only places in this ISO2 country.")] = None,
    near: Annotated[Optional[str], typer.Option("--near", help="Prefer places near LAT,LON.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100, help="How many candidates.")] = 10,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    index: IndexOption = None,
) -> None:
    """Show ranked candidates for a name with their scores and reasons."""
    from flashpoint.gazetteer.index import Gazetteer

    if fmt not in ("table", "json"):
        raise ConfigError(f"--format must be table or json, got {fmt!r}", field="format", value=fmt)
    gaz = Gazetteer.open(_index(index))
    try:
        candidates = gaz.lookup(name, country=country.upper() if country else None, near=parse_near(near), limit=limit)
    finally:
        gaz.close()
    if fmt == "json":
        typer.echo(json.dumps([{**asdict(c), "reasons": list(c.reasons)} for c in candidates], ensure_ascii=False, indent=2))
        return
    for rank, c in enumerate(candidates, start=1):
        where = ", ".join(part for part in (c.admin2, c.admin1, c.country) if part)
        typer.echo(f"{rank:>2}. {c.score:6.3f}  {c.name} ({where}) {c.lat:.4f},{c.lon:.4f}  {c.gazetteer_id} {c.feature_class}.{c.feature_code}")
        typer.echo(f"            {'; '.join(c.reasons)}")
    if not candidates:
        typer.echo("no candidates", err=True)


def register(app: typer.Typer) -> None:
    """Add the `gazetteer` command group to the main app."""
    app.add_typer(gazetteer_app, name="gazetteer")
