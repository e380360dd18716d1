"""One error handler: every failure leaves the API as ``{"ok": false, "error": {...}}``.

Library errors keep their stable codes (``E301`` not found, ``E200`` unknown format...);
the API adds its own for what only HTTP can get wrong:

    E601  writes are disabled: the server has no token configured (403)
    E602  missing or wrong bearer token (401)
    E603  the request does not match the OpenAPI schema (422)
    E604  no such route (404)
    E605  method not allowed on this route (405)
    E600  any other HTTP error
    E900  an unexpected server error (500)
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimwatch.api.schemas import ErrorResponse
from claimwatch.errors import (
    ClaimwatchError,
    FormatError,
    InputError,
    NotFoundError,
    PipelineError,
    StoreError,
)

log = logging.getLogger(__name__)


class ApiError(ClaimwatchError):
    """An error only the HTTP layer can make; carries its HTTP status."""

    code = "E600"
    status = 400
    headers: dict[str, str] | None = None


class ReadOnlyError(ApiError):
    code = "E601"
    status = 403


class UnauthorizedError(ApiError):
    code = "E602"
    status = 401
    headers = {"WWW-Authenticate": "Bearer"}


STATUS_BY_ERROR: tuple[tuple[type[ClaimwatchError], int], ...] = (
    (NotFoundError, 404),
    (StoreError, 503),
    (FormatError, 400),
    (InputError, 422),
    (PipelineError, 500),
)
HTTP_CODES = {404: "E604", 405: "E605", 422: "E603"}


def error_json(status: int, code: str, message: str,
               headers: Mapping[str, str] | None = None) -> JSONResponse:
    body = ErrorResponse.model_validate({"error": {"code": code, "message": message}})
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


async def handle_error(request: Request, exc: Exception) -> JSONResponse:
    """Render any exception as the stable JSON error shape."""
    if isinstance(exc, ApiError):
        return error_json(exc.status, exc.code, str(exc), exc.headers)
    if isinstance(exc, ClaimwatchError):
        status = next((s for cls, s in STATUS_BY_ERROR if isinstance(exc, cls)), 400)
        return error_json(status, exc.code, str(exc))
    if isinstance(exc, RequestValidationError):
        return error_json(422, "E603", "invalid request: " + _describe(exc.errors()))
    if isinstance(exc, StarletteHTTPException):
        code = HTTP_CODES.get(exc.status_code, "E600")
        return error_json(exc.status_code, code, str(exc.detail), exc.headers)
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_json(500, "E900", f"unexpected server error: {type(exc).__name__}; "
                                   "see the server log")


def install(app: FastAPI) -> None:
    """Route every error type through ``handle_error``."""
    for exc_type in (ClaimwatchError, RequestValidationError, StarletteHTTPException,
                     Exception):
        app.add_exception_handler(exc_type, handle_error)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error statuses a route can return."""
    return {s: {"model": ErrorResponse, "description": _DESCRIPTIONS[s]} for s in statuses}


_DESCRIPTIONS = {
    400: "The body is not valid JSON (E600)",
    401: "Missing or wrong bearer token (E602)",
    403: "The server is read-only: no token configured (E601)",
    404: "Not found (E301 for an unknown id)",
    422: "The request does not match the schema (E603) or a report cannot be read (E1xx)",
    500: "A stage failed on a report (E500) or an unexpected error (E900)",
    503: "The store cannot be reached (E300)",
}


def _describe(errors: Any) -> str:
    parts = []
    for err in list(errors)[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()))
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "the request does not match the schema"
