"""A small demo store of invented reports, hand-coded, for browser and API tests.

The texts are fiction written for this project (real town names, invented incidents).
Two reports describe the same clash and merge into one event with two sources; one
report carries an aggregate over a region that must not merge, a drone strike, a
protest and an influence statement.

Example: `build_demo_store("sqlite:///demo.sqlite")`
"""

from __future__ import annotations

import datetime as dt

from flashpoint.model import ActorRef, Claim, Document, Event, Fatalities, Influence, Place, Span, TimeRange, Trigger
from flashpoint.store.engine import open_store
from flashpoint.store.merge import merge_pending
from flashpoint.store.repository import write_document

CLASH_REPORT = (
    "Fighting near Douentza\n\n"
    "Sahel Monitor reports that fighters of JNIM attacked an army post outside Douentza on Saturday 2 March. "
    "The Malian army said at least seven soldiers were killed before the attackers withdrew toward the dunes."
)
SECOND_CLASH_REPORT = (
    "Army post overrun, officials say\n\n"
    "Local officials told Radio Niger Bend that a group linked to JNIM stormed a military position close to "
    "Douentza on 2 March. They said between nine and twelve soldiers died in the assault."
)
ROUNDUP_REPORT = (
    "Weekly security roundup\n\n"
    "Since January, armed groups have killed dozens of civilians across the Mopti region, according to a "
    "coalition of local associations. On 18 March, a drone strike hit a vehicle near Gao, the army said, "
    "killing three suspected militants. JNIM fighters now control the roads around Boni, residents said. "
    "In Bamako, hundreds of students marched peacefully on 10 March to demand better security."
)


def _actor(text: str, phrase: str, actor_id: str | None, name: str | None, inter: int | None) -> ActorRef:
    return ActorRef(id=actor_id, name=name, text=phrase, span=Span.of(text, phrase), inter=inter, country="ML")


def _place(text: str, phrase: str, name: str, admin1: str, lat: float, lon: float, precision: int) -> Place:
    return Place(name=name, gazetteer_id=None, country="ML", admin1=admin1, admin2=None, lat=lat, lon=lon,
                 geo_precision=precision, where_prec=precision, text=phrase, span=Span.of(text, phrase), score=0.9)


def _day(text: str, phrase: str, day: dt.date) -> TimeRange:
    return TimeRange(start=day, end=day, time_precision=1, date_prec=1, text=phrase, span=Span.of(text, phrase))


def _event(doc: Document, event_id: str, sub: tuple[str, str], trigger: str, **fields: object) -> Event:
    text = doc.text
    return Event(doc_id=doc.doc_id, event_id=event_id, event_type=sub[0], sub_event_type=sub[1],
                 trigger=Trigger(sub[0], sub[1], Span.of(text, trigger), trigger), **fields)  # type: ignore[arg-type]


def _clash_doc() -> Document:
    doc = Document.from_text(CLASH_REPORT, published=dt.date(2024, 3, 4), source="Sahel Monitor",
                             title="Fighting near Douentza", url="https://example.org/sahel-monitor/douentza")
    t = doc.text
    claim = Claim(source="Malian army", kind="named", span=Span.of(t, "The Malian army"), covers=Span.of(t, "at least seven soldiers were killed"), verb="said")
    event = _event(doc, "e0", ("Battles", "Armed clash"), "attacked",
                   actor1=_actor(t, "JNIM", "jnim", "JNIM: Group for Support of Islam and Muslims", 2),
                   actor2=_actor(t, "army", "mali_military", "Military Forces of Mali (2021-)", 1),
                   place=_place(t, "Douentza", "Douentza", "Mopti", 15.0030, -2.9490, 1),
                   time=_day(t, "Saturday 2 March", dt.date(2024, 3, 2)),
                   fatalities=Fatalities(low=7, best=7, high=None, qualifier="at least", text="at least seven soldiers", span=Span.of(t, "at least seven soldiers")),
                   attribution=(claim,), evidence=(Span.of(t, "Sahel Monitor reports that fighters of JNIM attacked an army post outside Douentza on Saturday 2 March."),),
                   confidence=0.8)
    return doc.with_layers(events=(event,), claims=(claim,), lang="en")


def _second_clash_doc() -> Document:
    doc = Document.from_text(SECOND_CLASH_REPORT, published=dt.date(2024, 3, 5), source="Radio Niger Bend",
                             title="Army post overrun, officials say")
    t = doc.text
    claim = Claim(source="Local officials", kind="anonymous", span=Span.of(t, "Local officials"), covers=Span.of(t, "a group linked to JNIM stormed a military position"), verb="told")
    event = _event(doc, "e0", ("Battles", "Armed clash"), "stormed",
                   actor1=_actor(t, "JNIM", "jnim", "JNIM: Group for Support of Islam and Muslims", 2),
                   actor2=_actor(t, "military position", None, None, None),
                   place=_place(t, "Douentza", "Douentza", "Mopti", 15.0500, -2.9000, 2),
                   time=_day(t, "2 March", dt.date(2024, 3, 2)),
                   fatalities=Fatalities(low=9, best=None, high=12, qualifier="between", text="between nine and twelve soldiers", span=Span.of(t, "between nine and twelve soldiers")),
                   attribution=(claim,), evidence=(Span.of(t, "a group linked to JNIM stormed a military position close to Douentza on 2 March"),),
                   confidence=0.7)
    return doc.with_layers(events=(event,), claims=(claim,), lang="en")


def _roundup_events(doc: Document) -> tuple[Event, ...]:
    t = doc.text
    mopti = Place(name="Mopti", gazetteer_id=None, country="ML", admin1="Mopti", admin2=None, lat=14.4843, lon=-4.1827,
                  geo_precision=3, where_prec=4, text="Mopti region", span=Span.of(t, "Mopti region"))
    aggregate = _event(doc, "e0", ("Violence against civilians", "Attack"), "killed",
                       actor1=_actor(t, "armed groups", None, None, None), actor2=_actor(t, "civilians", "civilians", "Civilians (Mali)", 7),
                       place=mopti, time=TimeRange(dt.date(2024, 1, 1), dt.date(2024, 3, 20), 3, 5, "Since January", Span.of(t, "Since January"), kind="since"),
                       fatalities=Fatalities(qualifier="dozens", text="dozens of civilians", span=Span.of(t, "dozens of civilians")),
                       aggregate=True, evidence=(Span.of(t, "Since January, armed groups have killed dozens of civilians across the Mopti region"),), confidence=0.6)
    strike = _event(doc, "e1", ("Explosions/Remote violence", "Air/drone strike"), "drone strike",
                    actor1=_actor(t, "the army", "mali_military", "Military Forces of Mali (2021-)", 1),
                    actor2=_actor(t, "suspected militants", None, None, None),
                    place=_place(t, "Gao", "Gao", "Gao", 16.2666, -0.0400, 2), time=_day(t, "On 18 March", dt.date(2024, 3, 18)),
                    fatalities=Fatalities(low=3, best=3, high=3, text="three suspected militants", span=Span.of(t, "three suspected militants")),
                    evidence=(Span.of(t, "On 18 March, a drone strike hit a vehicle near Gao, the army said, killing three suspected militants."),), confidence=0.75)
    protest = _event(doc, "e2", ("Protests", "Peaceful protest"), "marched",
                     actor1=_actor(t, "students", None, "Protesters (Mali)", 6), actor2=None,
                     place=_place(t, "Bamako", "Bamako", "Bamako", 12.6392, -8.0029, 1), time=_day(t, "on 10 March", dt.date(2024, 3, 10)),
                     fatalities=Fatalities(), evidence=(Span.of(t, "In Bamako, hundreds of students marched peacefully on 10 March to demand better security."),), confidence=0.7)
    return aggregate, strike, protest


def _roundup_doc() -> Document:
    doc = Document.from_text(ROUNDUP_REPORT, published=dt.date(2024, 3, 20), source="Sahel Monitor", title="Weekly security roundup")
    t = doc.text
    influence = Influence(actor=_actor(t, "JNIM fighters", "jnim", "JNIM: Group for Support of Islam and Muslims", 2),
                          place=_place(t, "Boni", "Boni", "Mopti", 15.0536, -1.8783, 1), time=None, kind="control",
                          text="JNIM fighters now control the roads around Boni", span=Span.of(t, "JNIM fighters now control the roads around Boni"))
    return doc.with_layers(events=_roundup_events(doc), influences=(influence,), lang="en")


def demo_documents() -> list[Document]:
    """The demo reports, each with its hand-coded events."""
    return [_clash_doc(), _second_clash_doc(), _roundup_doc()]


def build_demo_store(url: str) -> int:
    """Write the demo reports into the store at `url` and merge them; returns documents written."""
    with open_store(url) as store:
        written = sum(write_document(store, doc) for doc in demo_documents())
        with store.session.begin() as session:
            merge_pending(session)
        return written
