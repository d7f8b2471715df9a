"""Flashpoint: conflict reporting in, ACLED/UCDP-style event records with provenance out."""

from __future__ import annotations

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


def load(**options: object) -> "Pipeline":  # noqa: F821 - imported lazily below
    """Build the default pipeline (models load lazily, once). Example: `nlp = flashpoint.load()`."""
    from flashpoint.build import build_pipeline

    return build_pipeline(**options)  # type: ignore[arg-type]
