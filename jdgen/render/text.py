"""Plain text for the paste boxes of applicant tracking systems (``--format txt``).

What a plain textarea keeps is characters and line breaks, nothing else, so the
structure is carried by them alone: headings in UPPERCASE on their own line,
subsection headings ending in a colon, ASCII ``- `` bullets, one blank line
between blocks.  Lines are not wrapped: a paste box wraps to its own width, and
hard breaks inside a paragraph turn into ragged half-lines there (many ATS turn
each line break into a ``<br>``).  The text comes from ``posting.txt.j2``
through the same template loader as Markdown, so ``--templates`` can override it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from jdgen.models import JobDescription
from jdgen.render import RenderOptions
from jdgen.templating import render_template

POSTING_TEMPLATE = "posting.txt.j2"
#: Template for each kind of document.
TEMPLATES = {"posting": POSTING_TEMPLATE, "description": "description.txt.j2"}


def render_text(jd: JobDescription, template_dirs: Sequence[Path] = ()) -> str:
    text = render_template(TEMPLATES[jd.kind], template_dirs, jd=jd)
    text = re.sub(r"[ \t]+$", "", text, flags=re.MULTILINE)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def to_bytes(jd: JobDescription, options: RenderOptions) -> bytes:
    return render_text(jd, options.template_dirs).encode("utf-8")
