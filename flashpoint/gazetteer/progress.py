"""A progress bar for long gazetteer work, shown on stderr only when asked for."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class Tracker(Protocol):
    """What long-running functions report progress to."""

    def advance(self, amount: float = 1) -> None: ...

    def describe(self, description: str, *, total: float | None = None) -> None: ...


class _Silent:
    def advance(self, amount: float = 1) -> None:
        return None

    def describe(self, description: str, *, total: float | None = None) -> None:
        return None


class _RichTracker:
    def __init__(self, progress: Progress, description: str, total: float | None) -> None:
        self._progress = progress
        self._task = progress.add_task(description, total=total)

    def advance(self, amount: float = 1) -> None:
        self._progress.advance(self._task, amount)

    def describe(self, description: str, *, total: float | None = None) -> None:
        self._progress.update(self._task, description=description, total=total, completed=0)


@contextmanager
def track(enabled: bool, description: str, total: float | None = None) -> Iterator[Tracker]:
    """Yield a tracker; a rich bar on stderr when `enabled`, otherwise a no-op."""
    if not enabled:
        yield _Silent()
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        yield _RichTracker(progress, description, total)
