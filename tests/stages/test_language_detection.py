"""detect_language: ISO 639-1 codes for supported and recognised languages, None without letters."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.stages.language import (
    RECOGNISED_LANGUAGES,
    SUPPORTED_LANGUAGES,
    detect_language,
    plain_language,
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Two soldiers were killed when their patrol hit a roadside bomb near the border, the army said.", "en"),
        ("Deux soldats ont été tués lorsque leur patrouille a sauté sur un engin explosif, a indiqué l'armée.", "fr"),
        ("Dos soldados murieron cuando su patrulla pisó una bomba cerca de la frontera, dijo el ejército.", "es"),
        ("قُتل جنديان عندما انفجرت عبوة ناسفة في دوريتهما قرب الحدود، بحسب الجيش.", "ar"),
        ("Zwei Soldaten wurden getötet, als ihre Patrouille nahe der Grenze auf eine Bombe fuhr.", "de"),
        ("Dois soldados morreram quando a patrulha passou por uma bomba perto da fronteira, disse o exército.", "pt"),
        ("Два солдата погибли, когда их патруль подорвался на мине у границы, сообщила армия.", "ru"),
    ],
    ids=["en", "fr", "es", "ar", "de", "pt", "ru"],
)
def test_detect_language_names_the_language(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "12 345 678", "!!! ??? ...", "2023-04-05 10:00"])
def test_detect_language_none_without_letters(text: str) -> None:
    assert detect_language(text) is None


def test_detect_language_long_text_is_sampled_quickly() -> None:
    text = "Clashes continued in the eastern districts for a third day, residents said. " * 50_000
    assert detect_language(text) == "en"


def test_detect_language_seed_article_is_english(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "menaka-article.txt").read_text(encoding="utf-8")
    assert detect_language(text) == "en"


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_detect_language_answers_a_known_code_or_none(text: str) -> None:
    assert detect_language(text) in (*SUPPORTED_LANGUAGES, *RECOGNISED_LANGUAGES, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("The army said that gunmen had attacked the village and killed ten people who were at the market, "
          "after which they fled with their weapons to the bush from where they had come, officials said."), "en"),
        (("Des hommes armés ont attaqué le village et ont tué dix personnes qui étaient au marché, selon les "
          "autorités locales, avant de fuir avec leurs armes vers la brousse dans laquelle ils vivent depuis des mois."), "fr"),
        (("El ejército atacó la ciudad de los rebeldes y mató a diez personas en el norte del país, según las "
          "autoridades locales que hablaron con la prensa el lunes por la mañana sobre el ataque contra la población."), None),
        ("Gunmen attacked Kaya.", None),  # too short to be plain: lingua decides
    ],
)
def test_plain_language_by_function_words(text: str, expected: str | None) -> None:
    assert plain_language(text) == expected
