"""The HTML page and its schema.org JobPosting, read back the way a crawler reads them.

extruct (the structured-data extractor used by crawlers and SEO tools) finds the
JSON-LD in the page; lxml parses the page like a browser; the properties are
checked against schema.org's names and types and Google's JobPosting guidelines.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import extruct
import lxml.html
import pytest
from click.testing import CliRunner

from jdgen.catalog import Catalog
from jdgen.cli import cli
from jdgen.models import Company, JobDescription, Location, Salary
from jdgen.render import RenderOptions, render
from jdgen.tailor import tailor

FIXTURES = Path(__file__).parent / "fixtures"

#: schema.org properties of each type used, from schema.org (Thing's apply to all).
THING = {"name", "description", "identifier", "sameAs", "url", "alternateName", "image"}
SCHEMA = {
    "JobPosting": {
        "title", "datePosted", "validThrough", "employmentType", "hiringOrganization",
        "jobLocation", "jobLocationType", "applicantLocationRequirements", "baseSalary",
        "directApply", "industry", "employerOverview", "responsibilities", "qualifications",
        "skills", "educationRequirements", "experienceRequirements",
        "experienceInPlaceOfEducation", "jobBenefits", "occupationalCategory", "workHours",
    },
    "Organization": {"logo"},
    "Place": {"address", "containedInPlace"},
    "PostalAddress": {
        "streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry",
    },
    "Country": {"containedInPlace"},
    "State": {"containedInPlace"},
    "AdministrativeArea": {"containedInPlace"},
    "MonetaryAmount": {"currency", "value", "minValue", "maxValue"},
    "QuantitativeValue": {"value", "minValue", "maxValue", "unitText", "unitCode"},
    "PropertyValue": {"value", "propertyID"},
    "EducationalOccupationalCredential": {"credentialCategory", "educationalLevel"},
    "OccupationalExperienceRequirements": {"monthsOfExperience"},
}  # fmt: skip
#: Google's JobPosting guidelines.
GOOGLE_REQUIRED = {"title", "description", "datePosted", "hiringOrganization"}
GOOGLE_RECOMMENDED = {"baseSalary", "directApply", "employmentType", "identifier", "validThrough"}
GOOGLE_DESCRIPTION_TAGS = {"p", "ul", "li", "h1", "h2", "h3", "h4", "h5", "br", "strong", "em"}
EMPLOYMENT_TYPES = {
    "FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER",
}  # fmt: skip
CREDENTIALS = {
    "high school", "associate degree", "bachelor degree", "professional certificate",
    "postgraduate degree",
}  # fmt: skip


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def posting(catalog: Catalog, role: str = "director-of-operations", **company: Any):
    return tailor(catalog.find_role(role), Company(**company), catalog)


@pytest.fixture
def acme(catalog: Catalog) -> JobDescription:
    from jdgen.company import load_company

    company = load_company(FIXTURES / "acme.yaml", catalog)
    company = company.model_copy(update={"date_posted": dt.date(2026, 11, 2)})
    return tailor(catalog.find_role("director-of-operations"), company, catalog)


def page_of(jd: JobDescription, template_dirs: tuple[Path, ...] = ()) -> str:
    return render(jd, "html", RenderOptions(template_dirs)).decode("utf-8")


def crawled(html: str) -> dict[str, Any]:
    """The one JobPosting a crawler finds in the page."""
    found = extruct.extract(html, syntaxes=["json-ld"], errors="strict")["json-ld"]
    postings = [item for item in found if item.get("@type") == "JobPosting"]
    assert len(postings) == 1, found
    return postings[0]


def check_schema_names(node: Any, path: str = "JobPosting") -> None:
    """Every object has a schema.org @type and only properties that type has."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            check_schema_names(item, f"{path}[{i}]")
        return
    if not isinstance(node, dict):
        return
    kind = node.get("@type")
    assert kind in SCHEMA, f"{path}: unknown @type {kind!r}"
    unknown = set(node) - {"@context", "@type"} - SCHEMA[kind] - THING
    assert not unknown, f"{path} ({kind}): not schema.org properties: {unknown}"
    for key, value in node.items():
        check_schema_names(value, f"{path}.{key}")


# -- the JobPosting, as a crawler sees it ----------------------------------------


def test_crawler_finds_a_complete_job_posting(acme: JobDescription) -> None:
    data = crawled(page_of(acme))
    assert data["@context"].rstrip("/") in ("https://schema.org", "http://schema.org")
    check_schema_names(data)
    assert GOOGLE_REQUIRED | GOOGLE_RECOMMENDED | {"jobLocation"} <= set(data)
    recommended_extra = {
        "industry", "employerOverview", "responsibilities", "qualifications", "skills",
        "educationRequirements", "experienceRequirements", "jobBenefits",
    }  # fmt: skip
    assert recommended_extra <= set(data)

    assert data["title"] == "Director of Operations"
    assert data["datePosted"] == "2026-11-02"
    assert data["validThrough"] == "2026-12-31"
    assert data["employmentType"] == "FULL_TIME"
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Acme Widgets",
        "sameAs": "https://acme.example",
    }
    assert data["jobLocation"] == {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Denver",
            "addressRegion": "CO",
            "addressCountry": "US",
        },
    }
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 120000,
            "maxValue": 150000,
            "unitText": "YEAR",
        },
    }
    assert data["identifier"]["@type"] == "PropertyValue"
    assert data["identifier"]["name"] == "Acme Widgets"
    assert data["identifier"]["value"].startswith("director-of-operations-")
    assert data["directApply"] is False
    assert data["industry"] == "Manufacturing"
    assert "jobLocationType" not in data  # on-site: not TELECOMMUTE


def test_recommended_properties_say_what_the_posting_says(acme: JobDescription) -> None:
    data = crawled(page_of(acme))
    text = render(acme, "txt").decode()
    years = int(re.search(r"^- (\d+)\+ years of", text, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert data["experienceRequirements"] == {
        "@type": "OccupationalExperienceRequirements",
        "monthsOfExperience": years * 12,
    }
    assert "A bachelor's degree" in text
    assert data["educationRequirements"] == {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "bachelor degree",
    }
    assert data["educationRequirements"]["credentialCategory"] in CREDENTIALS
    responsibilities = acme.section("responsibilities")
    assert responsibilities is not None
    assert data["responsibilities"] == [
        b for s in responsibilities.subsections for b in s.bullet_texts
    ]
    qualifications = acme.section("qualifications")
    assert qualifications is not None
    assert data["qualifications"] == qualifications.subsections[0].bullet_texts  # the required ones
    preferred = qualifications.subsections[1].bullet_texts
    assert preferred and not set(preferred) & set(data["qualifications"])
    skills = acme.section("skills")
    assert skills is not None
    assert data["skills"] == [b for s in skills.subsections for b in s.bullet_texts]
    assert len(data["skills"]) >= 4  # a standard posting: up to 4 technical and 2 interpersonal
    assert data["jobBenefits"] == [
        "Health, dental and vision insurance.",
        "401(k) with 4% match.",
        "Three weeks of paid time off.",
    ]
    assert data["employerOverview"].startswith("Acme Widgets makes precision valves")


def test_description_is_the_visible_posting_body_in_googles_tags(acme: JobDescription) -> None:
    html = page_of(acme)
    data = crawled(html)
    tree = lxml.html.fromstring(html)
    (article,) = tree.xpath("//article")
    description = lxml.html.fragment_fromstring(data["description"], create_parent="div")
    assert description.text_content().split() == article.text_content().split()
    tags = {el.tag for el in description.iter()} - {"div"}
    assert tags <= GOOGLE_DESCRIPTION_TAGS, tags - GOOGLE_DESCRIPTION_TAGS
    # every part of the job is in it: responsibilities, qualifications, pay, how to apply
    for text in ("What you will do", "Required", "$120,000 to $150,000", "Apply online at"):
        assert text in data["description"]
    assert data["description"] != data["title"]


def test_or_equivalent_experience_means_experience_in_place_of_education(
    catalog: Catalog,
) -> None:
    role = catalog.find_role("logistics-manager")
    jd = tailor(role, Company(), catalog)
    assert jd.metadata.education and "or equivalent experience" in jd.metadata.education
    data = crawled(page_of(jd))
    assert data["experienceInPlaceOfEducation"] is True
    assert data["educationRequirements"]["credentialCategory"] == "bachelor degree"
    # a director at a large company: the degree is required
    big = tailor(catalog.find_role("director-of-operations"), Company(size=5000), catalog)
    assert "experienceInPlaceOfEducation" not in crawled(page_of(big))


# -- remote, salary, employment type, company ------------------------------------


def test_remote_posting_is_telecommute_with_applicant_locations(catalog: Catalog) -> None:
    jd = posting(
        catalog,
        work_arrangement="remote",
        remote_regions=["US", "Colorado", "Canada", "EU"],
        locations=[Location(city="Denver", region="CO", country="US")],
    )
    data = crawled(page_of(jd))
    check_schema_names(data)
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == [
        {"@type": "Country", "name": "United States"},
        {
            "@type": "State",
            "name": "Colorado",
            "containedInPlace": {"@type": "Country", "name": "United States"},
        },
        {"@type": "Country", "name": "Canada"},
        {"@type": "AdministrativeArea", "name": "EU"},
    ]
    # the team's base is not where a remote job is done
    assert "jobLocation" not in data


def test_hybrid_posting_has_a_job_location_and_is_not_telecommute(catalog: Catalog) -> None:
    jd = posting(
        catalog,
        work_arrangement="hybrid",
        remote_regions=["US"],
        locations=[
            Location(city="Austin", region="TX", country="United States", postal_code="78701"),
            Location(city="Toronto", region="ON", country="Canada", street="1 King St W"),
        ],
    )
    data = crawled(page_of(jd))
    assert "jobLocationType" not in data and "applicantLocationRequirements" not in data
    assert [p["address"] for p in data["jobLocation"]] == [
        {
            "@type": "PostalAddress",
            "addressLocality": "Austin",
            "addressRegion": "TX",
            "postalCode": "78701",
            "addressCountry": "US",
        },
        {
            "@type": "PostalAddress",
            "streetAddress": "1 King St W",
            "addressLocality": "Toronto",
            "addressRegion": "ON",
            "addressCountry": "CA",
        },
    ]


@pytest.mark.parametrize(
    ("period", "unit", "low", "high"),
    [
        ("hour", "HOUR", 31.5, 42),
        ("day", "DAY", 252, 336),
        ("week", "WEEK", 1260, 1680.5),
        ("month", "MONTH", 5460, 7280),
        ("year", "YEAR", 65520, 87360),
    ],
)
def test_salary_range_is_a_monetary_amount(
    catalog: Catalog, period: str, unit: str, low: float, high: float
) -> None:
    jd = posting(catalog, salary=Salary(min=low, max=high, currency="EUR", period=period))  # type: ignore[arg-type]
    amount = crawled(page_of(jd))["baseSalary"]
    assert amount == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": low,
            "maxValue": high,
            "unitText": unit,
        },
    }


def test_a_single_pay_figure_is_a_value(catalog: Catalog) -> None:
    jd = posting(catalog, salary=Salary(min=95000, max=95000))
    value = crawled(page_of(jd))["baseSalary"]["value"]
    assert value == {"@type": "QuantitativeValue", "value": 95000, "unitText": "YEAR"}


def test_no_salary_no_base_salary(catalog: Catalog) -> None:
    assert "baseSalary" not in crawled(page_of(posting(catalog)))


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("full-time", "FULL_TIME"),
        ("part-time", "PART_TIME"),
        ("contract", "CONTRACTOR"),
        ("temporary", "TEMPORARY"),
        ("internship", "INTERN"),
    ],
)
def test_employment_type_uses_googles_values(catalog: Catalog, kind: str, expected: str) -> None:
    data = crawled(page_of(posting(catalog, employment_type=kind)))
    assert data["employmentType"] == expected
    assert expected in EMPLOYMENT_TYPES


def test_posting_without_a_company_name_is_confidential(catalog: Catalog) -> None:
    data = crawled(page_of(posting(catalog, website="https://example.com")))
    # Google: an employer hiring anonymously is named "confidential"
    assert data["hiringOrganization"] == {"@type": "Organization", "name": "confidential"}
    assert data["identifier"]["name"] == "confidential"


def test_requisition_id_is_the_identifier_and_shown_on_the_page(catalog: Catalog) -> None:
    from jdgen.models import PostingOptions

    company = Company(name="Acme", posting=PostingOptions(requisition_id="REQ-0042"))
    jd = tailor(catalog.find_role("vpo"), company, catalog)
    html = page_of(jd)
    assert crawled(html)["identifier"] == {
        "@type": "PropertyValue",
        "name": "Acme",
        "value": "REQ-0042",
    }
    assert "Job ID REQ-0042" in lxml.html.fromstring(html).xpath("string(//footer)")


def test_derived_identifier_is_stable_and_differs_between_openings(catalog: Catalog) -> None:
    def ident(**company: Any) -> str:
        return str(crawled(page_of(posting(catalog, **company)))["identifier"]["value"])

    denver = [Location(city="Denver", region="CO", country="US")]
    assert ident(name="Acme", locations=denver) == ident(name="Acme", locations=denver)
    assert ident(name="Acme", locations=denver) != ident(name="Acme")
    assert ident(name="Acme") != ident(name="Globex")


# -- dates -------------------------------------------------------------------------


def test_date_posted_falls_back_to_source_date_epoch(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01T00:00:00Z
    html = page_of(posting(catalog))
    assert crawled(html)["datePosted"] == "2025-12-01"
    assert '<time datetime="2025-12-01">December 1, 2025</time>' in html
    assert page_of(posting(catalog)) == html  # reproducible


def test_date_posted_defaults_to_today(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = dt.date.today().isoformat()
    posted = crawled(page_of(posting(catalog)))["datePosted"]
    assert posted in {before, dt.date.today().isoformat()}  # midnight may pass in between


def test_bad_source_date_epoch_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    code, _, err = run("generate", "vpo", "--format", "html")
    assert code == 1
    assert err.strip() == (
        "error: SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970 (0 to 253402300799), got 'yesterday'"
    )


# -- escaping ----------------------------------------------------------------------


def test_company_name_with_script_is_escaped_everywhere(catalog: Catalog) -> None:
    evil = "<script>alert(1)</script>"
    jd = posting(
        catalog,
        name=evil,
        about=f"We are {evil} and </script><!-- friends & co.",
        website='https://x.example/"onmouseover="alert(1)',
        how_to_apply='https://x.example/"><script>alert(2)</script>',
    )
    html = page_of(jd)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    tree = lxml.html.fromstring(html)
    scripts = tree.xpath("//script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    data = json.loads(scripts[0].text)  # the script element holds the whole JSON, unbroken
    assert data["hiringOrganization"]["name"] == evil
    assert crawled(html)["hiringOrganization"]["name"] == evil
    assert "</script><!--" in data["employerOverview"]
    assert tree.xpath("string(//p[@class='company'])") == evil
    assert tree.xpath("string(//h1)") == "Director of Operations"
    assert not tree.xpath("//*[@onmouseover]")


def test_jsonld_format_is_the_same_data_unescaped(acme: JobDescription) -> None:
    alone = json.loads(render(acme, "jsonld"))
    assert alone == crawled(page_of(acme))
    raw = render(acme, "jsonld").decode()
    assert "<h2>About us</h2>" in raw  # plain JSON: no HTML-safety escapes needed in a file


# -- the page as a reader sees it ----------------------------------------------------


def test_page_is_a_standalone_semantic_document(acme: JobDescription) -> None:
    html = page_of(acme)
    tree = lxml.html.fromstring(html)
    assert html.startswith("<!DOCTYPE html>")
    assert tree.get("lang") == "en"
    assert tree.xpath("//meta[@name='viewport']/@content") == [
        "width=device-width, initial-scale=1"
    ]
    assert tree.xpath("string(//title)") == "Director of Operations at Acme Widgets"
    assert tree.xpath("//style") and not tree.xpath("//link[@rel='stylesheet']")
    assert not re.search(r"""(src|href)=["']?(https?:)?//(?!acme\.example)""", html)
    assert [h.text_content() for h in tree.xpath("//h1")] == ["Director of Operations"]
    assert [h.text_content() for h in tree.xpath("//article/h2")] == [
        s.heading for s in acme.sections
    ]
    assert [h.text_content() for h in tree.xpath("//article/h3")] == [
        sub.heading for s in acme.sections for sub in s.subsections
    ]
    bullets = [
        b
        for s in acme.sections
        for b in (*s.bullet_texts, *(x for u in s.subsections for x in u.bullet_texts))
    ]
    assert [li.text_content() for li in tree.xpath("//article//li")] == bullets
    assert tree.xpath("//ul[@class='facts']/li/text()") == [
        "Denver, CO, US",
        "On-site",
        "Full-time",
    ]
    assert tree.xpath("//p[@class='apply']/a/@href") == ["https://acme.example/careers"]
    assert "open until December 31, 2026" in tree.xpath("string(//footer)")


def test_email_application_gets_a_mailto_button(catalog: Catalog) -> None:
    jd = posting(catalog, how_to_apply="jobs@acme.example")
    tree = lxml.html.fromstring(page_of(jd))
    assert tree.xpath("//p[@class='apply']/a/@href") == [
        "mailto:jobs@acme.example?subject=Director%20of%20Operations"
    ]
    assert not lxml.html.fromstring(page_of(posting(catalog))).xpath("//p[@class='apply']")


# -- user templates ------------------------------------------------------------------


def test_user_template_extends_the_default_and_changes_one_block(
    acme: JobDescription, tmp_path: Path
) -> None:
    (tmp_path / "posting.html.j2").write_text(
        '{% extends "!default/posting.html.j2" %}\n'
        "{% block footer %}<p>Careers at {{ jd.metadata.company_name }} · Job ID 7</p>{% endblock %}\n",
        encoding="utf-8",
    )
    default, custom = page_of(acme), page_of(acme, (tmp_path,))
    tree = lxml.html.fromstring(custom)
    assert tree.xpath("string(//footer)").strip() == "Careers at Acme Widgets · Job ID 7"
    assert "open until" not in custom
    # everything outside the block is the built-in page
    assert custom.split("<footer>")[0] == default.split("<footer>")[0]
    assert crawled(custom) == crawled(default)


def test_user_block_in_the_body_changes_the_jsonld_description_too(
    acme: JobDescription, tmp_path: Path
) -> None:
    (tmp_path / "posting.html.j2").write_text(
        '{% extends "!default/posting.html.j2" %}\n'
        "{% block section_bullets %}{% if section.bullets %}<ul>"
        "{% for b in section.bullets %}<li><strong>{{ b }}</strong></li>{% endfor %}"
        "</ul>{% endif %}{% endblock %}\n",
        encoding="utf-8",
    )
    html = page_of(acme, (tmp_path,))
    assert "<li><strong>Three weeks of paid time off.</strong></li>" in html
    assert "<li><strong>Three weeks of paid time off.</strong></li>" in crawled(html)["description"]


def test_template_can_declare_direct_apply(acme: JobDescription, tmp_path: Path) -> None:
    (tmp_path / "posting.html.j2").write_text(
        '{% extends "!default/posting.html.j2" %}\n'
        '{% block structured_data %}<script type="application/ld+json">'
        "{{ job_posting(description, directApply=true)|tojson }}</script>{% endblock %}\n"
        '{% block apply %}<form method="post" action="/apply"><button>Apply</button></form>'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    assert crawled(page_of(acme, (tmp_path,)))["directApply"] is True


def test_jsonld_format_works_when_the_page_template_drops_it(
    acme: JobDescription, tmp_path: Path
) -> None:
    (tmp_path / "posting.html.j2").write_text(
        '{% extends "!default/posting.html.j2" %}{% block structured_data %}{% endblock %}',
        encoding="utf-8",
    )
    options = RenderOptions((tmp_path,))
    assert "ld+json" not in render(acme, "html", options).decode()
    assert json.loads(render(acme, "jsonld", options))["@type"] == "JobPosting"


def test_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    (tmp_path / "posting.html.j2").write_text(
        '{% extends "!default/posting.html.j2" %}'
        "{% block footer %}{{ ''.__class__.__mro__ }}{% endblock %}",
        encoding="utf-8",
    )
    code, _, err = run("generate", "vpo", "--format", "html", "--templates", str(tmp_path))
    assert code == 1
    assert err.startswith("error: template") and "not allowed" in err
    assert len(err.strip().splitlines()) == 1


def test_undefined_name_in_a_user_template_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "posting.html.j2").write_text(
        '{% extends "!default/posting.html.j2" %}{% block footer %}{{ salary }}{% endblock %}',
        encoding="utf-8",
    )
    code, _, err = run(
        "generate", "vpo", "-o", str(tmp_path / "x.html"), "--templates", str(tmp_path)
    )
    assert code == 1
    assert "'salary' is undefined" in err
    assert not (tmp_path / "x.html").exists()


# -- the command line -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["posting.html", "posting.htm", "POSTING.HTML"])
def test_cli_writes_html_from_the_suffix(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    code, stdout, err = run(
        "generate", "vpo", "--company", str(FIXTURES / "acme.yaml"), "-o", str(out)
    )
    assert code == 0, err
    assert stdout == ""
    html = out.read_text(encoding="utf-8")
    assert crawled(html)["title"] == "VP of Operations"


def test_cli_format_html_and_jsonld(tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    code, _, err = run("generate", "vpo", "--format", "html", "-o", str(out))
    assert code == 0, err
    assert crawled(out.read_text(encoding="utf-8"))["hiringOrganization"]["name"] == "confidential"
    code, stdout, _ = run("generate", "vpo", "--format", "html")
    assert code == 0 and stdout.startswith("<!DOCTYPE html>")
    out = tmp_path / "x.jsonld"
    code, _, _ = run("generate", "vpo", "--size", "small", "-o", str(out))
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["@type"] == "JobPosting" and data["title"] == "VP of Operations"
    code, _, err = run("generate", "vpo", "--format", "jsonld", "-o", str(tmp_path / "y.html"))
    assert code == 1
    assert "suffix says html but --format says jsonld" in err


# -- json --------------------------------------------------------------------------------


def test_json_round_trips_to_the_job_description(acme: JobDescription) -> None:
    data = render(acme, "json")
    assert JobDescription.model_validate_json(data) == acme
    assert render(acme, "json") == data
    parsed = json.loads(data)
    assert list(parsed) == ["title", "sections", "metadata", "kind"]
    assert list(parsed["metadata"])[:3] == ["role_id", "role_title", "level"]
    assert parsed["metadata"]["valid_through"] == "2026-12-31"
    assert data.startswith(b'{\n  "title": "Director of Operations",')


def test_cli_json_to_stdout_and_file(tmp_path: Path) -> None:
    code, stdout, _ = run("generate", "vpo", "--format", "json", "--size", "enterprise")
    assert code == 0
    jd = JobDescription.model_validate_json(stdout)
    assert jd.metadata.size == "enterprise"
    out = tmp_path / "vpo.json"
    code, _, _ = run("generate", "vpo", "--size", "enterprise", "-o", str(out))
    assert code == 0
    assert JobDescription.model_validate_json(out.read_bytes()) == jd
