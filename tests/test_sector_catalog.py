"""The shipped sectors (catalog/sectors/): each file is a valid sector under its own
name, no two sectors answer to the same alias, each changes the postings of every
industry it belongs to, and every duty, skill, KPI and qualification line it holds reaches
at least one posting (a line whose conditions no role meets is dead text), at the long
length, for the industry's business model and any other a line names."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

import jdgen
from jdgen.models import Company, Location, Sector
from jdgen.names import normalize_choice
from jdgen.render import render
from jdgen.tailor import tailor

SECTORS = Path(__file__).parents[1] / "catalog" / "sectors"
FILES = sorted(SECTORS.glob("*.yaml"))
#: Lines known to reach no posting, left to their file's owner: the foundry's skills on
#: casting defects and casting quotes say what its duties on those topics say, so the
#: posting keeps the duty and drops the skill as a repeat.
KNOWN_DEAD = {"foundry-defects", "foundry-quoting"}
#: One company per size band that a line may be written for.
SIZES = ("startup", "mid-size", "enterprise")


@cache
def catalog() -> jdgen.Catalog:
    return jdgen.load_catalog()


def company(
    size: str, industry: str, sector: str = "", model: str | None = None, length: str = "long"
) -> Company:
    """A US company; at the long length (every line that applies), so that a line the
    word budget trims still counts as reached."""
    return Company(
        name="Acme",
        length=length,  # type: ignore[arg-type]
        size=size,
        industry=industry,
        sector=sector or None,
        business_model=model,
        locations=[Location(city="Denver", region="CO", country="US")],
    )


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_sector_file_is_a_valid_sector_under_its_own_name(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    sector = Sector.model_validate(data)
    assert sector.id == path.stem
    assert catalog().sectors[sector.id].name == sector.name
    assert sector.sources, "facts need their sources"
    for industry in sector.industries:
        assert catalog().find_sector(sector.name, industry).id == sector.id


def test_no_two_sectors_answer_to_the_same_name() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for sector in catalog().sectors.values():
        for name in {normalize_choice(n) for n in (sector.id, sector.name, *sector.aliases)}:
            if name in seen:
                clashes.append((name, seen[name], sector.id))
            seen[name] = sector.id
    assert not clashes


def models(sector: Sector) -> list[str | None]:
    """The industry's own business model (None), and those a line of the sector names."""
    lines = [*sector.additions, *sector.skills, *sector.kpis, *sector.regulations]
    lines += [*sector.qualifications.required, *sector.qualifications.preferred]
    named = {m for x in lines if not isinstance(x, str) for m in x.when.business_models or []}
    return [None, *sorted(named)]


def postings(
    sector: Sector, industry: str, model: str | None
) -> dict[tuple[str, str], jdgen.JobDescription]:
    cat = catalog()
    return {
        (role, size): tailor(cat.roles[role], company(size, industry, sector.id, model), cat)
        for role in cat.roles
        for size in SIZES
    }


PAIRS = [(s.id, i) for s in catalog().sectors.values() for i in s.industries]


@pytest.mark.parametrize(("sector_id", "industry"), PAIRS, ids=[f"{s}-{i}" for s, i in PAIRS])
def test_each_sector_changes_postings_and_has_no_dead_lines(sector_id: str, industry: str) -> None:
    cat = catalog()
    sector = cat.sectors[sector_id]
    found = postings(sector, industry, None)
    changed = [
        key
        for key, jd in found.items()
        if render(jd, "md")
        != render(tailor(cat.roles[key[0]], company(key[1], industry), cat), "md")
    ]
    assert changed, f"{sector_id} changes no {industry} posting"
    for model in models(sector)[1:]:
        found |= {(*k, model): jd for k, jd in postings(sector, industry, model).items()}
    reached = {b.id for jd in found.values() for s in jd.sections for b in s.all_bullets()}
    # a skill on the topic of one of the sector's duties gives way to the duty (a point
    # is made once): it is reached where that duty is
    duties = {a.item.topic for a in sector.additions if a.item.id in reached}
    reached |= {s.id for s in sector.skills if s.topic in duties}
    own = {
        *(a.item.id for a in sector.additions if a.when.industries in (None, [industry])),
        *(s.id for s in sector.skills),
        *(f"{sector_id}-kpi-{i}" for i in range(1, len(sector.kpis) + 1)),
    }
    q = sector.qualifications
    own |= {f"{sector_id}-required-{i}" for i in range(1, len(q.required) + 1)}
    own |= {f"{sector_id}-preferred-{i}" for i in range(1, len(q.preferred) + 1)}
    assert not own - reached - KNOWN_DEAD, sorted(own - reached - KNOWN_DEAD)
