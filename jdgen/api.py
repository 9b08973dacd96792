"""jdgen's public Python API, re-exported by :mod:`jdgen` (``jdgen.__all__``).

Everything else in the package is internal and may change between versions.  The
stages, data flowing one way::

    load_catalog() ─┐
    load_company() ─┴─▶ generate(role, company) ─▶ JobDescription ─▶ render_posting()
                                                           └──────▶ lint_posting()

``tailor``, ``render`` and ``lint`` are the names of jdgen's internal modules, so
the functions that wrap them are called ``generate``, ``render_posting`` and
``lint_posting``.  Heavy modules are imported when a function runs, so
``import jdgen`` stays cheap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jdgen.catalog import Catalog
    from jdgen.compare import Comparison
    from jdgen.lint.report import LintReport
    from jdgen.models import Company, JobDescription, PostingOptions, Role


def load_catalog(*dirs: str | Path, builtin: bool = True) -> Catalog:
    """The catalog: the built-in one plus ``dirs`` (your own roles, library entries,
    industries, wording), or ``dirs`` alone with ``builtin=False``."""
    from jdgen import catalog

    if builtin and not dirs:
        return catalog.builtin_catalog()
    return catalog.load_catalog([Path(d) for d in dirs], builtin=builtin)


def load_company(path: str | Path | None = None, catalog: Catalog | None = None) -> Company:
    """The company profile in ``path`` (YAML), or the catalog's default company."""
    from jdgen import company

    return company.load_company(Path(path) if path is not None else None, _catalog(catalog))


def generate(
    role: str | Role,
    company: Company | None = None,
    *,
    catalog: Catalog | None = None,
    options: PostingOptions | None = None,
) -> JobDescription:
    """Tailor a catalog role (an id, title or alias, or a :class:`Role`) to ``company``
    (default: the catalog's default company).  ``options`` defaults to the company's
    ``posting:`` block."""
    from jdgen.tailor import tailor

    cat = _catalog(catalog)
    found = cat.find_role(role) if isinstance(role, str) else role
    return tailor(
        found, company if company is not None else load_company(catalog=cat), cat, options
    )


def render_posting(
    jd: JobDescription, fmt: str = "md", *, templates: Sequence[str | Path] = ()
) -> bytes:
    """The posting as ``fmt``: md, docx, html, jsonld, json or txt; ``templates`` are
    your template directories, searched before the built-in ones."""
    from jdgen.render import RenderOptions, render

    return render(jd, fmt, RenderOptions(template_dirs=tuple(Path(t) for t in templates)))


def lint_posting(
    posting: JobDescription | str | Path,
    *,
    as_of: dt.date | None = None,
    employees: int | None = None,
) -> LintReport:
    """Check a tailored posting, or a posting file (.md, .txt, .html, .docx)."""
    from jdgen.lint import lint_file, lint_job_description
    from jdgen.models import JobDescription

    if isinstance(posting, JobDescription):
        return lint_job_description(posting, as_of=as_of, employees=employees)
    return lint_file(posting, as_of=as_of, employees=employees)


def compare_roles(
    a: str | Role,
    b: str | Role,
    company: Company | None = None,
    *,
    catalog: Catalog | None = None,
) -> Comparison:
    """Two roles side by side, as ``company`` would post them."""
    from jdgen.compare import compare

    cat = _catalog(catalog)
    role_a = cat.find_role(a) if isinstance(a, str) else a
    role_b = cat.find_role(b) if isinstance(b, str) else b
    return compare(
        role_a, role_b, company if company is not None else load_company(catalog=cat), cat
    )


def _catalog(catalog: Catalog | None) -> Catalog:
    return catalog if catalog is not None else load_catalog()
