"""``--docx-template``: a Word file with Jinja tags, filled from the posting with docxtpl.

The user designs the document in Word and types tags where the posting goes:
``{{ title }}``, ``{{ about_role }}``, ``{%p for group in responsibilities %}`` …
(docxtpl's ``{%p %}``, ``{%tr %}`` and ``{%r %}`` tags repeat or drop whole
paragraphs, table rows and runs).  The fields come only from the
JobDescription; :func:`template_fields` defines them and the README lists them.

User template text runs in Jinja's immutable sandbox with StrictUndefined and
autoescaping: ``{{ ''.__class__.__mro__ }}`` is a clear jdgen error, a misspelt
field is an error naming it, and a company called ``R&D <Labs>`` stays text.
"""

from __future__ import annotations

import html
import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import TemplateError as JinjaTemplateError
from jinja2.exceptions import SecurityError, TemplateNotFound, UndefinedError

from jdgen.clock import build_time
from jdgen.errors import TemplateError
from jdgen.models import JobDescription, Section, Subsection
from jdgen.render.docx_package import docx_bytes, docx_errors, file_key, normalise_zip
from jdgen.render.docx_parts import fill_properties, xml_safe
from jdgen.templating import environment, not_found

OPTION = "--docx-template"

#: Joins the paragraphs of a text field; docxtpl turns it into a new Word paragraph
#: with the style of the paragraph that holds the tag.
NEW_PARAGRAPH = "\a"


# ---------------------------------------------------------------------------
# The fields a template can use
# ---------------------------------------------------------------------------


def _clean(text: str) -> str:
    return xml_safe(text)


def _text(paragraphs: list[str]) -> str:
    return NEW_PARAGRAPH.join(_clean(p) for p in paragraphs)


def _part(part: Section | Subsection) -> dict[str, Any]:
    return {
        "id": part.id,
        "heading": _clean(part.heading),
        "text": _text(part.paragraphs),
        "paragraphs": [_clean(p) for p in part.paragraphs],
        "bullets": [_clean(b) for b in part.bullet_texts],
    }


def _section(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        **_part(section),
        "subsections": [_part(sub) for sub in section.subsections],
    }


def _clean_tree(value: Any) -> Any:
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, list):
        return [_clean_tree(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean_tree(v) for k, v in value.items()}
    return value


def template_fields(jd: JobDescription) -> dict[str, Any]:
    """The values a ``--docx-template`` can use, derived from the JobDescription alone.

    Text fields that may hold several paragraphs (``about_role``, ``how_to_apply`` …)
    become one Word paragraph each, in the style of the paragraph holding the tag.
    Groups (``responsibilities``, ``skills``) are lists of ``{heading, bullets}``.
    A field whose section the posting lacks is empty (``""`` or ``[]``), so
    ``{%p if pay %}`` leaves it out.
    """
    from jdgen.text import long_date, money

    meta = jd.metadata
    by_id = {s.id: s for s in jd.sections}
    empty = Section(id="", heading="")

    def text(section_id: str) -> str:
        return _text(by_id.get(section_id, empty).paragraphs)

    def bullets(section_id: str) -> list[str]:
        return [_clean(b) for b in by_id.get(section_id, empty).bullet_texts]

    def groups(section_id: str) -> list[dict[str, Any]]:
        return [_part(sub) for sub in by_id.get(section_id, empty).subsections]

    def qualifications(kind: str) -> list[str]:
        sub = by_id.get("qualifications", empty).subsection(kind)
        return [_clean(b) for b in sub.bullet_texts] if sub else []

    salary = meta.salary
    return {
        "title": _clean(jd.title),
        "company": _clean(meta.company_name or ""),
        "website": _clean(meta.website or ""),
        "about_company": text("about-company"),
        "about_role": text("about-role"),
        "reporting": text("reporting"),
        "reports_to": _clean(meta.reports_to.title),
        "responsibilities": groups("responsibilities"),
        "qualifications": {
            "required": qualifications("required"),
            "preferred": qualifications("preferred"),
            "groups": groups("qualifications"),
        },
        "skills": groups("skills"),
        "skill_names": [_clean(s.name) for s in meta.skills],
        "kpis_intro": text("kpis"),
        "kpis": bullets("kpis"),
        "career": text("career"),
        "pay": text("compensation"),
        "pay_range": (
            f"{money(salary.min, salary.currency, meta.locale)} to "
            f"{money(salary.max, salary.currency, meta.locale)} "
            f"per {salary.period}"
            if salary
            else ""
        ),
        "salary": salary.model_dump(mode="json") if salary else None,
        "benefits": bullets("compensation"),
        "location": text("location"),
        "locations": [_clean(loc.label()) for loc in meta.locations if loc.label()],
        "work_arrangement": meta.work_arrangement or "",
        "employment_type": meta.employment_type,
        "how_to_apply": text("apply"),
        "date_posted": long_date(meta.date_posted, meta.locale) if meta.date_posted else "",
        "apply_by": long_date(meta.valid_through, meta.locale) if meta.valid_through else "",
        "equal_opportunity": text("equal-opportunity"),
        "level": meta.level_name,
        "industry": meta.industry_name,
        "company_size": meta.size_name,
        "extra_sections": [_section(s) for s in jd.sections if s.id.startswith("extra-")],
        "sections": [_section(s) for s in jd.sections],
        "headings": {s.id: _clean(s.heading) for s in jd.sections},
        "metadata": _clean_tree(meta.model_dump(mode="json")),
    }


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _template_bytes(key: tuple[str, int, int], shown: str) -> bytes:
    return docx_bytes(Path(key[0]), OPTION, Path(shown))


def _where(exc: JinjaTemplateError) -> str:
    """The text around a template error, as docxtpl reports it (XML tags removed)."""
    context = getattr(exc, "docx_context", None)
    if not context:
        return ""
    words = html.unescape(" ".join(" ".join(line.split()) for line in context if line.strip()))
    return f" (near “{words[:120]}”)" if words else ""


def render_docx_template(jd: JobDescription, path: Path) -> bytes:
    """Fill the user's Word template ``path`` with the posting's fields."""
    from docxtpl import DocxTemplate

    data = _template_bytes(file_key(path, OPTION), str(path))
    fields = template_fields(jd)
    template = DocxTemplate(io.BytesIO(data))
    with docx_errors(path, OPTION):
        template.init_docx()
    try:
        template.render(fields, jinja_env=environment(word=True), autoescape=False)
    except SecurityError as exc:
        raise TemplateError(
            f"{OPTION}: {path}: not allowed in a jdgen template: {exc}{_where(exc)}"
        ) from None
    except UndefinedError as exc:
        raise TemplateError(
            f"{OPTION}: {path}: {exc.message}{_where(exc)}; the fields are: "
            f"{', '.join(sorted(fields))}"
        ) from None
    except TemplateNotFound as exc:
        raise TemplateError(f"{OPTION}: {path}: {not_found(exc)}{_where(exc)}") from None
    except JinjaTemplateError as exc:
        raise TemplateError(f"{OPTION}: {path}: {exc.message or exc}{_where(exc)}") from None
    except SyntaxError as exc:  # lxml's XMLSyntaxError: the filled-in XML is broken
        raise TemplateError(
            f"{OPTION}: {path}: the filled-in template is not valid Word XML ({exc}); "
            "put a tag that repeats or drops paragraphs alone in its paragraph as {%p …%}"
        ) from None
    except (KeyError, ValueError, IndexError, AttributeError) as exc:
        # docxtpl on a tag it cannot place, e.g. {%tr %} outside a table row
        raise TemplateError(
            f"{OPTION}: {path}: could not fill the template ({type(exc).__name__}: {exc})"
        ) from None
    fill_properties(template.docx, jd)
    out = io.BytesIO()
    template.save(out)
    return normalise_zip(out.getvalue(), build_time())
