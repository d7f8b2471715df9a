"""Assemble the default pipeline from settings: the one place stages are wired.

Order: language → linguistic → countries → actors → times → tolls → attribution
→ triggers → places → events. Places come after attribution so that a source's
name ("according to X") and actor names are never read as toponyms. The trigger
lexicon is loaded once and shared: the linguistic stage uses it as its cheap
first pass (the statistical model only runs where a trigger is, see `ner_scope`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from flashpoint.errors import ConfigError
from flashpoint.pipeline import Pipeline, Stage
from flashpoint.settings import Settings, load_settings

# With ner_scope "initial", the NER reads this many opening words of a sentence.
_NER_WINDOW = 8

STAGE_ORDER: tuple[str, ...] = (
    "language", "linguistic", "countries", "actors", "times", "tolls",
    "attribution", "triggers", "places", "events",
)


def ensure_gazetteer(path: Path, *, quiet: bool = False) -> Path:
    """Build the embedded default gazetteer index the first time it is needed, and again
    when an upgrade changed its schema and it holds no imported GeoNames file."""
    from flashpoint.gazetteer.schema import is_stale_embedded

    stale = path.is_file() and is_stale_embedded(path)
    if path.is_file() and not stale:
        return path
    from flashpoint.gazetteer.build import build_default_index

    if not quiet:
        why = "its schema changed; rebuilding" if stale else "once"
        print(f"building the embedded gazetteer index at {path} ({why}) …", file=sys.stderr)
    path.parent.mkdir(parents=True, exist_ok=True)
    return build_default_index(path)


@dataclass
class Resources:
    """Knowledge shared by several stages, loaded once per pipeline."""

    settings: Settings
    actors_extra: Sequence[Path] = ()

    @cached_property
    def lexicon(self) -> Any:
        from flashpoint.kb.trigger_lexicon import load_trigger_lexicon

        return load_trigger_lexicon()

    @cached_property
    def actor_kb(self) -> Any:
        from flashpoint.kb.actors import ActorKB

        folder = self.settings.home / "actors"
        user = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        return ActorKB.load(extra_paths=[*user, *self.actors_extra])

    def ner_selector(self) -> Callable[[str, str, frozenset[str]], bool] | None:
        """The fast path's first pass: which sentences the statistical NER sees."""
        scope = self.settings.get("ner_scope")
        if scope == "all":
            return None
        if scope == "off":
            return _read_nothing
        if scope not in {"triggers", "initial"}:
            raise ConfigError(f"ner_scope {scope!r} is not one of all, triggers, initial, off", field="ner_scope")
        lexicon = self.lexicon
        from flashpoint.stages.linguistic import opens_with_name

        known = {lang: self.known_openers(lang) for lang in lexicon.by_lang}

        def select(text: str, lang: str, common: frozenset[str]) -> bool:
            if scope == "initial" and not opens_with_name(text, lang, common | known.get(lang, frozenset())):
                return False
            language = lexicon.by_lang.get(lang) or lexicon.by_lang["en"]
            return next(iter(language.trigger_matcher.finditer(text)), None) is not None

        return select

    def known_openers(self, lang: str) -> frozenset[str]:
        """Lower-cased words our own lexicons already explain at a sentence start (country
        names and demonyms, actor names, number words): the NER has nothing to add there."""
        from flashpoint.stages.countries import load_country_names
        from flashpoint.stages.toll_phrases import number_grammar

        words = {name.split()[0] for name in load_country_names()}
        words |= {text.split()[0].lower() for text, _ in self.actor_kb.surface_forms() if text.strip()}
        grammar = number_grammar(lang)
        for table in (grammar.units, grammar.tens, grammar.scales, grammar.vague, grammar.approximate):
            words |= table.first_words
        return frozenset(words)


def _read_nothing(text: str, lang: str, common: frozenset[str]) -> bool:
    """The selector of `ner_scope = off`: the NER reads no sentence."""
    return False


def _language(res: Resources) -> Stage:
    from flashpoint.stages.language import LanguageStage

    return LanguageStage()


def _linguistic(res: Resources) -> Stage:
    from flashpoint.stages.linguistic import LinguisticStage

    models = {"en": res.settings.get("english_model"), "fr": res.settings.get("french_model")}
    window = _NER_WINDOW if res.settings.get("ner_scope") == "initial" else None
    return LinguisticStage(models, select=res.ner_selector(), window=window)


def _countries(res: Resources) -> Stage:
    from flashpoint.stages.countries import CountriesStage

    return CountriesStage()


def _actors(res: Resources) -> Stage:
    from flashpoint.stages.actors import ActorStage

    return ActorStage(res.actor_kb)


def _times(res: Resources) -> Stage:
    from flashpoint.stages.times import TimeStage

    return TimeStage()


def _tolls(res: Resources) -> Stage:
    from flashpoint.stages.tolls import TollStage

    return TollStage()


def _attribution(res: Resources) -> Stage:
    from flashpoint.stages.attribution import AttributionStage

    return AttributionStage()


def _triggers(res: Resources) -> Stage:
    from flashpoint.stages.triggers import TriggerStage

    return TriggerStage(res.lexicon)


def _places(res: Resources) -> Stage:
    from flashpoint.stages.places import PlacesStage

    return PlacesStage(ensure_gazetteer(res.settings.gazetteer_path), res.actor_kb)


def _events(res: Resources) -> Stage:
    from flashpoint.stages.events import EventStage

    return EventStage(res.actor_kb)


FACTORIES: dict[str, Callable[[Resources], Stage]] = {
    "language": _language, "linguistic": _linguistic, "countries": _countries, "actors": _actors,
    "times": _times, "tolls": _tolls, "attribution": _attribution, "triggers": _triggers,
    "places": _places, "events": _events,
}


def build_pipeline(
    settings: Settings | None = None,
    *,
    disable: Sequence[str] = (),
    actors_extra: Sequence[Path] = (),
    **overrides: Any,
) -> Pipeline:
    """The default pipeline; `disable` drops named stages (a document's preset `lang` is kept)."""
    settings = settings or load_settings(**overrides)
    unknown = [name for name in disable if name not in STAGE_ORDER]
    if unknown:
        raise ConfigError(f"cannot disable unknown stage {unknown[0]!r}; stages are: {', '.join(STAGE_ORDER)}")
    resources = Resources(settings, actors_extra)
    stages = [FACTORIES[name](resources) for name in STAGE_ORDER if name not in disable]
    return Pipeline(stages, max_seconds=float(settings.get("max_doc_seconds")))
