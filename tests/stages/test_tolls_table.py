"""Casualty phrases, EN and FR (hand-written sentences): raw low/best/high, qualifier, outcome, victims."""

from __future__ import annotations

import pytest

from flashpoint.stages.tolls import parse_tolls

# (lang, sentence, [(low, best, high, qualifier, outcome, victims), ...])
ROWS = [
    ("en", "The raid killed three herders.", [(3, 3, 3, None, "killed", "herders")]),
    ("en", "Twenty-five villagers died in the fire.", [(25, 25, 25, None, "killed", "villagers")]),
    ("en", "At least 14 soldiers were killed near the well.", [(14, None, None, "at least", "killed", "soldiers")]),
    ("en", "The bombing killed more than a thousand people.", [(1000, None, None, "more than", "killed", "people")]),
    ("en", "About 40 civilians were wounded.", [(None, 40, None, "about", "wounded", "civilians")]),
    ("en", "Some 60 people were abducted from the bus.", [(None, 60, None, "about", "abducted", "people")]),
    ("en", "Between 8 and 11 gendarmes were killed.", [(8, None, 11, "between", "killed", "gendarmes")]),
    ("en", "Up to 70 fighters died.", [(None, None, 70, "up to", "killed", "fighters")]),
    ("en", "Dozens of villagers were kidnapped.", [(None, None, None, "dozens", "abducted", "villagers")]),
    ("en", "Scores of miners were killed.", [(None, None, None, "scores", "killed", "miners")]),
    ("en", "Hundreds were injured in the stampede.", [(None, None, None, "hundreds", "wounded", None)]),
    ("en", "The rebels suffered heavy losses.", [(None, None, None, "heavy losses", "losses", None)]),
    ("en", "The ambush left 6 dead.", [(6, 6, 6, None, "killed", None)]),
    ("en", "Officials said 9 killed and 4 injured.", [(9, 9, 9, None, "killed", None), (4, 4, 4, None, "wounded", None)]),
    ("en", "The clash ended, killing 7 soldiers and 19 militants.", [(7, 7, 7, None, "killed", "soldiers"), (19, 19, 19, None, "killed", "militants")]),
    ("en", "A total of 2,350 people were displaced.", [(2350, 2350, 2350, None, "displaced", "people")]),
    ("en", "The toll: 1.450 dead.", [(1450, 1450, 1450, None, "killed", None)]),
    ("en", "A dozen students were abducted.", [(None, 12, None, "about", "abducted", "students")]),
    ("en", "One hundred and twenty people died.", [(120, 120, 120, None, "killed", "people")]),
    ("en", "Five gunmen killed two guards.", [(2, 2, 2, None, "killed", "guards")]),
    ("en", "In 2019, 8 people were killed.", [(8, 8, 8, None, "killed", "people")]),
    ("fr", "L'attaque a fait trois morts.", [(3, 3, 3, None, "killed", None)]),
    ("fr", "Vingt-cinq civils ont été tués.", [(25, 25, 25, None, "killed", "civils")]),
    ("fr", "Au moins 14 soldats ont été tués.", [(14, None, None, "at least", "killed", "soldats")]),
    ("fr", "Plus de mille personnes ont été déplacées.", [(1000, None, None, "more than", "displaced", "personnes")]),
    ("fr", "Une quarantaine de villageois ont été enlevés.", [(None, 40, None, "about", "abducted", "villageois")]),
    ("fr", "Des dizaines de soldats ont été blessés.", [(None, None, None, "dozens", "wounded", "soldats")]),
    ("fr", "Entre 8 et 11 gendarmes ont été tués.", [(8, None, 11, "between", "killed", "gendarmes")]),
    ("fr", "Les jihadistes ont subi de lourdes pertes.", [(None, None, None, "heavy losses", "losses", None)]),
    ("fr", "L'embuscade, faisant 6 morts et 12 blessés, a choqué.", [(6, 6, 6, None, "killed", None), (12, 12, 12, None, "wounded", None)]),
    ("fr", "Quatre-vingt-dix-sept personnes ont été tuées.", [(97, 97, 97, None, "killed", "personnes")]),
    ("fr", "Le bilan est de 1 350 morts.", [(1350, 1350, 1350, None, "killed", None)]),
    ("fr", "Vingt et un éleveurs tués.", [(21, 21, 21, None, "killed", "éleveurs")]),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), ROWS)
def test_tolls_phrases(lang: str, sentence: str, expected: list[tuple[object, ...]]) -> None:
    found = parse_tolls(sentence, lang=lang)
    assert [(t.low, t.best, t.high, t.qualifier, t.outcome, t.victims) for t in found] == expected
    for toll in found:
        assert sentence[toll.span.start : toll.span.end] == toll.text


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "The battalion has 1e9 killed in its records."),
        ("en", "Reports claimed 50000000 killed."),
        ("en", "Twelve soldiers patrolled the road."),
        ("en", "The budget reached 40 million dollars."),
        ("fr", "Sept soldats patrouillaient."),
        ("fr", "En 2019 la ville comptait 3000 habitants."),
    ],
)
def test_tolls_ignore_absurd_or_non_casualty_numbers(lang: str, sentence: str) -> None:
    assert parse_tolls(sentence, lang=lang) == []


def test_tolls_spans_are_shifted_by_offset() -> None:
    (toll,) = parse_tolls("killing 5 soldiers", offset=40)
    assert (toll.span.start, toll.span.end, toll.text) == (48, 58, "5 soldiers")
