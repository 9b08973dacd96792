"""Certifications and advanced degrees, as rules in the catalog's data (issue 10,
"certification/degree padding"): at most the size band's number of preferred
certifications (levels none at a tiny company unless the job needs one at any size),
a certification Required only with the law or rule that demands it, and an MBA only
where the level's ``advanced_degree`` condition holds.  On a copy of the fixture
catalog, changed per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import jdgen
from jdgen import Company, JobDescription
from jdgen.errors import CatalogError

SHIPPED = Path(__file__).parent.parent / "catalog"
FIXTURE = Path(__file__).parent / "fixtures" / "catalog"  # its posting.yaml: "… certificate."

CERTS = [
    {"name": "First Belt"},
    {"name": "Second Badge", "at_any_size": True},
    {"name": "Third Card"},
]


def build(tmp_path: Path, role: str = "ops-director", **qualifications: object) -> Path:
    """A copy of the fixture catalog with the role's qualifications extended, the small
    band asking for no certifications and directors for an advanced degree from 250."""
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURE, root)
    edit(root / "roles" / f"{role}.yaml", lambda d: d["qualifications"].update(qualifications))

    def sizes(bands: list[dict]) -> None:
        bands[0]["certifications"] = 0

    def levels(items: list[dict]) -> None:
        items[0]["advanced_degree"] = {"min_headcount": 250}

    edit(root / "sizes.yaml", sizes)
    edit(root / "levels.yaml", levels)
    return root


def edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def lines(root: Path, kind: str, size: int, role: str = "ops-director") -> list[str]:
    catalog = jdgen.load_catalog(root, builtin=False)
    jd: JobDescription = jdgen.generate(
        role, Company(size=size, industry="widgets"), catalog=catalog
    )
    section = jd.section("qualifications")
    assert section is not None
    sub = section.subsection(kind)
    return [b.text for b in sub.bullets] if sub else []


def test_one_preferred_certification_the_roles_first(tmp_path: Path) -> None:
    root = build(tmp_path, certifications=CERTS)
    preferred = lines(root, "preferred", 400)
    assert "First Belt certificate." in preferred
    assert not {"Second Badge certificate.", "Third Card certificate."} & set(preferred)


def test_the_disciplines_own_certification_wins_and_survives_the_budget(tmp_path: Path) -> None:
    certs = [{"name": "First Belt"}, {"name": "Core Belt", "core": True}]
    extra = [f"Plus number {n}." for n in range(6)]
    root = build(tmp_path, certifications=certs, preferred=extra)
    shutil.copy(SHIPPED / "lengths.yaml", root / "lengths.yaml")  # short: 2 preferred lines
    catalog = jdgen.load_catalog(root, builtin=False)
    company = Company(size=400, industry="widgets", length="short")
    jd = jdgen.generate("ops-director", company, catalog=catalog)
    preferred = [b.text for b in jd.section("qualifications").subsection("preferred").bullets]  # type: ignore[union-attr]
    assert "Core Belt certificate." in preferred and len(preferred) < len(extra)
    assert "First Belt certificate." not in preferred


def test_a_tiny_company_asks_only_for_a_certification_needed_at_any_size(tmp_path: Path) -> None:
    root = build(tmp_path, certifications=CERTS)
    preferred = lines(root, "preferred", 8)
    assert "Second Badge certificate." in preferred
    assert not {"First Belt certificate.", "Third Card certificate."} & set(preferred)
    plain = build(tmp_path / "plain", certifications=[{"name": "First Belt"}])
    assert not [t for t in lines(plain, "preferred", 8) if "certificate" in t]


def test_a_required_certification_names_the_rule_that_demands_it(tmp_path: Path) -> None:
    bare = build(tmp_path / "bare", certifications=[{"name": "Crane Ticket", "required": True}])
    with pytest.raises(CatalogError) as err:
        jdgen.load_catalog(bare, builtin=False)
    assert "roles/ops-director.yaml: qualifications.certifications.0.required" in str(err.value)
    assert "required_by" in str(err.value)
    ruled = {"name": "Crane Ticket", "required": True, "required_by": "Crane Safety Act s. 4"}
    root = build(tmp_path / "ruled", certifications=[ruled])
    assert "Crane Ticket certificate." in lines(root, "required", 8)


def test_an_advanced_degree_only_where_the_level_asks_for_one(tmp_path: Path) -> None:
    root = build(tmp_path, education_preferred="MBA or another advanced degree.")
    assert "MBA or another advanced degree." not in lines(root, "preferred", 120)
    assert "MBA or another advanced degree." in lines(root, "preferred", 400)


def test_a_level_without_advanced_degree_lists_none(tmp_path: Path) -> None:
    root = build(tmp_path, role="ops-manager", education_preferred="MBA.")
    with pytest.raises(CatalogError) as err:
        jdgen.load_catalog(root, builtin=False)
    assert "roles/ops-manager.yaml: qualifications.education_preferred" in str(err.value)
    assert "levels.yaml" in str(err.value)
