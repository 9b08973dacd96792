"""Every section, subsection and bullet of a posting knows its id and where it came from;
the metadata holds the facts the text was made from (issue 9 item 1)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen.catalog import Catalog, load_catalog
from jdgen.cli import cli
from jdgen.models import Company, JobDescription, PostingOptions, Salary
from jdgen.render.docx_template import template_fields
from jdgen.render.html import render_page
from jdgen.tailor import tailor

REPO = Path(__file__).resolve().parent.parent


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def bullets(jd: JobDescription, section_id: str) -> dict[str, tuple[str, str, str]]:
    """Bullet id → (text, source kind, source ref) for one section."""
    section = jd.section(section_id)
    assert section is not None
    return {b.id: (b.text, b.source.kind, b.source.ref) for b in section.all_bullets()}


def test_bullets_carry_catalog_ids_and_sources(catalog: Catalog) -> None:
    role = catalog.find_role("director-of-operations")
    jd = tailor(role, Company(size="small", industry="manufacturing"), catalog)
    duties = bullets(jd, "responsibilities")
    # a library duty: its library id; the size rule's addition: the size
    library = [i for i, (_, kind, ref) in duties.items() if kind == "library"]
    assert library and all(duties[i][2] == i and i in catalog.responsibilities for i in library)
    added = {i: ref for i, (_, kind, ref) in duties.items() if kind in ("size", "industry")}
    assert set(added.values()) <= {"small", "manufacturing"} and added
    skills = bullets(jd, "skills")
    assert {kind for _, kind, _ in skills.values()} <= {"library", "role", "industry"}
    quals = bullets(jd, "qualifications")
    assert quals["experience"][0].startswith(f"{jd.metadata.experience_years}+ years of ")
    assert quals["education"] == (jd.metadata.education, "role", role.id)
    section = jd.section("qualifications")
    assert section is not None and [s.id for s in section.subsections] == [
        "required",
        "preferred",
    ]


@pytest.mark.parametrize("size", ["small", "enterprise"])
def test_bullet_ids_are_unique_within_each_section(catalog: Catalog, size: str) -> None:
    for role in catalog.roles.values():
        for industry in ("logistics", "technology"):
            jd = tailor(role, Company(size=size, industry=industry, benefits=["a", "b"]), catalog)
            for s in jd.sections:
                ids = [b.id for b in s.all_bullets()]
                assert len(ids) == len(set(ids)), (role.id, size, industry, s.id)


def test_user_additions_get_user_ids_and_a_user_source(catalog: Catalog) -> None:
    options = PostingOptions(add_responsibilities=["Open our second plant"], add_skills=["Spanish"])
    jd = tailor(catalog.find_role("vpo"), Company(), catalog, options)
    section = jd.section("responsibilities")
    assert section is not None
    extra = section.subsection("additional")
    assert extra is not None and extra.source is not None and extra.source.kind == "user"
    assert [(b.id, b.text, b.source.ref) for b in extra.bullets] == [
        ("user-1", "Open our second plant.", "add_responsibilities")
    ]
    assert bullets(jd, "skills")["user-2"] == ("Spanish.", "user", "add_skills")


def test_remove_takes_any_bullet_id_and_keeps_catalog_ids(catalog: Catalog) -> None:
    role = catalog.find_role("vpo")
    full = tailor(role, Company(), catalog)
    duty = next(iter(bullets(full, "responsibilities")))
    # a role's own KPI keeps its catalog place as its id (kpi-2: the second in the role's list)
    kpi = next(i for i in bullets(full, "kpis") if re.fullmatch(r"kpi-\d+", i))
    options = PostingOptions(remove=[duty, kpi, "education-preferred"])
    jd = tailor(role, Company(), catalog, options)
    assert duty not in bullets(jd, "responsibilities")
    assert kpi not in bullets(jd, "kpis")
    assert "education-preferred" not in bullets(jd, "qualifications")
    # everything else stays
    assert len(bullets(jd, "kpis")) == len(bullets(full, "kpis")) - 1


def test_metadata_holds_the_structured_facts(catalog: Catalog) -> None:
    company = Company(size="small", salary=Salary(min=90000, max=110000))
    jd = tailor(catalog.find_role("director-of-operations"), company, catalog)
    m = jd.metadata
    assert m.reports_to.title in (jd.section("reporting") or pytest.fail()).paragraphs[0]
    assert m.team and m.team in (jd.section("reporting") or pytest.fail()).paragraphs[0]
    assert m.education_level == "bachelor degree"
    hard = [s.name for s in m.skills if s.kind == "hard"]
    soft = [s.name for s in m.skills if s.kind == "soft"]
    assert hard and soft
    assert m.salary == company.salary
    big = tailor(catalog.find_role("director-of-operations"), Company(size="enterprise"), catalog)
    # at an enterprise the Director of Operations works under the VP of Operations
    assert big.metadata.reports_to.id == "vp-of-operations"


def test_cli_json_shows_ids_and_sources_and_reads_back() -> None:
    code, out, err = run("generate", "vpo", "--format", "json", "--add-skill", "Spanish")
    assert code == 0, err
    jd = JobDescription.model_validate_json(out)
    data = json.loads(out)
    skills = next(s for s in data["sections"] if s["id"] == "skills")
    hard = next(sub for sub in skills["subsections"] if sub["id"] == "hard")
    assert hard["bullets"][-1] == {
        "id": "user-1",
        "text": "Spanish.",
        "source": {"kind": "user", "ref": "add_skills"},
    }
    assert all({"id", "text", "source"} == set(b) for b in hard["bullets"])
    assert data["metadata"]["reports_to"]["title"] == jd.metadata.reports_to.title
    code, out2, _ = run(
        "generate", "vpo", "--format", "json", "--remove", "user-1", "--add-skill", "Spanish"
    )
    assert code == 0 and "Spanish" not in out2


def test_cli_remove_of_an_unknown_id_names_it() -> None:
    code, _, err = run("generate", "vpo", "--remove", "kpi-99")
    assert code != 0
    assert "remove: 'kpi-99' is not a responsibility, skill, group or bullet" in err


def _education_catalog(tmp_path: Path, level: str) -> Catalog:
    """A user catalog whose VP of Operations asks for ``level`` in different words."""
    root = tmp_path / "cat"
    (root / "roles").mkdir(parents=True)
    text = (REPO / "catalog/roles/vp-of-operations.yaml").read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        if line.startswith("  education:"):
            line = "  education: A degree or diploma that suits the work."
        elif line.startswith("  education_level:"):
            line = f"  education_level: {level}"
        lines.append(line)
    (root / "roles/vp-of-operations.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_catalog([root])


def test_json_ld_education_comes_from_the_catalog_level_not_the_wording(tmp_path: Path) -> None:
    catalog = _education_catalog(tmp_path, "high school")
    jd = tailor(catalog.find_role("vpo"), Company(), catalog)
    _, data = render_page(jd)
    assert data["educationRequirements"] == {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "high school",
    }
    assert data["experienceRequirements"]["monthsOfExperience"] == jd.metadata.experience_years * 12  # type: ignore[operator]


def test_required_qualifications_are_found_by_id_not_position(catalog: Catalog) -> None:
    role = catalog.find_role("vpo")
    full = tailor(role, Company(), catalog)
    required = list(bullets(full, "qualifications"))
    quals = full.section("qualifications")
    assert quals is not None
    required_ids = [b.id for b in (quals.subsection("required") or pytest.fail()).bullets]
    preferred = (quals.subsection("preferred") or pytest.fail()).bullet_texts
    # without any required line, the preferred ones are not passed off as required
    jd = tailor(role, Company(), catalog, PostingOptions(remove=required_ids))
    assert [s.id for s in (jd.section("qualifications") or pytest.fail()).subsections] == [
        "preferred"
    ]
    _, data = render_page(jd)
    assert "qualifications" not in data
    fields = template_fields(jd)
    assert fields["qualifications"]["required"] == []
    assert fields["qualifications"]["preferred"] == preferred
    assert required
