"""Time expressions, EN and FR, with and without a publication date (hand-written sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.errors import ConfigError
from flashpoint.stages.time_expressions import parse_time_expressions

PUB = dt.date(2022, 11, 15)  # a Tuesday
D = dt.date

# (lang, sentence, expected text, start, end, ACLED time_precision, UCDP date_prec, kind)
ANCHORED = [
    ("en", "Gunmen struck the camp on 12 March 2021.", "12 March 2021", D(2021, 3, 12), D(2021, 3, 12), 1, 1, "point"),
    ("en", "The convoy was hit on March 12.", "March 12", D(2022, 3, 12), D(2022, 3, 12), 1, 1, "point"),
    ("en", "The convoy was hit on December 2.", "December 2", D(2021, 12, 2), D(2021, 12, 2), 1, 1, "point"),
    ("en", "Troops left on 04/07/2021 at dawn.", "04/07/2021", D(2021, 4, 7), D(2021, 4, 7), 1, 1, "point"),
    ("en", "Troops left on 25/07/2021 at dawn.", "25/07/2021", D(2021, 7, 25), D(2021, 7, 25), 1, 1, "point"),
    ("en", "Raids went on between last May and October near Gao.", "between last May and October", D(2022, 5, 1), D(2022, 10, 31), 3, 5, "range"),
    ("en", "Raids went on from June to August in the valley.", "from June to August", D(2022, 6, 1), D(2022, 8, 31), 3, 5, "range"),
    ("en", "Raids went on from October to December.", "from October to December", D(2021, 10, 1), D(2021, 12, 31), 3, 5, "range"),
    ("en", "The militia has held the well since April.", "since April", D(2022, 4, 1), PUB, 3, 5, "since"),
    ("en", "A bridge was blown up in early August.", "early August", D(2022, 8, 1), D(2022, 8, 10), 3, 4, "point"),
    ("en", "Fighting resumed in late June.", "late June", D(2022, 6, 21), D(2022, 6, 30), 3, 4, "point"),
    ("en", "Fighting resumed in mid-July.", "mid-July", D(2022, 7, 11), D(2022, 7, 20), 3, 4, "point"),
    ("en", "Herders were attacked last week.", "last week", D(2022, 11, 7), D(2022, 11, 13), 2, 3, "relative"),
    ("en", "Herders were attacked on Saturday.", "Saturday", D(2022, 11, 12), D(2022, 11, 12), 1, 1, "relative"),
    ("en", "Herders were attacked yesterday.", "yesterday", D(2022, 11, 14), D(2022, 11, 14), 1, 1, "relative"),
    ("en", "Herders were attacked last month.", "last month", D(2022, 10, 1), D(2022, 10, 31), 3, 4, "relative"),
    ("en", "Attacks rose sharply this year.", "this year", D(2022, 1, 1), PUB, 3, 5, "relative"),
    ("en", "Attacks rose sharply in 2019.", "2019", D(2019, 1, 1), D(2019, 12, 31), 3, 5, "point"),
    ("en", "A market burned two days ago.", "two days ago", D(2022, 11, 13), D(2022, 11, 13), 1, 1, "relative"),
    ("en", "Villages emptied from 3 to 5 June.", "from 3 to 5 June", D(2022, 6, 3), D(2022, 6, 5), 2, 2, "range"),
    ("en", "The siege lasted until August.", "until August", None, D(2022, 8, 31), 3, 4, "until"),
    ("en", "The town fell in late 2020.", "late 2020", D(2020, 9, 1), D(2020, 12, 31), 3, 5, "point"),
    ("fr", "Le camp a été attaqué en août dernier.", "août dernier", D(2022, 8, 1), D(2022, 8, 31), 3, 4, "point"),
    ("fr", "La milice contrôle le puits depuis avril.", "depuis avril", D(2022, 4, 1), PUB, 3, 5, "since"),
    ("fr", "Un pont a sauté mi-juillet.", "mi-juillet", D(2022, 7, 11), D(2022, 7, 20), 3, 4, "point"),
    ("fr", "Le convoi a été visé le 12 mars.", "12 mars", D(2022, 3, 12), D(2022, 3, 12), 1, 1, "point"),
    ("fr", "Le convoi a été visé le 1er février 2021.", "1er février 2021", D(2021, 2, 1), D(2021, 2, 1), 1, 1, "point"),
    ("fr", "Le marché a brûlé samedi dernier.", "samedi dernier", D(2022, 11, 12), D(2022, 11, 12), 1, 1, "relative"),
    ("fr", "Les raids ont eu lieu entre juin et août.", "entre juin et août", D(2022, 6, 1), D(2022, 8, 31), 3, 5, "range"),
    ("fr", "Les villages se sont vidés du 3 au 5 juin.", "du 3 au 5 juin", D(2022, 6, 3), D(2022, 6, 5), 2, 2, "range"),
    ("fr", "Des éleveurs ont été attaqués la semaine dernière.", "semaine dernière", D(2022, 11, 7), D(2022, 11, 13), 2, 3, "relative"),
    ("fr", "Des éleveurs ont été attaqués hier.", "hier", D(2022, 11, 14), D(2022, 11, 14), 1, 1, "relative"),
    ("fr", "La ville est tombée fin 2020.", "fin 2020", D(2020, 9, 1), D(2020, 12, 31), 3, 5, "point"),
    ("fr", "Les combats ont repris début juin.", "début juin", D(2022, 6, 1), D(2022, 6, 10), 3, 4, "point"),
    ("fr", "Le siège a duré jusqu'en août.", "jusqu'en août", None, D(2022, 8, 31), 3, 4, "until"),
    ("fr", "Un marché a brûlé il y a deux jours.", "il y a deux jours", D(2022, 11, 13), D(2022, 11, 13), 1, 1, "relative"),
]


@pytest.mark.parametrize(("lang", "sentence", "text", "start", "end", "acled", "ucdp", "kind"), ANCHORED)
def test_time_expressions_anchored(
    lang: str, sentence: str, text: str, start: dt.date | None, end: dt.date, acled: int, ucdp: int, kind: str
) -> None:
    found = parse_time_expressions(sentence, published=PUB, lang=lang)
    assert [(r.text, r.start, r.end, r.time_precision, r.date_prec, r.kind) for r in found] == [
        (text, start, end, acled, ucdp, kind)
    ]
    assert sentence[found[0].span.start : found[0].span.end] == text


# Without a publication date a yearless month or a relative word stays unanchored.
UNANCHORED = [
    ("en", "Raids went on between last May and October.", "between last May and October", 3, 5),
    ("en", "The militia has held the well since April.", "since April", 3, 5),
    ("en", "Fighting resumed in late June.", "late June", 3, 4),
    ("en", "The convoy was hit on March 12.", "March 12", 1, 1),
    ("en", "Herders were attacked yesterday.", "yesterday", 1, 1),
    ("en", "Herders were attacked last week.", "last week", 2, 3),
    ("fr", "Le camp a été attaqué en août dernier.", "août dernier", 3, 4),
    ("fr", "La milice contrôle le puits depuis avril.", "depuis avril", 3, 5),
    ("fr", "Des éleveurs ont été attaqués dimanche.", "dimanche", 1, 1),
]


@pytest.mark.parametrize(("lang", "sentence", "text", "acled", "ucdp"), UNANCHORED)
def test_time_expressions_unanchored_without_published(lang: str, sentence: str, text: str, acled: int, ucdp: int) -> None:
    found = parse_time_expressions(sentence, published=None, lang=lang)
    assert [(r.text, r.start, r.end, r.time_precision, r.date_prec, r.kind) for r in found] == [
        (text, None, None, acled, ucdp, "unanchored")
    ]


@pytest.mark.parametrize(
    ("lang", "sentence", "start", "end"),
    [
        ("en", "The town fell on 3 June 2019.", D(2019, 6, 3), D(2019, 6, 3)),
        ("en", "Attacks rose sharply in 2019.", D(2019, 1, 1), D(2019, 12, 31)),
        ("en", "Raids went on from June to August 2020.", D(2020, 6, 1), D(2020, 8, 31)),
        ("fr", "Les raids ont eu lieu entre juin et août 2020.", D(2020, 6, 1), D(2020, 8, 31)),
        ("fr", "Le village a été attaqué en 2018.", D(2018, 1, 1), D(2018, 12, 31)),
    ],
)
def test_time_expressions_explicit_years_need_no_published(lang: str, sentence: str, start: dt.date, end: dt.date) -> None:
    (found,) = parse_time_expressions(sentence, published=None, lang=lang)
    assert (found.start, found.end) == (start, end)


@pytest.mark.parametrize(
    ("lang", "sentence", "texts"),
    [
        ("en", "The months of June and August saw heavy fighting.", ["June", "August"]),
        ("en", "Clashes in July, September and October.", ["July", "September", "October"]),
        ("fr", "Les mois de juin et août ont été meurtriers.", ["juin", "août"]),
    ],
)
def test_time_expressions_listed_months_are_separate_points(lang: str, sentence: str, texts: list[str]) -> None:
    found = parse_time_expressions(sentence, published=PUB, lang=lang)
    assert [r.text for r in found] == texts
    assert all(r.kind == "point" and r.time_precision == 3 and r.date_prec == 4 for r in found)
    assert all(r.start is not None and r.start.year == 2022 for r in found)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "It happened on 31 February 2021."),
        ("en", "It happened on 30 February."),
        ("en", "It happened on 2021-13-40."),
        ("fr", "Cela s'est passé le 31 avril."),
    ],
)
def test_time_expressions_impossible_dates_give_nothing(lang: str, sentence: str) -> None:
    assert parse_time_expressions(sentence, published=PUB, lang=lang) == []


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Soldiers may leave and march north with 2000 people."),
        ("fr", "Sept soldats et plus de 2000 personnes."),
    ],
)
def test_time_expressions_ignore_look_alikes(lang: str, sentence: str) -> None:
    assert parse_time_expressions(sentence, published=PUB, lang=lang) == []


def test_time_expressions_offset_shifts_spans() -> None:
    (found,) = parse_time_expressions("in late June", published=PUB, offset=100)
    assert (found.span.start, found.span.end) == (103, 112)


def test_time_expressions_leap_day_without_year_finds_a_leap_year() -> None:
    (found,) = parse_time_expressions("on February 29", published=PUB)
    assert found.start == D(2020, 2, 29)


def test_time_expressions_unknown_language_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="en, fr"):
        parse_time_expressions("today", published=PUB, lang="xx")
