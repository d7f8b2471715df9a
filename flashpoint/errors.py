"""Flashpoint's exception tree, one root.

    FlashpointError
    ├── InputError (ValueError)      bad document: empty, binary, no article, unknown language
    ├── ConfigError (ValueError)     a setting, a pipeline config or a flag is wrong
    ├── DataFileError (ValueError)   a shipped or user data file breaks its schema
    ├── GazetteerError               index missing, broken or an import failed
    ├── StoreError                   database unreachable or a write failed
    └── ExportError                  an export format cannot represent the data

Each error carries where it happened as attributes (`doc_id`, `path`, `stage`,
`field`, `value`) so a batch report can say what was wrong and where.
"""

from __future__ import annotations

from typing import Any


class FlashpointError(Exception):
    """Root of every error Flashpoint raises on purpose."""

    def __init__(
        self,
        message: str,
        *,
        doc_id: str | None = None,
        path: str | None = None,
        stage: str | None = None,
        field: str | None = None,
        value: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.doc_id = doc_id
        self.path = path
        self.stage = stage
        self.field = field
        self.value = value

    def __str__(self) -> str:
        where = self.path or self.doc_id
        return f"{where}: {self.message}" if where else self.message


class InputError(FlashpointError, ValueError):
    """A document cannot be read as a report (empty, binary, no article text, ...)."""


class ConfigError(FlashpointError, ValueError):
    """A setting or pipeline configuration is invalid; the message lists valid values."""


class DataFileError(FlashpointError, ValueError):
    """A data file (actors, lexicons, typology) breaks its schema."""


class GazetteerError(FlashpointError):
    """The gazetteer index is missing or broken, or an import failed."""


class StoreError(FlashpointError):
    """The event store could not be opened or written."""


class ExportError(FlashpointError):
    """Events could not be written in the requested format."""
