"""Load and validate the time, number, toll and attribution lexicons, per language.

Each lexicon is a YAML data file under `flashpoint/data/lexicons/` with the common
header; its body is checked by the pydantic schema below when first loaded, and
errors name the file and field. Loaded lexicons are immutable shipped data, so
they are read once per language.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from flashpoint.datafiles import HEADER_KEYS, data_path, read_data_file, validation_message
from flashpoint.errors import ConfigError, DataFileError

LANGUAGES = ("en", "fr")

Part = Literal["early", "mid", "late"]
Unit = Literal["day", "week", "weekend", "month", "year"]
Bound = Literal["low", "best", "high"]
Outcome = Literal["killed", "wounded", "abducted", "displaced", "losses"]


class _Lexicon(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    lang: str


class TimeLexicon(_Lexicon):
    """Schema of `time_<lang>.yaml`."""

    numeric_order: Literal["DMY", "MDY"]
    months: dict[str, int] = Field(min_length=12)
    cased_months: list[str]
    weekdays: dict[str, int] = Field(min_length=7)
    parts: dict[str, Part]
    part_links: list[str]
    relative_days: dict[str, int]
    units: dict[str, Unit]
    last_prefix: list[str]
    this_prefix: list[str]
    next_prefix: list[str]
    last_suffix: list[str]
    next_suffix: list[str]
    ago_suffix: list[str]
    ago_prefix: list[str]
    range_open: dict[str, list[str]]
    range_join: list[str]
    since: list[str]
    until: list[str]
    list_join: list[str]
    articles: list[str]
    year_prefix: list[str]

    def model_post_init(self, __context: object) -> None:
        bad = [name for name, month in self.months.items() if not 1 <= month <= 12]
        bad += [name for name, day in self.weekdays.items() if not 0 <= day <= 6]
        if bad:
            raise ValueError(f"month must be 1-12 and weekday 0-6, not {bad[0]!r}")


class Qualifier(BaseModel):
    """A count qualifier and the bound its number sets."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    qualifier: str
    bound: Bound


class NumberLexicon(_Lexicon):
    """Schema of `numbers_<lang>.yaml`."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    articles: list[str]
    joiners: list[str]
    approximate: dict[str, int]
    vague: dict[str, str]
    qualifiers: dict[str, Qualifier]
    postfix_qualifiers: dict[str, Qualifier]
    range_open: list[str]
    range_join: list[str]
    decimal_mark: Literal[".", ","]


class TollLexicon(_Lexicon):
    """Schema of `tolls_<lang>.yaml`."""

    victims: list[str]
    victim_links: list[str]
    before: dict[str, Outcome]
    neutral_before: list[str]
    after: dict[str, Outcome]
    auxiliaries: list[str]
    heavy_losses: list[str]
    coordinators: list[str]


class AttributionLexicon(_Lexicon):
    """Schema of `attribution_<lang>.yaml`."""

    source_after: list[str]
    outlet_after: list[str]
    verbs: dict[str, str]
    anonymous_heads: list[str]
    anaphors: list[str]
    group_heads: list[str]
    document_heads: list[str]
    document_intro: list[str]
    outlets: list[str]
    group_outlets: list[str]
    name_particles: list[str]
    role_starts: list[str]
    not_names: list[str]
    filler: list[str]
    relative_starts: list[str]


L = TypeVar("L", bound=_Lexicon)


def check_language(lang: str) -> str:
    """Return `lang` when a lexicon exists for it; ConfigError lists the valid ones."""
    if lang not in LANGUAGES:
        message = f"no lexicon for language {lang!r}; languages are: {', '.join(LANGUAGES)}"
        raise ConfigError(message, field="lang", value=lang)
    return lang


def read_lexicon(path: Path, schema: type[L]) -> L:
    """Read one lexicon file and validate its body against `schema`."""
    content = read_data_file(path)
    body = {key: value for key, value in content.items() if key not in HEADER_KEYS}
    try:
        return schema(**body)
    except ValidationError as exc:
        raise DataFileError(validation_message(path, str(body.get("lang")), exc), path=str(path)) from exc


@functools.lru_cache(maxsize=None)
def time_lexicon(lang: str) -> TimeLexicon:
    """The time lexicon of `lang` (en, fr)."""
    return read_lexicon(data_path(f"lexicons/time_{check_language(lang)}.yaml"), TimeLexicon)


@functools.lru_cache(maxsize=None)
def number_lexicon(lang: str) -> NumberLexicon:
    """The number lexicon of `lang` (en, fr)."""
    return read_lexicon(data_path(f"lexicons/numbers_{check_language(lang)}.yaml"), NumberLexicon)


@functools.lru_cache(maxsize=None)
def toll_lexicon(lang: str) -> TollLexicon:
    """The casualty lexicon of `lang` (en, fr)."""
    return read_lexicon(data_path(f"lexicons/tolls_{check_language(lang)}.yaml"), TollLexicon)


@functools.lru_cache(maxsize=None)
def attribution_lexicon(lang: str) -> AttributionLexicon:
    """The attribution lexicon of `lang` (en, fr)."""
    return read_lexicon(data_path(f"lexicons/attribution_{check_language(lang)}.yaml"), AttributionLexicon)
