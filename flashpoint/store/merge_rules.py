"""When are two coded events the same incident? The pure rules of the cross-report merge.

Compatible type (same type group), actor ids (one side's known ids contain the
other's), place (within `max_km`, or same country and admin1 when either is only
known to the region), overlapping time, same aggregate flag, different documents.
Loaded from `data/merge_policy.yaml`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from flashpoint.datafiles import data_path, read_model

POLICY_FILE = "merge_policy.yaml"
EARTH_RADIUS_KM = 6371.0088


class MergePolicy(BaseModel):
    """Thresholds of the merge (see `data/merge_policy.yaml`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    max_km: float = Field(gt=0)
    region_precision: int = Field(ge=1, le=3)
    time_slack_days: int = Field(ge=0)
    compatible_types: tuple[tuple[str, ...], ...] = ()

    def type_group(self, event_type: str) -> str:
        """The group key of a type: the first type of its compatibility group, or itself."""
        for group in self.compatible_types:
            if event_type in group:
                return group[0]
        return event_type

    def type_rank(self, event_type: str) -> int:
        """Precedence of a type inside its group (0 wins)."""
        for group in self.compatible_types:
            if event_type in group:
                return group.index(event_type)
        return 0


def load_merge_policy(path: Path | None = None) -> MergePolicy:
    """Read and validate the merge policy; DataFileError names file and field."""
    return read_model(path or data_path(POLICY_FILE), MergePolicy, entry="policy")


@dataclass(frozen=True, slots=True)
class MergeKey:
    """What the merge needs to know about one stored event."""

    id: str
    doc_id: str
    group: str
    aggregate: bool
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    geo_precision: int | None
    start: dt.date | None
    end: dt.date | None
    actor_ids: frozenset[str]

    @property
    def bounds(self) -> tuple[dt.date, dt.date] | None:
        """The time range, an open bound taking the other's value; None when no date is known."""
        low = self.start or self.end
        high = self.end or self.start
        return (low, high) if low and high else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def place_gap(a: MergeKey, b: MergeKey, policy: MergePolicy) -> float | None:
    """Distance in km when the places agree (0 for same region), None when they do not."""
    if not a.country or a.country != b.country:
        return None
    coarse = any(k.geo_precision is None or k.geo_precision >= policy.region_precision for k in (a, b))
    if not coarse and None not in (a.lat, a.lon, b.lat, b.lon):
        km = distance_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        return km if km <= policy.max_km else None
    if a.admin1 and a.admin1 == b.admin1:
        return 0.0
    return None


def time_gap(a: MergeKey, b: MergeKey, policy: MergePolicy) -> int | None:
    """Days between the ranges (0 when they overlap), None when too far apart or unknown."""
    ra, rb = a.bounds, b.bounds
    if ra is None or rb is None:
        return None
    gap = max((rb[0] - ra[1]).days, (ra[0] - rb[1]).days, 0)
    return gap if gap <= policy.time_slack_days else None


def actors_agree(a: MergeKey, b: MergeKey) -> bool:
    """Known actor ids must not contradict: one event's ids contain the other's."""
    return a.actor_ids <= b.actor_ids or b.actor_ids <= a.actor_ids


def pair_score(a: MergeKey, b: MergeKey, policy: MergePolicy) -> tuple[float, int] | None:
    """(km, days) when `a` and `b` may be one incident, else None. Smaller is closer."""
    if a.doc_id == b.doc_id or a.group != b.group or a.aggregate != b.aggregate:
        return None
    if not actors_agree(a, b):
        return None
    km = place_gap(a, b, policy)
    if km is None:
        return None
    days = time_gap(a, b, policy)
    if days is None:
        return None
    return (round(km, 6), days)
