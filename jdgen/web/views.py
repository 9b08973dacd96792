"""What the pages show: the values the web templates receive, built from the stages."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from jdgen.web import service
from jdgen.web.fields import choice_defaults, company_paths, unplaced
from jdgen.web.forms import MAX_ROWS, edits_json, flatten
from jdgen.web.preview import element_id, preview_sections
from jdgen.web.service import FieldError, InputError, PostingRequest

if TYPE_CHECKING:
    from jdgen.edits import Edited
    from jdgen.lint import LintReport

#: The fields of the "Eligibility and legal" part of the form.
TERMS_FIELDS = (
    "flsa_status",
    "visa_sponsorship",
    "security_clearance",
    "drivers_license",
    "existing_vacancy",
    "ai_screening",
)

#: The fields of the "How the company works" part of the form.
FACT_FIELDS: tuple[str, ...] = ("business_model", "sector", "systems", "languages", "unionised")
FACT_FIELDS += ("sites",)
FACT_FIELDS += ("countries", "preferred_languages")


def slot_paths(location_rows: int, section_rows: int) -> list[str]:
    """Every place an error message can be shown in the build form: one per company field
    (:func:`~jdgen.web.fields.company_paths`), per row of places and extra sections."""
    return list(_slot_paths(location_rows, section_rows))


@lru_cache(maxsize=64)
def _slot_paths(location_rows: int, section_rows: int) -> tuple[str, ...]:
    """:func:`slot_paths`, worked out once per number of rows (every preview asks)."""
    paths = ["form", "role", "kind", "salary_range", "reference_docx"]
    rows = {"locations": location_rows, "posting.extra_sections": section_rows}
    for path in company_paths():
        head, star, tail = path.partition(".*")
        if not star:
            paths.append(path)
            continue
        for i in range(rows.get(head, 0)):
            paths += [f"{head}.{i}"] if tail.count(".") == 1 and f"{head}.{i}" not in paths else []
            paths.append(f"{head}.{i}{tail}")
    return tuple(paths)


def field_path(e: FieldError) -> str:
    """The form field an error is about: its path without the leading ``company``."""
    loc = e.loc[1:] if e.loc[:1] == ("company",) and len(e.loc) > 1 else e.loc
    return ".".join(str(p) for p in loc)


def error_slots(errors: list[FieldError], slots: list[str]) -> dict[str, str]:
    """Each error under the most specific slot its path falls in (else the form's)."""
    known = set(slots)
    shown: dict[str, str] = {}
    for e in errors:
        own = field_path(e)
        parts = own.split(".")
        while parts and ".".join(parts) not in known:
            parts.pop()
        path = ".".join(parts) if parts else "form"
        message = e.msg if path == own else f"{own}: {e.msg}"
        shown[path] = f"{shown[path]}; {message}" if path in shown else message
    return shown


def rows(company: dict[str, Any], key: str, nested: str | None = None) -> int:
    holder: Any = company.get(nested, {}) if nested else company
    items = holder.get(key, []) if isinstance(holder, dict) else []
    return min(MAX_ROWS, max(1, len(items) if isinstance(items, list) else 1))


#: Fields that do not go into the posting: a problem there stops the download, not the preview.
DOWNLOAD_FIELDS = ("reference_docx", "format")


def problem(e: FieldError, slots: list[str]) -> dict[str, str]:
    """One problem for the list above the preview: the field path, its label key (numbers
    as ``*``), the id of the message beside the field, and the message."""
    import re

    own = field_path(e)
    slot = next(iter(error_slots([e], slots)))
    return {
        "path": own,
        "key": re.sub(r"\.\d+(?=\.|$)", ".*", own),
        "anchor": "err-" + slot.replace(".", "-"),
        "msg": e.msg,
    }


def preview_values(
    site: service.Site,
    request: PostingRequest | None,
    errors: list[FieldError],
    slots: list[str],
) -> dict[str, Any]:
    """The preview of a request, or the problems that stop it being built; problems with
    the download alone (``download_problems``) leave the preview as it is."""
    values: dict[str, Any] = {
        "jd": None,
        "sections": [],
        "dropped": [],
        "report": None,
        "pay_errors": [],
    }
    for_download = [e for e in errors if field_path(e) in DOWNLOAD_FIELDS]
    errors = [e for e in errors if e not in for_download]
    built = None
    if request is not None and not errors:
        try:
            built = site.build(request)
        except InputError as exc:
            errors = exc.errors
    values["errors"] = error_slots([*errors, *for_download], slots)
    values["problems"] = [problem(e, slots) for e in errors]
    values["download_problems"] = [problem(e, slots) for e in for_download]
    values["slots"] = slots
    values["edits_json"] = edits_json(request.edits if request else [])
    if built is not None:
        values.update(
            jd=built.edited.jd,
            sections=preview_sections(built.edited.jd, built.edited),
            dropped=built.edited.dropped,
        )
        values["built"] = built
    return values


def lint_values(built: service.Built) -> dict[str, Any]:
    from jdgen.lint.report import CHECK_NAMES

    report = service.lint(built)
    published = built.edited.jd.kind == "posting"  # pay laws ask nothing of an HR file
    return {
        "report": report,
        "check_names": CHECK_NAMES,
        "anchors": anchors(report, built.edited),
        "pay_errors": [
            f
            for f in report.findings
            if published and f.check == "pay-transparency" and f.severity == "error"
        ],
    }


def anchors(report: LintReport, edited: Edited) -> dict[int, str]:
    """Finding index → the id of the bullet its sentence is in, where there is one."""
    found: dict[int, str] = {}
    for i, f in enumerate(report.findings):
        needle = (f.context or f.text).strip().lower()
        if not needle:
            continue
        for lst in edited.lists:
            key = next(
                (k for k, b in lst.items if needle in b.text.lower() or b.text.lower() in needle),
                None,
            )
            if key is not None:
                found[i] = element_id(key)
                break
    return found


def form_values(company: dict[str, Any], cat: Any) -> dict[str, Any]:
    """What the build form needs besides the state: choices, rows, open sections."""
    given = flatten({**cat.default_company, **company})
    v = {**choice_defaults(), **given}
    return {
        "v": v,
        "industries": [(i.id, i.name) for i in cat.industries.values()],
        "sizes": list(cat.sizes.values()),
        "business_models": [(m.id, m.name) for m in cat.business_models.values()],
        "sectors": [
            (s.id, f"{s.name} ({', '.join(cat.industries[i].name for i in s.industries)})")
            for s in cat.sectors.values()
        ],
        "location_rows": rows(company, "locations"),
        "section_rows": rows(company, "extra_sections", "posting"),
        "other_fields": unplaced(),
        "open_sections": {
            "other": any(k.startswith(f.path) for f in unplaced() for k in given),
            "facts": any(k in given for k in FACT_FIELDS),
            "work": any(k.startswith(("travel", "work_setting", "work_env")) for k in given),
            "location": any(k.startswith(("locations", "work_arr", "remote")) for k in given),
            "pay": any(k.startswith(("salary", "benefits", "variable_pay")) for k in given),
            "terms": any(k in given for k in TERMS_FIELDS),
            "apply": any(
                k in given
                for k in ("date_posted", "closing_date", "how_to_apply", "equal_opportunity")
            ),
            "posting": any(k.startswith(("posting", "title_suffix", "locale")) for k in given),
        },
    }
