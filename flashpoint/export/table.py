"""A readable terminal table of events (rich), for `flashpoint extract --format table`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console
from rich.table import Table

JsonDict = dict[str, Any]


def _actor(actor: JsonDict | None) -> str:
    if not actor:
        return "—"
    return str(actor.get("name") or actor.get("text") or "?")


def _place(place: JsonDict | None) -> str:
    if not place:
        return "—"
    name = place.get("name") or place.get("text") or "?"
    if place.get("no_match"):
        name = f"{place.get('text')} (not found; {name})"
    elif place.get("namesakes"):
        name = f"{name} (1 of {place['namesakes'] + 1} namesakes)"
    return f"{name}, {place.get('admin1') or '?'} [geo {place.get('geo_precision')}]"


def _time(time: JsonDict | None) -> str:
    if not time:
        return "unknown"
    start, end = time.get("start") or "…", time.get("end") or "…"
    span = start if start == end else f"{start} – {end}"
    return f"{span} [p{time.get('time_precision')}]"


def _fatalities(fatalities: JsonDict | None) -> str:
    if not fatalities:
        return "—"
    numbers = "/".join("?" if fatalities.get(k) is None else str(fatalities[k]) for k in ("low", "best", "high"))
    qualifier = fatalities.get("qualifier")
    if numbers == "?/?/?":
        return qualifier or "—"
    return f"{numbers} {qualifier or ''}".strip()


def events_table(events: Iterable[JsonDict], *, title: str | None = None) -> Table:
    """A rich Table with one row per event."""
    table = Table(title=title, show_lines=False, expand=False)
    for column in ("#", "type / sub-type", "actor 1", "actor 2", "where", "when", "killed", "source"):
        table.add_column(column, overflow="fold")
    for number, event in enumerate(events, start=1):
        sources = ", ".join(sorted({c["source"] for c in event.get("attribution", [])})) or "—"
        flags = " [aggregate]" if event.get("aggregate") else ""
        table.add_row(
            str(number),
            f"{event['event_type']} / {event['sub_event_type']}{flags}",
            _actor(event.get("actor1")),
            _actor(event.get("actor2")),
            _place(event.get("place")),
            _time(event.get("time")),
            _fatalities(event.get("fatalities")),
            sources,
        )
    return table


def write_table(events: Iterable[JsonDict], stream: IO[str], *, title: str | None = None) -> None:
    """Print the table to a text stream."""
    console = Console(file=stream, width=160, soft_wrap=False)
    console.print(events_table(events, title=title))
