"""Whom a role works with at a small company (issue 10, "wrong for the size"): below
work.yaml's ``small_teams.below`` the role's teams become the people such a company
has (a department it lacks is named as who does that work there, or left out), the
founders first unless a leader is named, a fallback when nothing is left; and a role
may list its teams by industry.  On a copy of the fixture catalog."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import jdgen
from jdgen import Company
from jdgen.errors import CatalogError

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"  # posting.yaml: "Works with …."

SMALL_TEAMS = {
    "below": 50,
    "first": "{{ 'the founders' if headcount < 20 else '' }}",
    "leaders": ["founder", "CEO"],
    "fallback": "the whole team",
    "teams": {
        "finance": "{{ 'our outside accountant' if headcount < 20 else 'our bookkeeper' }}",
        "Human Resources": "",
        "IT": "",
    },
}


def build(tmp_path: Path, works_with: object) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURE, root)
    for name, key, value in (
        ("roles/ops-director.yaml", "works_with", works_with),
        ("work.yaml", "small_teams", SMALL_TEAMS),
    ):
        path = root / name
        data = yaml.safe_load(path.read_text())
        data[key] = value
        path.write_text(yaml.safe_dump(data, sort_keys=False))
    return root


def works_with(root: Path, size: int, industry: str = "widgets") -> str:
    catalog = jdgen.load_catalog(root, builtin=False)
    jd = jdgen.generate("ops-director", Company(size=size, industry=industry), catalog=catalog)
    section = jd.section("reporting")
    assert section is not None
    text = " ".join(section.paragraphs)
    return text[text.index("Works with ") :]


def test_a_small_company_names_the_people_it_has(tmp_path: Path) -> None:
    root = build(tmp_path, ["finance", "human resources", "sales"])
    assert works_with(root, 8) == "Works with the founders, our outside accountant and sales."
    assert works_with(root, 30) == "Works with our bookkeeper and sales."
    assert works_with(root, 400) == "Works with finance, human resources and sales."


def test_a_named_leader_is_not_repeated_and_an_empty_list_falls_back(tmp_path: Path) -> None:
    root = build(tmp_path / "ceo", ["the CEO", "IT"])
    assert works_with(root, 8) == "Works with the CEO."
    root = build(tmp_path / "none", ["IT", "human resources"])
    assert works_with(root, 30) == "Works with the whole team."


def test_teams_by_industry(tmp_path: Path) -> None:
    root = build(tmp_path, {"software": ["product", "IT"], "default": ["the plant", "IT"]})
    assert works_with(root, 400, "software") == "Works with product and IT."
    assert works_with(root, 400, "widgets") == "Works with the plant and IT."
    assert works_with(root, 30, "software") == "Works with product."


def test_an_unknown_industry_key_is_one_line_naming_the_choices(tmp_path: Path) -> None:
    root = build(tmp_path, {"softwear": ["product"], "default": ["IT"]})
    with pytest.raises(CatalogError) as err:
        jdgen.load_catalog(root, builtin=False)
    assert "roles/ops-director.yaml: works_with.softwear: unknown industry" in str(err.value)
    assert "default, software, widgets" in str(err.value)
