"""`flashpoint eval`: score events against gold, toponyms against coordinates, sub-types on CASE."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated, Optional

import typer

EXAMPLE = """Example:

    flashpoint extract report.txt --published 2022-11-15 --format jsonl -o pred.jsonl
    flashpoint eval gold.jsonl pred.jsonl
    flashpoint eval gold.jsonl --extract
    flashpoint eval --toponyms toponyms.jsonl
    flashpoint eval --case test_set.tsv
    flashpoint eval --actors ucdp-events.jsonl --country BF
"""


def extract_gold(gold: Path) -> Path:
    """Run extraction on every gold document (its own published date); returns a JSONL path."""
    import flashpoint
    from flashpoint.evaluate.event_report import predict_gold
    from flashpoint.evaluate.events import read_gold

    predictions = predict_gold(flashpoint.load(), read_gold(gold))
    handle = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
    with handle:
        for events in predictions.values():
            for event in events:
                handle.write(json.dumps(event, ensure_ascii=False) + "\n")
    return Path(handle.name)


def run_event_eval(gold: Path, pred: Path | None, *, extract: bool, as_json: bool) -> None:
    """Print the event evaluation (headline on the last line)."""
    from flashpoint.evaluate.event_report import (
        evaluate_by_language,
        evaluate_files,
        format_languages,
        format_report,
        summary,
    )

    predictions = extract_gold(gold) if extract else pred
    if predictions is None:
        raise typer.BadParameter("give PRED.jsonl or --extract")
    score = evaluate_files(gold, predictions)
    languages = evaluate_by_language(gold, predictions)
    if as_json:
        typer.echo(json.dumps({**summary(score), "by_language": languages}))
    else:
        typer.echo(format_languages(languages) + "\n" + format_report(score))


def run_toponym_eval(path: Path, index: Path | None, *, as_json: bool) -> None:
    """Geocoding accuracy of toponyms against their gold coordinates."""
    from flashpoint.gazetteer.index import Gazetteer
    from flashpoint.gazetteer.toponym_eval import evaluate_toponyms, format_toponym_report
    from flashpoint.build import Resources
    from flashpoint.settings import load_settings

    settings = load_settings()
    gazetteer = Gazetteer.open(index or settings.gazetteer_path)
    report = evaluate_toponyms(gazetteer, path, Resources(settings).actor_kb)
    typer.echo(json.dumps(report) if as_json else format_toponym_report(report))


def run_case_eval(path: Path, *, as_json: bool) -> None:
    """Sub-type classification on the CASE 2021 task 2 set."""
    from flashpoint.evaluate.case import evaluate_case, format_case_report
    from flashpoint.kb.trigger_lexicon import load_trigger_lexicon

    report = evaluate_case(path, lexicon=load_trigger_lexicon())
    typer.echo(json.dumps(report) if as_json else format_case_report(report))


def run_actor_eval(path: Path, *, country: str | None, as_json: bool) -> None:
    """Actor resolution accuracy on side mentions (UCDP names)."""
    from flashpoint.evaluate.actors import evaluate_actor_sides, format_actor_report
    from flashpoint.kb.actors import ActorKB

    report = evaluate_actor_sides(ActorKB.load(), path, country=country)
    typer.echo(json.dumps(report) if as_json else format_actor_report(report))


def register(app: typer.Typer) -> None:
    """Add the `eval` command."""

    @app.command("eval", help="Score extracted events against a gold file.\n\n" + EXAMPLE)
    def evaluate(
        gold: Annotated[Optional[Path], typer.Argument(help="Gold JSONL (event-format.md).")] = None,
        pred: Annotated[Optional[Path], typer.Argument(help="Predicted events JSONL.")] = None,
        extract: Annotated[bool, typer.Option("--extract", help="Run extraction on the gold texts.")] = False,
        toponyms: Annotated[Optional[Path], typer.Option("--toponyms", help="Toponym JSONL to geocode.")] = None,
        index: Annotated[Optional[Path], typer.Option("--index", help="Gazetteer index for --toponyms.")] = None,
        case: Annotated[Optional[Path], typer.Option("--case", help="CASE 2021 task 2 TSV.")] = None,
        actors: Annotated[Optional[Path], typer.Option("--actors", help="JSONL of actor mentions (side_a/side_b).")] = None,
        country: Annotated[Optional[str], typer.Option("--country", help="ISO2 country of rows without one (--actors).")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print figures as JSON.")] = False,
    ) -> None:
        if toponyms is not None:
            run_toponym_eval(toponyms, index, as_json=as_json)
        elif case is not None:
            run_case_eval(case, as_json=as_json)
        elif actors is not None:
            run_actor_eval(actors, country=country, as_json=as_json)
        elif gold is not None:
            run_event_eval(gold, pred, extract=extract, as_json=as_json)
        else:
            raise typer.BadParameter("give GOLD.jsonl, --toponyms FILE or --case FILE")
