"""``/documents``: read one report; ingest new ones (needs the bearer token)."""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Request

from claimwatch.api.deps import LedgerDep, WriteAccess
from claimwatch.api.errors import responses
from claimwatch.api.schemas import DocumentIn, DocumentOut, EventOut, IngestResult
from claimwatch.ingest import read_text
from claimwatch.model import Document

router = APIRouter(tags=["documents"])

MAX_BATCH = 100


@router.get("/documents/{document_id}", response_model=DocumentOut,
            responses=responses(404, 422, 503))
def get_document(
    ledger: LedgerDep,
    document_id: Annotated[str, Path(description="the report's id")],
) -> DocumentOut:
    """One stored report, with its text."""
    return DocumentOut.model_validate(ledger.document(document_id).to_dict())


@router.post("/documents", response_model=IngestResult,
             responses=responses(400, 401, 403, 422, 500, 503))
def post_documents(
    request: Request,
    ledger: LedgerDep,
    _: WriteAccess,
    body: Annotated[DocumentIn | list[DocumentIn], Body(
        description=f"one report or a list of up to {MAX_BATCH}")],
) -> IngestResult:
    """Ingest reports and return the events they created or changed."""
    items = body if isinstance(body, list) else [body]
    documents = [_document(item) for item in items[:MAX_BATCH]]
    lock: threading.Lock = request.app.state.write_lock
    with lock:
        report = ledger.ingest_documents(documents)
    created = [str(i) for i in _ids(report, "events_created")]
    changed = [str(i) for i in _ids(report, "events_changed")]
    events = [ledger.event(i) for i in dict.fromkeys(created + changed)]
    return IngestResult(
        documents_added=_count(getattr(report, "documents_added", 0)),
        documents_skipped=_count(getattr(report, "documents_skipped", 0)),
        errors=[str(e) for e in getattr(report, "errors", None) or []],
        events_created=created, events_changed=changed,
        events=[EventOut.model_validate(e.to_dict()) for e in events],
    )


def _document(item: DocumentIn) -> Document:
    return read_text(item.text, item.published, title=item.title, url=item.url,
                     source=item.source, language=item.language, path="POST /documents",
                     doc_id=item.id)


def _ids(report: Any, name: str) -> list[Any]:
    return list(getattr(report, name, None) or [])


def _count(value: Any) -> int:
    return len(value) if isinstance(value, list | tuple | set) else int(value or 0)
