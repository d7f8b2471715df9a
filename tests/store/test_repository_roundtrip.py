"""Store write → read gives back the same document, events, influences and claims."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from store_strategies import EVENT, documents

from flashpoint.model import Document, Event
from flashpoint.store.codec import decode, encode
from flashpoint.store.engine import Store
from flashpoint.store.repository import read_document, write_document


@settings(max_examples=200, deadline=None)
@given(EVENT)
def test_codec_roundtrip_event(event: Event) -> None:
    assert decode(Event, encode(event)) == event


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(doc=documents())
def test_store_roundtrip_document(store: Store, doc: Document) -> None:
    assert write_document(store, doc) is True
    with store.session() as session:
        assert read_document(session, doc.doc_id) == doc
