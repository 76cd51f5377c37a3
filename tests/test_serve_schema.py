"""Property-based tests of the service against its own OpenAPI description (schemathesis).

Valid and invalid requests are generated from ``GET /openapi.json``; every answer must be
documented (status, content type, JSON schema) and never a server error; invalid requests
must be refused. The limits are small so that generated texts and batches cross them.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

if not os.environ.get("CI"):  # on CI a missing schemathesis is an error, not a skip
    pytest.importorskip("schemathesis", reason="schemathesis is in the 'test' extra")
import schemathesis  # noqa: E402
from schemathesis.config import SchemathesisConfig  # noqa: E402

from tachtu.serve import Limits, create_app

CONFIG = SchemathesisConfig.from_dict({
    "generation": {"mode": "all", "max-examples": 40, "deterministic": True},
    # Size limits answer 413 (documented), the other schema violations 400/422.
    "checks": {"negative_data_rejection": {"expected-statuses": [400, 404, 405, 413, 422]}},
})
app = create_app(Limits(max_body_bytes=20_000, max_batch=4, max_text_chars=300))
schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_api_matches_its_description(case):
    case.call_and_validate()
