"""Give the memory of large request bodies back to the system once a request is done.

glibc's malloc serves a large block (over 128 KiB) by ``mmap`` and unmaps it when freed, but
after the first such free it raises that threshold to the block's size (up to 32 MiB), so the
next multi-megabyte bodies, JSON strings and arrays come from the thread arenas, which keep
the freed space: a server's RSS grew from 57 to 117 MiB after a few rounds of oversized and
malformed requests (benchmarks/bench_serve.py). Fixing the thresholds stops that adjustment:
measured with the same requests, RSS stays at 57 MiB.
"""

from __future__ import annotations

import ctypes

M_TRIM_THRESHOLD = -1  # from glibc's malloc.h
M_MMAP_THRESHOLD = -3
THRESHOLD = 128 * 1024  # glibc's own starting value


def release_large_blocks(threshold: int = THRESHOLD) -> bool:
    """Make blocks over ``threshold`` bytes always mapped and free memory trimmed past it;
    False where the C library is not glibc (nothing to do there)."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, threshold)) and bool(mallopt(M_TRIM_THRESHOLD, threshold))
