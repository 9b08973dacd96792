"""Markdown postings, from ``posting.md.j2`` through the one template engine
(:mod:`jdgen.templating`), so ``--templates`` can override or extend it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from jdgen.models import JobDescription
from jdgen.render import RenderOptions
from jdgen.templating import render_template

POSTING_TEMPLATE = "posting.md.j2"
#: Template for each kind of document.
TEMPLATES = {"posting": POSTING_TEMPLATE, "description": "description.md.j2"}


def render_markdown(jd: JobDescription, template_dirs: Sequence[Path] = ()) -> str:
    text = render_template(TEMPLATES[jd.kind], template_dirs, jd=jd)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def to_bytes(jd: JobDescription, options: RenderOptions) -> bytes:
    return render_markdown(jd, options.template_dirs).encode("utf-8")
