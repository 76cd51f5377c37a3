"""One :class:`tachtu.Segmenter` per (mode, tone) per process, made on first use.

The service's user dictionary, if any, applies to the default mode (``vncorenlp`` reproduces
VnCoreNLP exactly and takes none). Segmenters are thread-safe, so the worker threads of all
requests share them; the lock only guards creation, so that a model is never loaded twice by
two first requests.
"""

from __future__ import annotations

import threading

from tachtu import Segmenter


class Segmenters:
    """The process's segmenters, keyed by (mode, tone)."""

    def __init__(self, user_dict: str | None = None):
        self.user_dict = user_dict
        self._made: dict[tuple[str, str], Segmenter] = {}
        self._lock = threading.Lock()

    def get(self, mode: str, tone: str) -> Segmenter:
        """The segmenter for ``mode`` and ``tone``, loading its model the first time."""
        key = (mode, tone)
        made = self._made.get(key)
        if made is None:
            with self._lock:
                made = self._made.get(key)
                if made is None:
                    words = self.user_dict if mode == "default" else None
                    made = self._made[key] = Segmenter(mode=mode, tone=tone, user_dict=words)
        return made

    def loaded(self) -> list[dict[str, str]]:
        """The (mode, tone) pairs loaded so far, for ``GET /health``."""
        return [{"mode": mode, "tone": tone} for mode, tone in sorted(self._made)]
