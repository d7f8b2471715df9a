"""Score toponym resolution against a gold JSONL of names with coordinates.

Each gold line has `name`, `country` (ISO2), `lat`, `lon` and `where_prec` (the
UCDP toponym sets in `../shared/eval/`). Every name is resolved with only its
country as context. A place counts as *in the gazetteer* when the index holds an
entry whose name matches (similarity >= the resolver's in-context threshold)
within 25 km of the gold point; accuracy targets apply to those, and for the
others the honest answer is to abstain.

Example:
    >>> report = evaluate_toponyms(gaz, Path("ucdp-bfa-toponyms.jsonl"))  # doctest: +SKIP
    >>> print(format_toponym_report(report))  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flashpoint.errors import InputError
from flashpoint.gazetteer.index import Gazetteer
from flashpoint.gazetteer.ranking import RankContext, haversine_km
from flashpoint.gazetteer.resolve import MIN_SIMILARITY_IN_CONTEXT, PlaceContext, resolve_place
from flashpoint.kb.actors import ActorKB
from flashpoint.model import Span

NEAR_KM, FAR_KM = 25.0, 161.0
EXISTS_SEARCH_LIMIT = 50


def _gold(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                float(record["lat"]), float(record["lon"]), str(record["name"])
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"line {number}: not a toponym record ({exc})", path=str(path)) from exc
            yield record


def place_exists(gaz: Gazetteer, name: str, country: str | None, point: tuple[float, float]) -> bool:
    """True when the index holds an entry matching `name` within 25 km of `point`."""
    context = RankContext(country=country)
    for candidate, similarity in gaz.ranked(name, context, limit=EXISTS_SEARCH_LIMIT):
        if similarity >= MIN_SIMILARITY_IN_CONTEXT and haversine_km((candidate.lat, candidate.lon), point) <= NEAR_KM:
            return True
    return False


def _new_bucket() -> dict[str, int]:
    return {"n": 0, "found": 0, "abstained": 0, "within_25km": 0, "within_161km": 0}


def _add(bucket: dict[str, int], found: bool, distance: float | None) -> None:
    bucket["n"] += 1
    bucket["found" if found else "abstained"] += 1
    if distance is not None:
        bucket["within_25km"] += distance <= NEAR_KM
        bucket["within_161km"] += distance <= FAR_KM


def _finish(bucket: dict[str, int]) -> dict[str, Any]:
    n, found = bucket["n"] or 1, bucket["found"] or 1
    return {**bucket, "acc@25km": round(bucket["within_25km"] / n, 4), "acc@161km": round(bucket["within_161km"] / n, 4),
            "found_acc@25km": round(bucket["within_25km"] / found, 4), "found_acc@161km": round(bucket["within_161km"] / found, 4)}


def evaluate_toponyms(gaz: Gazetteer, jsonl_path: Path, actor_kb: ActorKB | None = None) -> dict[str, Any]:
    """Resolve every gold name; accuracy overall, where the place is in the gazetteer, and per where_prec.

    Each name is resolved as the places stage resolves it in a report that names only its
    country: with the areas where the knowledge base's actors of that country operate
    (when `actor_kb` is given). A fallback (`no_match`) or None counts as an abstention.
    """
    buckets: dict[str, dict[str, int]] = {"all": _new_bucket(), "in_gazetteer": _new_bucket(), "absent": _new_bucket()}
    for record in _gold(Path(jsonl_path)):
        country = record.get("country")
        gold = (float(record["lat"]), float(record["lon"]))
        name = str(record["name"])
        countries = (country,) if country else ()
        regions = actor_kb.operating_regions((), countries) if actor_kb is not None else ()
        place = resolve_place(gaz, name, Span(0, len(name)), PlaceContext(countries=countries, actor_regions=regions))
        found = place is not None and not place.no_match and place.lat is not None and place.lon is not None
        distance = haversine_km((place.lat, place.lon), gold) if found and place and place.lat is not None and place.lon is not None else None
        exists = "in_gazetteer" if place_exists(gaz, name, country, gold) else "absent"
        prec = f"where_prec={record.get('where_prec')}"
        for key in ("all", exists, prec, f"{exists} {prec}"):
            _add(buckets.setdefault(key, _new_bucket()), found, distance)
    report = {key: _finish(bucket) for key, bucket in sorted(buckets.items())}
    absent = buckets["absent"]
    report["absent"]["abstain_rate"] = round(absent["abstained"] / (absent["n"] or 1), 4)
    return {"file": str(jsonl_path), "gazetteer": str(gaz.path), "groups": report}


def format_toponym_report(report: dict[str, Any]) -> str:
    """A plain-text table of the report (one line per group)."""
    lines = [f"toponyms: {report['file']}", f"gazetteer: {report['gazetteer']}",
             "acc = within distance / n (an abstention is a miss); found_acc = within distance / found",
             f"{'group':<28} {'n':>5} {'found':>6} {'abst.':>6} {'acc@25km':>9} {'acc@161km':>10} {'found_acc@25':>13} {'found_acc@161':>14}"]
    for group, row in report["groups"].items():
        lines.append(f"{group:<28} {row['n']:>5} {row['found']:>6} {row['abstained']:>6} {row['acc@25km']:>9.3f} {row['acc@161km']:>10.3f}"
                     f" {row['found_acc@25km']:>13.3f} {row['found_acc@161km']:>14.3f}")
    absent = report["groups"].get("absent")
    if absent:
        lines.append(f"absent from gazetteer: abstained on {absent['abstain_rate']:.1%}")
    return "\n".join(lines)
