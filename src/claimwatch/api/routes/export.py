"""``/export.{fmt}``: the filtered events as a download in one of the export formats."""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Response

from claimwatch.api.deps import Filters, LedgerDep
from claimwatch.api.errors import responses
from claimwatch.export import EXPORTERS, export_ledger, get_exporter

router = APIRouter(tags=["export"])

FORMATS = tuple(EXPORTERS)
_CONTENT: dict[str, Any] = {e.media_type.split(";")[0]: {} for e in EXPORTERS.values()}


@router.get(
    "/export.{fmt}",
    response_class=Response,
    responses={200: {"description": "the export file", "content": _CONTENT},
               **responses(422, 503)},
)
def export(
    ledger: LedgerDep,
    filters: Filters,
    fmt: Annotated[Literal[FORMATS], Path(  # type: ignore[valid-type]
        description="the export format")],
) -> Response:
    """Every event matching the filters, as a file in the chosen format."""
    exporter = get_exporter(fmt)
    buf = io.BytesIO()
    export_ledger(ledger, fmt, buf, **filters.as_kwargs())
    filename = f"claimwatch{exporter.suffix}"
    return Response(buf.getvalue(), media_type=exporter.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
