"""How a request moves through the service within its limits: the body is read up to
``max_body_bytes`` (413 beyond), the work runs in a worker thread until its deadline (504).

An over-large body is still read to its end and dropped, up to :data:`DRAIN_BYTES`, before
the 413 is sent: a client that uploads its whole body before reading the answer (``urllib``,
``requests``) would otherwise get a connection reset instead of the error, because closing a
socket with unread data resets it. Dropping chunks as they come keeps memory bounded.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread
from starlette.requests import Request

from tachtu.serve.errors import ApiError
from tachtu.serve.limits import Deadline, DeadlineExceeded

T = TypeVar("T")

#: Most bytes of an over-large body read and dropped so the client can read the 413; a body
#: declared larger than this is answered at once (and its connection closed).
DRAIN_BYTES = 128 * 1024 * 1024


async def read_body(request: Request, max_bytes: int) -> bytes:
    """The request body, refusing with 413 when it is larger than ``max_bytes``."""
    declared = request.headers.get("content-length", "")
    size = int(declared) if declared.isdigit() else 0
    if size > DRAIN_BYTES:
        raise _too_large(size, max_bytes)
    chunks, received = [], 0
    async for chunk in request.stream():
        received += len(chunk)
        if max(size, received) <= max_bytes:
            chunks.append(chunk)
        elif chunks:
            chunks.clear()  # over the limit: keep reading, keep nothing
        if received > DRAIN_BYTES:
            break
    if max(size, received) > max_bytes:
        raise _too_large(max(size, received), max_bytes)
    return b"".join(chunks)


def _too_large(size: int, max_bytes: int) -> ApiError:
    return ApiError(413, "body_too_large",
                    f"request body of {size:,} bytes or more is over the limit of "
                    f"{max_bytes:,} bytes")


def timeout_error(seconds: float) -> ApiError:
    return ApiError(504, "timeout", "the request took longer than the time limit of "
                    f"{seconds:g} s; "
                    "send smaller texts or fewer of them")


async def run_in_thread(func: Callable[[Deadline], T], deadline: Deadline,
                        limiter: anyio.CapacityLimiter) -> T:
    """Run ``func(deadline)`` in a worker thread; 504 when it is not done by the deadline.

    The event loop stays free for other requests meanwhile. ``func`` should call
    ``deadline.check()`` between units of work so that abandoned work stops soon.
    """
    remaining = deadline.at - time.monotonic()
    try:
        with anyio.fail_after(max(remaining, 0)):
            return await anyio.to_thread.run_sync(func, deadline, limiter=limiter,
                                                  abandon_on_cancel=True)
    except (TimeoutError, DeadlineExceeded):
        raise timeout_error(deadline.seconds) from None
