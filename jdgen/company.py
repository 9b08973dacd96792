"""Load and validate a company profile (YAML), or the embedded default company.

Errors name the file and the field path, and for size and industry list the
valid choices::

    company.yaml: size: expected one of small, mid-size, enterprise or a headcount, got 'huge'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jdgen.catalog import Catalog, read_yaml, validation_problems
from jdgen.errors import CompanyFileError, UnknownChoiceError
from jdgen.models import Company


def company_from_data(data: Any, where: str, catalog: Catalog) -> Company:
    """Validate company data (already parsed) against the model and the catalog."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CompanyFileError(
            f"{where}: expected a mapping of company fields, got {type(data).__name__}"
        )
    try:
        company = Company.model_validate(data)
    except ValidationError as err:
        problems = validation_problems(err, where)
        raise CompanyFileError("; ".join(problems)) from None
    check_choices(company, where, catalog)
    return company


def check_choices(company: Company, where: str, catalog: Catalog) -> None:
    """Size and industry must be known to the catalog."""
    try:
        catalog.find_size(company.size)
    except UnknownChoiceError as exc:
        raise CompanyFileError(f"{where}: size: {exc}") from None
    try:
        catalog.find_industry(company.industry)
    except UnknownChoiceError as exc:
        raise CompanyFileError(f"{where}: industry: {exc}") from None


def load_company(path: Path | None, catalog: Catalog) -> Company:
    """The company in ``path``, or the embedded default company when ``path`` is None.

    Fields missing from the file take the default company's values.
    """
    data: dict[str, Any] = dict(catalog.default_company)
    where = "default company"
    if path is not None:
        where = str(path)
        if not path.exists():
            raise CompanyFileError(f"{where}: file not found")
        if path.is_dir():
            raise CompanyFileError(f"{where}: is a directory, expected a YAML file")
        parsed, problems = read_yaml(path, where)
        if problems:
            raise CompanyFileError(problems[0])
        if parsed is not None and not isinstance(parsed, dict):
            raise CompanyFileError(
                f"{where}: expected a mapping of company fields (name: …, size: …), "
                f"got {type(parsed).__name__}"
            )
        data.update(parsed or {})
    return company_from_data(data, where, catalog)
