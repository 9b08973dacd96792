"""How the company's business model shapes a posting (issue 10 items 3 and 6), on the
fixture catalog plus a small overlay built in each test: what the company owns
(`when: {owns: [...]}`), wording by business model, the model's own words and context
sentence, and reporting lines that go to the role holding a seat the company lacks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import jdgen
from jdgen import Catalog, Company, JobDescription
from jdgen.errors import CatalogError
from jdgen.resources import data_dir

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"

MODELS = [
    {
        "id": "broker",
        "name": "Broker",
        "description": "Books loads on other firms' trucks.",
        "owns": [],
        "vocab": {"customers": "shippers"},
        "context_by_function": {"running": "Here operations means booking trucks."},
        "seat_holders": {"ops-director": "Managing Partner"},
    },
    {
        "id": "warehouse-for-hire",
        "name": "Warehouse for hire",
        "description": "Keeps other firms' goods.",
        "owns": ["warehouses"],
    },
]

FREIGHT = {
    "id": "freight",
    "name": "Freight",
    "business_model": "goods-to-business",
    "physical_goods": True,
    "owns": ["fleet", "stock"],
    "vocab": {
        "customers": "buyers",
        "offering": "freight",
        "site": "depot",
        "sites": "depots",
        "frontline": "drivers",
        "business": "freight firm",
    },
    "context": "Here operations means running trucks.",
    "core_functions": ["running"],
    "seat_holders": {"ops-director": "Head of Freight"},
}

DESK = {
    "id": "desk-manager",
    "title": "Desk Manager",
    "level": "manager",
    "domain": "operations",
    "summary": "As {{ a_title }} you keep our {{ vocab.customers }} happy.",
    "summary_by_business_model": {"warehouse-for-hire": "As {{ a_title }} you mind the goods."},
    "summary_by_industry": {"software": "As {{ a_title }} you keep the apps up."},
    "reports_to": {"default": "ops-director"},
    "direct_reports": {"default": "a team of four"},
    "works_with": ["finance"],
    "responsibilities": [
        {"id": "planning", "heading": "Planning", "items": ["set-plan", "run-meetings"]},
        {
            "id": "running",
            "heading": "Running the work",
            "items": [
                {"id": "count-our-stock", "text": "Count our stock.", "when": {"owns": ["stock"]}},
                {
                    "id": "load-trucks",
                    "text": "Load our own trucks.",
                    "by_industry": {"freight": "Load our freight trucks."},
                    "by_business_model": {"broker": "Tender each load to a carrier."},
                },
                {"id": "desk-own-duty", "text": "Keep the desk handbook up to date."},
            ],
        },
    ],
    "skills": ["planning", "listening"],
    "qualifications": {
        "experience": "experience in operations",
        "education": "Bachelor's degree.",
        "education_level": "bachelor degree",
    },
    "kpis": ["Plans met on time."],
    "sources": [{"title": "Made up for tests"}],
}


def overlay(tmp_path: Path, *, models: object = MODELS, desk: object = DESK) -> Path:
    """The fixture's additions for these tests: two business models, a freight industry,
    a small band whose every role reports to the founder, and a desk manager."""
    extra = tmp_path / "overlay"
    (extra / "industries").mkdir(parents=True)
    (extra / "roles").mkdir()
    (extra / "business-models.yaml").write_text(yaml.safe_dump(models))
    (extra / "industries" / "freight.yaml").write_text(yaml.safe_dump(FREIGHT))
    (extra / "roles" / "desk-manager.yaml").write_text(yaml.safe_dump(desk))
    sizes = yaml.safe_load((FIXTURE / "sizes.yaml").read_text())
    next(s for s in sizes if s["id"] == "small")["reports_to"] = "Founder"
    (extra / "sizes.yaml").write_text(yaml.safe_dump(sizes))
    return extra


@pytest.fixture
def cat(tmp_path: Path) -> Catalog:
    return jdgen.load_catalog(FIXTURE, overlay(tmp_path), builtin=False)


def post(cat: Catalog, role: str = "desk-manager", **company: object) -> JobDescription:
    company.setdefault("size", "large")
    company.setdefault("industry", "freight")
    return jdgen.generate(role, Company(**company), catalog=cat)  # type: ignore[arg-type]


def duties(jd: JobDescription) -> list[str]:
    section = jd.section("responsibilities")
    assert section is not None
    return [b.text for sub in section.subsections for b in sub.bullets]


def about(jd: JobDescription) -> str:
    section = jd.section("about-role")
    assert section is not None
    return " ".join(section.paragraphs)


def test_a_line_about_what_the_company_owns_follows_its_business_model(cat: Catalog) -> None:
    assert "Count our stock." in duties(post(cat))  # the industry owns stock
    assert "Count our stock." not in duties(post(cat, business_model="broker"))  # owns nothing
    assert "Count our stock." not in duties(post(cat, business_model="warehouse-for-hire"))
    # an industry that does not say what it owns owns nothing
    assert "Count our stock." not in duties(post(cat, industry="widgets"))


def test_wording_by_business_model_wins_over_the_industrys(cat: Catalog) -> None:
    assert "Load our freight trucks." in duties(post(cat))
    broker = duties(post(cat, business_model="broker"))
    assert "Tender each load to a carrier." in broker
    assert not any("trucks" in d for d in broker)
    assert "Load our own trucks." in duties(post(cat, industry="widgets"))


def test_the_business_model_has_its_own_words_and_context_sentence(cat: Catalog) -> None:
    plain, broker = post(cat), post(cat, business_model="broker")
    assert "keep our buyers happy" in about(plain) and "running trucks" in about(plain)
    assert "keep our shippers happy" in about(broker)
    assert "Here operations means booking trucks." in about(broker)
    assert "running trucks" not in about(broker)
    # words the model does not replace stay the industry's
    assert "depots" in " ".join(duties(broker))


def test_the_summary_follows_the_business_model_then_the_industry(cat: Catalog) -> None:
    hire = post(cat, business_model="warehouse-for-hire")
    assert about(hire).startswith("As a Desk Manager you mind the goods.")
    assert about(post(cat, industry="software")).startswith("As a Desk Manager you keep the apps")
    software_hire = post(cat, industry="software", business_model="warehouse-for-hire")
    assert about(software_hire).startswith("As a Desk Manager you mind the goods.")
    assert about(post(cat)).startswith("As a Desk Manager you keep our buyers happy.")


def test_the_first_summary_whose_conditions_hold_wins(tmp_path: Path) -> None:
    """A role's ``summaries`` say what the job is for where it differs (issue 10 item 3):
    the first whose ``when`` holds wins over the summaries by business model and industry,
    and a company none of them fits keeps those."""
    desk = {
        **DESK,
        "summaries": [
            {
                "when": {"business_models": ["broker"], "sizes": ["small"]},
                "text": "As {{ a_title }} you book the first loads yourself.",
            },
            {"when": {"business_models": ["broker"]}, "text": "As {{ a_title }} you run the desk."},
            {
                "when": {"industries": ["widgets"], "multi_site": True},
                "text": "As {{ a_title }} you keep every {{ vocab.site }} in step.",
            },
        ],
    }
    cat = jdgen.load_catalog(FIXTURE, overlay(tmp_path, desk=desk), builtin=False)
    assert about(post(cat, business_model="broker")).startswith(
        "As a Desk Manager you run the desk."
    )
    small = post(cat, business_model="broker", size="small")
    assert about(small).startswith("As a Desk Manager you book the first loads yourself.")
    widgets = cat.industries["widgets"].vocab.site
    several = about(post(cat, industry="widgets", sites=3))
    assert several.startswith(f"As a Desk Manager you keep every {widgets} in step.")
    # one site: no line about several; the industry's or the plain summary instead
    assert "in step" not in about(post(cat, industry="widgets", sites=1))
    hire = post(cat, business_model="warehouse-for-hire")
    assert about(hire).startswith("As a Desk Manager you mind the goods.")
    assert about(post(cat, industry="software")).startswith("As a Desk Manager you keep the apps")


def test_a_seat_the_company_lacks_goes_to_the_role_that_holds_it(cat: Catalog) -> None:
    # the role reports to the Ops Director; the freight industry has none ...
    assert post(cat).metadata.reports_to.title == "Head of Freight"
    # ... the business model's seat holders win over the industry's ...
    assert post(cat, business_model="broker").metadata.reports_to.title == "Managing Partner"
    # ... and an industry without seat holders keeps the catalog role
    widgets = post(cat, industry="widgets").metadata.reports_to
    assert (widgets.id, widgets.title) == ("ops-director", "Ops Director")
    reporting = post(cat).section("reporting")
    assert reporting is not None and "Boss is the Head of Freight." in reporting.paragraphs[0]


def test_at_a_size_with_its_own_boss_every_role_reports_to_it(cat: Catalog) -> None:
    assert post(cat, size="small").metadata.reports_to.title == "Founder"
    assert post(cat, "ops-director", size="small").metadata.reports_to.title == "Founder"
    # a role that names the band itself keeps its own line
    assert post(cat, "ops-manager", size="small").metadata.reports_to.title == "Owner"
    assert post(cat, "ops-director", size="large").metadata.reports_to.title == "Owner"


def test_compare_shows_the_same_reporting_lines_as_the_postings(tmp_path: Path) -> None:
    extra = overlay(tmp_path)
    shutil.copy(data_dir("catalog") / "compare.yaml", extra / "compare.yaml")  # its wording
    cat = jdgen.load_catalog(FIXTURE, extra, builtin=False)
    company = Company(size="large", industry="freight", business_model="broker")
    c = jdgen.compare_roles("desk-manager", "ops-manager", company, catalog=cat)
    assert c.a.reports_to == post(cat, business_model="broker").metadata.reports_to.title
    assert c.a.reports_to == "Managing Partner"
    assert (
        c.b.reports_to
        == post(cat, "ops-manager", business_model="broker").metadata.reports_to.title
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"models": [{**MODELS[0], "seat_holders": {"ops-director": "no-such-role"}}]},
            "seat_holders.ops-director: no role 'no-such-role' in the catalog",
        ),
        (
            {"models": [{**MODELS[0], "context_by_function": {"dancing": "x"}}]},
            "context_by_function.dancing: unknown function",
        ),
        ({"models": [{**MODELS[0], "owns": ["spaceships"]}]}, "owns.0"),
        (
            {"desk": {**DESK, "responsibilities": [
                {"id": "g", "heading": "G", "items": [
                    {"id": "x", "text": "X.", "by_business_model": {"barter": "Y."}}
                ]}
            ]}},
            "by_business_model: unknown business model 'barter'",
        ),
        (
            {"desk": {**DESK, "summary_by_business_model": {"barter": "Y."}}},
            "summary_by_business_model: unknown business model 'barter'",
        ),
        (
            {"desk": {**DESK, "summaries": [{"text": "Y.", "when": {"business_models": ["barter"]}}]}},
            "summaries.0.when.business_models.0: unknown business_model 'barter'",
        ),
    ],
)  # fmt: skip
def test_a_bad_business_model_entry_is_one_clear_problem(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    extra = overlay(tmp_path, **change)  # type: ignore[arg-type]
    with pytest.raises(CatalogError) as err:
        jdgen.load_catalog(FIXTURE, extra, builtin=False)
    assert message in str(err.value)
