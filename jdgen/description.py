"""The internal job description (``--kind description``): the document HR keeps on file.

Built from the tailored posting, so the two always agree on duties, qualifications
and skills, plus what only the file copy has: a table of job details (code, grade,
department, reports-to, FLSA status …), the duties split into essential and
marginal functions, the full work environment and physical demands, travel, the
customary "other duties as assigned" and an acknowledgement block with signature
and date lines.  No marketing sections (about us, benefits, how to apply).
Headings and wording come from the ``description`` block of ``catalog/work.yaml``.
"""

from __future__ import annotations

from jdgen import work
from jdgen.catalog import Catalog, builtin_catalog
from jdgen.models import (
    Bullet,
    Company,
    Fact,
    JobDescription,
    Origin,
    PostingOptions,
    Role,
    Section,
    Subsection,
)
from jdgen.tailor import Context, in_country_spelling, resolve, tailor

#: The sections of a description, in order (each only when it has content).
ORDER = (
    "job-details",
    "summary",
    "supervision",
    "essential-functions",
    "marginal-functions",
    "qualifications",
    "ksa",
    "work-environment",
    "travel",
    "other-duties",
    "acknowledgement",
)

_FROM_WORK = Origin(kind="catalog", ref="work")


def describe(
    role: Role,
    company: Company,
    catalog: Catalog | None = None,
    options: PostingOptions | None = None,
) -> JobDescription:
    """The internal job description of ``role`` at ``company``: every duty, skill and
    qualification that applies (the ``long`` length), unless a length is chosen."""
    catalog = catalog or builtin_catalog()
    options = options or PostingOptions()
    if options.length is None:
        options = options.model_copy(update={"length": "long"})
    posting = tailor(role, company, catalog, options)
    ctx = resolve(role, company, catalog, options)
    text = catalog.work.description
    essential, marginal = _functions(ctx, posting)
    sections = [
        _job_details(ctx, posting),
        _reuse(posting, "about-role", "summary"),
        _supervision(ctx, posting),
        essential,
        marginal,
        _reuse(posting, "qualifications", "qualifications"),
        _reuse(posting, "skills", "ksa"),
        _environment(ctx),
        _section("travel", paragraphs=[work.travel_sentence(ctx)]),
        _section("other-duties", paragraphs=[ctx.render(text.other_duties)]),
        _acknowledgement(ctx),
    ]
    named = [
        s.model_copy(update={"heading": text.headings[s.id]})
        for s in sections
        if s is not None and (s.paragraphs or s.bullets or s.subsections or s.facts)
    ]
    described = JobDescription(
        kind="description", title=posting.title, sections=named, metadata=posting.metadata
    )
    return in_country_spelling(described, ctx)


def _section(section_id: str, **parts: object) -> Section:
    return Section.model_validate({"id": section_id, "heading": "", "source": _FROM_WORK, **parts})


def _reuse(posting: JobDescription, posting_id: str, section_id: str) -> Section | None:
    """A posting section under the description's id (its heading is set later)."""
    found = posting.section(posting_id)
    return found.model_copy(update={"id": section_id}) if found else None


def _job_details(ctx: Context, posting: JobDescription) -> Section:
    text = ctx.catalog.work.description
    m = posting.metadata
    opts = ctx.options
    department = opts.department or ctx.catalog.domains[ctx.role.domain].name
    flsa = text.flsa_values[m.flsa_status] if m.flsa_status else None
    values = {
        "title": posting.title,
        "job_code": opts.job_code,
        "grade": opts.grade,
        "department": department,
        "reports_to": m.reports_to.title,
        "supervises": _upper_first(m.team),
        "flsa": flsa,
        "employment_type": m.employment_type.replace("-", " ").capitalize(),
        "location": "; ".join(loc.label() for loc in m.locations) or None,
        "work_setting": _setting_name(ctx),
    }
    facts = [
        Fact(id=key.replace("_", "-"), label=text.labels[key], value=str(value))
        for key, value in values.items()
        if value
    ]
    return _section("job-details", facts=facts)


def _upper_first(text: str | None) -> str | None:
    """A value that stands alone in the job details starts with a capital: "The managers …"
    (the same words run on inside the supervision sentence)."""
    return text[:1].upper() + text[1:] if text else text


def _setting_name(ctx: Context) -> str:
    text = ctx.catalog.work.description
    setting = work.work_setting(ctx)
    floor = text.floor_names.get(ctx.industry.id, ctx.values["vocab"]["site"])
    return ctx.render(text.work_settings[setting], floor=floor).rstrip(".")


def _supervision(ctx: Context, posting: JobDescription) -> Section:
    text = ctx.catalog.work.description
    m = posting.metadata
    raw = text.supervision if m.team else text.no_supervision
    line = ctx.render(raw, reports_to=m.reports_to.title, team=m.team or "")
    return _section("supervision", paragraphs=[line])


def _functions(ctx: Context, posting: JobDescription) -> tuple[Section | None, Section]:
    """The posting's duties split into essential functions (in their groups) and marginal
    ones, which end with "Other duties as assigned"."""
    text = ctx.catalog.work.description
    marginal_ids = set(text.marginal)
    duties = posting.section("responsibilities")
    groups: list[Subsection] = []
    marginal: list[Bullet] = []
    for sub in duties.subsections if duties else []:
        keep = [b for b in sub.bullets if b.id not in marginal_ids]
        marginal += [b for b in sub.bullets if b.id in marginal_ids]
        if keep:
            groups.append(sub.model_copy(update={"bullets": keep}))
    marginal.append(Bullet(id="other-duties", text=text.other_duties_line, source=_FROM_WORK))
    essential = (
        _section(
            "essential-functions",
            paragraphs=[ctx.render(text.essential_intro)],
            subsections=groups,
        )
        if groups
        else None
    )
    return essential, _section(
        "marginal-functions", paragraphs=[ctx.render(text.marginal_intro)], bullets=marginal
    )


def _environment(ctx: Context) -> Section:
    """Where the work happens, every physical demand and every condition."""
    text = ctx.catalog.work.description
    env = work.work_environment(ctx)
    demands = [*env.description_only, *env.demands]
    subsections = [
        Subsection(
            id="physical-demands",
            heading=text.headings["physical-demands"],
            bullets=_bullets(demands, "demand"),
        )
    ]
    if env.conditions:
        subsections.append(
            Subsection(
                id="work-conditions",
                heading=text.headings["work-conditions"],
                bullets=_bullets(env.conditions, "condition"),
            )
        )
    return _section(
        "work-environment", paragraphs=[env.summary, env.accommodation], subsections=subsections
    )


def _bullets(lines: list[str], name: str) -> list[Bullet]:
    return [
        Bullet(id=f"{name}-{i}", text=line, source=_FROM_WORK) for i, line in enumerate(lines, 1)
    ]


def _acknowledgement(ctx: Context) -> Section:
    text = ctx.catalog.work.description
    facts = [Fact(id=f"signature-{i}", label=label) for i, label in enumerate(text.signatures, 1)]
    return _section("acknowledgement", paragraphs=[ctx.render(text.acknowledgement)], facts=facts)
