"""Cue lists the events stage reads (negation, future, hedges, roles, victims, influence).

They live in `data/event_cues.yaml`; this module loads and validates them once.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ValidationError

from flashpoint.datafiles import data_path, read_data_file, validation_message
from flashpoint.errors import DataFileError


class InfluenceCues(BaseModel):
    """Phrases that state presence, control, influence or an aim over an area."""

    presence: list[str]
    control: list[str]
    influence: list[str]
    aim: list[str]


class EventCues(BaseModel):
    """All cue lists for one language."""

    negation: list[str]
    future: list[str]
    hedge: list[str]
    loser_before: list[str]
    consequence: list[str]
    region_anaphora: list[str]
    event_anaphora: list[str] = []
    """Phrases that open a sentence about the event just reported ("The strike, on Aug. 3, ...")."""
    reporting_verbs: list[str]
    responsibility: list[str]
    target_before: list[str]
    day_offsets: dict[str, int]
    background_after_days: int
    civilian_victims: list[str]
    armed_victims: list[str]
    influence: InfluenceCues
    influence_not: list[str]
    min_trigger_score: dict[str, float]

    def strong_enough(self, sub_event_type: str, score: float) -> bool:
        """Does a trigger of this score suffice for an event of this sub-type?"""
        return score >= self.min_trigger_score.get(sub_event_type, self.min_trigger_score.get("default", 0.0))


def load_escalation() -> tuple[tuple[str, ...], ...]:
    """Ladders of sub-types one gathering can pass through, mildest first."""
    path = data_path("event_cues.yaml")
    ladders = read_data_file(path).get("escalation", [])
    if not isinstance(ladders, list) or not all(isinstance(l, list) and all(isinstance(s, str) for s in l) for l in ladders):
        raise DataFileError(f"{path.name}: escalation must be a list of lists of sub-types", path=str(path), field="escalation")
    return tuple(tuple(ladder) for ladder in ladders)


def load_event_cues() -> dict[str, EventCues]:
    """Cues per language code."""
    path = data_path("event_cues.yaml")
    content = read_data_file(path)
    cues: dict[str, EventCues] = {}
    for lang in ("en", "fr"):
        try:
            cues[lang] = EventCues(**content[lang])
        except ValidationError as exc:
            raise DataFileError(validation_message(path, lang, exc), path=str(path), field=lang) from exc
        except (KeyError, TypeError) as exc:
            raise DataFileError(f"{path.name}: missing section {lang!r}", path=str(path), field=lang) from exc
    return cues


def contains_any(text: str, phrases: list[str]) -> str | None:
    """The first phrase found in `text` (lower-cased, word-bounded at the start), or None."""
    lowered = _padded_lower(text)
    for phrase in phrases:
        # The bare phrase first: most are absent, and that test builds no string.
        if phrase in lowered and f" {phrase}" in lowered:
            return phrase
    return None


@lru_cache(maxsize=256)
def _padded_lower(text: str) -> str:
    # The same sentence or clause is tested against several cue lists in a row.
    return f" {text.lower()}"
