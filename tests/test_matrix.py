"""Every role × every size × every industry, as Markdown and as .docx."""

from __future__ import annotations

import io

import pytest
from postingcheck import posting_problems

from jdgen.catalog import builtin_catalog
from jdgen.models import Company
from jdgen.render import render
from jdgen.tailor import tailor

CATALOG = builtin_catalog()
ROLES = sorted(CATALOG.roles)
SIZES = list(CATALOG.sizes)
INDUSTRIES = list(CATALOG.industries)


@pytest.mark.parametrize("role_id", ROLES)
def test_every_size_and_industry_reads_clean(role_id: str) -> None:
    role = CATALOG.roles[role_id]
    failures = []
    for size in SIZES:
        for industry in INDUSTRIES:
            jd = tailor(role, Company(size=size, industry=industry), CATALOG)
            md = render(jd, "md").decode()
            failures += [f"{size}/{industry}: {p}" for p in posting_problems(jd, md)]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role_id", ROLES)
def test_docx_holds_the_same_text_for_every_size_and_industry(role_id: str) -> None:
    from docx import Document

    role = CATALOG.roles[role_id]
    for size in SIZES:
        for industry in INDUSTRIES:
            jd = tailor(role, Company(size=size, industry=industry), CATALOG)
            doc = Document(io.BytesIO(render(jd, "docx")))
            texts = [p.text for p in doc.paragraphs]
            assert texts[0] == jd.title
            assert all(t.strip() for t in texts), f"{size}/{industry}: empty paragraph in docx"
            n_bullets = sum(p.style.name == "List Bullet" for p in doc.paragraphs)
            resp = jd.section("responsibilities")
            assert resp is not None
            assert n_bullets >= sum(len(s.bullet_texts) for s in resp.subsections) >= 6


@pytest.mark.parametrize("role_id", ROLES)
def test_every_posting_is_a_valid_job_description(role_id: str) -> None:
    # tailor() builds a posting's parts from validated catalog and company data without
    # validating them again (model_construct, for speed): each must be exactly what
    # validation would make of it (same types, nothing missing), for a bare company and
    # for one with every setting that reaches the metadata
    from pathlib import Path

    from jdgen.company import load_company
    from jdgen.models import JobDescription

    here = Path(__file__).parent
    full = load_company(here / "fixtures" / "acme.yaml", CATALOG)
    example = load_company(here.parent / "examples" / "company.yaml", CATALOG)
    role = CATALOG.roles[role_id]
    companies = (Company(), full, example)
    lengths = ("short", "standard", "long")
    for i, (size, industry) in enumerate((s, ind) for s in SIZES for ind in INDUSTRIES):
        update = {"size": size, "industry": industry, "length": lengths[i // 3 % 3]}
        jd = tailor(role, companies[i % 3].model_copy(update=update), CATALOG)
        again = JobDescription.model_validate(jd.model_dump())
        assert again == jd, f"{size}/{industry}/{update['length']}"
        assert again.model_dump_json() == jd.model_dump_json()
