"""Words the company's facts decide (issue 10, item 1: no hedges where the facts give
the answer): ``{{ owns }}`` (what the business model, else the industry, owns) picks
"the warehouse team" or "our fulfillment partner", ``{{ countries }}`` "both countries"
or "every country", and a certification whose name fills to nothing (the credential of
a CRM the company does not use) is left out.  On a copy of the fixture catalog; and on
the shipped catalog, no review company's posting names a product it does not use."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

import jdgen
from jdgen import Company

FIXTURE = Path(__file__).parent / "fixtures" / "catalog"  # posting.yaml: "Works with …."

WORKS_WITH = [
    "{{ 'the warehouse team' if 'warehouses' in owns else 'our fulfillment partner' }}",
    "{{ 'the teams in both countries' if countries == 2 else 'the teams in every country' }}",
]
CERTIFICATION = "{% if 'Salesforce' in systems.named.crm %}Salesforce Administrator{% endif %}"


def edit(root: Path, name: str, change: dict[str, object]) -> None:
    path = root / name
    data = yaml.safe_load(path.read_text())
    target = data[0] if isinstance(data, list) else data
    target.update(change)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def build(tmp_path: Path) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURE, root)
    edit(root, "industries/widgets.yaml", {"owns": ["warehouses"]})
    edit(root, "roles/ops-manager.yaml", {"works_with": WORKS_WITH})
    path = root / "roles" / "ops-manager.yaml"
    data = yaml.safe_load(path.read_text())
    data["qualifications"]["certifications"] = [{"name": CERTIFICATION}]
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    path = root / "business-models.yaml"
    models = yaml.safe_load(path.read_text())
    models[1]["owns"] = []  # subscriptions: no warehouse of its own
    path.write_text(yaml.safe_dump(models, sort_keys=False))
    return root


def posting(root: Path, **company: object) -> tuple[str, list[str]]:
    """The "Works with" sentence and the qualification bullets."""
    catalog = jdgen.load_catalog(root, builtin=False)
    jd = jdgen.generate(
        "ops-manager", Company(size=400, industry="widgets", **company), catalog=catalog
    )
    reporting, needs = jd.section("reporting"), jd.section("qualifications")
    assert reporting is not None and needs is not None
    text = " ".join(reporting.paragraphs)
    return text[text.index("Works with ") :], [b.text for b in needs.all_bullets()]


def test_what_the_company_owns_names_who_ships_its_orders(tmp_path: Path) -> None:
    root = build(tmp_path)
    said = "Works with the warehouse team and the teams in every country."
    assert posting(root)[0] == said  # widgets own warehouses; one country at 400 people
    said = "Works with our fulfillment partner and the teams in both countries."
    assert posting(root, business_model="subscriptions", countries=2)[0] == said


def test_a_certification_that_fills_to_nothing_is_left_out(tmp_path: Path) -> None:
    root = build(tmp_path)
    assert "Salesforce Administrator certificate." in posting(root, systems=["Salesforce"])[1]
    bullets = posting(root)[1]
    assert not [b for b in bullets if b.endswith("certificate.")], bullets


REVIEW = Path(__file__).parent / "review" / "companies"


@pytest.mark.parametrize("name", sorted(p.stem for p in REVIEW.glob("*.yaml")))
def test_a_shipped_posting_names_no_product_the_company_does_not_use(name: str) -> None:
    """Every role's posting for a review company names only the systems the company
    listed: its own CRM, help desk or BI tool, else the kind ("our CRM"), never "Salesforce
    or HubSpot" or "a tool such as Looker or Metabase" (review round 6)."""
    catalog = jdgen.load_catalog()
    company = jdgen.load_company(REVIEW / f"{name}.yaml", catalog)
    own = " ".join(company.systems)
    known = {n for names in catalog.systems.known.values() for n in names if n not in own}
    products = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(known)) + r")\b")
    for role in catalog.roles:
        text = jdgen.render_posting(jdgen.generate(role, company, catalog=catalog), "md").decode()
        found = products.search(text)
        assert found is None, (role, found and found[0])
