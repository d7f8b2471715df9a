"""Event filters on the demo store, on both backends (one row per filter)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.store.batch import merge_store
from flashpoint.store.engine import Store
from flashpoint.store.fixtures import demo_documents
from flashpoint.store.queries import EventFilter, event_detail, search_events, store_stats
from flashpoint.store.repository import write_document


@pytest.fixture
def demo(store: Store) -> Store:
    for doc in demo_documents():
        write_document(store, doc)
    merge_store(store)
    return store


@pytest.mark.parametrize(
    ("flt", "types"),
    [
        (EventFilter(), {"Battles", "Explosions/Remote violence", "Protests", "Violence against civilians"}),
        (EventFilter(bbox=(-3.5, 14.5, -2.5, 15.5)), {"Battles"}),
        (EventFilter(bbox=(170.0, 10.0, -7.0, 13.0)), {"Protests"}),  # crosses the antimeridian
        (EventFilter(start=dt.date(2024, 3, 15)), {"Explosions/Remote violence", "Violence against civilians"}),
        (EventFilter(end=dt.date(2024, 3, 2)), {"Battles", "Violence against civilians"}),
        (EventFilter(actor="jnim"), {"Battles"}),
        (EventFilter(actor="military forces"), {"Battles", "Explosions/Remote violence"}),
        (EventFilter(event_type="Protests"), {"Protests"}),
        (EventFilter(sub_event_type="Air/drone strike"), {"Explosions/Remote violence"}),
        (EventFilter(country="ml", admin1="MOPTI"), {"Battles", "Violence against civilians"}),
        (EventFilter(q="drone"), {"Explosions/Remote violence"}),
        (EventFilter(q="100%_"), set()),
        (EventFilter(q="'; DROP TABLE events; --"), set()),
    ],
)
def test_filters(demo: Store, flt: EventFilter, types: set[str]) -> None:
    with demo.session() as session:
        total, events = search_events(session, flt)
    assert total == len(events) and {e["event_type"] for e in events} == types


def test_paging_is_stable(demo: Store) -> None:
    with demo.session() as session:
        _, everything = search_events(session, EventFilter(), limit=10)
        pages = [search_events(session, EventFilter(), limit=1, offset=i)[1][0]["id"] for i in range(4)]
    assert pages == [e["id"] for e in everything]


def test_detail_by_member_id_gives_each_report(demo: Store) -> None:
    with demo.session() as session:
        _, events = search_events(session, EventFilter(event_type="Battles"))
        detail = event_detail(session, events[0]["members"][1])
    assert detail is not None and detail["event"]["id"] == events[0]["id"]
    for doc in detail["documents"]:
        assert doc["evidence"] and all(0 <= s < e <= len(doc["text"]) for s, e in doc["evidence"])
        assert doc["claims"]


def test_stats_lists_actors_and_dates(demo: Store) -> None:
    with demo.session() as session:
        stats = store_stats(session)
    assert stats["documents"] == 3 and stats["events"] == 4 and stats["reports"] == 5
    assert stats["date_range"] == {"start": "2024-01-01", "end": "2024-03-20"}
    assert {a["id"] for a in stats["actors"]} == {"jnim", "mali_military", "civilians"}
