"""Load and validate a company profile (YAML), or the embedded default company.

Errors name the file and the field path, and for size and industry list the
valid choices::

    company.yaml: size: expected one of small, mid-size, enterprise or a headcount, got 'huge'
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jdgen.catalog import Catalog
from jdgen.countries import check_locale
from jdgen.errors import CompanyFileError, UnknownChoiceError
from jdgen.models import Company
from jdgen.validation import validation_problems
from jdgen.yamlfile import parse_yaml, read_yaml


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
        raise CompanyFileError("; ".join(validation_problems(err, where))) from None
    check_choices(company, where, catalog)
    return company


def check_choices(company: Company, where: str, catalog: Catalog) -> None:
    """Size, industry, business model and sector (one of the industry's) must be known
    to the catalog, and the locale to Babel."""
    try:
        catalog.find_size(company.size)
    except UnknownChoiceError as exc:
        raise CompanyFileError(f"{where}: size: {exc}") from None
    try:
        industry = catalog.find_industry(company.industry)
    except UnknownChoiceError as exc:
        raise CompanyFileError(f"{where}: industry: {exc}") from None
    if company.business_model:
        try:
            catalog.find_business_model(company.business_model)
        except UnknownChoiceError as exc:
            raise CompanyFileError(f"{where}: business_model: {exc}") from None
    if company.sector and company.sector.strip():
        try:
            catalog.find_sector(company.sector, industry.id)
        except UnknownChoiceError as exc:
            raise CompanyFileError(f"{where}: sector: {exc}") from None
    if company.locale is not None:
        problem = check_locale(company.locale)
        if problem:
            raise CompanyFileError(f"{where}: locale: {problem}")


#: The environment variable that names a company file.
COMPANY_ENV = "JDGEN_COMPANY"
#: Company files looked for in the current folder, in this order.
LOCAL_NAMES = ("company.yaml", "jdgen.yaml")
#: ``--company -`` reads the company file from standard input.
STDIN = "-"


def global_company_path() -> Path:
    """The user's default company profile (``jdgen init --global`` writes it).

    In the user's config folder from platformdirs: ``~/.config/jdgen/company.yaml``
    on Linux, ``~/Library/Application Support/jdgen/company.yaml`` on macOS,
    ``%LOCALAPPDATA%\\jdgen\\company.yaml`` on Windows.
    """
    from platformdirs import user_config_path

    return user_config_path("jdgen") / "company.yaml"


@dataclass(frozen=True)
class CompanySource:
    """Which company file a run uses, and how it was found."""

    path: Path | None
    #: "--company", "JDGEN_COMPANY", "current folder", "default profile" or "built-in".
    how: str

    def describe(self) -> str:
        """One line for stderr: ``company: company.yaml (found in the current folder)``."""
        if self.path is None:
            return "company: the built-in default"
        reason = {
            COMPANY_ENV: f"named by {COMPANY_ENV}",
            "current folder": "found in the current folder",
            "default profile": "your default profile, from jdgen init --global",
        }.get(self.how, self.how)
        return f"company: {self.path} ({reason})"


def find_company_file(given: Path | None, cwd: Path | None = None) -> CompanySource:
    """The company file a run uses, in this order (the first that applies wins):

    1. ``--company FILE`` (``-`` for standard input);
    2. the file named by ``JDGEN_COMPANY``;
    3. ``company.yaml``, then ``jdgen.yaml``, in the current folder;
    4. the user's default profile (:func:`global_company_path`);
    5. the built-in default company (``path`` None).

    A file named by ``--company`` or ``JDGEN_COMPANY`` that does not exist is an error;
    the others are only used when present.
    """
    if given is not None:
        return CompanySource(given, "--company")
    named = os.environ.get(COMPANY_ENV, "").strip()
    if named:
        path = Path(named).expanduser()
        if not path.is_file() and named != STDIN:
            raise CompanyFileError(f"{COMPANY_ENV}={named}: file not found")
        return CompanySource(path, COMPANY_ENV)
    folder = cwd or Path()
    for name in LOCAL_NAMES:
        if (folder / name).is_file():
            return CompanySource(folder / name, "current folder")
    profile = global_company_path()
    if profile.is_file():
        return CompanySource(profile, "default profile")
    return CompanySource(None, "built-in")


def _read_company_file(path: Path) -> tuple[Any, list[str]]:
    if str(path) == STDIN:
        return parse_yaml(sys.stdin.read(), "<stdin>")
    if not path.exists():
        raise CompanyFileError(f"{path}: file not found")
    if path.is_dir():
        raise CompanyFileError(f"{path}: is a directory, expected a YAML file")
    return read_yaml(path, str(path))


def load_company(path: Path | None, catalog: Catalog) -> Company:
    """The company in ``path`` (``-``: standard input), or the embedded default
    company when ``path`` is None.

    Fields missing from the file take the default company's values.
    """
    if path is None:
        return _remembered_company(dict(catalog.default_company), "default company", catalog)
    where = "<stdin>" if str(path) == STDIN else str(path)
    return _company_from(*_read_company_file(path), where, catalog)


def company_from_text(text: str, where: str, catalog: Catalog) -> Company:
    """The company that a company file holding ``text`` loads as (``jdgen init`` checks
    what it would write before it writes it)."""
    return _company_from(*parse_yaml(text, where), where, catalog)


def _company_from(parsed: Any, problems: list[str], where: str, catalog: Catalog) -> Company:
    if problems:
        raise CompanyFileError(problems[0])
    if parsed is not None and not isinstance(parsed, dict):
        raise CompanyFileError(
            f"{where}: expected a mapping of company fields (name: …, size: …), "
            f"got {type(parsed).__name__}"
        )
    data: dict[str, Any] = dict(catalog.default_company)
    data.update(parsed or {})
    return _remembered_company(data, where, catalog)


def _remembered_company(data: dict[str, Any], where: str, catalog: Catalog) -> Company:
    """:func:`company_from_data`, with the validated company kept in the user's cache
    (:mod:`jdgen.cache`) under a key of the data itself, jdgen's code and pydantic: the
    next command run with the same company file skips building and running the Company
    validator (a fifth of a cold ``generate``).  Only a company that passed validation
    is kept; the catalog checks (size, industry, locale) run every time, since another
    ``--catalog`` may know other sizes.  A missing or unreadable entry: validated afresh."""
    from jdgen.cache import code_stamp, key_of, load_pickle, package_stamp, store_pickle

    stamp = package_stamp("pydantic", "pydantic_core")
    name = f"company-{key_of(code_stamp(), stamp, repr(data))}.pickle"
    cached = load_pickle(name)
    if isinstance(cached, Company):
        check_choices(cached, where, catalog)
        return cached
    company = company_from_data(data, where, catalog)
    store_pickle(name, company)
    return company
