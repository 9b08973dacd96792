"""A standalone HTML page for the posting, with schema.org JobPosting JSON-LD embedded.

``posting.html.j2`` is found through the same loader as the Markdown templates:
the user's ``--templates`` directories first, then the built-in ones, and
``!default/posting.html.j2`` always names the built-in page, so an override can
extend it and change one block.  Templates render in a sandbox with
StrictUndefined and autoescape on (everything but ``.txt``/``.md`` templates is
escaped), so a company called ``<script>…`` comes out as text.

The template calls ``job_posting(description)`` with the HTML of the posting body
and embeds the result with ``|tojson``, which escapes ``<``, ``>`` and ``&`` so
that nothing in the data can close the ``<script>`` element.  The page's
``description`` and the visible body are one rendered block, so a template that
changes the body changes the JSON-LD description with it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jdgen.errors import JdgenError
from jdgen.models import JobDescription
from jdgen.render import RenderOptions
from jdgen.render.jsonld import job_posting, posting_date
from jdgen.templating import render_file
from jdgen.text import long_date

POSTING_TEMPLATE = "posting.html.j2"

_URL = re.compile(r"https?://\S+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _render(name: str, template_dirs: Sequence[Path], values: dict[str, Any]) -> str:
    return render_file(name, values, template_dirs)


def apply_href(jd: JobDescription) -> str | None:
    """Where the Apply button points: the how_to_apply URL, or a mailto: for an address."""
    how = (jd.metadata.how_to_apply or "").strip()
    if _URL.fullmatch(how):
        return how
    if _EMAIL.fullmatch(how):
        return f"mailto:{how}?subject={quote(jd.title)}"
    return None


def render_page(
    jd: JobDescription, template_dirs: Sequence[Path] = ()
) -> tuple[str, dict[str, Any]]:
    """The HTML page and the JobPosting it embeds."""
    captured: list[dict[str, Any]] = []

    def job_posting_for_page(description: str, **overrides: Any) -> dict[str, Any]:
        data = job_posting(jd, str(description), **overrides)
        captured.append(data)
        return data

    posted, closes = posting_date(jd), jd.metadata.valid_through
    values: dict[str, Any] = {
        "jd": jd,
        "job_posting": job_posting_for_page,
        "date_posted": posted.isoformat(),
        "date_posted_text": long_date(posted, jd.metadata.locale),
        "valid_through": closes.isoformat() if closes else None,
        "valid_through_text": long_date(closes, jd.metadata.locale) if closes else None,
        "apply_href": apply_href(jd),
    }
    page = _render(POSTING_TEMPLATE, template_dirs, values)
    if not captured:  # an override dropped the structured data: take it from the built-in page
        _render(f"!default/{POSTING_TEMPLATE}", template_dirs, values)
    return page, captured[-1]


DESCRIPTION_TEMPLATE = "description.html.j2"


def to_bytes(jd: JobDescription, options: RenderOptions) -> bytes:
    if jd.kind == "description":  # an internal document: no JobPosting, no Apply button
        page = _render(DESCRIPTION_TEMPLATE, options.template_dirs, {"jd": jd})
        return page.encode("utf-8")
    page, _ = render_page(jd, options.template_dirs)
    return page.encode("utf-8")


def jsonld_bytes(jd: JobDescription, options: RenderOptions) -> bytes:
    """``--format jsonld``: the JobPosting of the HTML page, as a JSON-LD document."""
    if jd.kind != "posting":
        raise JdgenError(
            "--format jsonld is a schema.org JobPosting, for postings only; write the "
            "internal description as md, docx, html, txt or json"
        )
    _, data = render_page(jd, options.template_dirs)
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
