"""A property-based run over /openapi.json (schemathesis, a bounded number of examples per
operation): whatever a client sends, the API never answers with a server error."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
pytest.importorskip("fastapi")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from jdgen.web.app import create_app  # noqa: E402

APP = create_app(Path(tempfile.mkdtemp(prefix="jdgen-schema-")) / "drafts.sqlite3")
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_no_server_errors(case) -> None:
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
