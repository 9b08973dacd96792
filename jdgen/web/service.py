"""What the web app asks of jdgen: the same stages as the CLI, with errors as field paths.

:meth:`Site.build` runs catalog → company → tailor → edits, exactly as
``jdgen generate ROLE --company FILE [--catalog DIR]`` does for a company file holding the same fields;
nothing here decides what a posting says.  Problems come back as :class:`FieldError`
(a field path and the CLI's own message), never as an exception a client could turn
into a server error.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from jdgen.document import Kind
from jdgen.edits import Edit, Edited

if TYPE_CHECKING:
    from jdgen.catalog import Catalog
    from jdgen.lint import LintReport
    from jdgen.models import Company, Role


T = TypeVar("T")


class PostingRequest(BaseModel):
    """A posting to build: a role, the company (the fields of a company file) and edits."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    role: str = Field(min_length=1, max_length=200, description="A catalog id, title or alias.")
    company: dict[str, Any] = Field(
        default_factory=dict,
        description="The fields of a company file (name, size, industry, salary, posting …), "
        "as in company.yaml; missing fields take the default company's values.",
    )
    edits: list[Edit] = Field(default_factory=list, max_length=500)
    kind: Kind = Field(
        default="posting",
        description="posting: the job ad; description: the internal job description HR "
        "keeps on file (generate --kind).",
    )
    salary_range: str | None = Field(
        default=None,
        max_length=100,
        description="This posting's pay range over the company's, as generate --salary takes it: "
        '"120k-150k", "€65,000-€80,000".',
    )


@dataclass(frozen=True)
class FieldError:
    """A problem with one field: its path (``("company", "salary", "min")``) and message."""

    loc: tuple[str | int, ...]
    msg: str

    @property
    def dotted(self) -> str:
        return ".".join(str(p) for p in self.loc)

    def as_detail(self) -> dict[str, Any]:
        return {"loc": ["body", *self.loc], "msg": self.msg, "type": "value_error"}


class InputError(Exception):
    """The request cannot be built into a posting; carries every field problem."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.dotted}: {e.msg}" for e in errors))


@dataclass
class Built:
    """A posting built from a request: the role, the company, and the edited posting."""

    role: Role
    company: Company
    edited: Edited
    lint: LintReport | None = field(default=None)


def company_errors(data: dict[str, Any], cat: Catalog) -> tuple[Company | None, list[FieldError]]:
    """Validate company fields as ``load_company`` does a file, with the same messages."""
    from jdgen.errors import UnknownChoiceError
    from jdgen.models import Company
    from jdgen.validation import validation_problems

    merged = {**cat.default_company, **data}
    try:
        company = Company.model_validate(merged)
    except ValidationError as err:
        errors = []
        for problem in validation_problems(err, "company"):
            _, path, msg = problem.split(": ", 2)
            loc = tuple(int(p) if p.isascii() and p.isdigit() else p for p in path.split("."))
            errors.append(FieldError(("company", *loc), msg))
        return None, errors
    errors = []
    for name, finder in (("size", cat.find_size), ("industry", cat.find_industry)):
        try:
            finder(getattr(company, name))
        except UnknownChoiceError as exc:
            errors.append(FieldError(("company", name), str(exc)))
    if company.sector and company.sector.strip() and not errors:
        try:
            cat.find_sector(company.sector, cat.find_industry(company.industry).id)
        except UnknownChoiceError as exc:
            errors.append(FieldError(("company", "sector"), str(exc)))
    return (None, errors) if errors else (company, [])


def find_role(query: str, cat: Catalog) -> Role:
    from jdgen.errors import UnknownChoiceError

    try:
        return cat.find_role(query)
    except UnknownChoiceError as exc:
        raise InputError([FieldError(("role",), str(exc))]) from None


class LRU(Generic[T]):
    """The last few results by key (thread-safe): a page asks for the preview and then its
    checks for the same input, and a user toggling a choice revisits the same states."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self.items: OrderedDict[str, T] = OrderedDict()
        self.lock = Lock()

    def get(self, key: str) -> T | None:
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
            return found

    def put(self, key: str, value: T) -> None:
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)


def request_key(request: PostingRequest) -> str:
    return json.dumps(request.model_dump(mode="json"), sort_keys=True, default=str)


@dataclass(eq=False)
class Site:
    """What one running app builds with: its catalog (the built-in one, or with the
    directories of ``jdgen serve --catalog DIR``) and the user's template directories
    (``--templates DIR``, used for the downloads as ``jdgen generate`` uses them), with
    the last few postings and preview fragments built from them."""

    loaded: Catalog | None = None
    template_dirs: tuple[Path, ...] = ()
    postings: LRU[Built] = field(default_factory=LRU)
    fragments: LRU[bytes] = field(default_factory=lambda: LRU(512))

    def catalog(self) -> Catalog:
        if self.loaded is None:
            from jdgen.catalog import builtin_catalog

            self.loaded = builtin_catalog()
        return self.loaded

    def build(self, request: PostingRequest) -> Built:
        """Tailor the posting for ``request`` and apply its edits; :class:`InputError` on
        bad input."""
        key = request_key(request)
        cached = self.postings.get(key)
        if cached is None:
            cached = build(request, self.catalog())
            self.postings.put(key, cached)
        return cached

    def render(self, built: Built, fmt: str, reference_docx: bytes | None = None) -> bytes:
        """The posting in ``fmt``, as ``jdgen generate --format FMT`` writes it."""
        from jdgen.render import RenderOptions
        from jdgen.render import render as render_format

        if reference_docx is None:
            from jdgen.errors import JdgenError

            try:
                return render_format(built.edited.jd, fmt, RenderOptions(self.template_dirs))
            except JdgenError as exc:  # a JobPosting (jsonld) of the internal description
                if built.edited.jd.kind == "posting":
                    raise
                raise InputError([FieldError(("kind",), str(exc))]) from None
        import tempfile

        with tempfile.TemporaryDirectory(prefix="jdgen-web-") as tmp:
            path = Path(tmp) / "reference.docx"
            path.write_bytes(reference_docx)
            options = RenderOptions(self.template_dirs, reference_docx=path)
            return render_format(built.edited.jd, fmt, options)


def build(request: PostingRequest, cat: Catalog) -> Built:
    """Tailor the posting for ``request`` from ``cat`` and apply its edits."""
    from jdgen.document import make_document
    from jdgen.edits import apply_edits
    from jdgen.errors import JdgenError

    errors: list[FieldError] = []
    role = None
    try:
        role = find_role(request.role, cat)
    except InputError as exc:
        errors += exc.errors
    company, problems = company_errors(request.company, cat)
    errors += problems
    if company is not None and request.salary_range:
        company, problems = with_pay_range(company, request.salary_range)
        errors += problems
    if errors or role is None or company is None:
        raise InputError(errors)
    try:
        jd = make_document(request.kind, role, company, cat, company.posting)
    except JdgenError as exc:  # posting.remove naming an id the role lacks, a business model …
        raise InputError([tailor_error(str(exc))]) from None
    return Built(role, company, apply_edits(jd, request.edits))


def with_pay_range(company: Company, text: str) -> tuple[Company | None, list[FieldError]]:
    """The company with this posting's pay range, as ``generate --salary TEXT`` makes it."""
    from jdgen.document import pay_range
    from jdgen.errors import JdgenError

    try:
        return company.model_copy(update={"salary": pay_range(text, company)}), []
    except JdgenError as exc:
        return None, [FieldError(("salary_range",), str(exc))]


def tailor_error(message: str) -> FieldError:
    """A tailoring error ("remove: …", "business_model: …") under the field it names."""
    from jdgen.models import Company, PostingOptions

    head, sep, rest = message.partition(": ")
    path = tuple(int(p) if p.isdigit() else p for p in head.split("."))  # benefits.0.levels
    if sep and path[0] in Company.model_fields:
        return FieldError(("company", *path), rest)
    if sep and head in PostingOptions.model_fields:
        return FieldError(("company", "posting", head), rest)
    return FieldError(("company",), message)


def site_of(request: Any) -> Site:
    """The :class:`Site` of the app serving ``request``."""
    site = request.app.state.site
    assert isinstance(site, Site)
    return site


def headcount(company: Company) -> int | None:
    from jdgen.forgiving import headcount as number

    return number(company.size)


def lint(built: Built) -> LintReport:
    """The checks ``jdgen generate --lint`` runs, on the edited posting (cached with it)."""
    if built.lint is None:
        from jdgen.lint import lint_job_description

        built.lint = lint_job_description(
            built.edited.jd, source=built.role.id, employees=headcount(built.company)
        )
    return built.lint
