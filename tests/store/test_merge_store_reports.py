"""Cross-report merge in the store: two reports → one event with two sources; undo; re-run."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from flashpoint.store.batch import merge_store
from flashpoint.store.engine import Store
from flashpoint.store.fixtures import demo_documents
from flashpoint.store.merge import merge_all, split_event
from flashpoint.store.models import ClusterRow, ReviewRow
from flashpoint.store.queries import EventFilter, search_events
from flashpoint.store.repository import write_document
from flashpoint.store.reviews import add_review


def _records(store: Store) -> list[dict[str, Any]]:
    with store.session() as session:
        return list(session.scalars(select(ClusterRow.record).order_by(ClusterRow.id)))


def _clash(store: Store) -> dict[str, Any]:
    return next(r for r in _records(store) if r["event_type"] == "Battles")


def _load(store: Store, reverse: bool = False) -> None:
    docs = demo_documents()
    for doc in reversed(docs) if reverse else docs:
        write_document(store, doc)
    merge_store(store)


def test_two_reports_become_one_event(store: Store) -> None:
    _load(store)
    clash = _clash(store)
    assert len(clash["members"]) == 2
    assert [s["source"] for s in clash["sources"]] == ["Sahel Monitor", "Radio Niger Bend"]
    assert (clash["fatalities"]["low"], clash["fatalities"]["best"], clash["fatalities"]["high"]) == (7, 7, 12)
    assert clash["place"]["geo_precision"] == 1 and clash["place"]["lat"] == 15.003
    assert {c["source"] for c in clash["attribution"]} == {"Malian army", "Local officials"}
    assert clash["actor2"]["id"] == "mali_military"  # the member with more resolved actors


def test_aggregate_never_merges_into_atomic(store: Store) -> None:
    _load(store)
    aggregates = [r for r in _records(store) if r["aggregate"]]
    assert len(aggregates) == 1 and len(aggregates[0]["members"]) == 1


def test_merge_is_rerunnable_and_order_free(store: Store, tmp_path: object) -> None:
    _load(store, reverse=True)
    before = [(r["id"], r["members"]) for r in _records(store)]
    with store.session.begin() as session:
        assert merge_all(session).changed == 0
    assert [(r["id"], r["members"]) for r in _records(store)] == before
    assert len(before) == 4


def test_split_undoes_a_merge_for_good(store: Store) -> None:
    _load(store)
    clash = _clash(store)
    with store.session.begin() as session:
        split_event(session, clash["members"][1], reviewer="ana")
    with store.session.begin() as session:
        merge_all(session)
    battles = [r for r in _records(store) if r["event_type"] == "Battles"]
    assert sorted(len(r["members"]) for r in battles) == [1, 1]
    with store.session() as session:
        reviews = list(session.scalars(select(ReviewRow).where(ReviewRow.action == "split")))
    assert [(r.event_id, r.reviewer) for r in reviews] == [(clash["members"][1], "ana")]


def test_correction_is_applied_and_filterable(store: Store) -> None:
    _load(store)
    clash = _clash(store)
    with store.session.begin() as session:
        review, record = add_review(session, clash["id"], action="correct", field="sub_event_type", value="Government regains territory", reviewer="ana")
    assert record is not None and record["sub_event_type"] == "Government regains territory"
    assert record["review"]["reviewer"] == "ana" and review["created_at"]
    with store.session() as session:
        total, events = search_events(session, EventFilter(sub_event_type="Government regains territory"))
    assert total == 1 and events[0]["id"] == clash["id"]


def test_reject_marks_the_record(store: Store) -> None:
    _load(store)
    clash = _clash(store)
    with store.session.begin() as session:
        _, record = add_review(session, clash["members"][1], action="reject", reviewer="bo")
    assert record is not None and record["rejected"] is True and record["review"]["action"] == "reject"
