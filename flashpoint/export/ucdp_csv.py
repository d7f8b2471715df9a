"""UCDP GED-style CSV: the export policy `flashpoint.ucdp_csv.v1` (`data/export/ucdp_csv.yaml`).

Only organised violence (Battles, Explosions/Remote violence, Violence against
civilians) is written. `type_of_violence` is 3 (one-sided) when civilians are a side,
1 (state-based) when a state force (inter 1) is, else 2 (non-state); in state-based
events the state is `side_a`. Deaths are not attributed to sides by our records, so
`deaths_a/b/civilians` stay empty and the total is `deaths_unknown`; `best`/`low`/
`high` keep the record's range, empty when unknown (never a default).
"""

from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ConfigDict, Field

from flashpoint.datafiles import data_path, read_model
from flashpoint.export.acled_csv import is_exportable
from flashpoint.export.countries import Country, load_countries

JsonDict = dict[str, Any]
POLICY_FILE = "export/ucdp_csv.yaml"


class UcdpPolicy(BaseModel):
    """The UCDP export policy file."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    policy: str
    event_types: tuple[str, ...] = Field(min_length=1)
    columns: tuple[str, ...] = Field(min_length=1)
    code_status: str
    regions_by_continent: dict[str, str]
    middle_east: tuple[str, ...]


def load_ucdp_policy(path: Path | None = None) -> UcdpPolicy:
    """Read and validate the policy; DataFileError names file and field."""
    return read_model(path or data_path(POLICY_FILE), UcdpPolicy, entry="policy")


def priogrid_gid(lat: float, lon: float) -> int:
    """PRIO-GRID cell id (0.5° cells numbered row by row from (-90, -180))."""
    row = min(359, int(math.floor((lat + 90.0) / 0.5)))
    col = min(719, int(math.floor((lon + 180.0) / 0.5)))
    return row * 720 + col + 1


def _name(actor: JsonDict | None) -> str:
    return str((actor or {}).get("name") or (actor or {}).get("text") or "")


def _is_civilians(actor: JsonDict | None) -> bool:
    return bool(actor) and (actor.get("id") == "civilians" or actor.get("inter") == 7)  # type: ignore[union-attr]


def sides(record: JsonDict) -> tuple[int, JsonDict | None, JsonDict | None]:
    """(type_of_violence, side_a, side_b) following UCDP's conventions."""
    a, b = record.get("actor1"), record.get("actor2")
    if _is_civilians(a) and not _is_civilians(b):
        a, b = b, a
    if _is_civilians(b):
        return 3, a, b
    if (b or {}).get("inter") == 1 and (a or {}).get("inter") != 1:
        a, b = b, a
    return (1 if (a or {}).get("inter") == 1 else 2), a, b


def _region(country: Country | None, policy: UcdpPolicy) -> str:
    if country is None:
        return ""
    if country.iso2 in policy.middle_east:
        return "Middle East"
    return policy.regions_by_continent.get(country.continent, "")


def _joined(values: list[Any]) -> str:
    return "; ".join(dict.fromkeys(str(v) for v in values if v))


def _number(value: Any) -> str:
    return "" if value is None else str(value)


def _place_fields(place: JsonDict, country: Country | None, policy: UcdpPolicy) -> dict[str, str]:
    lat, lon = place.get("lat"), place.get("lon")
    located = lat is not None and lon is not None
    return {
        "where_prec": _number(place.get("where_prec")),
        "where_coordinates": place.get("name") or "",
        "where_description": place.get("text") or "",
        "adm_1": place.get("admin1") or "",
        "adm_2": place.get("admin2") or "",
        "latitude": _number(lat),
        "longitude": _number(lon),
        "geom_wkt": f"POINT ({lon} {lat})" if located else "",
        "priogrid_gid": str(priogrid_gid(lat, lon)) if lat is not None and lon is not None else "",
        "country": country.name if country else "",
        "region": _region(country, policy),
    }


def ucdp_row(record: JsonDict, policy: UcdpPolicy, countries: dict[str, Country]) -> dict[str, str]:
    """One UCDP-style row (missing values empty)."""
    place, time, tolls = record.get("place") or {}, record.get("time") or {}, record.get("fatalities") or {}
    violence, side_a, side_b = sides(record)
    sources = record.get("sources") or []
    claimants = [c.get("source") for c in record.get("attribution") or [] if c.get("kind") != "outlet"]
    start = time.get("start") or time.get("end")
    row = {column: "" for column in policy.columns}
    row.update(
        id=str(record.get("id") or record.get("event_id")),
        relid=str(record.get("id") or record.get("event_id")),
        year=start[:4] if start else "",
        code_status=policy.code_status,
        type_of_violence=str(violence),
        conflict_name=f"{_name(side_a)} - {_name(side_b)}" if side_b else _name(side_a),
        dyad_name=f"{_name(side_a)} - {_name(side_b)}" if side_b else _name(side_a),
        side_a=_name(side_a),
        side_b=_name(side_b),
        number_of_sources=str(len(sources) or 1),
        source_article=_joined([s.get("title") for s in sources]),
        source_office=_joined([s.get("source") for s in sources]),
        source_date=_joined([s.get("published") for s in sources]),
        source_headline=_joined([s.get("title") for s in sources]),
        source_original=_joined(claimants),
        event_clarity="2" if record.get("aggregate") else "1",
        date_prec=_number(time.get("date_prec")),
        date_start=start or "",
        date_end=time.get("end") or time.get("start") or "",
        deaths_unknown=_number(tolls.get("best")),
        best=_number(tolls.get("best")),
        high=_number(tolls.get("high")),
        low=_number(tolls.get("low")),
    )
    row.update(_place_fields(place, countries.get(place.get("country") or ""), policy))
    return row


def write_ucdp_csv(events: list[JsonDict], stream: IO[str], *, policy: UcdpPolicy | None = None) -> int:
    """Write the header and one row per organised-violence event; returns rows written."""
    chosen = policy or load_ucdp_policy()
    countries = load_countries()
    writer = csv.DictWriter(stream, fieldnames=list(chosen.columns), lineterminator="\n")
    writer.writeheader()
    written = 0
    for record in events:
        if is_exportable(record) and record.get("event_type") in chosen.event_types:
            writer.writerow(ucdp_row(record, chosen, countries))
            written += 1
    return written
