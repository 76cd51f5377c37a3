"""The HTTP service and web page: ``tachtu serve`` (see docs/serve.md).

:func:`create_app` builds the Starlette application; :class:`Limits` sets what one request
may cost. Starlette and uvicorn come with the ``serve`` extra.
"""

from tachtu.serve.app import create_app
from tachtu.serve.limits import Limits

__all__ = ["create_app", "Limits"]
