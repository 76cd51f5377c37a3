"""What one request may cost the service: body size, batch size, text length, time.

Size limits answer 413 before any work is done; the time limit answers 504 and also stops
the work itself at its next :meth:`Deadline.check` (a thread cannot be killed mid-call, so a
call in progress finishes in the background; the text-length limit bounds it). This module
needs no web framework, so ``tachtu serve --help`` works on a plain install; the limits are
enforced by :mod:`tachtu.serve.flow`.

>>> Limits.from_json(Limits(max_batch=10).to_json()).max_batch
10
>>> d = Deadline(60.0); d.check(); d.expired()
False
"""

from __future__ import annotations

import dataclasses
import json
import time


@dataclasses.dataclass(frozen=True)
class Limits:
    """Per-request limits; the defaults suit one shared service on a small machine."""

    max_body_bytes: int = 10 * 1024 * 1024   # request body, bytes
    max_batch: int = 1000                    # texts in one /segment request
    max_text_chars: int = 1_000_000          # characters (code points) in one text or page
    timeout: float = 30.0                    # seconds from arrival to answer
    threads: int = 4                         # segmentation/cleaning threads per process

    def to_json(self) -> str:
        """The limits as JSON, to hand them to worker processes."""
        return json.dumps(dataclasses.asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Limits:
        """The limits written by :meth:`to_json`."""
        return cls(**json.loads(text))

    def public(self) -> dict:
        """The limits a client needs to know (shown by ``GET /health``)."""
        return {"max_body_bytes": self.max_body_bytes, "max_batch": self.max_batch,
                "max_text_chars": self.max_text_chars, "timeout_seconds": self.timeout}


class DeadlineExceeded(Exception):
    """Raised inside the worker thread when the request's time is up."""


class Deadline:
    """A point in time after which a request's work should stop."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def expired(self) -> bool:
        return time.monotonic() >= self.at

    def check(self) -> None:
        """Raise :class:`DeadlineExceeded` when the time is up; call it between units of work."""
        if self.expired():
            raise DeadlineExceeded
