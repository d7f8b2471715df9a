"""The events stage on hand-built documents: roles, places, times, splits, negation."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from flashpoint.model import (
    ActorRef,
    Document,
    Place,
    PlaceMention,
    Sentence,
    Span,
    TimeRange,
    Toll,
    Trigger,
)
from flashpoint.stages.events import EventStage

PUBLISHED = dt.date(2023, 3, 20)
NAMES = {"jnim": "JNIM", "issp": "ISSP", "civilians": "Civilians", "army": "Army"}


@pytest.fixture(scope="module")
def stage() -> EventStage:
    return EventStage()


def sentences(text: str) -> tuple[Sentence, ...]:
    spans = [m.span() for m in re.finditer(r"[^.]+\.", text)]
    return tuple(Sentence(Span(s + (len(text[s:e]) - len(text[s:e].lstrip())), e), i) for i, (s, e) in enumerate(spans))


def find(text: str, word: str, nth: int = 0) -> Span:
    starts = [m.start() for m in re.finditer(re.escape(word), text)]
    return Span(starts[nth], starts[nth] + len(word))


def actor(text: str, word: str, actor_id: str, nth: int = 0, inter: int = 2) -> ActorRef:
    return ActorRef(actor_id, NAMES[actor_id], word, find(text, word, nth), inter=inter)


def place(text: str, word: str, lat: float, role: str = "event", nth: int = 0) -> PlaceMention:
    span = find(text, word, nth)
    resolved = Place(word, f"geonames:{int(lat * 1000)}", "ML", "Mopti", None, lat, -3.0, 1, 1, word, span)
    return PlaceMention(span, word, role, resolved)


def trigger(text: str, word: str, sub: str, event_type: str = "Battles", nth: int = 0) -> Trigger:
    return Trigger(event_type, sub, find(text, word, nth), word, 2.0)


def month(text: str, word: str, number: int) -> TimeRange:
    start = dt.date(2023, number, 1)
    end = dt.date(2023, number + 1, 1) - dt.timedelta(days=1)
    return TimeRange(start, end, 3, 4, word, find(text, word))


def build(text: str, **layers: object) -> Document:
    doc = Document.from_text(text, published=PUBLISHED)
    return doc.with_layers(sentences=sentences(text), lang="en", **layers)


def test_events_battle_between_two_named_sides(stage: EventStage) -> None:
    text = "JNIM fighters clashed with ISSP near Boni in February."
    doc = build(text, actors=(actor(text, "JNIM", "jnim"), actor(text, "ISSP", "issp")),
                places=(place(text, "Boni", 15.0),), times=(month(text, "February", 2),),
                triggers=(trigger(text, "clashed", "Armed clash"),))
    (event,) = stage(doc).events
    assert {event.actor1.id, event.actor2.id} == {"jnim", "issp"}  # type: ignore[union-attr]
    assert event.place is not None and event.place.text == "Boni"
    assert event.time is not None and event.time.start == dt.date(2023, 2, 1)


def test_events_list_of_villages_is_one_event_each_with_inherited_actors_and_time(stage: EventStage) -> None:
    text = "JNIM and ISSP fought in February. Clashes took place in Boni, Douentza and Hombori."
    doc = build(text, actors=(actor(text, "JNIM", "jnim"), actor(text, "ISSP", "issp")),
                places=(place(text, "Boni", 15.0), place(text, "Douentza", 15.1), place(text, "Hombori", 15.2)),
                times=(month(text, "February", 2),),
                triggers=(trigger(text, "fought", "Armed clash"), trigger(text, "Clashes", "Armed clash")))
    events = stage(doc).events
    places = sorted(e.place.text for e in events if e.place is not None and e.place.text != "")
    assert places == ["Boni", "Douentza", "Hombori"]
    assert all(e.time is not None and e.time.start == dt.date(2023, 2, 1) for e in events)


def test_events_negated_and_future_actions_are_not_events(stage: EventStage) -> None:
    text = "JNIM did not attack ISSP in Boni. ISSP plans to attack JNIM near Boni."
    doc = build(text, actors=(actor(text, "JNIM", "jnim"), actor(text, "ISSP", "issp"), actor(text, "ISSP", "issp", 1), actor(text, "JNIM", "jnim", 1)),
                places=(place(text, "Boni", 15.0), place(text, "Boni", 15.0, nth=1)),
                triggers=(trigger(text, "attack", "Armed clash"), trigger(text, "attack", "Armed clash", nth=1)))
    assert stage(doc).events == ()


def test_events_one_attack_on_civilians_and_soldiers_is_two_events(stage: EventStage) -> None:
    text = "ISSP attacked Boni, killing 30 civilians and 5 soldiers from the Army."
    tolls = (Toll(30, 30, 30, None, "30 civilians", find(text, "30 civilians"), "killed", "civilians"),
             Toll(5, 5, 5, None, "5 soldiers", find(text, "5 soldiers"), "killed", "soldiers"))
    doc = build(text, actors=(actor(text, "ISSP", "issp"), actor(text, "civilians", "civilians"), actor(text, "Army", "army", inter=1)),
                places=(place(text, "Boni", 15.0),), tolls=tolls,
                triggers=(trigger(text, "attacked", "Attack", "Violence against civilians"),))
    events = {e.sub_event_type: e for e in stage(doc).events}
    assert events["Attack"].actor2 is not None and events["Attack"].actor2.id == "civilians"
    assert events["Attack"].fatalities.low == 30
    assert events["Armed clash"].actor2 is not None and events["Armed clash"].actor2.id == "army"
    assert events["Armed clash"].fatalities.best == 5


def test_events_clash_that_ends_in_withdrawal_is_a_capture_by_the_other_side(stage: EventStage) -> None:
    text = "JNIM and ISSP fought near Boni. Boni saw clashes, which ended with the withdrawal of ISSP."
    doc = build(text, actors=(actor(text, "JNIM", "jnim"), actor(text, "ISSP", "issp"), actor(text, "ISSP", "issp", 1)),
                places=(place(text, "Boni", 15.0), place(text, "Boni", 15.0, nth=1)),
                triggers=(trigger(text, "fought", "Armed clash"), trigger(text, "clashes", "Armed clash"),
                          trigger(text, "withdrawal", "Non-violent transfer of territory", "Strategic developments")))
    events = stage(doc).events
    capture = [e for e in events if e.sub_event_type == "Non-state actor overtakes territory"]
    assert len(capture) == 1
    assert capture[0].actor1 is not None and capture[0].actor1.id == "jnim"
    assert capture[0].actor2 is not None and capture[0].actor2.id == "issp"


def test_events_undated_event_is_bounded_by_publication_not_invented(stage: EventStage) -> None:
    text = "ISSP killed civilians in Boni."
    doc = build(text, actors=(actor(text, "ISSP", "issp"), actor(text, "civilians", "civilians")),
                places=(place(text, "Boni", 15.0),), triggers=(trigger(text, "killed", "Attack", "Violence against civilians"),))
    (event,) = stage(doc).events
    assert event.time is not None and event.time.start is None and event.time.end == PUBLISHED


def test_events_dateline_dates_the_report_not_the_event(stage: EventStage) -> None:
    text = "NIAMEY, March 20, 2023 - ISSP fighters clashed with JNIM near Boni on March 12, 2023."
    dateline = TimeRange(dt.date(2023, 3, 20), dt.date(2023, 3, 20), 1, 1, "March 20, 2023", find(text, "March 20, 2023"))
    fight = TimeRange(dt.date(2023, 3, 12), dt.date(2023, 3, 12), 1, 1, "March 12, 2023", find(text, "March 12, 2023"))
    doc = build(text, actors=(actor(text, "ISSP", "issp"), actor(text, "JNIM", "jnim")), places=(place(text, "Boni", 15.0),),
                times=(dateline, fight), triggers=(trigger(text, "clashed", "Armed clash"),))
    (event,) = stage(doc).events
    assert event.time is not None and event.time.start == dt.date(2023, 3, 12)


def test_events_a_claimant_after_the_action_takes_no_role(stage: EventStage) -> None:
    from flashpoint.model import Claim

    text = "Looting was reported in Boni, as JNIM claims."
    claim = Claim("JNIM", "group", find(text, "JNIM"), Span(0, len(text)), verb="claims")
    doc = build(text, actors=(actor(text, "JNIM", "jnim"),), places=(place(text, "Boni", 15.0),), claims=(claim,),
                triggers=(trigger(text, "Looting", "Looting/property destruction", "Strategic developments"),))
    assert stage(doc).events == ()


def test_events_killing_in_a_strike_is_its_toll_not_a_second_event(stage: EventStage) -> None:
    text = "A drone strike by the Army killed 4 militants near Boni."
    toll = Toll(4, 4, 4, None, "4 militants", find(text, "4 militants"), "killed", "militants")
    doc = build(text, actors=(actor(text, "Army", "army", inter=1),), places=(place(text, "Boni", 15.0),), tolls=(toll,),
                triggers=(trigger(text, "drone strike", "Air/drone strike", "Explosions/Remote violence"),
                          trigger(text, "killed 4 militants", "Armed clash")))
    (event,) = stage(doc).events
    assert event.sub_event_type == "Air/drone strike" and event.fatalities.best == 4


def test_events_unnamed_bomber_is_unidentified_then_the_claimant(stage: EventStage) -> None:
    text = "A bomber drove into an Army camp in Boni, killing 9 soldiers. JNIM claimed responsibility for the attack."
    toll = Toll(9, 9, 9, None, "9 soldiers", find(text, "9 soldiers"), "killed", "soldiers")
    doc = build(text, actors=(actor(text, "Army", "army", inter=1), actor(text, "JNIM", "jnim")),
                places=(place(text, "Boni", 15.0),), tolls=(toll,), countries=("ML",),
                triggers=(trigger(text, "bomber", "Suicide bomb", "Explosions/Remote violence"),
                          trigger(text, "attack", "Attack", "Violence against civilians")))
    (event,) = stage(doc).events
    assert event.actor1 is not None and event.actor1.id == "jnim"
    assert event.actor2 is not None and event.actor2.id == "army"


def test_events_unnamed_attackers_are_an_unidentified_armed_group(stage: EventStage) -> None:
    text = "A bomb hit a bus near Boni, killing 4 passengers."
    toll = Toll(4, 4, 4, None, "4 passengers", find(text, "4 passengers"), "killed", "passengers")
    doc = build(text, places=(place(text, "Boni", 15.0),), tolls=(toll,), countries=("ML",),
                triggers=(trigger(text, "bomb", "Remote explosive/landmine/IED", "Explosions/Remote violence"),))
    (event,) = stage(doc).events
    assert event.actor1 is not None and event.actor1.id == "unidentified_armed_group" and event.actor1.text == ""
    assert event.actor2 is not None and event.actor2.id == "civilians"


def test_events_protest_met_with_tear_gas_is_one_protest_with_intervention(stage: EventStage) -> None:
    text = "Hundreds protested in Bamako; police fired tear gas."
    police = ActorRef("police", "Police", "police", find(text, "police"), inter=1)
    doc = build(text, actors=(police,), places=(place(text, "Bamako", 12.6),), countries=("ML",),
                triggers=(trigger(text, "protested", "Peaceful protest", "Protests"),
                          trigger(text, "tear gas", "Protest with intervention", "Protests")))
    (event,) = stage(doc).events
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor1 is not None and event.actor1.id == "protesters"
    assert event.actor2 is not None and event.actor2.id == "police"


def test_events_allies_are_associates_not_opponents(stage: EventStage) -> None:
    text = "JNIM ambushed the Army and the VDP near Boni."
    army = ActorRef("military_forces_burkina_faso", "Military Forces of Burkina Faso", "Army", find(text, "Army"), inter=1)
    vdp = ActorRef("vdp", "VDP", "VDP", find(text, "VDP"), inter=3)
    doc = build(text, actors=(actor(text, "JNIM", "jnim"), army, vdp), places=(place(text, "Boni", 15.0),),
                triggers=(trigger(text, "ambushed", "Armed clash"),))
    (event,) = stage(doc).events
    assert {event.actor1.id, event.actor2.id} == {"jnim", "military_forces_burkina_faso"}  # type: ignore[union-attr]
    assert [a.id for a in event.assoc_actor_1 + event.assoc_actor_2] == ["vdp"]


def test_events_bare_troops_belong_to_the_country_of_the_event(stage: EventStage) -> None:
    text = "ISWAP fighters attacked a base near Maiduguri but were repelled by troops."
    troops = ActorRef("military_forces_burkina_faso", "Military Forces of Burkina Faso", "troops", find(text, "troops"),
                      inter=1, resolution="generic", country="BF")
    iswap = ActorRef("iswap", "ISWAP", "ISWAP", find(text, "ISWAP"), inter=2)
    maiduguri = Place("Maiduguri", "geonames:2331447", "NG", "Borno", None, 11.8, 13.2, 1, 1, "Maiduguri", find(text, "Maiduguri"))
    doc = build(text, actors=(iswap, troops), places=(PlaceMention(maiduguri.span, "Maiduguri", "event", maiduguri),),
                triggers=(trigger(text, "attacked", "Armed clash"),))
    (event,) = stage(doc).events
    assert event.actor2 is not None and event.actor2.country == "NG" and "Nigeria" in (event.actor2.name or "")


def test_events_two_days_later_moves_the_last_exact_day(stage: EventStage) -> None:
    text = "JNIM attacked ISSP in Boni on March 12, 2023. Two days later, ISSP attacked JNIM in Boni again."
    fight = TimeRange(dt.date(2023, 3, 12), dt.date(2023, 3, 12), 1, 1, "March 12, 2023", find(text, "March 12, 2023"))
    doc = build(text, actors=(actor(text, "JNIM", "jnim"), actor(text, "ISSP", "issp"), actor(text, "ISSP", "issp", 1), actor(text, "JNIM", "jnim", 1)),
                places=(place(text, "Boni", 15.0), place(text, "Boni", 15.0, nth=1)), times=(fight,),
                triggers=(trigger(text, "attacked", "Armed clash"), trigger(text, "attacked", "Armed clash", nth=1)))
    starts = sorted(e.time.start for e in stage(doc).events if e.time is not None and e.time.start is not None)
    assert starts == [dt.date(2023, 3, 12), dt.date(2023, 3, 14)]


def test_events_history_the_report_recalls_is_not_an_event(stage: EventStage) -> None:
    text = "In 2012, JNIM seized Boni."
    year = TimeRange(dt.date(2012, 1, 1), dt.date(2012, 12, 31), 3, 5, "2012", find(text, "2012"))
    doc = build(text, actors=(actor(text, "JNIM", "jnim"),), places=(place(text, "Boni", 15.0),), times=(year,),
                triggers=(trigger(text, "seized", "Non-state actor overtakes territory"),))
    assert stage(doc).events == ()
