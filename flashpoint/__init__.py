"""Flashpoint: conflict reporting in, ACLED/UCDP-style event records with provenance out."""

from __future__ import annotations

import typing

from flashpoint.errors import (
    ConfigError,
    DataFileError,
    ExportError,
    FlashpointError,
    GazetteerError,
    InputError,
    StoreError,
)
from flashpoint.model import Document, Event, Failure

if typing.TYPE_CHECKING:
    from flashpoint.pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "DataFileError",
    "Document",
    "Event",
    "ExportError",
    "Failure",
    "FlashpointError",
    "GazetteerError",
    "InputError",
    "StoreError",
    "__version__",
    "load",
]


def load(**options: typing.Any) -> Pipeline:
    """Build the default pipeline from settings; `options` override settings by name
    (e.g. `gazetteer=...`). Models load lazily, once. Example: `nlp = flashpoint.load()`."""
    from flashpoint.build import build_pipeline

    return build_pipeline(**options)
