"""The HTTP service and web page: ``tachtu serve`` (see docs/serve.md).

:func:`create_app` builds the Starlette application; :class:`Limits` sets what one request
may cost. Starlette and uvicorn come with the ``serve`` extra, and are imported only when
:func:`create_app` is first used, so the limits are known on a plain install.
"""

from tachtu.serve.limits import Limits

__all__ = ["create_app", "Limits"]


def __getattr__(name: str):
    if name == "create_app":
        from tachtu.serve.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
