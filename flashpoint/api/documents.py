"""POST /api/documents: run the pipeline on a posted report (text, HTML or URL) and store it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from flashpoint.api.errors import ApiError
from flashpoint.api.security import check_token
from flashpoint.api.state import AppState, get_state
from flashpoint.errors import InputError
from flashpoint.model import Document, Failure
from flashpoint.ingest.raw import RawDocument, finalise
from flashpoint.pipeline import make_document
from flashpoint.store.batch import merge_store
from flashpoint.store.models import ClusterRow, EventRow
from flashpoint.store.repository import has_document, write_document

router = APIRouter(prefix="/api", tags=["documents"])


class DocumentIn(BaseModel):
    """A report to ingest: exactly one of `text`, `html` or `url`."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = None
    html: str | None = None
    url: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=10)
    source: str | None = Field(default=None, max_length=300)
    title: str | None = Field(default=None, max_length=1000)


def _document(body: DocumentIn, state: AppState) -> Document:
    given = [name for name in ("text", "html", "url") if getattr(body, name)]
    if len(given) != 1:
        raise ApiError(400, "give exactly one of text, html or url", [{"field": "text"}])
    max_chars = int(state.settings.get("max_doc_chars"))
    title, source, url = body.title, body.source, None
    if body.url:
        from flashpoint.ingest.fetch import fetch_url

        raw = fetch_url(body.url, allow_private=bool(state.settings.get("allow_private_urls")))
        text, title, source, url = raw.text, title or raw.title, source or raw.source, raw.url
    elif body.html:
        from flashpoint.ingest.html import html_to_text

        text, found_title = html_to_text(body.html)
        title = title or found_title
    else:
        text = body.text or ""
    if not text.strip():
        raise InputError("document text is empty", field="text")
    # The same last step as every file reader: invisible characters, lone surrogates, size.
    raw = RawDocument(text, None, url, None, source, title, None)
    text = finalise(raw, max_chars=max_chars, where="request body").text
    return make_document(text, published=body.published, source=source, title=title, url=url)


def _records_of(state: AppState, doc_id: str) -> list[dict[str, Any]]:
    with state.store.session() as session:
        ids = select(EventRow.cluster_id).where(EventRow.doc_id == doc_id)
        return list(session.scalars(select(ClusterRow.record).where(ClusterRow.id.in_(ids)).order_by(ClusterRow.id)))


@router.post("/documents", summary="Extract, store and merge one report (needs the write token)")
def post_document(body: DocumentIn, request: Request, state: Annotated[AppState, Depends(get_state)]) -> dict[str, Any]:
    """`{ok, doc_id, stored, events}`: `stored` is false when the report was already in the store."""
    state.limiter.check(request)
    check_token(request, state.token)
    doc = _document(body, state)
    with state.store.session() as session:
        known = has_document(session, doc.doc_id)
    stored = False
    if not known:
        result = state.pipeline().run_one_safe(doc)
        if isinstance(result, Failure):
            raise ApiError(422, f"extraction failed at stage {result.stage}: {result.error}", [{"stage": result.stage, "doc_id": result.doc_id}])
        stored = write_document(state.store, result.with_layers(ling=None))
        merge_store(state.store)
    return {"ok": True, "doc_id": doc.doc_id, "stored": stored, "events": _records_of(state, doc.doc_id)}
