"""Who reports to whom (jdgen.seats), on the fixture catalog: a boss the company has no
seat for at its headcount or in its kind of business is replaced by the next one up, a
role may name its bosses in order of preference, and a title unusual at the size builds
its team instead of leading the managers a larger company's holder leads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import jdgen
from jdgen import Catalog, Company
from jdgen.errors import CatalogError
from jdgen.models import Role
from jdgen.seats import Chart, held

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"


@pytest.fixture(scope="module")
def tiny() -> Catalog:
    return jdgen.load_catalog(FIXTURE, builtin=False)


def chart(
    tiny: Catalog, people: int, holders: dict[str, str] | None = None, **roles: Role
) -> Chart:
    size = tiny.find_size(str(people))
    keys = tiny.size_keys(size.id)
    return Chart({**tiny.roles, **roles}, size, keys, people, holders or {})


def reporting_to(tiny: Catalog, *bosses: str) -> Role:
    """The Stock Manager, reporting to ``bosses`` (first choice first) at every size."""
    refs: str | list[str] = bosses[0] if len(bosses) == 1 else list(bosses)
    return tiny.roles["stock-manager"].model_copy(update={"reports_to": {"default": refs}})


def test_a_boss_the_company_has_is_kept(tiny: Catalog) -> None:
    assert chart(tiny, 500).boss(tiny.roles["ops-manager"]) == "ops-director"
    assert chart(tiny, 50).boss(tiny.roles["ops-manager"]) == "Owner"  # its own small boss


def test_a_boss_unusual_at_the_headcount_gives_way_to_the_next_one_up(tiny: Catalog) -> None:
    # the Ops Analyst Lead is usual from 100 people and reports to the Ops Director
    role = reporting_to(tiny, "ops-analyst")
    assert chart(tiny, 500, **{"stock-manager": role}).boss(role) == "ops-analyst"
    assert chart(tiny, 50, **{"stock-manager": role}).boss(role) == "ops-director"


def test_the_first_boss_named_that_the_company_has_wins(tiny: Catalog) -> None:
    role = reporting_to(tiny, "ops-analyst", "ops-manager")
    assert chart(tiny, 500, **{"stock-manager": role}).boss(role) == "ops-analyst"
    assert chart(tiny, 50, **{"stock-manager": role}).boss(role) == "ops-manager"


def test_a_seat_the_business_has_no_use_for_goes_to_its_holder(tiny: Catalog) -> None:
    role = reporting_to(tiny, "ops-director")
    here = chart(tiny, 500, {"ops-director": "ops-analyst"}, **{"stock-manager": role})
    assert here.boss(role) == "ops-analyst"
    assert not here.has_seat("ops-director") and here.has_seat("ops-analyst")
    assert held("ops-director", {"ops-director": "ops-analyst"}) == "ops-analyst"
    # a role never becomes its own boss by holding a seat
    assert (
        held("ops-director", {"ops-director": "stock-manager"}, "stock-manager") == "ops-director"
    )


def test_a_title_unusual_at_the_size_builds_its_team(tiny: Catalog) -> None:
    """The Ops Analyst Lead (usual from 100 people) at 50 takes the band's ``new_team``
    line for its level; at 500 its own (none: it works alone)."""
    small = jdgen.generate("ops-analyst", Company(size=50, industry="widgets"), catalog=tiny)
    large = jdgen.generate("ops-analyst", Company(size=500, industry="widgets"), catalog=tiny)
    assert small.metadata.team == "the people who do this work today"
    assert large.metadata.team is None
    # an empty line: no team line at all
    below = tiny.roles["ops-manager"].model_copy(update={"min_headcount": 100})
    jd = jdgen.generate(below, Company(size=50, industry="widgets"), catalog=tiny)
    assert jd.metadata.team is None
    assert "You will lead" not in " ".join(jd.section("reporting").paragraphs)  # type: ignore[union-attr]
    # a role usual at the size keeps its own line
    director = jdgen.generate("ops-director", Company(size=50, industry="widgets"), catalog=tiny)
    assert director.metadata.team == "a team of four"


def test_the_catalog_check_knows_the_band_team_line_levels(tmp_path: Path) -> None:
    sizes = (FIXTURE / "sizes.yaml").read_text(encoding="utf-8")
    bad = sizes.replace("    director: the people", "    captain: the people")
    shutil.copytree(FIXTURE, tmp_path / "catalog")
    (tmp_path / "catalog" / "sizes.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(CatalogError, match=r"new_team\.captain: unknown level"):
        jdgen.load_catalog(tmp_path / "catalog", builtin=False)


def test_the_unusual_title_note_takes_the_titles_article(tiny: Catalog) -> None:
    """ "an Ops Analyst Lead is unusual", not "a Ops …" (review round 6: "a Operations
    Director is unusual at 120 people")."""
    company = Company(size=50, industry="widgets")
    jd = jdgen.generate("ops-analyst", company, catalog=tiny)
    assert jd.metadata.unusual_title is not None
    assert jd.metadata.unusual_title.startswith("an Ops Analyst Lead is unusual at 50 people; ")
