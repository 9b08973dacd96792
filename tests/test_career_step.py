""" "Where this role leads" names one step the company has (review r5a pattern 11), on the
fixture catalog with an overlaid career for the Stock Manager: a real step up before a
lateral move, a step limited by ``career.where`` only where it holds, and one title,
not a hedge across three."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import jdgen
from jdgen import Catalog, Company
from jdgen.errors import CatalogError

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"


def build(root: Path, career: dict[str, object]) -> Catalog:
    shutil.copytree(FIXTURE, root)
    path = root / "roles" / "stock-manager.yaml"
    role = yaml.safe_load(path.read_text())
    role["career"] = career
    path.write_text(yaml.safe_dump(role))
    return jdgen.load_catalog(root, builtin=False)


CAREER = {
    "to": ["ops-manager", "Head of Stock", "ops-director", "Senior Stock Manager"],
    "where": {
        "Head of Stock": {"industries": ["software"]},
        "ops-director": {"min_headcount": 300},
    },
}


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return build(tmp_path_factory.mktemp("career") / "catalog", CAREER)


def leads_to(cat: Catalog, **company: object) -> str | None:
    company.setdefault("industry", "widgets")
    jd = jdgen.generate("stock-manager", Company(**company), catalog=cat)  # type: ignore[arg-type]
    section = jd.section("career")
    return section.paragraphs[0] if section else None


def test_one_step_up_is_named_before_a_lateral_move(cat: Catalog) -> None:
    # ops-manager (a manager, like the Stock Manager) is listed first but is a lateral move
    assert leads_to(cat, size=500) == "Next comes Ops Director."


def test_a_step_the_company_does_not_have_is_left_out(cat: Catalog) -> None:
    # below 300 people there is no Ops Director seat; Head of Stock only in software
    assert leads_to(cat, size=200) == "Next comes Senior Stock Manager."
    assert leads_to(cat, size=200, industry="software") == "Next comes Head of Stock."


def test_a_lateral_move_is_named_when_there_is_no_step_up(cat: Catalog) -> None:
    # a small company: no Senior tier (career_absent), no Ops Director seat
    assert leads_to(cat, size=50) == "Next comes Ops Manager."


def test_a_where_key_must_be_a_career_step(tmp_path: Path) -> None:
    career = {"to": ["ops-manager"], "where": {"ops-director": {"min_headcount": 300}}}
    with pytest.raises(CatalogError) as info:
        build(tmp_path / "catalog", career)
    assert "career.where.ops-director: not one of career.to" in "\n".join(info.value.problems)
