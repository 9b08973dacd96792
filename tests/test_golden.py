"""Golden Markdown postings for a spread of role × size × industry cases.

After an intended change to the catalog or templates, rewrite them with
``pytest tests/test_golden.py --update-golden`` and read the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jdgen.catalog import Catalog
from jdgen.company import load_company
from jdgen.models import Company
from jdgen.render import render
from jdgen.tailor import tailor

GOLDEN = Path(__file__).parent / "golden"
FIXTURES = Path(__file__).parent / "fixtures"

CASES = [
    ("director-of-operations", "small", "manufacturing"),
    ("director-of-operations", "enterprise", "technology"),
    ("vp-of-operations", "mid-size", "healthcare"),
    ("vp-of-operations", "enterprise", "ecommerce"),
    ("operations-director", "small", "financial-services"),
    ("operations-director", "mid-size", "logistics"),
]


def check(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text)
    assert path.exists(), f"{path} missing: run pytest --update-golden"
    assert text == path.read_text(), f"{name} differs from the golden file"


@pytest.mark.parametrize(("role", "size", "industry"), CASES)
def test_golden_posting(catalog: Catalog, request, role: str, size: str, industry: str) -> None:
    jd = tailor(catalog.roles[role], Company(size=size, industry=industry), catalog)
    check(
        f"{role}--{size}--{industry}.md",
        render(jd, "md").decode(),
        request.config.getoption("--update-golden"),
    )


def test_golden_posting_with_a_company_file(catalog: Catalog, request) -> None:
    company = load_company(FIXTURES / "acme.yaml", catalog)
    jd = tailor(catalog.roles["director-of-operations"], company, catalog)
    check(
        "director-of-operations--acme.md",
        render(jd, "md").decode(),
        request.config.getoption("--update-golden"),
    )
