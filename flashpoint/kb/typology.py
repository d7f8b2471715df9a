"""The ACLED typology (6 event types, 25 sub-event types) and its disambiguation rules.

Loaded from `data/typology.yaml` and validated once at load: a misspelt or missing
sub-type, a duplicate, or a rule naming an unknown sub-type raises `DataFileError`
naming the file, the entry and the field.

Example:
    >>> typology = load_typology()
    >>> typology.event_type_of("Air/drone strike")
    'Explosions/Remote violence'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from flashpoint.datafiles import data_path, read_data_file, validation_message
from flashpoint.errors import DataFileError

TYPOLOGY_FILE = "typology.yaml"
DISORDER_TYPES = frozenset(
    {"Political violence", "Demonstrations", "Strategic developments", "Political violence; Demonstrations"}
)


class SubTypeEntry(BaseModel):
    """One ACLED sub-event type."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=1)
    case_label: str = Field(pattern=r"^[A-Z_]+$")
    disorder_type: str
    definition: str = Field(min_length=1)


class EventTypeEntry(BaseModel):
    """One ACLED event type and its sub-types."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=1)
    definition: str = Field(min_length=1)
    default_sub_type: str
    sub_types: tuple[SubTypeEntry, ...] = Field(min_length=1)


class Rule(BaseModel):
    """A codebook disambiguation rule: move the decision from one sub-type to another."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    name: str = Field(min_length=1)
    description: str = Field(min_length=1)
    from_: tuple[str, ...] = Field(alias="from", min_length=1)
    into: str
    min_ratio: float | None = Field(default=None, gt=0.0)
    """`into` needs at least this share of the current winner's score."""
    min_score: float | None = Field(default=None, gt=0.0)
    """`into` needs at least this score of its own."""
    when_cue: str | None = None
    """This cue class of the trigger lexicon must occur in the text."""


class TypologyFile(BaseModel):
    """The body of `typology.yaml` (the header is checked by `read_data_file`)."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    event_types: tuple[EventTypeEntry, ...] = Field(min_length=1)
    non_acled_case_labels: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()


@dataclass(frozen=True, slots=True)
class Typology:
    """The validated typology: lookups by sub-type and CASE label, and the ordered rules."""

    event_types: tuple[EventTypeEntry, ...]
    rules: tuple[Rule, ...]
    non_acled_case_labels: tuple[str, ...]

    @property
    def sub_types(self) -> list[tuple[str, str]]:
        """Every `(event_type, sub_event_type)` pair, in codebook order."""
        return [(etype.name, sub.name) for etype in self.event_types for sub in etype.sub_types]

    @property
    def type_names(self) -> list[str]:
        """The event type names, in codebook order."""
        return [etype.name for etype in self.event_types]

    def entry(self, sub_event_type: str) -> SubTypeEntry:
        """The entry of a sub-type; KeyError names the valid sub-types."""
        for etype in self.event_types:
            for sub in etype.sub_types:
                if sub.name == sub_event_type:
                    return sub
        raise KeyError(f"unknown sub-event type {sub_event_type!r}; valid: {[s for _, s in self.sub_types]}")

    def event_type_of(self, sub_event_type: str) -> str:
        """The event type a sub-type belongs to, e.g. `Armed clash` -> `Battles`."""
        for etype in self.event_types:
            if any(sub.name == sub_event_type for sub in etype.sub_types):
                return etype.name
        raise KeyError(f"unknown sub-event type {sub_event_type!r}; valid: {[s for _, s in self.sub_types]}")

    def disorder_type_of(self, sub_event_type: str) -> str:
        """ACLED's `disorder_type` for a sub-type."""
        return self.entry(sub_event_type).disorder_type

    def case_label_of(self, sub_event_type: str) -> str:
        """The CASE 2021 label of a sub-type (e.g. `ARMED_CLASH`)."""
        return self.entry(sub_event_type).case_label

    def sub_type_of_case_label(self, label: str) -> str | None:
        """The sub-type a CASE label names; None for the non-ACLED labels; KeyError if unknown."""
        for _, sub in self.sub_types:
            if self.entry(sub).case_label == label:
                return sub
        if label in self.non_acled_case_labels:
            return None
        raise KeyError(f"unknown CASE label {label!r}")


def load_typology(path: Path | None = None) -> Typology:
    """Load and validate the typology (the shipped file unless `path` is given).

    Raises:
        DataFileError: the file is unreadable, lacks its header, or breaks the schema.
    """
    path = path or data_path(TYPOLOGY_FILE)
    content = read_data_file(path)
    try:
        body = TypologyFile.model_validate(content)
    except ValidationError as exc:
        raise DataFileError(validation_message(path, "typology", exc), path=str(path)) from exc
    typology = Typology(body.event_types, body.rules, body.non_acled_case_labels)
    _check_consistency(typology, path)
    return typology


def _check_consistency(typology: Typology, path: Path) -> None:
    """Names unique, disorder types known, defaults and rules pointing at real sub-types."""
    names = [sub for _, sub in typology.sub_types]
    labels = [typology.entry(sub).case_label for sub in names]
    for kind, values in (("sub-type", names), ("case_label", labels), ("event type", typology.type_names)):
        dupes = sorted({value for value in values if values.count(value) > 1})
        if dupes:
            raise DataFileError(f"{path.name}: duplicate {kind} {dupes[0]!r}", path=str(path), field=kind)
    for etype in typology.event_types:
        if etype.default_sub_type not in {sub.name for sub in etype.sub_types}:
            raise _bad(path, etype.name, "default_sub_type", etype.default_sub_type)
        for sub in etype.sub_types:
            if sub.disorder_type not in DISORDER_TYPES:
                raise _bad(path, sub.name, "disorder_type", sub.disorder_type)
    for rule in typology.rules:
        for target in (*rule.from_, rule.into):
            if target not in names:
                raise _bad(path, rule.name, "from/into", target)
        if rule.min_ratio is None and rule.min_score is None and rule.when_cue is None:
            raise _bad(path, rule.name, "min_ratio/min_score/when_cue", None)


def _bad(path: Path, entry: str, field: str, value: object) -> DataFileError:
    return DataFileError(f"{path.name}: {entry!r}: {field!r}: invalid value {value!r}", path=str(path), field=field, value=value)
