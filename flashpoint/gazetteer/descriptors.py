"""Strip words naming a kind of place ("village of", "camp") from a toponym.

Reads `data/place_descriptors.yaml` once (validated). The resolver tries the bare
name only when the full text finds nothing, so a place whose name includes such a
word ("Gorom-Gorom market" as a place) is still found first as written.

Example:
    >>> strip_descriptors("Gargassa camp")
    'gargassa'
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, ValidationError

from flashpoint.alternation import prefix_alternation
from flashpoint.datafiles import data_path, read_data_file, validation_message
from flashpoint.errors import DataFileError
from flashpoint.gazetteer.normalise import normalise_name

DESCRIPTORS_FILE = "place_descriptors.yaml"


class Descriptors(BaseModel):
    """Leading and trailing descriptor phrases, normalised at load."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    leading: tuple[str, ...]
    trailing: tuple[str, ...]


@lru_cache(maxsize=1)
def load_descriptors() -> Descriptors:
    """The shipped descriptor lists, normalised, longest first."""
    path = data_path(DESCRIPTORS_FILE)
    content = read_data_file(path)
    try:
        raw = Descriptors.model_validate(content)
    except ValidationError as exc:
        raise DataFileError(validation_message(path, "descriptors", exc), path=str(path)) from exc

    def _prepare(phrases: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted({normalise_name(p) for p in phrases if normalise_name(p)}, key=len, reverse=True))

    return Descriptors(leading=_prepare(raw.leading), trailing=_prepare(raw.trailing))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Leading phrases (any run of them) and one trailing phrase, as two compiled patterns:
    the alternations try the longest phrase first, so the phrase removed is the one the
    longest-first lists would pick."""
    descriptors = load_descriptors()
    leading, trailing = prefix_alternation(descriptors.leading), prefix_alternation(descriptors.trailing)
    return re.compile(rf"(?:{leading} )+"), re.compile(rf" {trailing}$")


@lru_cache(maxsize=65_536)
def strip_descriptors(text: str) -> str:
    """The normalised name without leading/trailing descriptor phrases ("" if nothing else)."""
    norm = normalise_name(text)
    leading, trailing = _patterns()
    opening = leading.match(norm)  # "the village of X": several leading phrases in a row
    if opening:
        norm = norm[opening.end() :]
    found = trailing.search(norm)
    return norm[: found.start()] if found else norm
