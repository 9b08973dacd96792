"""jdgen: tailored, publishable job descriptions from a role catalog.

The public API is what ``__all__`` lists (see :mod:`jdgen.api` and the README's
"Python API")::

    import jdgen

    jd = jdgen.generate("Director of Operations", jdgen.load_company("company.yaml"))
    markdown = jdgen.render_posting(jd, "md")
    report = jdgen.lint_posting(jd)

The data flows one way: catalog → tailor → :class:`~jdgen.models.JobDescription`
→ renderers, with the command line thin on top.  Every other module is internal.
Names are loaded on first use, so ``import jdgen`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name → the internal module that defines it.
_PUBLIC = {
    "load_catalog": "jdgen.api",
    "load_company": "jdgen.api",
    "generate": "jdgen.api",
    "render_posting": "jdgen.api",
    "lint_posting": "jdgen.api",
    "compare_roles": "jdgen.api",
    "Catalog": "jdgen.catalog",
    "Company": "jdgen.models",
    "PostingOptions": "jdgen.models",
    "JobDescription": "jdgen.models",
    "Bullet": "jdgen.models",
    "JdgenError": "jdgen.errors",
}

__all__ = [
    "Bullet",
    "Catalog",
    "Company",
    "JdgenError",
    "JobDescription",
    "PostingOptions",
    "__version__",
    "compare_roles",
    "generate",
    "lint_posting",
    "load_catalog",
    "load_company",
    "render_posting",
]

if TYPE_CHECKING:
    from jdgen.api import (
        compare_roles,
        generate,
        lint_posting,
        load_catalog,
        load_company,
        render_posting,
    )
    from jdgen.catalog import Catalog
    from jdgen.errors import JdgenError
    from jdgen.models import Bullet, Company, JobDescription, PostingOptions


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'jdgen' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
