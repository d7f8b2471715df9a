"""Load the analyst regions (`data/regions.yaml`) that GeoNames has no feature for.

Example:
    >>> regions = load_regions()
    >>> regions["azawad"].countries
    ('ML',)
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from flashpoint.datafiles import data_path, read_data_file, validation_message
from flashpoint.errors import DataFileError

REGIONS_FILE = "regions.yaml"


class Region(BaseModel):
    """One analyst region: names, countries, a centroid and an extent box."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    kind: str = Field(pattern="^(area|border|basin)$")
    countries: tuple[str, ...] = Field(min_length=1)
    centroid: tuple[float, float]
    bbox: tuple[float, float, float, float]

    @field_validator("countries")
    @classmethod
    def _iso2(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for code in value:
            if len(code) != 2 or not code.isupper():
                raise ValueError(f"{code!r} is not an ISO2 country code")
        return value

    @model_validator(mode="after")
    def _centroid_in_bbox(self) -> Region:
        south, west, north, east = self.bbox
        lat, lon = self.centroid
        if not (south <= lat <= north and west <= lon <= east):
            raise ValueError("centroid lies outside bbox [south, west, north, east]")
        return self


def load_regions(path: Path | None = None) -> dict[str, Region]:
    """Regions by slug from `path` (default: the shipped file); DataFileError names the entry."""
    path = path or data_path(REGIONS_FILE)
    content = read_data_file(path)
    entries = content.get("regions")
    if not isinstance(entries, dict):
        raise DataFileError("'regions' must map slug to region", path=str(path), field="regions")
    regions: dict[str, Region] = {}
    for slug, entry in entries.items():
        try:
            regions[str(slug)] = Region.model_validate(entry)
        except ValidationError as exc:
            raise DataFileError(validation_message(path, str(slug), exc), path=str(path), field=str(slug)) from exc
    return regions
