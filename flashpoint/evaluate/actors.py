"""Actor resolution accuracy on sets of actor mentions with known identities.

A row gives a side as a coder wrote it (UCDP's `side_a`/`side_b`: "JNIM", "IS",
"Government of Burkina Faso"), its country and date. Two figures:
- coverage: the share of sides the knowledge base maps through its UCDP names;
- accuracy: the share whose free-text resolution (`kb.resolve`, with the row's
  country and date, as a report mentioning that name would be resolved) picks that
  same actor.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

from flashpoint.errors import InputError

SIDE_FIELDS = ("side_a", "side_b")


def _date(value: str | None) -> dt.date | None:
    """UCDP writes "MM/DD/YYYY HH:MM:SS"; ISO dates are accepted too."""
    if not value:
        return None
    text = value.split(" ")[0]
    try:
        return dt.datetime.strptime(text, "%m/%d/%Y").date() if "/" in text else dt.date.fromisoformat(text)
    except ValueError:
        return None


def read_side_mentions(path: Path, *, country: str | None = None) -> list[tuple[str, str | None, dt.date | None]]:
    """(side name, country, date) for every side of every row; a row's own `country`
    wins over the one given for the whole file."""
    mentions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number}: not JSON ({exc.msg})", path=str(path)) from exc
        where = row.get("country") or country
        for field in SIDE_FIELDS:
            if row.get(field):
                mentions.append((str(row[field]), where, _date(row.get("date_start"))))
    return mentions


def evaluate_actor_sides(kb: Any, path: Path, *, country: str | None = None) -> dict[str, Any]:
    """Coverage and accuracy of actor resolution over the file's side mentions."""
    mentions = read_side_mentions(path, country=country)
    covered = correct = 0
    misses: Counter[str] = Counter()
    for name, country, date in mentions:
        countries = (country,) if country else ()
        expected = kb.by_ucdp_name(name, countries=countries)
        covered += expected is not None
        got = kb.resolve(name, countries=countries, date=date).actor
        if expected is not None and got is not None and got.id == expected.id:
            correct += 1
        else:
            misses[name] += 1
    total = len(mentions)
    return {
        "mentions": total,
        "distinct_sides": len({m[0] for m in mentions}),
        "coverage": round(covered / total, 4) if total else None,
        "accuracy": round(correct / total, 4) if total else None,
        "misses": dict(misses.most_common(10)),
    }


def format_actor_report(report: dict[str, Any]) -> str:
    """Human report; the last line is the headline."""
    lines = [f"missed: {name} ×{count}" for name, count in report["misses"].items()]
    lines.append(f"actors: mentions={report['mentions']} distinct={report['distinct_sides']} "
                 f"coverage={report['coverage']} accuracy={report['accuracy']}")
    return "\n".join(lines)
