"""The API's one error shape: `{"ok": false, "error": str, "errors": [...], "status": int}`.

Every failure, from a bad parameter to an unknown route or a crash, leaves the API in
this shape; a crash never shows its traceback to the client.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from flashpoint.errors import ConfigError, ExportError, FlashpointError, InputError, StoreError

LOG = logging.getLogger("flashpoint.api")


class ApiError(Exception):
    """An error to answer with `status` and `message` (raised by the routes)."""

    def __init__(self, status: int, message: str, errors: list[Any] | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or []
        self.headers = headers


def error_response(status: int, message: str, errors: list[Any] | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    """A JSON response in the one error shape."""
    body = {"ok": False, "error": message, "errors": errors or [], "status": status}
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))} for e in exc.errors()]


def _flashpoint_status(exc: FlashpointError) -> int:
    if isinstance(exc, InputError | ConfigError | ExportError):
        return 400
    if isinstance(exc, StoreError):
        return 503
    return 400


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception type to the one error shape."""

    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.errors, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _validation_errors(exc)
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"][1:]) or "request"
        return error_response(422, f"{where}: {first['msg']}", errors)

    @app.exception_handler(FlashpointError)
    async def _flashpoint(_: Request, exc: FlashpointError) -> JSONResponse:
        errors = [{"field": exc.field, "doc_id": exc.doc_id}] if exc.field or exc.doc_id else []
        return error_response(_flashpoint_status(exc), exc.message, errors)

    @app.exception_handler(Exception)
    async def _crash(_: Request, exc: Exception) -> JSONResponse:
        LOG.exception("unhandled error", exc_info=exc)
        return error_response(500, "internal server error")
