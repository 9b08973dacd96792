"""Whom a role leads, as one figure (issue 10, item 1): ``{{ team(LOW, HIGH) }}`` in a
team line gives one figure for the headcount, never a range or a hedge and never more
than a share of the company; a band's "" for a level means no "Leads …" line; a figure
jdgen worked out is named in the readiness notes, the company's own team is not.  On
a copy of the fixture catalog (small: 1–99 people, large: from 100)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

import jdgen
from jdgen import Company
from jdgen.models import PostingOptions
from jdgen.readiness import still_missing

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"  # posting.yaml: "Leads …."

TEAM = {
    "small": "a team of {{ team(5, 15) }}",
    "large": "{{ team(2, 5, 'analyst', 'analysts') }} and a clerk",
}


def build(tmp_path: Path, team: dict[str, str], band_team: dict[str, str] | None = None) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURE, root)
    path = root / "roles" / "ops-manager.yaml"
    data = yaml.safe_load(path.read_text())
    data["direct_reports"] = team
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    path = root / "work.yaml"
    data = yaml.safe_load(path.read_text())
    data["readiness"]["team_estimate"] = "team: {{ team }}?"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    if band_team is not None:
        path = root / "sizes.yaml"
        data = yaml.safe_load(path.read_text())
        data[0]["direct_reports"] = band_team
        path.write_text(yaml.safe_dump(data, sort_keys=False))
    return root


def posting(root: Path, size: int, team: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The posting's "Team" paragraph, and its readiness advice."""
    catalog = jdgen.load_catalog(root, builtin=False)
    options = PostingOptions(team=team)
    jd = jdgen.generate(
        "ops-manager", Company(size=size, industry="widgets"), catalog=catalog, options=options
    )
    section = jd.section("reporting")
    assert section is not None
    return " ".join(section.paragraphs), still_missing(jd, catalog, size).advice


def leads(root: Path, size: int) -> str:
    text = posting(root, size)[0]
    return text[text.index("Leads ") : text.index(" Works with")] if "Leads " in text else ""


def test_a_team_is_one_figure_that_grows_with_the_headcount(tmp_path: Path) -> None:
    root = build(tmp_path, TEAM)
    assert leads(root, 8) == "Leads a team of three."  # 40% of eight people
    assert leads(root, 40) == "Leads a team of 12."
    assert leads(root, 99) == "Leads a team of 15."
    assert leads(root, 100) == "Leads two analysts and a clerk."
    assert leads(root, 300) == "Leads three analysts and a clerk."
    # a band without a largest headcount tops out at ten times its smallest
    assert leads(root, 1000) == leads(root, 20000) == "Leads five analysts and a clerk."


def test_a_band_without_a_team_line_leaves_it_out(tmp_path: Path) -> None:
    root = build(tmp_path, {"default": "a team of {{ team(5, 15) }}"}, {"manager": ""})
    assert leads(root, 8) == ""
    assert posting(root, 8)[0] == "Boss is the Owner. Works with finance."
    assert leads(root, 400) == "Leads a team of ten."
    # the role's own line for the band wins over the band's ""
    own = {"small": "the {{ team(2, 4) }} people on the floor", "large": "the buyers"}
    root = build(tmp_path / "own", own, {"manager": ""})
    assert leads(root, 8) == "Leads the three people on the floor."


def test_an_estimated_figure_is_named_in_the_readiness_notes(tmp_path: Path) -> None:
    root = build(tmp_path, TEAM)
    assert "team: a team of 12?" in posting(root, 40)[1]
    text, advice = posting(root, 40, team="six planners and a buyer")
    assert "Leads six planners and a buyer." in text
    assert not [a for a in advice if a.startswith("team:")]
    root = build(tmp_path / "words", {"default": "the buyers"})
    assert not [a for a in posting(root, 40)[1] if a.startswith("team:")]


#: What review round 6 cut from team lines: ranges, hedges and sizes without a figure
#: ("several" of places is a fact of the company, of people a hedge).
HEDGES = re.compile(
    r"\babout \d|\d+ to \d+|\bone or two\b|\btwo or three\b|\bsmall team\b|\blarge team\b"
    r"|\bfew\b|\bhandful\b|starts small|room to grow|\bor more\b| or "
    r"|\bseveral (?!business units|product lines|locations|sites|countries|regions)",
    re.IGNORECASE,
)


@pytest.mark.parametrize("industry", ["manufacturing", "technology", "logistics", "healthcare"])
def test_no_shipped_team_line_holds_a_range_or_a_hedge(industry: str) -> None:
    catalog = jdgen.load_catalog()
    for role in catalog.roles:
        for people in (5, 12, 25, 40, 80, 120, 400, 1500, 8000, 50000):
            jd = jdgen.generate(role, Company(size=people, industry=industry), catalog=catalog)
            team = jd.metadata.team or ""
            assert not HEDGES.search(team), (role, people, team)
            found = [int(n) for n in re.findall(r"\b\d+\b", team)]
            assert all(n <= max(2, people * 0.4) for n in found), (role, people, team)


def test_the_people_led_through_leads_are_the_leads_times_their_own_team(tmp_path: Path) -> None:
    # issue 10: a manager of four supervisors leads, through them, four times a supervisor's
    # team, not a figure of its own
    root = build(
        tmp_path,
        {
            "default": "{{ team(3, 5) }} leads and, through them, "
            "{{ team.times(3, 5, 25, 50) }} people"
        },
    )
    assert leads(root, 300) == "Leads four leads and, through them, 120 people."
    assert leads(root, 1500) == "Leads five leads and, through them, 250 people."


def test_kestrel_fulfillment_manager_leads_its_supervisors_shifts() -> None:
    catalog = jdgen.load_catalog()
    kestrel = Company(size=1500, industry="logistics")
    manager = jdgen.generate("fulfillment-manager", kestrel, catalog=catalog).metadata.team
    supervisor = jdgen.generate("warehouse-supervisor", kestrel, catalog=catalog).metadata.team
    assert (
        manager
        == "four shift supervisors and, through them, 120 associates at one fulfillment site"
    )
    assert supervisor is not None
    assert supervisor.startswith("a shift of 30 associates")
