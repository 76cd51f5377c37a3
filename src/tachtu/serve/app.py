"""The Starlette application: routes, error handling, and the web page.

Endpoints: ``POST /segment``, ``POST /clean``, ``GET /health``, ``GET /openapi.json`` and the
page at ``GET /`` (files under ``static/``). Validation and the CPU work happen in
:mod:`~tachtu.serve.schemas` and :mod:`~tachtu.serve.work`; here they are wired to HTTP with
the limits of :mod:`~tachtu.serve.limits`. Every error is JSON (see :mod:`~tachtu.serve.errors`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from tachtu import __version__
from tachtu.errors import TachtuError
from tachtu.serve import schemas, work
from tachtu.serve.errors import ApiError
from tachtu.serve.flow import read_body, run_in_thread
from tachtu.serve.heap import release_large_blocks
from tachtu.serve.limits import Deadline, Limits
from tachtu.serve.openapi import describe
from tachtu.serve.segmenters import Segmenters

STATIC = Path(__file__).with_name("static")
LIMITS_ENV = "TACHTU_SERVE_LIMITS"
USER_DICT_ENV = "TACHTU_SERVE_USER_DICT"
PAGE_HEADERS = {
    # The page uses only its own files: no inline code, nothing from elsewhere.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; base-uri 'none'; "
                               "form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
log = logging.getLogger("tachtu.serve")


class Service:
    """The endpoints, sharing one set of segmenters and one pool of worker threads."""

    def __init__(self, limits: Limits, user_dict: str | None):
        self.limits = limits
        self.segmenters = Segmenters(user_dict)
        self.limiter = anyio.CapacityLimiter(limits.threads)
        self.segment_schema = schemas.segment_schema(limits)
        self.clean_schema = schemas.clean_schema(limits)
        self.description = describe(limits, __version__)

    async def segment(self, request: Request) -> Response:
        """Segment one text or a batch."""
        return await self._handle(request, self.segment_schema, "text", work.segment)

    async def clean(self, request: Request) -> Response:
        """Extract the article from a page, optionally segmented."""
        return await self._handle(request, self.clean_schema, "page", work.clean)

    async def health(self, request: Request) -> Response:
        """Liveness, version, loaded models, user dictionary and the limits in force."""
        return JSONResponse({"status": "ok", "version": __version__,
                             "models": self.segmenters.loaded(),
                             "user_dict": self.segmenters.user_dict,
                             "limits": self.limits.public()})

    async def openapi(self, request: Request) -> Response:
        return JSONResponse(self.description)

    async def index(self, request: Request) -> Response:
        return FileResponse(STATIC / "index.html", headers=PAGE_HEADERS)

    async def _handle(self, request: Request, schema: dict, body_field: str,
                      func: Callable[[Segmenters, dict, Deadline], dict]) -> Response:
        """Read the body, then parse, validate and run ``func`` off the event loop, in time."""
        deadline = Deadline(self.limits.timeout)
        with anyio.move_on_after(self.limits.timeout) as scope:
            body = await read_body(request, self.limits.max_body_bytes)
        if scope.cancelled_caught:
            raise ApiError(408, "body_timeout", "the request body did not arrive within the time "
                           f"limit of {self.limits.timeout:g} s")

        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()

        def task(deadline: Deadline) -> bytes:
            checked = schemas.parse_request(body, media_type, schema, body_field)
            return _encode(func(self.segmenters, checked, deadline))

        content = await run_in_thread(task, deadline, self.limiter)
        return Response(content, media_type="application/json")

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette):
        """Load the default model before the first request, so it is not slow."""
        await anyio.to_thread.run_sync(self.segmenters.get, "default", "keep")
        yield


def _encode(body: dict) -> bytes:
    """JSON bytes, made in the worker thread so a large answer does not hold up the event loop."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


async def _api_error(request: Request, exc: ApiError) -> Response:
    return exc.response()


async def _input_error(request: Request, exc: TachtuError) -> Response:
    return ApiError(422, "invalid_input", str(exc)).response()


async def _http_error(request: Request, exc: HTTPException) -> Response:
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    message = {404: f"no such path: {request.url.path}",
               405: f"{request.method} is not allowed on {request.url.path}"}
    return ApiError(exc.status_code, code, message.get(exc.status_code, str(exc.detail)),
                    headers=exc.headers).response()


async def _server_error(request: Request, exc: Exception) -> Response:
    log.exception("error while answering %s %s", request.method, request.url.path)
    error = ApiError(500, "internal_error", "internal error; the server log has the details")
    return error.response()


def create_app(limits: Limits | None = None, user_dict: str | None = None) -> Starlette:
    """The application, with ``limits`` (the defaults when None) and a user dictionary file
    for the default mode (see :class:`tachtu.Segmenter`)."""
    service = Service(limits or Limits(), user_dict)
    routes = [
        Route("/", service.index, methods=["GET"]),
        Route("/segment", service.segment, methods=["POST"]),
        Route("/clean", service.clean, methods=["POST"]),
        Route("/health", service.health, methods=["GET"]),
        Route("/openapi.json", service.openapi, methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    handlers = {ApiError: _api_error, TachtuError: _input_error, HTTPException: _http_error,
                Exception: _server_error}
    return Starlette(routes=routes, exception_handlers=handlers, lifespan=service.lifespan)


def create_app_from_env() -> Starlette:
    """The application with the settings the ``tachtu serve`` command put in the environment.

    uvicorn calls this in each worker process (``--workers N``), which also gets the memory
    of large request bodies back to the system after use (:mod:`tachtu.serve.heap`).
    """
    release_large_blocks()
    text = os.environ.get(LIMITS_ENV)
    return create_app(Limits.from_json(text) if text else None, os.environ.get(USER_DICT_ENV))
