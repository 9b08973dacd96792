"""The company file's fields as the build form sees them, read from the model.

Every field of :class:`~jdgen.models.Company` has a path (``salary.min``,
``locations.*.city`` with ``*`` for a list item) and a kind that says how the form
shows and reads it: ``group`` (a nested block: its fields follow), ``yes_no`` (a choice
of yes, no or not stated), ``lines`` (a list, one item per line), ``number``,
``choice`` (one of the model's fixed values) or ``text``.  The build template places
most fields by hand (:data:`PLACED`); a field the model gains later is shown under
"Other details" by its kind until the template places it, so the form always offers
every field of the company file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, get_args, get_origin

#: Fields the build template (``templates/web/build.html.j2``) lays out itself.
PLACED = frozenset(
    {
        "name",
        "confidential",
        "about",
        "website",
        "size",
        "industry",
        "description",
        "business_model",
        "sector",
        "systems",
        "languages",
        "preferred_languages",
        "unionised",
        "sites",
        "countries",
        "length",
        "travel.percent",
        "travel.destinations",
        "work_setting",
        "work_environment",
        "locations.*.city",
        "locations.*.region",
        "locations.*.country",
        "locations.*.postal_code",
        "locations.*.street",
        "work_arrangement",
        "office_days",
        "remote_regions",
        "employment_type",
        "salary.min",
        "salary.max",
        "salary.currency",
        "salary.period",
        "variable_pay.bonus_target_percent",
        "variable_pay.on_target_earnings.min",
        "variable_pay.on_target_earnings.max",
        "variable_pay.on_target_earnings.currency",
        "variable_pay.on_target_earnings.period",
        "variable_pay.commission",
        "variable_pay.equity",
        "flsa_status",
        "visa_sponsorship",
        "security_clearance",
        "drivers_license",
        "benefits",
        "equal_opportunity",
        "how_to_apply",
        "date_posted",
        "closing_date",
        "locale",
        "title_suffix",
        "existing_vacancy",
        "ai_screening",
        "posting.title",
        "posting.team",
        "posting.add_responsibilities",
        "posting.add_skills",
        "posting.remove",
        "posting.extra_sections.*.heading",
        "posting.extra_sections.*.paragraphs",
        "posting.extra_sections.*.bullets",
        "posting.career_path",
        "posting.requisition_id",
        "posting.length",
        "posting.job_code",
        "posting.grade",
        "posting.department",
    }
)
#: Groups whose message slot the build template places itself.
PLACED_GROUPS = frozenset(
    {
        "locations",
        "travel",
        "salary",
        "variable_pay",
        "variable_pay.on_target_earnings",
        "posting",
        "posting.extra_sections",
    }
)

Kind = Literal["group", "yes_no", "lines", "number", "choice", "text"]
#: Lists the form shows one item per line though an item may be a block in the file
#: (a benefit for some levels only, ``{text: …, levels: [manager]}``, is "text [for: manager]").
LINES = frozenset({"benefits"})


@dataclass(frozen=True)
class FormField:
    path: str
    kind: Kind
    #: The fixed values of a ``choice``.
    choices: tuple[str, ...] = ()
    #: The value a ``choice`` takes when the company file leaves it out ("" for none).
    default: str = ""

    @property
    def key(self) -> str:
        """The form field's name for the first row (``locations.0.city``)."""
        return self.path.replace("*", "0")

    @property
    def placed(self) -> bool:
        return self.path in (PLACED_GROUPS if self.kind == "group" else PLACED)


def _model_in(annotation: Any) -> tuple[Any, bool]:
    """The pydantic model an annotation holds (through Optional and list), and whether
    it is a list of them."""
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    for arg in get_args(annotation):
        found, listed = _model_in(arg)
        if found is not None:
            return found, listed or get_origin(annotation) is list
    return None, False


def _kind(annotation: Any) -> tuple[Kind, tuple[str, ...]]:
    args = [a for a in get_args(annotation) if a is not type(None)] or [annotation]
    if get_origin(annotation) is Literal:
        return "choice", tuple(str(a) for a in get_args(annotation))
    if get_origin(annotation) is list:
        return "lines", ()
    if len(args) == 1 and args[0] is not annotation:
        return _kind(args[0])  # Optional[X]
    if args == [bool]:
        return "yes_no", ()
    if args and all(a in (int, float) for a in args):
        return "number", ()
    return "text", ()


@lru_cache(maxsize=8)
def company_fields(model: Any = None, prefix: str = "") -> tuple[FormField, ...]:
    """Every field of a company file, in the model's order; a nested block's own path
    (kind ``group``) comes before its fields."""
    from jdgen.models import Company

    found: list[FormField] = []
    for name, info in (model or Company).model_fields.items():
        path = f"{prefix}{name}"
        nested, listed = _model_in(info.annotation)
        if path in LINES:
            nested = None
        if nested is None:
            kind, choices = _kind(info.annotation)
            default = info.default if info.default in choices else ""
            found.append(FormField(path, kind, choices, default))
            continue
        found.append(FormField(path, "group"))
        found += company_fields(nested, f"{path}.*." if listed else f"{path}.")
    return tuple(found)


def company_paths() -> list[str]:
    return [f.path for f in company_fields()]


def kinds() -> dict[str, Kind]:
    return {f.path: f.kind for f in company_fields()}


def choice_defaults() -> dict[str, str]:
    """The model's value of each choice left out of a company file (``length``: standard),
    so that the form shows what the posting gets."""
    return {f.key: f.default for f in company_fields() if f.default}


def unplaced() -> list[FormField]:
    """The fields (and groups) the build template does not lay out itself, for "Other details"."""
    return [f for f in company_fields() if not f.placed and "*" not in f.path]
