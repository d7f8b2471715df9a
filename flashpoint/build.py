"""Assemble the default pipeline from settings: the one place stages are wired.

Order: language → linguistic → countries → actors → times → tolls → attribution
→ triggers → places → events. Places come after attribution so that a source's
name ("according to X") and actor names are never read as toponyms.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from flashpoint.errors import ConfigError
from flashpoint.pipeline import Pipeline, Stage
from flashpoint.settings import Settings, load_settings

STAGE_ORDER: tuple[str, ...] = (
    "language", "linguistic", "countries", "actors", "times", "tolls",
    "attribution", "triggers", "places", "events",
)


def ensure_gazetteer(path: Path, *, quiet: bool = False) -> Path:
    """Build the embedded default gazetteer index the first time it is needed."""
    if path.is_file():
        return path
    from flashpoint.gazetteer.build import build_default_index

    if not quiet:
        print(f"building the embedded gazetteer index at {path} (once) …", file=sys.stderr)
    path.parent.mkdir(parents=True, exist_ok=True)
    return build_default_index(path)


def make_stage(name: str, settings: Settings, *, lang: str | None, actors_extra: Sequence[Path]) -> Stage:
    """Instantiate one named stage from settings."""
    if name == "language":
        from flashpoint.stages.language import LanguageStage

        return LanguageStage()
    if name == "linguistic":
        from flashpoint.stages.linguistic import LinguisticStage

        return LinguisticStage({"en": settings.get("english_model"), "fr": settings.get("french_model")})
    if name == "countries":
        from flashpoint.stages.countries import CountriesStage

        return CountriesStage()
    if name == "actors":
        from flashpoint.kb.actors import ActorKB
        from flashpoint.stages.actors import ActorStage

        return ActorStage(ActorKB.load(extra_paths=_user_actor_files(settings, actors_extra)))
    return _make_text_stage(name, settings)


def _make_text_stage(name: str, settings: Settings) -> Stage:
    if name == "times":
        from flashpoint.stages.times import TimeStage

        return TimeStage()
    if name == "tolls":
        from flashpoint.stages.tolls import TollStage

        return TollStage()
    if name == "attribution":
        from flashpoint.stages.attribution import AttributionStage

        return AttributionStage()
    if name == "triggers":
        from flashpoint.stages.triggers import TriggerLexicon, TriggerStage

        return TriggerStage(TriggerLexicon.load())
    if name == "places":
        from flashpoint.stages.places import PlacesStage

        return PlacesStage(ensure_gazetteer(settings.gazetteer_path))
    if name == "events":
        from flashpoint.stages.events import EventStage

        return EventStage()
    raise ConfigError(f"unknown stage {name!r}; stages are: {', '.join(STAGE_ORDER)}", stage=name)


def _user_actor_files(settings: Settings, extra: Sequence[Path]) -> list[Path]:
    folder = settings.home / "actors"
    found = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return [*found, *extra]


def build_pipeline(
    settings: Settings | None = None,
    *,
    lang: str | None = None,
    disable: Sequence[str] = (),
    actors_extra: Sequence[Path] = (),
    **overrides: Any,
) -> Pipeline:
    """The default pipeline. `lang` forces a language; `disable` drops named stages."""
    settings = settings or load_settings(**overrides)
    unknown = [name for name in disable if name not in STAGE_ORDER]
    if unknown:
        raise ConfigError(f"cannot disable unknown stage {unknown[0]!r}; stages are: {', '.join(STAGE_ORDER)}")
    stages = [make_stage(n, settings, lang=lang, actors_extra=actors_extra) for n in STAGE_ORDER if n not in disable]
    if lang is not None:
        from flashpoint.stages.language import ForcedLanguageStage

        stages[0] = ForcedLanguageStage(lang)
    return Pipeline(stages)
