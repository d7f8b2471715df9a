"""`flashpoint ingest`: read reports, run the pipeline, store them once each, merge across reports."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Annotated, Any, Literal, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from flashpoint.cli.options import DbOption, PublishedOption, QuietOption, published_date
from flashpoint.errors import ConfigError
from flashpoint.settings import load_settings
from flashpoint.store.batch import IngestReport, PipelineFactory, ingest_documents
from flashpoint.store.engine import open_store

EXAMPLE = """Example:

    flashpoint ingest reports/ --db events.sqlite --published 2024-03-20 --workers 2
"""


def load_factory(spec: str) -> PipelineFactory:
    """`module:function` → the callable that builds the pipeline (ConfigError if missing)."""
    module_name, _, attribute = spec.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attribute or "load")
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"--pipeline {spec!r}: cannot import it ({exc})", field="pipeline", value=spec) from exc
    if not callable(factory):
        raise ConfigError(f"--pipeline {spec!r} is not callable", field="pipeline", value=spec)
    return factory  # type: ignore[no-any-return]


def _progress(quiet: bool) -> Progress:
    console = Console(stderr=True)
    return Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} docs/s · done {task.fields[done]} skipped {task.fields[skipped]} failed {task.fields[failed]}"),
        TimeElapsedColumn(),
        console=console,
        disable=quiet or not console.is_terminal,
    )


def run_ingest(target: str, *, db: str | None, published: str | None, workers: int, quiet: bool, pipeline: str) -> IngestReport:
    """Ingest `target` into the store; the plain function behind the command."""
    from flashpoint.ingest.sources import iter_documents

    settings = load_settings(db=db)
    factory = load_factory(pipeline)
    day = published_date(published)
    store = open_store(settings.db_url)
    counts: dict[str, Any] = {"done": 0, "skipped": 0, "failed": 0}
    try:
        with _progress(quiet) as progress:
            task = progress.add_task("ingest", total=None, rate=0.0, **counts)

            def notify(outcome: str) -> None:
                counts[outcome] += 1
                elapsed = progress.tasks[0].elapsed or 1e-9
                progress.update(task, advance=1, rate=sum(counts.values()) / elapsed, **counts)

            raws = iter_documents(target, max_chars=int(settings.get("max_doc_chars")), allow_private=bool(settings.get("allow_private_urls")))
            return ingest_documents(store, raws, pipeline_factory=factory, workers=workers, published=day, notify=notify)
    finally:
        store.close()


def run_ray_ingest(target: str, *, db: str | None, published: str | None, workers: int, quiet: bool, pipeline: str,
                   parquet: Path | None) -> IngestReport:
    """`--engine ray`: the same pipeline on Ray actors (flashpoint.scale), into the store or Parquet."""
    from flashpoint.scale.ray_engine import run_ray

    settings = load_settings(db=db)
    factory = None if pipeline == "flashpoint:load" else load_factory(pipeline)  # None: actors build from `settings`
    return run_ray(target, settings=settings, published=published_date(published), num_cpus=workers, output=parquet,
                   store_url=None if parquet else settings.db_url, factory=factory, quiet=quiet)


def print_report(report: IngestReport, *, quiet: bool) -> int:
    """Failures with their reasons, then `done/skipped/failed`; returns the exit code."""
    for failure in report.failures:
        where = failure.path or failure.doc_id or "document"
        typer.echo(f"failed: {where}: {failure.error} (stage {failure.stage})", err=True)
    if not quiet:
        rate = (report.done + report.skipped + report.failed) / report.seconds if report.seconds else 0.0
        typer.echo(f"done {report.done}, skipped {report.skipped}, failed {report.failed} ({rate:.1f} docs/s)", err=True)
    return 1 if report.failures else 0


def register(app: typer.Typer) -> None:
    """Add the `ingest` command."""

    @app.command(
        "ingest",
        help="Store reports and their events (files, folders, JSONL/CSV, feeds, URL lists, URLs). "
        "Documents already stored are skipped before any NLP, so a killed run can be re-run.\n\n"
        "Exit codes: 0 OK, 1 some documents failed (listed), 2 usage/config error.\n\n" + EXAMPLE,
    )
    def ingest(
        target: Annotated[str, typer.Argument(help="File, folder, JSONL/CSV, feed, URL list or URL.")],
        db: DbOption = None,
        published: PublishedOption = None,
        workers: Annotated[int, typer.Option("--workers", "-w", min=1, max=64, help="Pipeline processes.")] = 1,
        quiet: QuietOption = False,
        pipeline: Annotated[str, typer.Option("--pipeline", help="Pipeline factory MODULE:FUNCTION.")] = "flashpoint:load",
        engine: Annotated[Literal["local", "ray"], typer.Option("--engine", help="ray: Ray Data actors, --workers CPUs (RAY_ADDRESS joins a cluster; needs the ray extra).")] = "local",
        parquet: Annotated[Optional[Path], typer.Option("--parquet", help="With --engine ray: write Parquet to DIR, not the store.")] = None,
    ) -> None:
        if engine == "ray":
            report = run_ray_ingest(target, db=db, published=published, workers=workers, quiet=quiet, pipeline=pipeline, parquet=parquet)
        elif parquet is not None:
            raise ConfigError("--parquet needs --engine ray", field="parquet")
        else:
            report = run_ingest(target, db=db, published=published, workers=workers, quiet=quiet, pipeline=pipeline)
        raise typer.Exit(print_report(report, quiet=quiet))


