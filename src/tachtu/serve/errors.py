"""The one JSON error shape every endpoint returns, and the exception that carries it.

Every error a client can cause becomes ``{"error": {"status", "code", "message", "field"}}``
with a 4xx status; ``field`` names the offending request field (``texts[3]``) when there is one.

>>> err = ApiError(422, "invalid_value", "must be one of 'keep', 'old', 'new'", field="tone")
>>> err.body()["error"]["message"], err.body()["error"]["field"]
("tone: must be one of 'keep', 'old', 'new'", 'tone')
"""

from __future__ import annotations

from starlette.responses import JSONResponse


class ApiError(Exception):
    """An error answered as JSON with an HTTP status, a stable ``code`` and a readable message."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None,
                 headers: dict[str, str] | None = None):
        self.status = status
        self.code = code
        self.field = field
        self.message = f"{field}: {message}" if field else message
        self.headers = headers
        super().__init__(self.message)

    def body(self) -> dict:
        """The JSON body: the error object under ``"error"``."""
        return {"error": {"status": self.status, "code": self.code, "message": self.message,
                          "field": self.field}}

    def response(self) -> JSONResponse:
        """The error as a response."""
        return JSONResponse(self.body(), status_code=self.status, headers=self.headers)
