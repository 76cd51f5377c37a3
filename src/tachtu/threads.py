"""One thread for training, so that a model is rebuilt bit for bit on any machine.

Sums taken in another order give other bits, and BLAS and OpenMP split their sums by the number
of threads. ``threadpoolctl`` limits only the libraries already loaded, so the libraries a fit
uses are imported first: one imported inside the limit would run with every core in the first
fit of a process and with one in the next (other bits, and on a busy machine much slower).
"""

from __future__ import annotations

import importlib


def one_thread(*modules: str):
    """A context manager in which BLAS and OpenMP run in one thread, ``modules`` imported first."""
    for name in modules:
        importlib.import_module(name)
    from threadpoolctl import threadpool_limits  # installed with scikit-learn (the 'train' extra)

    return threadpool_limits(limits=1)
