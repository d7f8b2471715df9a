"""Option groups shared by several commands, declared once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from flashpoint.pipeline import parse_published

OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE instead of stdout.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary on stderr.")]
PublishedOption = Annotated[
    Optional[str], typer.Option("--published", help="Publication date YYYY-MM-DD; anchors 'last May'.")
]
DbOption = Annotated[Optional[str], typer.Option("--db", help="Database URL or SQLite path (default: user data dir).")]


def published_date(value: str | None) -> dt.date | None:
    """Parse `--published` (ConfigError, exit 2, when malformed)."""
    return parse_published(value)
