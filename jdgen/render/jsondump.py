"""The tailored JobDescription as JSON (``--format json``).

Pydantic's serialisation, indented, keys in the models' field order (stable from
run to run); ``JobDescription.model_validate_json`` reads it back.  For feeding
another program or a careers site that renders postings itself.
"""

from __future__ import annotations

from jdgen.models import JobDescription
from jdgen.render import RenderOptions


def to_bytes(jd: JobDescription, options: RenderOptions) -> bytes:
    return (jd.model_dump_json(indent=2) + "\n").encode("utf-8")
