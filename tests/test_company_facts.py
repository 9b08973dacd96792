"""How the company's own facts reach a posting (issue 10 item 7), on the fixture catalog:
its one-line description, its country's way of writing pay, its systems, its union,
its sites."""

from __future__ import annotations

from pathlib import Path

import pytest

import jdgen
from jdgen import Catalog, Company, JobDescription
from jdgen.models import Location, Salary

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"


@pytest.fixture(scope="module")
def tiny() -> Catalog:
    return jdgen.load_catalog(FIXTURE, builtin=False)


def posting(tiny: Catalog, role: str = "ops-manager", **company: object) -> JobDescription:
    company.setdefault("size", "small")
    company.setdefault("industry", "widgets")
    return jdgen.generate(role, Company(**company), catalog=tiny)  # type: ignore[arg-type]


def paragraphs(jd: JobDescription, section: str) -> list[str]:
    found = jd.section(section)
    return list(found.paragraphs) if found else []


@pytest.mark.parametrize(
    ("description", "about"),
    [
        ("makes valves for water utilities", "Acme makes valves for water utilities."),
        ("Makes valves.", "Acme makes valves."),
        (
            "an online grocer delivering food boxes",
            "Acme is an online grocer delivering food boxes.",
        ),
        ("the oldest foundry in Ohio", "Acme is the oldest foundry in Ohio."),
        ("family-owned foundry", "Acme is a family-owned foundry."),
        ("Ohio's oldest foundry", "Acme is Ohio's oldest foundry."),
        ("glass maker in Jena", "Acme is a glass maker in Jena."),
        ("We make valves for water utilities", "We make valves for water utilities."),
        ("Acme has made valves since 1920", "Acme has made valves since 1920."),
    ],
)
def test_the_description_is_the_about_us_sentence(
    tiny: Catalog, description: str, about: str
) -> None:
    jd = posting(tiny, name="Acme", description=description)
    assert paragraphs(jd, "about-company") == [about]
    about_us = jd.section("about-company")
    assert about_us is not None and about_us.source.ref == "description"
    # the company comes first, then the role, and the role's paragraph does not repeat it
    assert [s.id for s in jd.sections][:2] == ["about-company", "about-role"]
    assert "Acme is" not in " ".join(paragraphs(jd, "about-role"))


def test_the_company_s_own_about_wins_over_its_description(tiny: Catalog) -> None:
    jd = posting(tiny, name="Acme", about="Acme is 60 people.", description="makes valves")
    assert paragraphs(jd, "about-company") == ["Acme is 60 people."]
    assert "makes valves" not in jd.model_dump_json()


def test_no_description_no_about_us(tiny: Catalog) -> None:
    assert posting(tiny, name="Acme").section("about-company") is None


def pay_line(jd: JobDescription) -> str:
    return paragraphs(jd, "compensation")[0]


def test_a_country_writes_pay_its_own_way_in_english_figures(tiny: Catalog) -> None:
    salary = Salary(min=85000, max=110000, currency="EUR")
    berlin = posting(tiny, locations=[Location(city="Berlin", country="DE")], salary=salary)
    assert pay_line(berlin) == "Pay is €85,000 to €110,000 gross a year."
    # a country without its own wording keeps posting.yaml's
    denver = posting(tiny, locations=[Location(city="Denver", country="US")], salary=salary)
    assert pay_line(denver) == "Pay is €85,000 to €110,000 a year."
    # the company's locale still decides the figures
    german = posting(
        tiny, locations=[Location(city="Berlin", country="DE")], salary=salary, locale="de_DE"
    )
    assert pay_line(german) == "Pay is 85.000\xa0€ to 110.000\xa0€ gross a year."


def test_the_working_languages_are_a_required_qualification(tiny: Catalog) -> None:
    jd = posting(tiny, languages=["German", "English"])
    required = jd.section("qualifications").subsection("required")  # type: ignore[union-attr]
    assert required is not None
    line = next(b for b in required.bullets if b.id == "languages")
    assert (line.text, line.source.kind) == (
        "Fluent German and English, spoken and written.",
        "company",
    )
    # nothing is said about languages the company did not name
    assert "Fluent" not in posting(tiny).model_dump_json()


# --- a unionised workforce: one duty, in the country's own terms ---------------------


def duties(jd: JobDescription) -> list[str]:
    found = jd.section("responsibilities")
    return [b.text for b in found.all_bullets()] if found else []


@pytest.mark.parametrize(
    ("country", "line"),
    [
        ("US", "Keep to the union contract and meet the stewards."),
        ("DE", "Agree the shift plans with the works council (Betriebsrat)."),
        ("FR", "Keep to the collective agreement."),  # no entry of its own: the fallback's
    ],
)
def test_a_unionised_workforce_gives_one_duty_in_the_country_s_terms(
    tiny: Catalog, country: str, line: str
) -> None:
    where = [Location(city="Town", country=country)]
    jd = posting(tiny, unionised=True, locations=where)
    assert line in duties(jd)
    labour = [d for d in duties(jd) if "union" in d or "works council" in d or "collective" in d]
    assert labour == [line]
    assert not [d for d in duties(posting(tiny, locations=where)) if d == line]


def test_labour_policy_for_a_director_and_none_for_a_role_that_lists_neither(
    tiny: Catalog,
) -> None:
    director = duties(posting(tiny, "ops-director", unionised=True))
    assert "Set how we bargain with the union." in director
    assert "Keep to the union contract and meet the stewards." not in director
    stock = duties(posting(tiny, "stock-manager", unionised=True))
    assert not [d for d in stock if "union" in d]


# --- the small company's "hands-on" point, said once ---------------------------------


def required(jd: JobDescription) -> list[str]:
    found = jd.section("qualifications")
    part = found.subsection("required") if found else None
    return [b.text for b in part.bullets] if part else []


def test_a_hands_on_scope_sentence_leaves_out_the_duty_and_qualification_on_it(
    tiny: Catalog,
) -> None:
    director = posting(tiny, "ops-director")
    assert "At a small company you do the work yourself." in paragraphs(director, "about-role")[0]
    assert "Step in on the line when a crew is short." not in duties(director)
    assert "Happy to work hands-on." not in required(director)
    # a scope sentence on another topic: the duty says it, and the qualification does not
    manager = posting(tiny, "ops-manager")
    assert "you do the work yourself" not in paragraphs(manager, "about-role")[0]
    assert "Step in on the line when a crew is short." in duties(manager)
    assert "Happy to work hands-on." not in required(manager)
    assert "Comfort working without a large support team." in required(manager)


# --- the company's systems, named by the role's function ------------------------------


def preferred(jd: JobDescription) -> list[str]:
    found = jd.section("qualifications")
    part = found.subsection("preferred") if found else None
    return [b.text for b in part.bullets] if part else []


def test_a_product_is_of_the_kind_of_the_known_name_it_starts_with(tiny: Catalog) -> None:
    table = tiny.systems
    assert table.kind_of("Epicor") == table.kind_of("epicor  Kinetic") == "erp"
    assert table.kind_of("Epicorp") is None and table.kind_of("Sales") is None


def test_the_systems_of_the_role_s_function_are_named_in_its_duty_and_preferred(
    tiny: Catalog,
) -> None:
    mine = ["Salesforce", "ShipHero", "Epicor"]
    stock = posting(tiny, "stock-manager", systems=mine)  # function stock: [wms, erp]
    assert "Keep ShipHero and Epicor up to date." in duties(stock)
    assert not [p for p in preferred(stock) if "which we use" in p]  # the duty names them
    # without them, the function's first two kinds in the generic words
    assert "Keep stock system and ERP up to date." in duties(posting(tiny, "stock-manager"))
    crm_only = posting(tiny, "stock-manager", systems=["Salesforce"])
    assert "Keep stock system and ERP up to date." in duties(crm_only)
    assert not [p for p in preferred(crm_only) if "Salesforce" in p]
    # a role whose duties name no system: a preferred qualification, for its function only
    manager = posting(tiny, "ops-manager", systems=mine)  # function running: [erp, crm]
    assert "Experience with Salesforce and Epicor, which we use." in preferred(manager)
    assert not [p for p in preferred(posting(tiny, "ops-director", systems=mine)) if "use." in p]


def test_by_function_names_only_kinds_the_table_has(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from jdgen.cli import cli

    (tmp_path / "systems.yaml").write_text(
        "generic: {}\nknown: {}\nby_function: {revenue: [crmm]}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["catalog", "validate", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path}/systems.yaml: by_function.revenue: unknown kind 'crmm'" in result.stderr
    assert "Traceback" not in result.stderr


# --- the team in the company's own words (--team, posting.team, a batch column) -----


def reporting(jd: JobDescription) -> str:
    return paragraphs(jd, "reporting")[0]


def test_the_posting_s_team_replaces_the_computed_one(tiny: Catalog) -> None:
    from jdgen.models import PostingOptions

    options = PostingOptions(team="You will lead two planners and a buyer.")
    company = Company(size="small", industry="widgets")
    jd = jdgen.generate("ops-manager", company, options=options, catalog=tiny)
    assert "Leads two planners and a buyer." in reporting(jd)
    assert "a team of four" not in reporting(jd)
    assert jd.metadata.team == "two planners and a buyer"


def test_team_on_the_command_line_and_its_bad_values(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from jdgen.cli import cli

    run = CliRunner().invoke
    args = ["generate", "operations-manager", "--size", "40", "--industry", "retail"]
    good = run(cli, [*args, "--team", "three shift leads and 20 store associates"])
    assert good.exit_code == 0, good.stderr
    assert "You will lead three shift leads and 20 store associates." in good.stdout
    for bad in ("", "  .", "x" * 151, "two planners\nand a buyer"):
        result = run(cli, [*args, "--team", bad])
        assert result.exit_code != 0
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: --team: expected whom the role")
    company = tmp_path / "c.yaml"
    company.write_text("posting:\n  team: ''\n", encoding="utf-8")
    result = run(cli, ["generate", "operations-manager", "--company", str(company)])
    assert result.exit_code != 0 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"error: {company}: posting.team: expected whom the role leads in one phrase of up to "
        '150 characters, as "You will lead …" ends (e.g. "a team of six planners and two '
        "buyers\"), got ''"
    )


def test_team_is_a_batch_column(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from jdgen.cli import cli

    rows = tmp_path / "rows.csv"
    rows.write_text(
        "role,size,industry,team\noperations-manager,40,retail,two shift leads\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(rows), "-o", str(out), "--format", "md"])
    assert result.exit_code == 0, result.stderr
    written = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert "You will lead two shift leads." in written


# --- where this role leads: the steps this company has -------------------------------


def career(jd: JobDescription) -> str | None:
    found = jd.section("career")
    return found.paragraphs[0] if found else None


def test_career_steps_are_the_roles_a_company_of_this_size_has(tiny: Catalog) -> None:
    large = career(posting(tiny, "stock-manager", size=500))
    assert large == "Next comes Ops Director."  # one step, the first (review r5a pattern 11)
    # below the Ops Analyst Lead's min_headcount (100), and no senior tier (career_absent)
    assert career(posting(tiny, "stock-manager", size=50)) == "Next comes Ops Director."


def test_no_career_section_when_no_step_is_left(tiny: Catalog) -> None:
    import copy

    role = tiny.roles["stock-manager"]
    steps = role.career.model_copy(update={"to_roles": ["ops-analyst", "Senior Stock Manager"]})
    catalog = copy.copy(tiny)
    catalog.roles = {**tiny.roles, "stock-manager": role.model_copy(update={"career": steps})}
    assert career(posting(catalog, "stock-manager", size=50)) is None
    assert career(posting(catalog, "stock-manager", size=500)) is not None
