"""The FastAPI application factory: one ledger, one error handler, one router per resource."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from claimwatch import __version__
from claimwatch.api import errors
from claimwatch.api.deps import LedgerLike
from claimwatch.api.routes import documents, events, export, pages, stats

DESCRIPTION = """A ledger of attacks from conflict news reports, with who claims, confirms
or denies each one. Reads are open; `POST /documents` needs
`Authorization: Bearer <CLAIMWATCH_TOKEN>`. Every error is JSON:
`{"ok": false, "error": {"code": "E301", "message": "..."}}`."""


def create_app(url: str, token: str | None = None, *,
               ledger: LedgerLike | None = None) -> FastAPI:
    """The REST API and web page over the ledger at ``url``.

    ``token`` enables writes; without it the server is read-only. ``ledger`` lets a
    caller pass an already open ledger (it is then not closed on shutdown).
    """
    owned = ledger is None
    store: LedgerLike = ledger if ledger is not None else _open(url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            store.close()

    app = FastAPI(title="claimwatch", version=__version__, description=DESCRIPTION,
                  lifespan=lifespan)
    app.state.ledger = store
    app.state.token = token or None
    app.state.write_lock = threading.Lock()
    errors.install(app)
    for module in (events, documents, stats, export, pages):
        app.include_router(module.router)
    static = resources.files("claimwatch.api").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


def _open(url: str) -> LedgerLike:
    from claimwatch.ledger import Ledger

    opened: LedgerLike = Ledger(url)
    return opened
