"""Stage 2: tailor a catalog role to a company, producing a JobDescription.

:func:`tailor` is a pure function of the role, the company and the catalog: it
reads no files and formats nothing (no Markdown, no Word).  All size and
industry knowledge comes from the catalog data:

* the reporting line, direct reports and years of experience by company size;
* the scope sentence by size and level, and the size's additions (hands-on duties
  in a small company, governance and multi-site duties in an enterprise);
* the industry's vocabulary, context sentence, regulations, KPIs, skills and
  additions;
* items marked ``physical_goods: true`` (supply chain, inventory) only for
  companies that make, move or sell goods; ``physical_goods: false`` items (vendor
  management) only for those that don't.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from jdgen import __version__, work
from jdgen.catalog import Catalog, builtin_catalog
from jdgen.errors import JdgenError, TemplateError
from jdgen.models import (
    Company,
    CompanySize,
    FlsaStatus,
    Industry,
    JobDescription,
    Level,
    PostingMetadata,
    PostingOptions,
    Responsibility,
    Role,
    Section,
    Skill,
    Subsection,
    TextItem,
    When,
    line_text,
    line_when,
    pick,
)
from jdgen.text import article, join_words, long_date, pay_sentence, sentence

# ---------------------------------------------------------------------------
# Placeholders in catalog text, rendered in a sandbox
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _text_env() -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


@lru_cache(maxsize=4096)
def _compile(text: str) -> Any:
    return _text_env().from_string(text)


def fill(text: str, values: dict[str, Any]) -> str:
    """Fill ``{{ placeholders }}`` in a piece of catalog text."""
    if "{" not in text:
        return text
    try:
        return str(_compile(text).render(values))
    except SecurityError as exc:
        raise TemplateError(f"catalog text {text[:60]!r} is not allowed: {exc}") from None
    except JinjaTemplateError as exc:
        raise TemplateError(f"catalog text {text[:60]!r}: {exc}") from None


# ---------------------------------------------------------------------------
# Tailoring
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """Everything the rules look at, resolved once."""

    catalog: Catalog
    role: Role
    company: Company
    options: PostingOptions
    size: CompanySize
    industry: Industry
    level: Level
    title: str
    values: dict[str, Any]

    def applies(self, when: When) -> bool:
        return when.matches(
            size=self.size.id,
            industry=self.industry.id,
            level=self.level.id,
            domain=self.role.domain,
            physical_goods=self.industry.physical_goods,
            role=self.role.id,
        )

    def lines(self, lines: Iterable[str | TextItem]) -> list[str]:
        """The lines that apply here, with placeholders filled."""
        return [self.text(line_text(x)) for x in lines if self.applies(line_when(x))]

    def text(self, raw: str) -> str:
        return sentence(fill(raw, self.values))

    def render(self, raw: str, **extra: Any) -> str:
        """A catalog sentence with its own placeholders (``{{ percent }}`` …) besides the usual."""
        return sentence(fill(raw, {**self.values, **extra}))

    def wording(self, r: Responsibility) -> str:
        raw = r.by_industry.get(self.industry.id) or r.by_size.get(self.size.id) or r.text
        return self.text(raw)

    def removed(self, item_id: str) -> bool:
        return item_id in self.options.remove


def resolve(
    role: Role, company: Company, catalog: Catalog, options: PostingOptions | None
) -> Context:
    """Resolve the company's size and industry and the role's level once, for the rules
    (and for jdgen.compare, which traces posting bullets back to catalog ids)."""
    opts = options if options is not None else company.posting
    size = catalog.find_size(company.size)
    industry = catalog.find_industry(company.industry)
    level = catalog.level_of(role)
    title = opts.title or role.title
    values: dict[str, Any] = {
        "title": title,
        "a_title": f"{article(title)} {title}",
        "company": company.name or "our company",
        "vocab": industry.vocab.model_dump(),
        "size": size.id,
        "industry": industry.id,
    }
    ctx = Context(catalog, role, company, opts, size, industry, level, title, values)
    unknown = [i for i in opts.remove if i not in _removable_ids(ctx)]
    if unknown:
        raise JdgenError(
            f"remove: {', '.join(repr(i) for i in unknown)} is not a responsibility, skill or "
            f"group of {role.id} (see 'jdgen show {role.id}' for the ids)"
        )
    return ctx


def _removable_ids(ctx: Context) -> set[str]:
    """Ids a posting option may remove: the role's groups, duties and skills, and additions."""
    role = ctx.role
    ids = {g.id for g in role.responsibilities}
    ids |= {i if isinstance(i, str) else i.id for g in role.responsibilities for i in g.items}
    ids |= {s if isinstance(s, str) else s.id for s in role.skills}
    ids |= {s.id for s in ctx.industry.skills}
    for addition in (*ctx.size.additions, *ctx.industry.additions):
        ids.add(addition.item if isinstance(addition.item, str) else addition.item.id)
    return ids


def _about_company(ctx: Context) -> Section | None:
    if not ctx.company.about:
        return None
    paragraphs = [sentence(p) for p in ctx.company.about.split("\n\n") if p.strip()]
    return Section(id="about-company", heading="", paragraphs=paragraphs)


def _about_role(ctx: Context) -> Section:
    parts = [
        fill(ctx.role.summary, ctx.values),
        fill(ctx.size.scope[ctx.level.id], ctx.values),
        fill(ctx.industry.context_by_domain.get(ctx.role.domain, ctx.industry.context), ctx.values),
    ]
    return Section(id="about-role", heading="", paragraphs=[" ".join(sentence(p) for p in parts)])


def reports_to(ctx: Context) -> str:
    ref = pick(ctx.role.reports_to, ctx.size.id)
    assert ref is not None  # the catalog check guarantees a value for every size
    return ctx.catalog.role_title(ref)


def _reporting(ctx: Context) -> Section:
    paragraphs = [sentence(f"You will report to the {reports_to(ctx)}")]
    team = pick(ctx.role.direct_reports, ctx.size.id)
    if team:
        paragraphs.append(ctx.text(f"You will lead {team}"))
    if ctx.role.works_with:
        paragraphs.append(
            ctx.text(f"You will work most closely with {join_words(ctx.role.works_with)}")
        )
    return Section(id="reporting", heading="", paragraphs=[" ".join(paragraphs)])


def _responsibilities(ctx: Context) -> Section:
    catalog = ctx.catalog
    groups: list[tuple[str, str, list[str]]] = []  # (group id, heading, bullets)
    seen: set[str] = set()

    def add(bullets: list[str], r: Responsibility) -> None:
        if ctx.removed(r.id) or not ctx.applies(r.when):
            return
        text = ctx.wording(r)
        if text.lower() not in seen:
            seen.add(text.lower())
            bullets.append(text)

    for group in ctx.role.responsibilities:
        if not ctx.applies(group.when) or ctx.removed(group.id):
            continue
        bullets: list[str] = []
        for item in group.items:
            add(bullets, catalog.responsibilities[item] if isinstance(item, str) else item)
        groups.append((group.id, ctx.text(group.heading).rstrip("."), bullets))

    by_id = {gid: bullets for gid, _, bullets in groups}
    replaced: set[str] = set()
    for addition in (*ctx.size.additions, *ctx.industry.additions):
        if not ctx.applies(addition.when):
            continue
        target = next((by_id[g] for g in addition.into if g in by_id), None)
        if target is not None:
            item = addition.item
            add(target, catalog.responsibilities[item] if isinstance(item, str) else item)
            replaced.update(addition.replaces)
    if replaced:
        gone = {ctx.wording(catalog.responsibilities[r]) for r in replaced}
        groups = [(g, h, [b for b in bullets if b not in gone]) for g, h, bullets in groups]

    extra = [sentence(t) for t in ctx.options.add_responsibilities]
    if extra:
        groups.append(("additional", "Also in this role", extra))
    return Section(
        id="responsibilities",
        heading="",
        subsections=[Subsection(heading=h, bullets=b) for _, h, b in groups if b],
    )


def experience_years(ctx: Context) -> int | None:
    """Years of experience asked for: the role's by size, else its level's."""
    q = ctx.role.qualifications
    return pick(q.years, ctx.size.id) or pick(ctx.level.years, ctx.size.id)


def _qualifications(ctx: Context) -> Section:
    q = ctx.role.qualifications
    years = experience_years(ctx)
    required = [ctx.text(f"{years}+ years of {q.experience}"), ctx.text(q.education)]
    preferred = [ctx.text(q.education_preferred)] if q.education_preferred else []
    for cert in q.certifications:
        if ctx.applies(cert.when):
            (required if cert.required else preferred).append(
                ctx.text(f"{cert.name} certification")
            )
    size_q, industry_q = ctx.size.qualifications, ctx.industry.qualifications
    required += ctx.lines((*q.required, *size_q.required, *industry_q.required))
    required += work.requirement_lines(ctx)
    preferred += ctx.lines((*q.preferred, *size_q.preferred, *industry_q.preferred))
    regulations = [
        fill(line_text(r), ctx.values)
        for r in ctx.industry.regulations
        if ctx.applies(line_when(r))
    ]
    if regulations:
        preferred.append(sentence(f"Working knowledge of {join_words(regulations)}"))
    headings = ctx.catalog.text.qualification_headings
    subsections = [Subsection(heading=headings["required"], bullets=_unique(required))]
    if preferred:
        subsections.append(Subsection(heading=headings["preferred"], bullets=_unique(preferred)))
    return Section(id="qualifications", heading="", subsections=subsections)


def _skill_list(ctx: Context) -> list[Skill]:
    catalog = ctx.catalog
    skills = [catalog.skills[s] if isinstance(s, str) else s for s in ctx.role.skills]
    skills += ctx.industry.skills
    chosen: list[Skill] = []
    for s in skills:
        if ctx.applies(s.when) and not ctx.removed(s.id) and all(c.id != s.id for c in chosen):
            chosen.append(s)
    return chosen


def _skills(ctx: Context, skills: list[Skill]) -> Section:
    headings = ctx.catalog.text.skill_headings
    subsections = []
    for kind in ("hard", "soft"):
        bullets = [
            ctx.text(f"{s.name}: {s.detail}" if s.detail else s.name)
            for s in skills
            if s.kind == kind
        ]
        if kind == "hard":
            bullets += [sentence(t) for t in ctx.options.add_skills]
        if bullets:
            subsections.append(Subsection(heading=headings[kind], bullets=_unique(bullets)))
    return Section(id="skills", heading="", subsections=subsections)


def _kpis(ctx: Context) -> Section:
    bullets = _unique(ctx.lines((*ctx.role.kpis, *ctx.industry.kpis)))
    return Section(
        id="kpis", heading="", paragraphs=[sentence(ctx.catalog.text.kpi_intro)], bullets=bullets
    )


def _career(ctx: Context) -> Section | None:
    wanted = ctx.options.career_path
    if wanted is None:
        wanted = ctx.level.rank <= ctx.catalog.levels["director"].rank
    if not wanted or not ctx.role.career.to_roles:
        return None
    titles = [ctx.catalog.role_title(r) for r in ctx.role.career.to_roles]
    text = f"{ctx.catalog.text.career_intro} {join_words(titles, 'or')}"
    return Section(id="career", heading="", paragraphs=[sentence(text)])


def _compensation(ctx: Context) -> Section | None:
    c = ctx.company
    paragraphs = [pay_sentence(c.salary)] if c.salary else []
    paragraphs += work.variable_pay(ctx)
    paragraphs += work.flsa_sentence(ctx, flsa_status(ctx))
    if not paragraphs and not c.benefits:
        return None
    return Section(
        id="compensation",
        heading="",
        paragraphs=paragraphs,
        bullets=[sentence(b) for b in c.benefits],
    )


def _location(ctx: Context) -> Section | None:
    c = ctx.company
    extra = [p for p in (work.eligibility(ctx),) if p]
    if not c.locations and not c.work_arrangement:
        return Section(id="location", heading="", paragraphs=extra) if extra else None
    places = join_words([loc.label() for loc in c.locations], "or")
    kind = c.employment_type
    if c.work_arrangement == "remote":
        text = f"This is a {kind} remote position"
        if c.remote_regions:
            names = ctx.catalog.text.place_names
            regions = [names.get(r.strip().upper(), r) for r in c.remote_regions]
            text += f" open to applicants who live in {join_words(regions, 'or')}"
        if places:
            text += f". Our team is based in {places}"
    elif c.work_arrangement == "hybrid":
        text = f"This is a {kind} hybrid position"
        text += f" based in {places}, with part of each week on site" if places else ""
    elif c.work_arrangement == "on-site":
        text = f"This is a {kind} on-site position"
        text += f" at our {ctx.industry.vocab.site} in {places}" if places else ""
    else:
        text = f"This is a {kind} position based in {places}"
    return Section(id="location", heading="", paragraphs=[sentence(text), *extra])


def flsa_status(ctx: Context) -> FlsaStatus | None:
    """The job's FLSA status (US jobs only): the company's, else from level and pay."""
    return work.flsa_status(ctx.catalog.work.flsa, ctx.level.id, ctx.company)


def _apply(ctx: Context) -> Section | None:
    c = ctx.company
    if not c.how_to_apply and not c.closing_date:
        return None
    paragraphs = []
    how = (c.how_to_apply or "").strip()
    if re.fullmatch(r"https?://\S+", how):
        paragraphs.append(f"Apply online at {how}.")
    elif re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", how):
        paragraphs.append(
            f"Email your résumé and a short note to {how}, with “{ctx.title}” in the subject line."
        )
    elif how:
        paragraphs.append(sentence(how))
    if c.closing_date:
        paragraphs.append(f"Applications close on {long_date(c.closing_date)}.")
    return Section(id="apply", heading="", paragraphs=paragraphs)


def _equal_opportunity(ctx: Context) -> Section:
    text = ctx.company.equal_opportunity or ctx.catalog.text.equal_opportunity
    paragraphs = [sentence(p) for p in text.split("\n\n") if p.strip()]
    return Section(id="equal-opportunity", heading="", paragraphs=paragraphs)


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for i in items:
        if i and i.lower() not in seen:
            seen.add(i.lower())
            out.append(i)
    return out


def tailor(
    role: Role,
    company: Company,
    catalog: Catalog | None = None,
    options: PostingOptions | None = None,
) -> JobDescription:
    """Tailor ``role`` to ``company``.  ``options`` defaults to ``company.posting``."""
    catalog = catalog or builtin_catalog()
    try:
        return _tailor(role, company, catalog, options)
    except TemplateError as exc:
        where = catalog.origin.get(("role", role.id), role.id)
        raise TemplateError(f"{where}: {exc}") from None


def _tailor(
    role: Role, company: Company, catalog: Catalog, options: PostingOptions | None
) -> JobDescription:
    ctx = resolve(role, company, catalog, options)
    skills = _skill_list(ctx)
    extra = [
        Section(
            id=f"extra-{i}",
            heading=s.heading,
            paragraphs=[sentence(p) for p in s.paragraphs],
            bullets=[sentence(b) for b in s.bullets],
        )
        for i, s in enumerate(ctx.options.extra_sections, 1)
    ]
    candidates = [
        _about_company(ctx),
        _about_role(ctx),
        _reporting(ctx),
        _responsibilities(ctx),
        _qualifications(ctx),
        _skills(ctx, skills),
        _kpis(ctx),
        _career(ctx),
        *extra,
        _compensation(ctx),
        _location(ctx),
        _apply(ctx),
        _equal_opportunity(ctx),
    ]
    headings = catalog.text.headings
    sections = [
        s if s.heading else s.model_copy(update={"heading": headings[s.id]})
        for s in candidates
        if s is not None and (s.paragraphs or s.bullets or s.subsections)
    ]
    c = company
    metadata = PostingMetadata(
        role_id=role.id,
        role_title=role.title,
        level=ctx.level.id,
        level_name=ctx.level.name,
        size=ctx.size.id,
        size_name=ctx.size.name,
        industry=ctx.industry.id,
        industry_name=ctx.industry.name,
        company_name=c.name,
        website=c.website,
        locations=c.locations,
        work_arrangement=c.work_arrangement,
        remote_regions=c.remote_regions,
        employment_type=c.employment_type,
        salary=c.salary,
        variable_pay=c.variable_pay if c.variable_pay.is_set() else None,
        incentive_compensation=" ".join(work.variable_pay(ctx)) or None,
        flsa_status=flsa_status(ctx),
        eligibility_to_work=work.eligibility(ctx),
        security_clearance=work.clearance(ctx),
        benefits=c.benefits,
        how_to_apply=c.how_to_apply,
        date_posted=c.date_posted,
        valid_through=c.closing_date,
        reports_to=reports_to(ctx),
        skills=[s.name for s in skills],
        experience_years=experience_years(ctx),
        education=ctx.text(role.qualifications.education),
        requisition_id=ctx.options.requisition_id,
        generator=f"jdgen {__version__}",
    )
    return JobDescription(title=ctx.title, sections=sections, metadata=metadata)
