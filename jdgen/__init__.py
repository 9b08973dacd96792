"""jdgen: tailored, publishable job descriptions from a role catalog.

The stages, one module each, data flowing one way::

    catalog (load + validate) ─┐
    company (load + validate) ─┴─▶ tailor(role, company) ─▶ JobDescription ─▶ render.*

The :class:`~jdgen.models.JobDescription` is the only thing renderers read.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
