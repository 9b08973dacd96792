"""Markdown postings, from ``posting.md.j2`` through the one template engine
(:mod:`jdgen.templating`), so ``--templates`` can override or extend it.

The built-in ``posting.md.j2`` is also written out below as Python
(:func:`builtin_posting`), which ``jdgen generate`` uses when the template in effect is
that one, unchanged: loading Jinja takes longer than the rest of rendering a posting.
Its SHA-256 is pinned (:data:`BUILTIN_POSTING_SHA256`), so an edited template goes
through Jinja until the function is brought in line; ``tests/test_markdown_builtin.py``
renders postings both ways and compares them byte for byte.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from jdgen.models import JobDescription
from jdgen.render import RenderOptions
from jdgen.resources import data_dir

POSTING_TEMPLATE = "posting.md.j2"
#: Template for each kind of document.
TEMPLATES = {"posting": POSTING_TEMPLATE, "description": "description.md.j2"}

#: The SHA-256 of the ``posting.md.j2`` that :func:`builtin_posting` writes out.
BUILTIN_POSTING_SHA256 = "1ef99de10487a18c8dadbd0391aee35628661e75cb0fbb23877e809c4d6abbeb"


def render_markdown(jd: JobDescription, template_dirs: Sequence[Path] = ()) -> str:
    name = TEMPLATES[jd.kind]
    if name == POSTING_TEMPLATE and _builtin_unchanged(tuple(template_dirs)):
        text = builtin_posting(jd)
    else:
        from jdgen.templating import render_template

        text = render_template(name, template_dirs, jd=jd)
    return tidy(text)


def tidy(text: str) -> str:
    """A rendered template with its runs of blank lines made one (templates write them
    generously)."""
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _builtin_unchanged(template_dirs: tuple[Path, ...]) -> bool:
    """Is the ``posting.md.j2`` Jinja would load the built-in one, as pinned?"""
    if any((d / POSTING_TEMPLATE).exists() for d in template_dirs):
        return False
    return _builtin_sha256() == BUILTIN_POSTING_SHA256


@lru_cache(maxsize=1)
def _builtin_sha256() -> str:
    try:
        return template_sha256((data_dir("templates") / POSTING_TEMPLATE).read_bytes())
    except OSError:
        return ""


def template_sha256(source: bytes) -> str:
    """The SHA-256 of a template's text, its line ends made ``\\n`` (as Jinja reads it)."""
    return hashlib.sha256(source.replace(b"\r\n", b"\n")).hexdigest()


def builtin_posting(jd: JobDescription) -> str:
    """What the built-in ``posting.md.j2`` renders for ``jd`` (before blank lines are
    normalised), block by block and line by line as the template writes it."""
    out = [f"# {jd.title}\n", "\n"]  # block title
    for section in jd.sections:  # block section
        out.append(f"\n## {section.heading}\n\n")
        out += [f"\n{p}\n\n" for p in section.paragraphs]
        out += [f"- {b.text}\n" for b in section.bullets]  # block section_bullets
        for sub in section.subsections:
            out.append(f"\n### {sub.heading}\n\n")
            out += [f"\n{p}\n\n" for p in sub.paragraphs]
            out += [f"- {b.text}\n" for b in sub.bullets]
    return "".join(out)


def to_bytes(jd: JobDescription, options: RenderOptions) -> bytes:
    return render_markdown(jd, options.template_dirs).encode("utf-8")
