"""The internal job description (``--kind description``): its sections in order for every
role, essential and marginal functions, the job details and signature block, every
output format, the CLI and batch."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from jdgen.catalog import builtin_catalog, load_catalog
from jdgen.cli import cli
from jdgen.description import ORDER, describe
from jdgen.errors import CatalogError, JdgenError
from jdgen.models import Company, JobDescription, PostingOptions
from jdgen.render import render

CATALOG = builtin_catalog()
DENVER = {"city": "Denver", "region": "CO", "country": "US"}
HEADINGS = [
    "Job details",
    "Job summary",
    "Supervisory responsibility",
    "Essential functions",
    "Marginal functions",
    "Qualifications",
    "Knowledge, skills and abilities",
    "Work environment and physical demands",
    "Travel",
    "Other duties",
    "Acknowledgement",
]
MARKETING = ("about-company", "compensation", "apply", "equal-opportunity", "kpis", "career")


def description(role: str = "fulfillment-manager", **company: Any) -> JobDescription:
    options = PostingOptions.model_validate(company.pop("posting", {}))
    return describe(CATALOG.find_role(role), Company.model_validate(company), CATALOG, options)


def facts(jd: JobDescription, section_id: str) -> dict[str, str]:
    section = jd.section(section_id)
    assert section is not None
    return {f.label: f.value for f in section.facts}


@pytest.mark.parametrize("role_id", sorted(CATALOG.roles))
def test_every_role_has_the_sections_in_order(role_id: str) -> None:
    for size in CATALOG.sizes:
        for industry in ("manufacturing", "technology"):
            jd = description(role_id, size=size, industry=industry, locations=[DENVER])
            assert jd.kind == "description"
            assert [s.id for s in jd.sections] == list(ORDER), (size, industry)
            assert [s.heading for s in jd.sections] == HEADINGS
            assert not any(jd.section(i) for i in MARKETING)
            marginal = jd.section("marginal-functions")
            assert marginal is not None and marginal.bullets[-1].text == "Other duties as assigned."
            assert facts(jd, "job-details")["FLSA status"] in ("Exempt", "Non-exempt")


def test_job_details_come_from_the_company_and_the_role() -> None:
    jd = description(
        size=60,
        industry="logistics",
        locations=[DENVER],
        posting={"job_code": "OPS-210", "grade": "M3", "department": "Distribution"},
    )
    assert (
        facts(jd, "job-details")
        == {
            "Job title": "Fulfillment Manager",
            "Job code": "OPS-210",
            "Grade": "M3",
            "Department": "Distribution",
            "Reports to": "Director of Operations",
            "Supervises": "The eight people who pick, pack and ship our orders",  # a capital, standing alone
            "FLSA status": "Exempt",
            "Employment type": "Full time",
            "Location": "Denver, CO, US",
            "Work setting": "Warehouse floor",
        }
    )
    plain = facts(description(industry="technology"), "job-details")
    assert "Job code" not in plain and "FLSA status" not in plain and "Location" not in plain
    assert plain["Department"] == CATALOG.domains["logistics"].name
    assert plain["Work setting"] == "Office"


def test_duties_are_split_into_essential_and_marginal() -> None:
    jd = description("director-of-operations", industry="technology")
    essential = jd.section("essential-functions")
    marginal = jd.section("marginal-functions")
    assert essential is not None and marginal is not None
    essential_ids = {b.id for b in essential.all_bullets()}
    marginal_ids = [b.id for b in marginal.bullets]
    assert "vendor-contract-review" in marginal_ids  # marked marginal in work.yaml
    assert "vendor-management" in essential_ids
    assert not essential_ids & set(marginal_ids)
    assert essential.paragraphs == [
        "The essential functions of this job, with or without reasonable accommodation, are these."
    ]
    # every duty of the posting is in one of the two lists
    from jdgen.tailor import tailor

    # the description holds every duty that applies: the long posting's
    posting = tailor(
        CATALOG.find_role("director-of-operations"),
        Company(industry="technology"),
        options=PostingOptions(length="long"),
    )
    duties = {b.id for b in posting.section("responsibilities").all_bullets()}  # type: ignore[union-attr]
    assert duties == essential_ids | (set(marginal_ids) - {"other-duties"})


def test_the_full_work_environment_travel_and_signatures() -> None:
    jd = description(industry="logistics", size="enterprise")
    env = jd.section("work-environment")
    assert env is not None
    demands = env.subsection("physical-demands")
    conditions = env.subsection("work-conditions")
    assert demands is not None and conditions is not None
    assert "Using a computer, tablet or handheld scanner for part of the shift." in (
        demands.bullet_texts
    )  # a description-only line
    assert len(conditions.bullets) == 4  # all of them, not the posting's two
    assert env.paragraphs[-1].startswith("We will make reasonable accommodations")
    assert jd.section("travel").paragraphs == ["Travel up to 10% of the time, mostly to our "  # type: ignore[union-attr]
                                               "distribution centers and terminals, carriers "
                                               "and outside warehouses."]  # fmt: skip
    small = description(size="small", industry="logistics")
    assert small.section("travel").paragraphs == ["This role needs little or no travel."]  # type: ignore[union-attr]
    signatures = jd.section("acknowledgement")
    assert signatures is not None
    assert [f.label for f in signatures.facts] == [
        "Employee name",
        "Employee signature",
        "Date",
        "Manager name",
        "Manager signature",
        "Date",
    ]
    assert all(f.value == "" for f in signatures.facts)


def test_supervision_says_who_reports_to_whom() -> None:
    jd = description("director-of-operations", size="small", industry="manufacturing")
    line = jd.section("supervision").paragraphs[0]  # type: ignore[union-attr]
    # no COO below 250 people: the director reports to the CEO
    assert line.startswith(
        "The Director of Operations reports to the Chief Executive Officer and supervises "
        "the managers and supervisors who run each area, 20 people in all, "
    )


@pytest.mark.parametrize("fmt", ["md", "txt", "html", "json"])
def test_every_text_format_holds_the_description(fmt: str) -> None:
    jd = description(locations=[DENVER], posting={"job_code": "OPS-210"}, industry="logistics")
    text = render(jd, fmt).decode()
    marker = {
        "md": "## {}\n",
        "txt": "\n{}\n",
        "html": "<h2>{}</h2>",
        "json": '"heading": "{}"',
    }[fmt]
    wanted = [marker.format(h.upper() if fmt == "txt" else h) for h in HEADINGS]
    positions = [text.find(w) for w in wanted]
    assert -1 not in positions, (fmt, positions)
    assert positions == sorted(positions), fmt
    assert "OPS-210" in text and "Other duties as assigned." in text
    if fmt == "md":
        assert "**Job code:** OPS-210\\\n" in text
        assert "Employee signature: ________________________________\\\n" in text
    if fmt == "txt":
        assert "Job code: OPS-210\n" in text and "Date: ______" in text
    if fmt == "html":
        assert "application/ld+json" not in text and "Apply now" not in text
        assert '<tr><th scope="row">Job code</th><td>OPS-210</td></tr>' in text
    if fmt == "json":
        data = json.loads(text)
        assert data["kind"] == "description"
        assert JobDescription.model_validate_json(text) == jd


def test_json_ld_is_for_postings_only() -> None:
    with pytest.raises(JdgenError, match="for postings only"):
        render(description(), "jsonld")


def test_docx_reads_like_a_form(tmp_path: Path) -> None:
    from docx import Document

    jd = description(locations=[DENVER], posting={"job_code": "OPS-210", "grade": "M3"})
    path = tmp_path / "jd.docx"
    path.write_bytes(render(jd, "docx"))
    doc = Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == HEADINGS
    details, signatures = doc.tables
    rows = [[c.text for c in row.cells] for row in details.rows]
    assert rows[:3] == [["Job title", "Fulfillment Manager"], ["Job code", "OPS-210"],
                        ["Grade", "M3"]]  # fmt: skip
    assert all(run.bold for row in details.rows for run in row.cells[0].paragraphs[0].runs)
    assert [row.cells[0].text for row in signatures.rows][:3] == [
        "Employee name",
        "Employee signature",
        "Date",
    ]
    assert all(row.cells[1].text == "" for row in signatures.rows)
    xml = signatures._tbl.xml
    assert "w:bottom" in xml and "w:tblBorders" not in xml  # lines to sign on, no grid
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert "Other duties as assigned." in bullets


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_description(tmp_path: Path) -> None:
    path = tmp_path / "jd.docx"
    path.write_bytes(render(description(posting={"job_code": "OPS-210"}), "docx"))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = (tmp_path / "jd.txt").read_text(encoding="utf-8-sig")
    assert "Job code" in text and "OPS-210" in text and "Manager signature" in text


def test_generate_and_preview_take_kind(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["generate", "fulfillment manager", "--kind", "description", "--job-code", "F-1"]
    )
    assert result.exit_code == 0, result.output
    assert "## Essential functions" in result.output and "**Job code:** F-1" in result.output
    assert "## Pay and benefits" not in result.output
    result = runner.invoke(cli, ["preview", "fulfillment manager", "--kind", "description"])
    assert result.exit_code == 0 and "## Acknowledgement" in result.output
    result = runner.invoke(
        cli, ["generate", "vpo", "--kind", "description", "-o", str(tmp_path / "x.jsonld")]
    )
    assert result.exit_code == 1 and "for postings only" in result.output
    assert not (tmp_path / "x.jsonld").exists()
    posting = runner.invoke(cli, ["generate", "fulfillment manager"])
    assert "## Essential functions" not in posting.output  # the posting stays the default


def test_batch_writes_both_kinds(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("role,name,job_code,grade\nFulfillment Manager,Acme,F-7,M2\nvpo,Acme,,\n")
    out = tmp_path / "out"
    args = ["batch", str(rows), "-o", str(out), "--format", "md", "--format", "jsonld"]
    result = CliRunner().invoke(cli, [*args, "--kind", "posting", "--kind", "description"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "fulfillment-manager--acme--description.md",
        "fulfillment-manager--acme.jsonld",
        "fulfillment-manager--acme.md",
        "vp-of-operations--acme--description.md",
        "vp-of-operations--acme.jsonld",
        "vp-of-operations--acme.md",
    ]
    text = (out / "fulfillment-manager--acme--description.md").read_text()
    assert "**Job code:** F-7" in text and "**Grade:** M2" in text
    assert "## Essential functions" not in (out / "fulfillment-manager--acme.md").read_text()


def test_catalog_check_names_an_unknown_marginal_duty(tmp_path: Path) -> None:
    builtin = (Path(__file__).parent.parent / "catalog" / "work.yaml").read_text()
    (tmp_path / "work.yaml").write_text(
        builtin.replace("    - vendor-contract-review\n", "    - vendor-contract-reveiw\n")
    )
    with pytest.raises(CatalogError) as err:
        load_catalog([tmp_path])
    assert "description.marginal.0: no responsibility 'vendor-contract-reveiw'" in str(err.value)


def test_a_role_without_work_entries_takes_its_domain_s(tmp_path: Path) -> None:
    """A user's role that work.yaml does not name gets its domain's travel and setting."""
    import yaml

    data = yaml.safe_load((Path(__file__).parent.parent / "catalog" / "roles" /
                           "fulfillment-manager.yaml").read_text())  # fmt: skip
    data.update(id="dock-manager", title="Dock Manager", aliases=[])
    (tmp_path / "roles").mkdir()
    text = yaml.safe_dump(data).replace("id: fm-", "id: dock-")  # inline duty ids are unique
    (tmp_path / "roles" / "dock-manager.yaml").write_text(text)
    catalog = load_catalog([tmp_path])
    company = Company(size="mid-size", industry="manufacturing")
    jd = describe(catalog.find_role("Dock Manager"), company, catalog)
    assert facts(jd, "job-details")["Work setting"] == "Office and production floor"  # logistics
    assert jd.metadata.travel_percent == 15  # the logistics domain's, mid-size
