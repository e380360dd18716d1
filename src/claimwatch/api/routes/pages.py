"""``/``: the analyst's page (map, timeline, filters, detail panel), served from static files."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter(tags=["pages"])


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index() -> HTMLResponse:
    """The single page; its scripts and styles load from ``/static``."""
    page = resources.files("claimwatch.api").joinpath("static/index.html")
    return HTMLResponse(page.read_text(encoding="utf-8"))
