"""Load versioned data files (YAML/JSONL) under `flashpoint/data/` and check their header.

Every data file opens with `schema`, `version`, `updated`, `source` and `licence`;
`MANIFEST.yaml` names each file's current version. Content is validated by the
pydantic schema of the module that owns the file; errors name file, entry and field.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from flashpoint.errors import DataFileError

HEADER_KEYS = ("schema", "version", "updated", "source", "licence")
# libyaml's loader is several times faster; fall back to pure Python where it is missing.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataHeader(BaseModel):
    """The header every data file carries."""

    model_config = ConfigDict(extra="ignore")
    schema_: str
    version: str
    updated: str
    source: str
    licence: str


def data_path(relative: str) -> Path:
    """Path of a shipped data file, e.g. `data_path("actors/sahel.yaml")`."""
    return Path(str(resources.files("flashpoint") / "data" / relative))


def read_data_file(path: Path) -> dict[str, Any]:
    """Read a YAML data file, check its header, and return the whole mapping."""
    try:
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read data file: {exc}", path=str(path)) from exc
    if not isinstance(content, dict):
        raise DataFileError("data file must be a mapping with a header", path=str(path))
    missing = [key for key in HEADER_KEYS if key not in content]
    if missing:
        raise DataFileError(f"header lacks {', '.join(missing)}", path=str(path), field=missing[0])
    try:
        DataHeader(schema_=str(content["schema"]), **{k: str(content[k]) for k in HEADER_KEYS[1:]})
    except ValidationError as exc:
        raise DataFileError(f"bad header: {exc.errors()[0]['msg']}", path=str(path)) from exc
    return content


ModelT = TypeVar("ModelT", bound=BaseModel)


def read_model(path: Path, model: type[ModelT], *, entry: str) -> ModelT:
    """Read a data file and validate its body (everything but the header) as `model`.

    Raises DataFileError naming the file, `entry` and the first bad field.
    """
    content = read_data_file(path)
    body = {key: value for key, value in content.items() if key not in HEADER_KEYS}
    try:
        return model(**body)
    except ValidationError as exc:
        raise DataFileError(validation_message(path, entry, exc), path=str(path)) from exc


def validation_message(path: Path, entry: str, exc: ValidationError) -> str:
    """`file: 'entry': 'field': message` for the first pydantic error."""
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"])
    return f"{path.name}: {entry!r}: {field!r}: {first['msg']}"


def read_manifest() -> dict[str, str]:
    """The shipped data files and their versions, from `data/MANIFEST.yaml`."""
    content = read_data_file(data_path("MANIFEST.yaml"))
    files = content.get("files", {})
    if not isinstance(files, dict):
        raise DataFileError("MANIFEST.yaml: 'files' must map file to version", path="MANIFEST.yaml")
    return {str(name): str(version) for name, version in files.items()}
