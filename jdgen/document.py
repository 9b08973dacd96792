"""The last stages every front end runs (``generate``, ``preview``, ``batch``, ``jdgen
serve``): one posting's pay range over the company's, and the document of the kind asked
for — the posting, or the internal job description."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from jdgen.catalog import Catalog
    from jdgen.models import Company, JobDescription, PostingOptions, Role, Salary

#: ``posting``: the job ad; ``description``: the internal job description HR keeps on file.
Kind = Literal["posting", "description"]
KINDS: tuple[Kind, ...] = ("posting", "description")


def pay_range(text: str, company: Company) -> Salary:
    """A pay range written as ``120k-150k``, ``$120,000 to $150,000`` or ``€65,000–€80,000``:
    the currency from a symbol or code in the text, else the company's, else the one of
    the country the job is in; the period the company's.  A :class:`JdgenError` says what
    is expected."""
    import re

    from pydantic import ValidationError

    from jdgen.errors import JdgenError
    from jdgen.models import Salary

    parts = re.split(r"\s*(?:-|–|—|\bto\b)\s*", text.strip())
    symbol = re.match(r"(?i)\s*(us\$|c\$|usd|eur|gbp|cad|[$€£¥])", text)
    data = {
        "min": parts[0],
        "max": parts[-1],
        "currency": symbol.group(1) if symbol else _currency_for(company),
        "period": company.salary.period if company.salary else "year",
    }
    salary: Salary | None = None
    try:
        if len(parts) <= 2 and "" not in parts:
            salary = Salary.model_validate(data)
    except ValidationError as exc:
        implausible = [e["msg"] for e in exc.errors() if not e["loc"] and "plausible" in e["msg"]]
        if implausible:
            raise JdgenError(implausible[0].removeprefix("Value error, ")) from None
    if salary is None or salary.min > salary.max:
        raise JdgenError(f"expected a range such as 120k-150k or $120,000-$150,000, got {text!r}")
    return salary


def _currency_for(company: Company) -> str:
    if company.salary is not None:
        return company.salary.currency
    from babel.numbers import get_territory_currencies

    country = next((loc.country for loc in company.locations if loc.country), None) or "US"
    try:
        return (get_territory_currencies(country) or ["USD"])[0]
    except Exception:  # an unknown territory: Babel raises its own lookup errors
        return "USD"


def make_document(
    kind: str, role: Role, company: Company, catalog: Catalog, options: PostingOptions
) -> JobDescription:
    """The posting of ``role`` at ``company``, or its internal job description."""
    if kind == "description":
        from jdgen.description import describe

        return describe(role, company, catalog, options)
    from jdgen.tailor import tailor

    return tailor(role, company, catalog, options)
