"""LanguageStage: assigns lang, keeps a forced lang, refuses unsupported languages by name."""

from __future__ import annotations

import re

import pytest

from flashpoint.errors import ConfigError, InputError
from flashpoint.model import Document
from flashpoint.pipeline import Pipeline
from flashpoint.stages.language import LanguageStage

ENGLISH = "Protesters blocked the main road into the city on Monday to denounce a wave of kidnappings."
FRENCH = "Des manifestants ont bloqué lundi la route principale de la ville pour dénoncer les enlèvements."
SPANISH = "Los manifestantes bloquearon el lunes la carretera principal de la ciudad para denunciar los secuestros."
ARABIC = "أغلق متظاهرون الطريق الرئيسي المؤدي إلى المدينة يوم الاثنين احتجاجا على موجة من عمليات الخطف."


@pytest.mark.parametrize(("text", "lang"), [(ENGLISH, "en"), (FRENCH, "fr")])
def test_language_stage_assigns_supported_language(text: str, lang: str) -> None:
    doc = Document.from_text(text)
    result = LanguageStage()(doc)
    assert result.lang == lang
    assert doc.lang is None  # stages never mutate


@pytest.mark.parametrize(("text", "name"), [(SPANISH, "Spanish (es)"), (ARABIC, "Arabic (ar)")])
def test_language_stage_refuses_unsupported_language_by_name(text: str, name: str) -> None:
    doc = Document.from_text(text, path="inbox/report.txt")
    with pytest.raises(InputError, match=re.escape(f"document is in {name}; supported languages: en, fr")) as caught:
        LanguageStage()(doc)
    assert (caught.value.doc_id, caught.value.path, caught.value.stage) == (doc.doc_id, "inbox/report.txt", "language")


def test_language_stage_keeps_forced_language() -> None:
    doc = Document.from_text(SPANISH, lang="fr")
    assert LanguageStage()(doc) is doc


def test_language_stage_supported_set_is_configurable() -> None:
    doc = Document.from_text(SPANISH)
    assert LanguageStage(supported=("en", "fr", "es"))(doc).lang == "es"
    with pytest.raises(InputError, match="French"):
        LanguageStage(supported=("en",))(Document.from_text(FRENCH))


@pytest.mark.parametrize("codes", [(), ("xx",), ("english",)])
def test_language_stage_rejects_bad_config(codes: tuple[str, ...]) -> None:
    with pytest.raises(ConfigError):
        LanguageStage(supported=codes)


@pytest.mark.parametrize("text", ["Attack in Ménaka", "Gao", "Kidal: 3 morts", "Ataque"])
def test_language_stage_short_text_is_not_refused(text: str) -> None:
    """Too little text to be sure: the likeliest supported language, not a refusal."""
    assert LanguageStage()(Document.from_text(text)).lang in {"en", "fr"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (ENGLISH + " The governor said: «أغلق متظاهرون الطريق الرئيسي» before talks resumed in the evening.", "en"),
        (FRENCH + " Un habitant a déclaré: « يا الله » avant de fuir vers le sud avec sa famille.", "fr"),
        (ENGLISH + " Residents chanted «¡fuera!» in Spanish.", "en"),
    ],
    ids=["english-with-arabic-quote", "french-with-arabic", "english-with-spanish-word"],
)
def test_language_stage_mixed_scripts_take_the_main_language(text: str, lang: str) -> None:
    assert LanguageStage()(Document.from_text(text)).lang == lang


def test_language_stage_without_letters_is_input_error() -> None:
    with pytest.raises(InputError, match="no letters"):
        LanguageStage()(Document.from_text("12 / 34 / 56 -- 78"))


def test_language_stage_in_pipeline_failure_names_stage() -> None:
    pipeline = Pipeline([LanguageStage()])
    failure = pipeline.run_one_safe(Document.from_text(SPANISH, path="es.txt"))
    assert getattr(failure, "stage", None) == "language" and "Spanish" in getattr(failure, "error", "")
    assert LanguageStage.name == "language" and LanguageStage.requires == () and LanguageStage.assigns == ("lang",)
