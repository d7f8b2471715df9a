"""The whole pipeline on short invented wire reports: what an analyst would code from them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

PUBLISHED = dt.date(2023, 10, 12)


def events_of(nlp: Any, text: str) -> list[Any]:
    return list(nlp(text, published=PUBLISHED).events)


@pytest.mark.slow
def test_protest_dispersed_later_that_day_is_one_protest_with_intervention(nlp: Any) -> None:
    text = ("Hundreds of people marched peacefully in Niamey on Saturday to demand the release of detained "
            "journalists. Police later fired tear gas to disperse the protesters near the central market.")
    events = events_of(nlp, text)
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]
    assert events[0].place is not None and events[0].place.name == "Niamey"


@pytest.mark.slow
def test_an_unnamed_attacker_stays_a_side_against_soldiers(nlp: Any) -> None:
    text = "At least 12 Nigerien soldiers were killed on Tuesday when suspected jihadists ambushed a patrol near Ayorou."
    (event,) = events_of(nlp, text)
    sides = {event.actor1.id if event.actor1 else None, event.actor2.id if event.actor2 else None}
    assert sides == {"unidentified_armed_group", "military_forces_niger"}


@pytest.mark.slow
def test_a_denied_responsibility_names_nobody(nlp: Any) -> None:
    text = ("Gunmen killed seven villagers in Ayorou on Sunday. No group has claimed responsibility, but the "
            "Islamic State in the Sahel is active in the area.")
    (event,) = events_of(nlp, text)
    assert event.actor1 is not None and event.actor1.id == "unidentified_armed_group"


@pytest.mark.slow
def test_militants_after_a_named_group_are_that_group(nlp: Any) -> None:
    text = ("JNIM fighters attacked an army post in Boulkessi on Monday. The militants killed four soldiers "
            "before withdrawing.")
    ids = {a.id for e in events_of(nlp, text) for a in (e.actor1, e.actor2) if a is not None}
    assert "jnim" in ids and "unidentified_armed_group" not in ids


@pytest.mark.slow
def test_an_unknown_village_in_a_named_region_falls_back_to_that_region_not_the_dateline(nlp: Any) -> None:
    text = ("NIAMEY, Oct 12 (Reuters) - Gunmen killed nine civilians in Tagantassou Kwara in the Tillaberi "
            "region on Tuesday, officials said.")
    (event,) = events_of(nlp, text)
    assert event.place is not None and event.place.no_match
    assert event.place.admin1 == "Tillabéri" and event.place.text == "Tagantassou Kwara"


FRENCH_REPORT = (
    "OUAGADOUGOU, 3 mars (AFP) - Au moins 25 civils ont été tués jeudi dans une attaque d'hommes armés contre "
    "le village de Tin-Akoff, a-t-on appris vendredi de sources sécuritaires.\n\n"
    "La veille, deux soldats avaient été tués par l'explosion d'un engin explosif improvisé près de Gorom-Gorom.\n\n"
    "Depuis 2015, les violences jihadistes ont fait plus de 20 000 morts au Burkina Faso."
)


@pytest.mark.slow
def test_french_report_dates_counts_and_aggregates(nlp: Any) -> None:
    attack, ied, total = nlp(FRENCH_REPORT, published=dt.date(2024, 3, 3)).events
    assert attack.time is not None and attack.time.start == dt.date(2024, 2, 29)
    # "la veille" counts from the attack's Thursday, not from the Friday the news was learnt
    assert ied.time is not None and ied.time.start == dt.date(2024, 2, 28)
    assert ied.fatalities.best == 2  # "avaient été tués": the pluperfect still counts
    assert ied.actor2 is not None and ied.actor2.id == "military_forces_burkina_faso"
    assert total.aggregate and total.place is not None and total.place.gazetteer_id is not None
    assert total.place.country == "BF" and total.place.geo_precision == 3
    assert total.actor1 is None or total.actor1.id == "unidentified_armed_group"  # an adjective names nobody


@pytest.mark.slow
def test_soldiers_killing_people_is_an_attack_on_civilians_with_their_allies(nlp: Any) -> None:
    text = ("Malian soldiers and Russian fighters of the Wagner Group killed at least 30 people in the village "
            "of Ouenkoro, in the Mopti region, on Thursday, three residents said.")
    (event,) = events_of(nlp, text)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor1 is not None and event.actor1.id == "military_forces_mali"
    assert event.actor2 is not None and event.actor2.id == "civilians"
    assert [a.id for a in event.assoc_actor_1] == ["wagner"]


@pytest.mark.slow
def test_a_date_after_said_in_a_statement_dates_the_statement(nlp: Any) -> None:
    text = ("Gunmen killed six herders near Ayorou on Tuesday, officials said. The army said in a statement on "
            "Thursday that it had killed 12 of the attackers the next day.")
    dates = sorted({e.time.start for e in events_of(nlp, text) if e.time is not None})
    assert dt.date(2023, 10, 12) not in dates and dt.date(2023, 10, 10) in dates


NIGERIA_REPORT = (
    "MAIDUGURI, Nigeria, May 8 (Reuters) - ISWAP militants killed 12 farmers near Gwoza in Borno state on "
    "Sunday, a militia leader said.\n\nThe insurgents overran a military base in Marte on Monday after a fierce "
    "gun battle with troops. The soldiers withdrew to Dikwa, and the militants carted away weapons."
)


@pytest.mark.slow
def test_dateline_with_country_capture_after_battle_and_a_new_subject_after_and(nlp: Any) -> None:
    events = events_of(nlp, NIGERIA_REPORT.replace("\\\\n", "\\n"))
    attack = events[0]
    assert attack.time is not None and attack.time.start == dt.date(2023, 10, 8)  # Sunday, not the dateline's day
    capture = [e for e in events if e.sub_event_type == "Non-state actor overtakes territory"]
    assert len(capture) == 1 and not [e for e in events if e.sub_event_type == "Armed clash"]
    assert all(e.place is None or e.place.name != "Dikwa" for e in events)  # where the soldiers went
    looting = [e for e in events if e.sub_event_type == "Looting/property destruction"]
    assert all(e.actor1 is not None and e.actor1.id == "iswap" for e in looting)


MALI_REPORT = (
    "Mali : l'armée affirme avoir neutralisé une trentaine de terroristes près de Ségou lors d'une opération aérienne\n\n"
    "BAMAKO, 14 août (AFP) - L'armée malienne a affirmé lundi avoir « neutralisé » une trentaine de terroristes lors "
    "d'une opération aérienne dans la zone de Macina, dans la région de Ségou, le week-end dernier.\n\n"
    "Selon des habitants, les frappes de drones ont également touché un mariage à Sarafara, tuant au moins huit civils.\n\n"
    "Le 10 août, des centaines de personnes ont manifesté à Bamako pour dénoncer la vie chère."
)


@pytest.mark.slow
def test_french_headline_quotes_unnamed_enemy_air_strike_and_capital(nlp: Any) -> None:
    clash, strike, protest = nlp(MALI_REPORT, published=dt.date(2023, 8, 15)).events  # the headline is no event
    assert clash.sub_event_type == "Armed clash" and clash.fatalities.best == 30  # « neutralisé » still counts
    assert clash.actor2 is not None and clash.actor2.id == "unidentified_armed_group"
    assert strike.sub_event_type == "Air/drone strike" and strike.actor1 is not None
    assert strike.actor1.id == "military_forces_mali" and strike.actor1.resolution == "discourse"
    assert protest.place is not None and protest.place.name == "Bamako" and protest.place.geo_precision == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        ("Militiamen executed at least 12 men in the village of Zaongo on Sunday, residents said.", "civilians"),
        ("Nigerien soldiers killed 12 armed men near Ayorou on Sunday, the army said.", "unidentified_armed_group"),
    ],
)
def test_men_are_civilians_unless_armed(nlp: Any, text: str, actor2: str) -> None:
    (event,) = events_of(nlp, text)
    assert event.actor2 is not None and event.actor2.id == actor2


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("A military drone strike on a market in Djibo killed at least 40 civilians last month, a rights group said. "
         "The strike, on Sept. 3, hit the market as hundreds of people were shopping.", dt.date(2023, 9, 3)),
        ("Une frappe de drone a tué au moins 40 civils sur un marché de Djibo le mois dernier. "
         "La frappe, le 3 septembre, a touché le marché à l'heure de l'affluence.", dt.date(2023, 9, 3)),
    ],
)
def test_a_later_sentence_about_the_event_narrows_its_date(nlp: Any, text: str, day: dt.date) -> None:
    (event,) = events_of(nlp, text)
    assert event.time is not None and (event.time.start, event.time.end) == (day, day)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # A headline over a body restates the body's event: one event, from the body.
        ("Gunmen kill seven in Ayorou\nGunmen killed seven villagers in Ayorou on Sunday.", 1),
        # Title and subtitle over a body: neither is one more event.
        ("Gunmen kill seven in Ayorou\nAttack near Niger's border with Mali\n"
         "Gunmen killed seven villagers in Ayorou on Sunday.", 1),
        # A feed item with only its title, or a snippet cut before its full stop: the text is the report.
        ("Gunmen killed seven villagers in Ayorou on Sunday", 1),
        # A list of incidents, one line each, no full stops: every line is coded.
        ("Gunmen killed seven villagers in Ayorou on Sunday\nSuspected jihadists abducted a chief near Téra on Monday", 2),
    ],
)
def test_heading_like_lines_are_headings_only_over_a_body(nlp: Any, text: str, coded: int) -> None:
    assert len(events_of(nlp, text)) == coded


@pytest.mark.slow
def test_a_report_naming_no_country_places_its_towns_in_the_actors_countries(nlp: Any) -> None:
    """"Gao" is also an alternate name of Guantánamo (Cuba, more populous): JNIM's countries decide."""
    (event,) = events_of(nlp, "JNIM fighters attacked a military camp in Gao on Monday.")
    assert event.place is not None and (event.place.name, event.place.country) == ("Gao", "ML")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Un kamikaze s'est fait exploser devant un camp militaire à Gao lundi.", ("Gao", "ML")),
        ("Gunmen killed five people in Springfield on Sunday.", ("Springfield", "US")),  # no namesake where conflicts are
    ],
)
def test_a_report_naming_no_country_nor_known_actor_leans_to_the_followed_conflicts(nlp: Any, text: str,
                                                                                    place: tuple[str, str]) -> None:
    (event,) = events_of(nlp, text)
    assert event.place is not None and (event.place.name, event.place.country) == place
