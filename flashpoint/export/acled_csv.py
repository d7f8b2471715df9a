"""ACLED-style CSV: the export policy `flashpoint.acled_csv.v1`, and only here.

Stored records keep what the text says (ranges, qualifiers, unknowns); this writer
applies ACLED's conventions (`data/export/acled_csv.yaml`):
- one date per event: the day when `time_precision` is 1, the middle of the range for a
  week (2), mid-month of the first month for a month (3); a range over several days or
  months is written in `notes`;
- one fatality number: best, else low ("more than 10" → 10), else a vague count
  ("dozens" → 12, "tens" → 10, "hundreds" → 100), else 0 with the phrase in `notes`
  (ACLED's 3/10 defaults need a war-zone judgement a text cannot support);
- inter codes, `interaction` lowest digit first (a sole actor is `inter1 * 10`);
- `source` from the reports' outlets and outlet claimants.
Negated, future and analyst-rejected events are not written.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ConfigDict, Field

from flashpoint.datafiles import data_path, read_model
from flashpoint.export.countries import Country, load_countries

JsonDict = dict[str, Any]
POLICY_FILE = "export/acled_csv.yaml"
POLICY_NAME = "flashpoint.acled_csv.v1"


class VagueNumber(BaseModel):
    """A vague count and the number ACLED codes for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    words: str = Field(min_length=1)
    value: int = Field(ge=0)


class AcledPolicy(BaseModel):
    """The ACLED export policy file."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    policy: str
    columns: tuple[str, ...] = Field(min_length=1)
    vague_numbers: tuple[VagueNumber, ...]
    unknown_fatalities: int = Field(ge=0)
    source_separator: str
    regions: dict[str, tuple[str, ...]]


def load_acled_policy(path: Path | None = None) -> AcledPolicy:
    """Read and validate the policy; DataFileError names file and field."""
    return read_model(path or data_path(POLICY_FILE), AcledPolicy, entry="policy")


def vague_count(phrase: str | None, policy: AcledPolicy) -> int | None:
    """The number a vague phrase codes for ("dozens of civilians" → 12), or None."""
    if not phrase:
        return None
    lowered = phrase.casefold()
    for entry in sorted(policy.vague_numbers, key=lambda v: -len(v.words)):
        if re.search(rf"(?<!\w){re.escape(entry.words.casefold())}(?!\w)", lowered):
            return entry.value
    return None


def fatality_count(fatalities: JsonDict | None, policy: AcledPolicy) -> tuple[int, str | None]:
    """(ACLED fatalities, a note when the number is a convention or unknown)."""
    tolls = fatalities or {}
    for key in ("best", "low"):
        if tolls.get(key) is not None:
            return int(tolls[key]), None
    phrase = tolls.get("text") or tolls.get("qualifier")
    vague = vague_count(phrase, policy)
    if vague is not None:
        return vague, f"Fatalities coded {vague} from '{phrase}'."
    if phrase:
        return policy.unknown_fatalities, f"Deaths reported without a number: '{phrase}'."
    return 0, None


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def event_date(time: JsonDict | None) -> tuple[dt.date | None, int | None, str | None]:
    """(the one ACLED day, time_precision, a note with the reported range when wider than a day)."""
    if not time:
        return None, None, None
    start, end = _date(time.get("start")), _date(time.get("end"))
    first, last = start or end, end or start
    if first is None or last is None:
        return None, None, None
    precision = time.get("time_precision") or 3
    if precision == 1:
        day = first
    elif precision == 2:
        day = first + (last - first) / 2
    else:
        day = first.replace(day=15) if first.day <= 15 or first.month == last.month else first
    note = f"Reported for {first.isoformat()} to {last.isoformat()}." if first != last else None
    return day, int(precision), note


def actor_name(actor: JsonDict | None, country: Country | None) -> str:
    """ACLED name of an actor: the knowledge base's name, else the words of the report."""
    if not actor:
        return ""
    if actor.get("name"):
        return str(actor["name"])
    if actor.get("id") == "civilians" and country:
        return f"Civilians ({country.name})"
    return str(actor.get("text") or "")


def interaction(inter1: int | None, inter2: int | None, *, sole: bool) -> str:
    """ACLED interaction code, lowest digit first; a sole actor (no actor2) gives `inter1 * 10`.

    Empty when an actor's inter code is unknown: a half-known pair is not a code.
    """
    if sole:
        return str(inter1 * 10) if inter1 is not None else ""
    if inter1 is None or inter2 is None:
        return ""
    low, high = sorted((inter1, inter2))
    return f"{low}{high}"


def _range_note(fatalities: JsonDict | None) -> str | None:
    # ACLED keeps one figure and mentions disputes in the notes.
    low, high = (fatalities or {}).get("low"), (fatalities or {}).get("high")
    if low is not None and high is not None and low != high:
        return f"Reports give {low} to {high} deaths."
    return None


def _sources(record: JsonDict, separator: str) -> str:
    names: list[str] = [s.get("source") for s in record.get("sources") or [] if s.get("source")]
    names += [c["source"] for c in record.get("attribution") or [] if c.get("kind") == "outlet" and c.get("source")]
    return separator.join(dict.fromkeys(names))


def _is_civilian(actor: JsonDict | None) -> bool:
    return bool(actor) and (actor.get("id") == "civilians" or actor.get("inter") == 7)  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class AcledContext:
    """What the writer loads once: the policy, countries, regions and the typology lookup."""

    policy: AcledPolicy
    countries: dict[str, Country]
    region_of: dict[str, str]
    disorder_of: Any

    @classmethod
    def load(cls, policy: AcledPolicy | None = None) -> AcledContext:
        """Load the shipped policy (or use `policy`), the country table and the typology."""
        from flashpoint.kb.typology import load_typology

        chosen = policy or load_acled_policy()
        typology = load_typology()
        regions = {code: region for region, codes in chosen.regions.items() for code in codes}
        return cls(chosen, load_countries(), regions, typology.disorder_type_of)


def _disorder(context: AcledContext, sub_event_type: str) -> str:
    try:
        return str(context.disorder_of(sub_event_type))
    except (KeyError, ValueError, LookupError):
        return ""


def is_exportable(record: JsonDict) -> bool:
    """Real, unrejected events only (negated and future mentions are not events)."""
    return not (record.get("negated") or record.get("future") or record.get("rejected"))


def acled_row(record: JsonDict, context: AcledContext) -> dict[str, str]:
    """One ACLED CSV row (every value a string, missing as empty)."""
    place = record.get("place") or {}
    country = context.countries.get(place.get("country") or "")
    day, precision, range_note = event_date(record.get("time"))
    deaths, deaths_note = fatality_count(record.get("fatalities"), context.policy)
    actor1, actor2 = record.get("actor1"), record.get("actor2")
    inter1, inter2 = (actor1 or {}).get("inter"), (actor2 or {}).get("inter")
    notes = [record.get("notes"), range_note, deaths_note, _range_note(record.get("fatalities"))]
    if record.get("aggregate"):
        notes.append("Aggregate report over several incidents.")
    sep = context.policy.source_separator
    return {
        "event_id_cnty": f"{country.iso3 if country else 'XXX'}-{record.get('id') or record.get('event_id')}",
        "event_date": day.isoformat() if day else "",
        "year": str(day.year) if day else "",
        "time_precision": str(precision or ""),
        "disorder_type": _disorder(context, record.get("sub_event_type", "")),
        "event_type": record.get("event_type", ""),
        "sub_event_type": record.get("sub_event_type", ""),
        "actor1": actor_name(actor1, country),
        "assoc_actor_1": sep.join(actor_name(a, country) for a in record.get("assoc_actor_1") or []),
        "inter1": str(inter1 or ""),
        "actor2": actor_name(actor2, country),
        "assoc_actor_2": sep.join(actor_name(a, country) for a in record.get("assoc_actor_2") or []),
        "inter2": str(inter2 or ""),
        "interaction": interaction(inter1, inter2, sole=not actor2),
        "civilian_targeting": "Civilian targeting" if _is_civilian(actor2) or _is_civilian(actor1) else "",
        "iso": str(country.isonumeric) if country else "",
        "region": context.region_of.get(country.iso2, "") if country else "",
        "country": country.name if country else "",
        "admin1": place.get("admin1") or "",
        "admin2": place.get("admin2") or "",
        "admin3": "",
        "location": place.get("name") or place.get("text") or "",
        "latitude": f"{place['lat']:.4f}" if place.get("lat") is not None else "",
        "longitude": f"{place['lon']:.4f}" if place.get("lon") is not None else "",
        "geo_precision": str(place.get("geo_precision") or ""),
        "source": _sources(record, sep),
        "source_scale": "",
        "notes": " ".join(n for n in notes if n),
        "fatalities": str(deaths),
        "tags": "",
        "timestamp": str(record.get("timestamp") or ""),
    }


def write_acled_csv(events: list[JsonDict], stream: IO[str], *, policy: AcledPolicy | None = None) -> int:
    """Write the header and one row per exportable event; returns rows written."""
    context = AcledContext.load(policy)
    writer = csv.DictWriter(stream, fieldnames=list(context.policy.columns), lineterminator="\n")
    writer.writeheader()
    written = 0
    for record in events:
        if is_exportable(record):
            writer.writerow(acled_row(record, context))
            written += 1
    return written
