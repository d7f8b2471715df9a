"""`flashpoint extract`: events from a file, a folder or stdin, printed or written."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flashpoint.cli.options import OutputOption, PublishedOption, QuietOption, published_date
from flashpoint.export.formats import EXTRACT_FORMATS, write_events_to
from flashpoint.export.records import event_json, influence_json
from flashpoint.model import Document, Failure

EXAMPLE = """Example:

    flashpoint extract report.txt --published 2022-11-15 --format jsonl -o events.jsonl
"""


def run_extract(
    target: str,
    *,
    published: str | None,
    lang: str,
    fmt: str,
    output: Path | None,
    quiet: bool,
) -> int:
    """Extract and write events; returns the exit code (1 when a document failed)."""
    import flashpoint
    from flashpoint.extraction import extract_documents

    if fmt not in EXTRACT_FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(EXTRACT_FORMATS)}")
    nlp = flashpoint.load()
    documents: list[Document] = []
    failures: list[Failure] = []
    for item in extract_documents(nlp, target, published=published_date(published), lang=None if lang == "auto" else lang):
        (failures if isinstance(item, Failure) else documents).append(item)  # type: ignore[arg-type]
    events = [event_json(e) for doc in documents for e in doc.events]
    influences = [influence_json(i) for doc in documents for i in doc.influences]
    if documents:
        write_events_to(output, events, fmt, influences=influences)
    return report_failures(failures, documents=len(documents), quiet=quiet)


def report_failures(failures: list[Failure], *, documents: int, quiet: bool) -> int:
    """One line per failed document on stderr; exit code 1 if any, 2 if nothing was read."""
    for failure in failures:
        where = failure.path or failure.doc_id or "document"
        typer.echo(f"error: {where}: {failure.error} (stage {failure.stage})", err=True)
    if not quiet and documents + len(failures) > 1:
        typer.echo(f"done {documents}, failed {len(failures)}", err=True)
    if failures and not documents:
        return 2
    return 1 if failures else 0


def register(app: typer.Typer) -> None:
    """Add the `extract` command."""

    @app.command("extract", help="Extract events from a report, a folder of reports, or stdin (-).\n\n" + EXAMPLE)
    def extract(
        target: Annotated[str, typer.Argument(help="File, folder of .txt/.html files, or - for stdin.")],
        published: PublishedOption = None,
        lang: Annotated[str, typer.Option("--lang", help="auto, en or fr.")] = "auto",
        fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(EXTRACT_FORMATS)}.")] = "table",
        output: OutputOption = None,
        quiet: QuietOption = False,
    ) -> None:
        if lang not in {"auto", "en", "fr"}:
            raise typer.BadParameter("--lang must be auto, en or fr")
        raise typer.Exit(run_extract(target, published=published, lang=lang, fmt=fmt, output=output, quiet=quiet))
