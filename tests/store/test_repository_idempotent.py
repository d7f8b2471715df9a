"""Re-ingesting the same report changes nothing; unstorable text is refused on both backends."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from flashpoint.errors import StoreError
from flashpoint.model import Document
from flashpoint.store.batch import merge_store
from flashpoint.store.engine import Store
from flashpoint.store.fixtures import demo_documents
from flashpoint.store.models import ClusterRow, DocumentRow, EventRow, InfluenceRow
from flashpoint.store.repository import write_document


def _snapshot(store: Store) -> dict[str, object]:
    with store.session() as session:
        counts = {m.__tablename__: session.scalar(select(func.count()).select_from(m)) for m in (DocumentRow, EventRow, ClusterRow, InfluenceRow)}
        records = list(session.scalars(select(ClusterRow.record).order_by(ClusterRow.id)))
        stamps = list(session.scalars(select(DocumentRow.ingested_at).order_by(DocumentRow.doc_id)))
    return {"counts": counts, "records": records, "stamps": stamps}


def test_reingest_changes_nothing(store: Store) -> None:
    docs = demo_documents()
    assert [write_document(store, d) for d in docs] == [True, True, True]
    merge_store(store)
    before = _snapshot(store)
    assert [write_document(store, d) for d in docs] == [False, False, False]
    merge_store(store)
    assert _snapshot(store) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [("text", "a\x00b"), ("title", "t\x00"), ("source", "\ud800"), ("text", "x\udfff")],
)
def test_unstorable_strings_refused(store: Store, field: str, value: str) -> None:
    doc = dataclasses.replace(Document.from_text("clean text"), **{field: value})
    with pytest.raises(StoreError) as info:
        write_document(store, doc)
    assert info.value.doc_id == doc.doc_id and info.value.field == field
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(DocumentRow)) == 0
