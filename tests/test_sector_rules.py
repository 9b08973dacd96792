"""How the company's sector (a kind of business within its industry: an iron foundry
within manufacturing, a grocer within retail) shapes a posting, on the fixture catalog
plus a small overlay built here: the sector's lines are chosen by role function as the
industry's are, replace the industry's (and the role's) line on the same topic, replace
duties by id, leave out what the sector contradicts, and a bad sector names the valid
choices in one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import jdgen
from jdgen import Catalog, Company, JobDescription
from jdgen.company import company_from_text
from jdgen.errors import CatalogError, CompanyFileError, JdgenError

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"

GLASSWORKS: dict[str, Any] = {
    "id": "glassworks",
    "name": "Glassworks",
    "aliases": ["glass", "glass making"],
    "industries": ["widgets"],
    "description": "Melts and blows glass widgets.",
    "vocab": {"offering": "glass widgets", "site": "glassworks"},
    "drops": ["buy-goods", "planning"],
    "regulations": [{"text": "the Furnace Safety Code", "topic": "safety-law"}],
    "kpis": [
        {"text": "Hours from melt to shipment.", "topic": "cycle-time"},
        "Glass lost to breakage.",
    ],
    "skills": [
        {
            "id": "furnace-safety",
            "topic": "safety",
            "name": "Furnace safety",
            "detail": "heat, burns and molten glass",
            "kind": "hard",
        }
    ],
    "additions": [
        {
            "into": ["running"],
            "item": {
                "id": "glass-furnace-safe",
                "topic": "safety",
                "text": "Keep people safe around the furnace and the molten glass.",
            },
        },
        {
            "into": ["running"],
            "replaces": ["run-meetings"],
            "item": {"id": "glass-melt-meeting", "text": "Run the morning melt meeting."},
        },
        {
            "into": ["running"],
            "when": {"functions": ["stock"]},
            "item": {
                "id": "glass-sand-stock",
                "text": "Keep a week of sand and soda ash in stock.",
            },
        },
    ],
    "qualifications": {
        "required": [
            {
                "text": "Experience in a glassworks.",
                "topic": "industry-experience",
                "when": {"functions": ["running"]},
            }
        ],
        "preferred": [
            {
                "text": "Experience in a glassworks.",
                "topic": "industry-experience",
                "when": {"functions": ["stock"]},
            }
        ],
    },
    "sources": [{"title": "Made up for tests"}],
}

#: The fixture's widgets industry with topics on its laws and an experience line.
WIDGETS_EXTRA: dict[str, Any] = {
    "regulations": [{"text": "OSHA rules", "topic": "safety-law"}, "Widget Safety Code"],
    "qualifications": {
        "required": [
            {
                "text": "Experience in a widget plant.",
                "topic": "industry-experience",
                "when": {"functions": ["running", "stock"]},
            }
        ]
    },
}


def overlay(tmp_path: Path, sector: dict[str, Any] | None = None) -> Path:
    extra = tmp_path / "overlay"
    (extra / "sectors").mkdir(parents=True)
    (extra / "industries").mkdir()
    (extra / "roles").mkdir()
    sector = sector or GLASSWORKS
    (extra / "sectors" / f"{sector['id']}.yaml").write_text(yaml.safe_dump(sector))
    widgets = yaml.safe_load((FIXTURE / "industries" / "widgets.yaml").read_text())
    widgets.update(WIDGETS_EXTRA)
    (extra / "industries" / "widgets.yaml").write_text(yaml.safe_dump(widgets))
    manager = yaml.safe_load((FIXTURE / "roles" / "ops-manager.yaml").read_text())
    manager["works_with"] = {"glassworks": ["the furnace crew"], "default": ["finance"]}
    manager["responsibilities"][1]["items"].append(
        {
            "id": "ship-widgets",
            "text": "Ship widgets by parcel.",
            "when": {"not_sectors": ["glassworks"]},
        }
    )
    (extra / "roles" / "ops-manager.yaml").write_text(yaml.safe_dump(manager))
    floor = {
        "place": "the furnace floor",
        "pounds": {"mixed": 20, "floor": 40},
        "conditions": ["Hot."],
    }
    (extra / "work.yaml").write_text(
        yaml.safe_dump({"environment": {"floors": {"glassworks": floor}}})
    )
    return extra


@pytest.fixture
def cat(tmp_path: Path) -> Catalog:
    return jdgen.load_catalog(FIXTURE, overlay(tmp_path), builtin=False)


def post(cat: Catalog, role: str = "ops-manager", **company: Any) -> JobDescription:
    company.setdefault("size", "large")
    company.setdefault("industry", "widgets")
    return jdgen.generate(role, Company(**company), catalog=cat)


def bullets(jd: JobDescription, section_id: str) -> list[str]:
    section = jd.section(section_id)
    return [b.text for b in section.all_bullets()] if section is not None else []


def test_a_sector_duty_replaces_the_industrys_on_its_topic_and_duties_by_id(cat: Catalog) -> None:
    plain = bullets(post(cat), "responsibilities")
    assert "Keep the widget line safe under OSHA rules." in plain
    assert "Run the weekly team meeting." in plain
    glass = post(cat, sector="glassworks")
    duties = bullets(glass, "responsibilities")
    assert "Keep people safe around the furnace and the molten glass." in duties
    assert "Keep the widget line safe under OSHA rules." not in duties  # same topic
    assert "Run the morning melt meeting." in duties
    assert "Run the weekly team meeting." not in duties  # replaced by id
    section = glass.section("responsibilities")
    assert section is not None
    origin = next(b.source for b in section.all_bullets() if "furnace" in b.text)
    assert (origin.kind, origin.ref) == ("sector", "glassworks")


def test_a_sector_leaves_out_what_it_contradicts(cat: Catalog) -> None:
    plain = post(cat)
    assert "Buy the goods the plants need." in bullets(plain, "responsibilities")
    assert "Ship widgets by parcel." in bullets(plain, "responsibilities")
    assert any(s.startswith("Planning") for s in bullets(plain, "skills"))
    glass = post(cat, sector="glassworks")
    assert not any(d.startswith("Buy the goods") for d in bullets(glass, "responsibilities"))
    assert "Ship widgets by parcel." not in bullets(glass, "responsibilities")  # not_sectors
    assert not any(s.startswith("Planning") for s in bullets(glass, "skills"))


def test_sector_lines_follow_the_role_function_like_the_industrys(cat: Catalog) -> None:
    running = bullets(post(cat, sector="glassworks"), "responsibilities")
    stock = bullets(post(cat, "stock-manager", sector="glassworks"), "responsibilities")
    assert "Keep a week of sand and soda ash in stock." in stock
    assert "Keep a week of sand and soda ash in stock." not in running
    # a line naming no function is for the industry's core functions only
    assert "Keep people safe around the furnace and the molten glass." not in stock


def test_sector_kpis_skills_and_laws_win_their_topics(cat: Catalog) -> None:
    plain, glass = post(cat), post(cat, sector="glassworks")
    assert "Cycle time from order to shipment." in bullets(plain, "kpis")
    kpis = bullets(glass, "kpis")
    assert "Hours from melt to shipment." in kpis
    assert not any(k.startswith("Cycle time") for k in kpis)
    assert "Glass lost to breakage." in kpis
    # the skill on the duty's topic gives way to the duty (a skill never repeats a duty),
    # and the industry's skill on that topic is gone with it
    assert not any(s.startswith("Widget safety") for s in bullets(glass, "skills"))
    quals = glass.section("qualifications")
    assert quals is not None
    laws = next(b.text for b in quals.all_bullets() if b.id == "regulations")
    assert "Furnace Safety Code" in laws and "Widget Safety Code" in laws
    assert "OSHA rules" not in laws  # the industry's law on the sector's topic
    assert laws.index("Furnace") < laws.index("Widget")  # the sector's own first


def test_a_sector_qualification_replaces_the_industrys_on_its_topic(cat: Catalog) -> None:
    assert "Experience in a widget plant." in bullets(post(cat), "qualifications")
    running = bullets(post(cat, sector="glassworks"), "qualifications")
    assert "Experience in a glassworks." in running
    assert "Experience in a widget plant." not in running
    stock = post(cat, "stock-manager", sector="glassworks").section("qualifications")
    assert stock is not None
    parts = {sub.id: [b.text for b in sub.bullets] for sub in stock.subsections}
    assert "Experience in a glassworks." in parts["preferred"]
    assert "Experience in a widget plant." not in parts["required"] + parts["preferred"]


def test_the_sector_has_its_own_words_and_team(cat: Catalog) -> None:
    glass = post(cat, sector="glassworks")
    assert "Set the yearly plan for plants." in bullets(glass, "responsibilities")  # not replaced
    assert post(cat, sector="glass").metadata == glass.metadata  # by alias
    reporting = glass.section("reporting")
    assert reporting is not None and "the furnace crew" in reporting.paragraphs[0]
    plain = post(cat).section("reporting")
    assert plain is not None and "finance" in plain.paragraphs[0]


def test_a_bad_sector_names_the_valid_choices_in_one_line(cat: Catalog) -> None:
    with pytest.raises(CompanyFileError) as err:
        company_from_text("industry: widgets\nsector: bakery\n", "company.yaml", cat)
    message = str(err.value)
    assert message == (
        "company.yaml: sector: expected one of glassworks for industry widgets, got 'bakery'"
    )
    with pytest.raises(CompanyFileError) as err:
        company_from_text("industry: software\nsector: glass\n", "company.yaml", cat)
    assert str(err.value) == (
        "company.yaml: sector: 'glass' is a sector of widgets, not software "
        "(expected no sector for industry software)"
    )
    with pytest.raises(JdgenError, match=r"^sector: expected one of glassworks"):
        post(cat, sector="bakery")
    # no sector, or an empty one: the industry's lines alone
    assert post(cat, sector="").metadata == post(cat).metadata


def test_the_catalog_checks_what_a_sector_names(tmp_path: Path) -> None:
    broken = dict(GLASSWORKS, industries=["widgits"], drops=["no-such-duty"])
    broken["additions"] = [dict(GLASSWORKS["additions"][1], replaces=["nothing-here"])]
    with pytest.raises(CatalogError) as err:
        jdgen.load_catalog(FIXTURE, overlay(tmp_path, broken), builtin=False)
    text = str(err.value)
    assert "sectors/glassworks.yaml: industries.0: unknown industry 'widgits'" in text
    assert "sectors/glassworks.yaml: drops.0: no responsibility or skill 'no-such-duty'" in text
    assert "additions.0.replaces.0: no responsibility 'nothing-here' in the catalog" in text


def test_the_sectors_floor_replaces_the_industrys(cat: Catalog) -> None:
    def environment(jd: JobDescription) -> str:
        section = jd.section("work-environment")
        assert section is not None
        return " ".join([*section.paragraphs, *(b.text for b in section.bullets)])

    assert "the widget floor" in environment(post(cat)) and "Loud." in environment(post(cat))
    glass = environment(post(cat, sector="glassworks"))
    assert "the furnace floor" in glass and "Hot." in glass and "Loud." not in glass
