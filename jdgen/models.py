"""The data model: catalog entries, the company, and the tailored JobDescription.

Every model forbids unknown fields, so a typo in a YAML file fails loudly with
its field path instead of being silently ignored.

Catalog text may use a few placeholders, filled in by :mod:`jdgen.tailor` in a
Jinja sandbox: ``{{ title }}``, ``{{ a_title }}`` ("a Director of Operations"),
``{{ company }}`` (the company's name, or "our company"), and the industry's
vocabulary ``{{ vocab.customers }}``, ``{{ vocab.offering }}``,
``{{ vocab.site }}``, ``{{ vocab.sites }}``, ``{{ vocab.frontline }}``,
``{{ vocab.business }}``.

Internal module: the public API is :mod:`jdgen` (``jdgen.__all__``).
"""

# No ``from __future__ import annotations`` here: pydantic would then compile every
# field's annotation from its text as each class is made, a seventh of the time a cold
# start spends building these classes.  Quote an annotation that names a class below.

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Literal, TypeVar, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    field_validator,
    model_validator,
)

from jdgen import forgiving
from jdgen.strict import S as S  # re-exported: the base of every model, and its TypeVar
from jdgen.strict import Strict as Strict
from jdgen.text import valid_patterns

T = TypeVar("T")

#: Keys of a by-size map: a size id from ``catalog/sizes.yaml`` or ``default``.
DEFAULT_KEY = "default"

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def _model_in(annotation: object) -> type[BaseModel] | None:
    """The pydantic model inside a field's type (``list[Location] | None`` → Location)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def known_fields(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The field names allowed next to the last part of ``loc`` (a pydantic error
    location, ``('salary', 'mn')`` → Salary's fields), or ``[]`` when it cannot tell."""
    current: type[BaseModel] | None = model
    for part in loc[:-1]:
        if isinstance(part, int) or current is None:
            continue  # a list index
        field = current.model_fields.get(part)
        if field is not None:  # else a union member's tag ("inline"): same model
            current = _model_in(field.annotation)
    return list(current.model_fields) if current is not None else []


def did_you_mean(name: str, choices: list[str]) -> str | None:
    """The choice closest to a misspelt ``name`` (``location`` → ``locations``), if any is close."""
    import difflib

    lowered = {c.lower(): c for c in choices}
    close = difflib.get_close_matches(str(name).lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None


def pick(mapping: dict[str, T], size: str | tuple[str, ...]) -> T | None:
    """Value of a by-size map for ``size`` (or the first of a chain of size ids, such as
    ``("startup", "small")``), falling back to ``default``."""
    for key in (size,) if isinstance(size, str) else size:
        if key in mapping:
            return mapping[key]
    return mapping.get(DEFAULT_KEY)


#: What kind of job a role is, for the scope sentence: it runs an operation and its
#: people, leads a programme or a discipline across teams, or is an executive.
RoleKind = Literal["line", "programme", "executive"]


@dataclass(frozen=True)
class Facts:
    """What catalog conditions (:class:`When`) look at, resolved once per posting."""

    size: str
    industry: str
    level: str
    domain: str
    physical_goods: bool
    role: str = ""
    function: str = ""
    kind: str = "line"
    business_model: str = ""
    #: The company's sector within its industry (``catalog/sectors/``: grocery, foundry …),
    #: "" when it names none.
    sector: str = ""
    #: What the company owns (fleet, warehouses, stock …): its business model's, else its
    #: industry's (``owns`` in business-models.yaml and industries/*.yaml).
    owns: frozenset[str] = frozenset()
    headcount: int = 300
    multi_site: bool = False
    multi_country: bool = False
    unionised: bool = False
    below_usual: bool = False
    #: The posting's country code (countries.yaml), "" when not known.
    country: str = ""


# ---------------------------------------------------------------------------
# Catalog
# ---------------------------------------------------------------------------


class Source(Strict):
    """Where the facts in a catalog entry come from."""

    title: str
    url: str | None = None
    note: str | None = None


#: What a company may own, for ``when: {owns: [...]}``.
Asset = Literal["fleet", "warehouses", "stock", "stores", "plants"]


class When(Strict):
    """Conditions under which a catalog item applies.  Empty means always."""

    sizes: list[str] | None = None
    industries: list[str] | None = None
    not_industries: list[str] | None = None
    levels: list[str] | None = None
    #: Role domains (``domains.yaml``): supply-chain, revenue, customer …
    domains: list[str] | None = None
    #: Role functions (``functions.yaml``): contact-centre, fulfilment, plant …
    functions: list[str] | None = None
    not_functions: list[str] | None = None
    #: Role kinds: line, programme, executive.
    kinds: list[str] | None = None
    #: The company's business model (``business-models.yaml``).
    business_models: list[str] | None = None
    not_business_models: list[str] | None = None
    #: The company's sector within its industry (``catalog/sectors/``); ``not_sectors``
    #: leaves a line out where the sector contradicts it (resold returns at a grocer).
    sectors: list[str] | None = None
    not_sectors: list[str] | None = None
    #: Only for these roles / not for these roles (catalog ids).
    roles: list[str] | None = None
    not_roles: list[str] | None = None
    #: True: only for companies that deal in physical goods; False: only for those that don't.
    physical_goods: bool | None = None
    #: Only for companies that own all of these (a fleet, warehouses, stock …): a freight
    #: broker has no trucks, a third-party warehouse holds its clients' stock, not its own.
    owns: list[Asset] | None = None
    #: Headcount bounds (inclusive), for lines that only make sense above or below a size.
    min_headcount: int | None = None
    max_headcount: int | None = None
    #: True: only for companies with more than one site / country; False: only with one.
    multi_site: bool | None = None
    multi_country: bool | None = None
    #: True: only where the workforce is unionised.
    unionised: bool | None = None
    #: True: only when the company is smaller than where the role's title is usual.
    below_usual: bool | None = None
    #: Only for postings in these countries (countries.yaml codes: US, GB, DE, CA …).
    countries: list[str] | None = None

    def targets(self) -> bool:
        """Does the condition name the functions, domains or roles it is for?"""
        return any(
            v is not None
            for v in (self.functions, self.not_functions, self.domains, self.roles, self.not_roles)
        )

    def matches(self, facts: Facts) -> bool:
        return self.matches_besides_headcount(facts) and self.fits_headcount(facts.headcount)

    def fits_headcount(self, headcount: int) -> bool:
        """Does ``headcount`` lie within the bounds (inclusive), if any?"""
        low, high = self.min_headcount, self.max_headcount
        return (low is None or headcount >= low) and (high is None or headcount <= high)

    def matches_besides_headcount(self, facts: Facts) -> bool:
        """Do the conditions other than the headcount bounds hold?  (The same for every
        headcount that gives the same facts otherwise: see ``tailor.Context.applies``.)"""
        f = facts
        lists: tuple[tuple[list[str] | None, str, bool], ...] = (
            (self.sizes, f.size, True),
            (self.industries, f.industry, True),
            (self.not_industries, f.industry, False),
            (self.levels, f.level, True),
            (self.domains, f.domain, True),
            (self.functions, f.function, True),
            (self.not_functions, f.function, False),
            (self.kinds, f.kind, True),
            (self.business_models, f.business_model, True),
            (self.not_business_models, f.business_model, False),
            (self.sectors, f.sector, True),
            (self.not_sectors, f.sector, False),
            (self.roles, f.role, True),
            (self.not_roles, f.role, False),
            (self.countries, f.country, True),
        )
        for values, value, inside in lists:
            if values is not None and (value in values) != inside:
                return False
        if self.owns is not None and not f.owns.issuperset(self.owns):
            return False
        flags = (
            (self.physical_goods, f.physical_goods),
            (self.multi_site, f.multi_site),
            (self.multi_country, f.multi_country),
            (self.unionised, f.unionised),
            (self.below_usual, f.below_usual),
        )
        return all(want is None or want == have for want, have in flags)


class TextItem(Strict):
    """A line of text (a KPI, a qualification, a regulation) that applies only ``when``."""

    text: str
    #: What the line is about; a posting holds at most one line per topic.
    topic: str | None = None
    when: When = Field(default_factory=lambda: ALWAYS)


def _ref_or_inline(value: object) -> str:
    return "ref" if isinstance(value, str) else "inline"


#: A plain string, or ``{text, when}`` for a line that applies only sometimes.
Line = Annotated[
    Annotated[str, Tag("ref")] | Annotated[TextItem, Tag("inline")],
    Discriminator(_ref_or_inline),
]


class Regulation(TextItem):
    """A law, rule or standard an industry's or a sector's postings name as "Working
    knowledge of …": a preferred qualification, or a required one where the job cannot be
    done without it (HIPAA for a hospital's patient-access team)."""

    required: bool = False


#: A plain string (preferred), or ``{text, topic, when, required}``.
RegulationLine = Annotated[
    Annotated[str, Tag("ref")] | Annotated[Regulation, Tag("inline")],
    Discriminator(_ref_or_inline),
]


def line_required(line: str | TextItem) -> bool:
    """Is this law a condition of doing the job (a required qualification)?"""
    return isinstance(line, Regulation) and line.required


def line_text(line: str | TextItem) -> str:
    return line if isinstance(line, str) else line.text


def line_when(line: str | TextItem) -> When:
    return ALWAYS if isinstance(line, str) else line.when


#: The condition of a plain line, and of an item that gives none: one shared When,
#: which nothing changes (the catalog holds some eight hundred such items, and the
#: cached catalog loads faster for not holding as many copies).
ALWAYS: When = When.trusted()


def line_topic(line: str | TextItem) -> str | None:
    return None if isinstance(line, str) else line.topic


class Responsibility(Strict):
    """One duty, written as a sentence that starts with a verb."""

    id: str = Field(pattern=ID_PATTERN)
    text: str
    #: What the duty is about ("lean", "budget"); a posting holds at most one duty per
    #: topic, the most specific for the company winning.
    topic: str | None = None
    #: Other topics the duty says as well ("Select carriers … negotiate rates": topic
    #: carriers, covers negotiation): a skill, a qualification or a law on one of them
    #: repeats the duty and is left out.  Unlike ``topic``, they do not make the duty
    #: compete with the other duties.
    covers: list[str] = Field(default_factory=list)
    #: Replacement wording for a company size (key: size id).
    by_size: dict[str, str] = Field(default_factory=dict)
    #: Replacement wording for an industry (key: industry id); wins over ``by_size``.
    by_industry: dict[str, str] = Field(default_factory=dict)
    #: Replacement wording for a business model (key: its id); wins over ``by_industry``.
    by_business_model: dict[str, str] = Field(default_factory=dict)
    when: When = Field(default_factory=lambda: ALWAYS)


class Skill(Strict):
    """A hard (technical) or soft (interpersonal) skill."""

    id: str = Field(pattern=ID_PATTERN)
    name: str
    #: What the skill means in this job, shown after the name.
    detail: str | None = None
    kind: Literal["hard", "soft"]
    #: What the skill is about; a posting lists at most one skill per topic.
    topic: str | None = None
    when: When = Field(default_factory=lambda: ALWAYS)


#: In a role, a responsibility or skill is either a library id or written inline.
ResponsibilityRef = Annotated[
    Annotated[str, Tag("ref")] | Annotated[Responsibility, Tag("inline")],
    Discriminator(_ref_or_inline),
]
SkillRef = Annotated[
    Annotated[str, Tag("ref")] | Annotated[Skill, Tag("inline")],
    Discriminator(_ref_or_inline),
]


class ResponsibilityGroup(Strict):
    """Responsibilities under one short heading."""

    id: str = Field(pattern=ID_PATTERN)
    heading: str
    items: list[ResponsibilityRef] = Field(min_length=1)
    when: When = Field(default_factory=lambda: ALWAYS)


class Addition(Strict):
    """A responsibility that a size or an industry adds to a role.

    It goes into the first of the role's groups whose id is listed in ``into``; a
    role with none of them does not get it (an addition about plant safety has no
    place in a role without a quality and compliance group).
    """

    into: list[str] = Field(min_length=1)
    item: ResponsibilityRef
    #: Ids of general responsibilities this more specific one makes redundant.
    replaces: list[str] = Field(default_factory=list)
    when: When = Field(default_factory=lambda: ALWAYS)


#: Google's ``credentialCategory`` values for ``educationRequirements``.
CredentialCategory = Literal[
    "high school",
    "associate degree",
    "bachelor degree",
    "professional certificate",
    "postgraduate degree",
]


class Certification(Strict):
    """A certification a role may ask for.  A posting lists the role's first preferred
    ones that apply, up to its size band's ``certifications``; one marked ``at_any_size``
    may come even where the band asks for none.  ``required`` only with ``required_by``:
    the law or the industry rule that demands it (a certification is otherwise a plus,
    never a gate)."""

    name: str
    required: bool = False
    required_by: str | None = None
    at_any_size: bool = False
    #: The discipline's own credential (a Six Sigma belt for process improvement): a
    #: posting trimmed to length keeps it before its other preferred lines.
    core: bool = False
    when: When = Field(default_factory=lambda: ALWAYS)


class EducationVariant(Strict):
    """The education line where it differs (by country, size, level …): the first variant
    whose ``when`` holds replaces the role's ``education`` and its two flags."""

    text: str
    #: Default: the role's ``education_level``.
    education_level: CredentialCategory | None = None
    experience_in_place_of_education: bool = False
    when: When


class Qualifications(Strict):
    """What a candidate needs.  Years default to the level's table in ``levels.yaml``."""

    #: Years of experience by size (``default`` allowed); falls back to the level's.
    years: dict[str, int] = Field(default_factory=dict)
    #: Completes "N+ years of …", e.g. "progressively senior operations management experience".
    experience: str
    #: Another ``experience`` where the work differs (by size, business model …): the
    #: first whose ``when`` holds wins ("operations experience at a young company" for a
    #: start-up's COO, a broker's book of carriers for its VP of Logistics).
    experience_variants: list[TextItem] = Field(default_factory=list)
    education: str
    #: The minimum education ``education`` asks for (Google's ``credentialCategory``).
    education_level: CredentialCategory | None = None
    #: True when ``education`` says experience may stand in for it ("or equivalent experience").
    experience_in_place_of_education: bool = False
    education_preferred: str | None = None
    #: Other education lines for some countries or sizes (a German floor role's
    #: degree-or-Meister line); the first that applies wins.
    education_variants: list[EducationVariant] = Field(default_factory=list)
    certifications: list[Certification] = Field(default_factory=list)
    required: list[Line] = Field(default_factory=list)
    preferred: list[Line] = Field(default_factory=list)


class CareerPath(Strict):
    """Roles that lead here and roles this one leads to: catalog ids, or titles of outside roles."""

    from_roles: list[str] = Field(default_factory=list, alias="from")
    to_roles: list[str] = Field(default_factory=list, alias="to")
    #: Steps only some companies have (key: an entry of ``to``): a Director of eCommerce
    #: at an online retailer, not at a foundry; a COO seat above a director from 100 people.
    where: dict[str, When] = Field(default_factory=dict)

    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, defer_build=True, allow_inf_nan=False
    )


class SalaryReference(Strict):
    """A published salary figure for the role (shown by ``jdgen show``; never put in a posting)."""

    min: int
    max: int
    currency: str = "USD"
    region: str = "US"
    note: str | None = None
    source: str


class Role(Strict):
    """A catalog role: ``catalog/roles/<id>.yaml``."""

    id: str = Field(pattern=ID_PATTERN)
    title: str
    level: str
    #: The kind of operations work (``domains.yaml``); industry KPIs, skills and
    #: regulations can be limited to some domains.
    domain: str
    #: The narrower function the job sits in (``functions.yaml``): contact-centre,
    #: fulfilment, plant … Industry lines that only fit one kind of job name functions.
    #: Default: the domain's ``function`` in ``domains.yaml``.
    function: str | None = None
    #: Line (runs an operation and its people), programme (leads a discipline across
    #: teams) or executive; picks the scope sentence.  Default: executive for the
    #: executive level, else line.
    kind: RoleKind | None = None
    #: The smallest company (headcount) where this title is usual.
    min_headcount: int = 1
    #: Below ``min_headcount``: the role (catalog id or title) that usually does this work.
    usual_below: list[str] = Field(default_factory=list)
    #: Listed under "Specialized operations titles" in the reference articles.
    specialized: bool = False
    #: Override the level's strategic/tactical focus, scope of influence and decision authority.
    focus: str | None = None
    scope: str | None = None
    decision_authority: str | None = None
    aliases: list[str] = Field(default_factory=list)
    #: One or two sentences: the purpose of the job.  Placeholders allowed.
    summary: str
    #: A different summary for a business model (key: its id): a freight broker's VP of
    #: Logistics runs a carrier network, not warehouses.
    summary_by_business_model: dict[str, str] = Field(default_factory=dict)
    #: A different summary for an industry (key: its id); the business model's wins.
    summary_by_industry: dict[str, str] = Field(default_factory=dict)
    #: Summaries for the companies where the job is for something else (``{text, when}``:
    #: a retailer's stores, a software company's subscriptions, a grocer's fresh food):
    #: the first whose ``when`` holds wins over the summaries by business model and industry.
    summaries: list[TextItem] = Field(default_factory=list)
    #: Who the role reports to, by size (``default`` allowed): a catalog id or a title,
    #: or a list of them, the first a seat the company has (jdgen.seats): "the VP of
    #: Logistics where the company has one, else the VP of Operations".
    reports_to: dict[str, str | list[str]]
    #: Who reports to the role, by size (``default`` allowed), e.g. "a team of 5 to 15 supervisors".
    direct_reports: dict[str, str]
    #: Teams the role works with most, e.g. "finance", "sales"; or such lists by
    #: industry id, with ``default`` for the others.  At a small company the entries
    #: work.yaml's ``small_teams`` names become who does that work there.
    works_with: list[str] | dict[str, list[str]] = Field(default_factory=list)
    responsibilities: list[ResponsibilityGroup] = Field(min_length=1)
    skills: list[SkillRef] = Field(min_length=1)
    qualifications: Qualifications
    kpis: list[Line] = Field(min_length=1)
    career: CareerPath = Field(default_factory=CareerPath)
    salary_reference: list[SalaryReference] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)


class Level(Strict):
    """A seniority level: ``catalog/levels.yaml``."""

    id: str = Field(pattern=ID_PATTERN)
    name: str
    aliases: list[str] = Field(default_factory=list)
    rank: int
    #: Default years of experience by size.
    years: dict[str, int]
    focus: str
    scope: str
    decision_authority: str
    #: Where a role of this level may ask for an MBA or another advanced degree (its
    #: ``education_preferred``), e.g. ``{min_headcount: 250}``; none: never.
    advanced_degree: When | None = None
    #: Where a role at this level may offer experience in place of its degree (a manager
    #: anywhere, an executive at a small company); none: the degree stays required.
    education_or_experience: When | None = None


class Function(Strict):
    """A narrower kind of operations job: ``catalog/functions.yaml``."""

    id: str = Field(pattern=ID_PATTERN)
    name: str
    description: str


class VocabWords(Strict):
    """Some of an industry's words, replaced for a business model (a broker's shippers)."""

    customers: str | None = None
    offering: str | None = None
    site: str | None = None
    sites: str | None = None
    frontline: str | None = None
    business: str | None = None


class BusinessModel(Strict):
    """How a company sells: ``catalog/business-models.yaml``."""

    id: str = Field(pattern=ID_PATTERN)
    name: str
    aliases: list[str] = Field(default_factory=list)
    description: str
    #: What a company of this model owns; unset: what its industry says.
    owns: list[Asset] | None = None
    #: The industry's words this model says differently.
    vocab: VocabWords = Field(default_factory=VocabWords)
    #: Replaces the industry's context sentence for these functions (key: function id).
    context_by_function: dict[str, str] = Field(default_factory=dict)
    #: Who holds a seat this kind of company does not have (see ``Industry.seat_holders``).
    seat_holders: dict[str, str] = Field(default_factory=dict)


BudgetPart = Literal[
    "duties", "required", "preferred", "hard_skills", "soft_skills", "kpis", "career"
]


class Budget(Strict):
    """How much of each part a posting of one length holds (``catalog/lengths.yaml``)."""

    #: Responsibilities by level id (``default`` allowed).
    duties: dict[str, int]
    required: int
    preferred: int
    hard_skills: int
    soft_skills: int
    #: List skills as "name: what it means here" (else the name alone).
    skill_details: bool = True
    kpis: int
    #: Include "Where this role leads" when the level would.
    career: bool = True
    #: Include the work-environment section where the work makes it material (plant and
    #: warehouse floors); the internal description always has it.
    work_environment: bool = True
    #: Most words in the body (all but the equal-opportunity statement), one number or by
    #: level id (``default`` allowed: an executive's scope takes more words than a
    #: manager's); above it, the first part in ``trim`` still above its ``floor`` loses a
    #: line, until it fits.
    max_words: int | dict[str, int] | None = None
    trim: list[BudgetPart] = Field(default_factory=list)
    #: The fewest lines the word limit leaves in a part, one number or by level id.
    floor: dict[str, int | dict[str, int]] = Field(default_factory=dict)

    def words(self, level: str) -> int | None:
        """The word limit for a role of this level, or None for no limit."""
        if isinstance(self.max_words, dict):
            return self.max_words.get(level, self.max_words.get(DEFAULT_KEY))
        return self.max_words

    def least(self, part: str, level: str) -> int | None:
        """The floor of ``part`` for a role of this level, or None for none."""
        floor = self.floor.get(part)
        if isinstance(floor, dict):
            return floor.get(level, floor.get(DEFAULT_KEY))
        return floor

    def cut(self, level: str) -> "Budget | None":
        """This budget with one line fewer in the first part that can lose one, or None."""
        for part in self.trim:
            least = self.least(part, level)
            if part == "career":  # "Where this role leads" goes as a whole
                if self.career:
                    return self.model_copy(update={"career": False})
                continue
            if part == "duties":
                key = level if level in self.duties else "default"
                fewer = self.duties.get(key, 40) - 1
                if fewer >= (1 if least is None else least):
                    return self.model_copy(update={"duties": {**self.duties, key: fewer}})
                continue
            fewer = getattr(self, part) - 1
            if fewer >= (least or 0):
                return self.model_copy(update={part: fewer})
        return None


class Domain(Strict):
    """A kind of operations work: ``catalog/domains.yaml``."""

    id: str = Field(pattern=ID_PATTERN)
    name: str
    description: str
    #: The function (``functions.yaml``) of a role of this domain that names none.
    function: str | None = None


class Vocab(Strict):
    """The words an industry uses, filled into catalog text."""

    customers: str
    offering: str
    site: str
    sites: str
    frontline: str
    business: str


class ExtraQualifications(Strict):
    """Qualification lines a size or an industry adds to every role it applies to."""

    required: list[Line] = Field(default_factory=list)
    preferred: list[Line] = Field(default_factory=list)


class CompanySize(Strict):
    """A company size band: ``catalog/sizes.yaml``."""

    id: str = Field(pattern=ID_PATTERN)
    name: str
    aliases: list[str] = Field(default_factory=list)
    headcount_min: int
    headcount_max: int | None = None
    #: The headcount assumed when a company gives the band's name instead of a number.
    typical_headcount: int
    #: By-size maps without a value for this band use the value for this one.
    fallback: str | None = None
    #: Sites and countries assumed when the company does not say.
    sites: int = 1
    countries: int = 1
    #: At most this many preferred certifications in a posting (the role's first that
    #: apply); 0 for a company too small to ask for any but those marked ``at_any_size``.
    certifications: int = Field(default=1, ge=0)
    #: The sentence in "About the role" that sets the scope: the first line whose
    #: ``when`` matches (levels, kinds, multi_site …); none when none does.
    scope: list[TextItem] = Field(default_factory=list)
    #: "You will lead …" for roles whose own map has no value for this band (by level id).
    direct_reports: dict[str, str] = Field(default_factory=dict)
    #: "You will lead …" by level for a title unusual at this headcount (below the role's
    #: ``min_headcount``): the team it builds, not the managers a larger company's holder
    #: of the title leads, who report to someone else here (one org chart, issue 10).
    new_team: dict[str, str] = Field(default_factory=dict)
    #: "Where this role leads" leaves out the titles outside the catalog that match one
    #: of these regular expressions ("^Senior ": no senior tier in a company this small);
    #: a catalog role is left out below its own ``min_headcount``.
    career_absent: list[str] = Field(default_factory=list)
    #: Whom every role reports to at this size unless its own ``reports_to`` names this
    #: band: at five people that is the founder, whatever a larger company would have.
    reports_to: str | None = None
    additions: list[Addition] = Field(default_factory=list)
    qualifications: ExtraQualifications = Field(default_factory=ExtraQualifications)

    @field_validator("career_absent")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return valid_patterns(value)


class CatalogLines(Strict):
    """The lines an industry or a sector adds to the postings of its companies."""

    #: Named in the qualifications as "Working knowledge of …" (Preferred, or Required
    #: for a line that says ``required: true``).
    regulations: list[RegulationLine] = Field(default_factory=list)
    kpis: list[Line] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    additions: list[Addition] = Field(default_factory=list)
    qualifications: ExtraQualifications = Field(default_factory=ExtraQualifications)
    sources: list[Source] = Field(default_factory=list)


class Industry(CatalogLines):
    """An industry: ``catalog/industries.yaml``."""

    id: str = Field(pattern=ID_PATTERN)
    name: str
    aliases: list[str] = Field(default_factory=list)
    #: Does the company make, move or sell physical goods?  Gates supply-chain duties.
    physical_goods: bool
    vocab: Vocab
    #: A sentence for "About the role" saying what operations means in this industry.
    #: The shipped industries have none (a posting does not explain the industry to
    #: the people who work in it); a user catalog may add one.
    context: str = ""
    #: The functions the industry's general lines are written for (default:
    #: core-operations): ``context``, and every regulation, KPI, skill, qualification and
    #: addition whose ``when`` names no function, domain or role.  A role of another
    #: function gets its ``context_by_function`` / ``context_by_domain`` sentence and the
    #: lines that name it, or nothing: a plant-floor sentence does not open a revenue
    #: posting, and SOC 2 is not every technology role's business.
    core_functions: list[str] | None = None
    #: The business model assumed when the company does not say (``business-models.yaml``).
    business_model: str
    #: A different sentence for roles of some functions (key: function id); wins over
    #: ``context_by_domain``.  An empty string adds no sentence.
    context_by_function: dict[str, str] = Field(default_factory=dict)
    #: A different sentence for roles of some domains (key: domain id), e.g. for a
    #: logistics role at a software company.
    context_by_domain: dict[str, str] = Field(default_factory=dict)
    #: What a company in this industry usually owns (``when: {owns: [...]}``); its
    #: business model may say otherwise.
    owns: list[Asset] = Field(default_factory=list)
    #: Reporting lines to a role this kind of company does not have go to the role that
    #: holds its seat (key and value: role ids or titles): a bank has no VP of Supply Chain.
    seat_holders: dict[str, str] = Field(default_factory=dict)


class Sector(CatalogLines):
    """A kind of business within an industry: ``catalog/sectors/<id>.yaml`` (an online
    grocer, an iron foundry, a card-payments firm).  A company names it in ``sector:``.

    Its lines are chosen by role function as an industry's are, and rank above them: a
    sector's line on a topic replaces the industry's (and the role's) line on that topic,
    and its additions may replace duties by id.  ``drops`` leaves out the catalog duties
    and skills the sector contradicts (returned groceries put back on sale)."""

    id: str = Field(pattern=ID_PATTERN)
    name: str
    aliases: list[str] = Field(default_factory=list)
    #: The industries it belongs to (a grocer may sell in stores or online).
    industries: list[str] = Field(min_length=1)
    description: str
    #: The industry's words this sector says differently (castings, merchants …).
    vocab: VocabWords = Field(default_factory=VocabWords)
    #: Ids of duties and skills (role, library or industry) that do not fit this sector.
    drops: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------------------
# Company (the user's settings)
# ---------------------------------------------------------------------------


class Location(Strict):
    city: str | None = None
    region: str | None = None
    country: str | None = None
    postal_code: str | None = None
    street: str | None = None

    def label(self) -> str:
        return ", ".join(p for p in (self.city, self.region, self.country) if p)


class Salary(Strict):
    min: float = Field(gt=0)
    max: float = Field(gt=0)
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    period: Literal["hour", "day", "week", "month", "year"] = "year"

    @field_validator("min", "max", mode="before")
    @classmethod
    def _money(cls, value: object) -> object:
        return forgiving.money(value)  # 120k, 120,000, $120,000

    @field_validator("currency", mode="before")
    @classmethod
    def _currency(cls, value: object) -> object:
        return forgiving.currency(value)  # usd, $

    @field_validator("period", mode="before")
    @classmethod
    def _period(cls, value: object) -> object:
        return forgiving.choice(value, forgiving.PERIOD_WORDS)  # annual, yearly, hourly

    @model_validator(mode="after")
    def _min_not_above_max(self) -> "Salary":
        from jdgen.salary_bounds import implausible

        if self.min > self.max:
            raise ValueError(f"min ({self.min:g}) is greater than max ({self.max:g})")
        problem = implausible(self.min, self.max, self.currency, self.period)
        if problem:
            raise ValueError(problem)
        return self


Percent = Annotated[float, Field(gt=0, le=1000)]


def _no_percent_sign(value: object) -> object:
    """ "15%" → 15, also inside a by-level mapping ({manager: 10%, director: 15%})."""
    if isinstance(value, str) and value.strip().endswith("%"):
        return value.strip()[:-1].strip()
    if isinstance(value, dict):
        return {k: _no_percent_sign(v) for k, v in value.items()}
    return value


class VariablePay(Strict):
    """Pay beyond the base range; each part optional."""

    #: Annual bonus target as a percentage of base pay, e.g. 15; or by level
    #: (``{manager: 10, director: 15, executive: 30}``, catalog/levels.yaml ids): a level
    #: not listed has no bonus.
    bonus_target_percent: Percent | dict[str, Percent] | None = None
    #: On-target earnings (base plus commission at target), for revenue roles.
    on_target_earnings: Salary | None = None
    #: How commission is paid, in the company's words ("uncapped commission on new bookings").
    commission: str | None = None
    #: Equity, in the company's words ("stock options that vest over four years").
    equity: str | None = None

    @field_validator("bonus_target_percent", mode="before")
    @classmethod
    def _percent_sign(cls, value: object) -> object:
        return _no_percent_sign(value)

    def is_set(self) -> bool:
        return any(getattr(self, name) is not None for name in type(self).model_fields)

    def for_level(self, level: str) -> "VariablePay":
        """The variable pay of a role at ``level``: a by-level bonus becomes that level's."""
        bonus = self.bonus_target_percent
        if not isinstance(bonus, dict):
            return self
        return self.model_copy(update={"bonus_target_percent": bonus.get(level)})


class Benefit(Strict):
    """A benefit for some levels only (collective-agreement pay is not for executives,
    who are paid outside it): ``{text: …, levels: [manager]}``."""

    text: str = Field(min_length=1)
    #: The level ids it is for (catalog/levels.yaml: executive, vp, director, manager …).
    levels: list[str] = Field(min_length=1)

    def __str__(self) -> str:
        return self.text


class TravelOverride(Strict):
    """The company's own travel figure and destinations (``travel: 25`` is short for the percent)."""

    percent: int | None = Field(default=None, ge=0, le=100)
    #: Where to, as a phrase: "our plants in Ohio and Monterrey".
    destinations: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _number_alone(cls, value: object) -> object:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return {"percent": value}
        if isinstance(value, str) and value.strip().rstrip("%").strip().isdigit():
            return {"percent": int(value.strip().rstrip("%"))}
        return value


class ExtraSection(Strict):
    heading: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    paragraphs: list[str] = Field(default_factory=list)
    bullets: list[str] = Field(default_factory=list)


#: How long a posting is: short (250–450 words), standard (450–750) or long (everything).
PostingLength = Literal["short", "standard", "long"]


class PostingOptions(Strict):
    """Per-posting choices (the ``posting:`` block of a company file, or CLI flags)."""

    title: str | None = None
    #: Whom the role leads, in the company's own words ("a team of six planners and two
    #: buyers"): "You will lead …" says it instead of the catalog's team for the size.
    team: str | None = None
    add_responsibilities: list[str] = Field(default_factory=list)
    add_skills: list[str] = Field(default_factory=list)
    remove: list[str] = Field(default_factory=list)
    extra_sections: list[ExtraSection] = Field(default_factory=list)
    #: Include "Where this role leads"; ``None`` means the default for the role's level.
    career_path: bool | None = None
    #: The employer's own id for this opening (ATS requisition number); JSON-LD ``identifier``.
    requisition_id: str | None = None
    #: short, standard or long; ``None`` means the company's ``length``.
    length: PostingLength | None = None
    #: For the internal job description: the job's code and pay grade in your HR system,
    #: and its department (default: the role's kind of work, e.g. "Operations").
    job_code: str | None = None
    grade: str | None = None
    department: str | None = None

    @field_validator("team")
    @classmethod
    def _one_phrase(cls, value: str | None) -> str | None:
        return team_phrase(value) if value is not None else None


#: The longest team phrase: "You will lead …" is one sentence of the reporting line.
TEAM_MAX = 150


def team_phrase(value: str) -> str:
    """A team as "You will lead …" takes it: one line of up to :data:`TEAM_MAX` characters,
    without "You will lead" or a final full stop."""
    text = re.sub(r"^\s*(?:you will )?lead\s+", "", value.strip(), flags=re.IGNORECASE)
    text = text.rstrip(" .")
    if not text or "\n" in text or len(text) > TEAM_MAX:
        raise ValueError(
            f"expected whom the role leads in one phrase of up to {TEAM_MAX} characters, "
            f'as "You will lead …" ends (e.g. "a team of six planners and two buyers"), '
            f"got {value.strip()[:60]!r}"
        )
    return text


WorkArrangement = Literal["on-site", "hybrid", "remote"]
EmploymentType = Literal["full-time", "part-time", "contract", "temporary", "internship"]
FlsaStatus = Literal["exempt", "non-exempt"]
#: Where the work happens: an office, an office and the floor, or mostly the floor.
WorkSetting = Literal["office", "mixed", "floor"]
#: How a country writes weights: kilograms, or pounds (the United States).
Units = Literal["metric", "imperial"]
YES_NO = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}


class Company(Strict):
    """The user's company profile.  Every field is optional."""

    name: str | None = None
    #: A confidential posting does not name the company: no name (it speaks as "we"), no
    #: website, an empty page header; JSON-LD names the hiring organization "confidential".
    confidential: bool = False
    about: str | None = None
    website: str | None = None
    #: A size id or name (small, mid-size, enterprise) or a headcount.
    size: str | int = "mid-size"
    industry: str = "general"
    #: What the company makes or does, in one line after its name ("makes stainless-steel
    #: valves for water utilities"); ends "About the role" when there is no ``about``.
    description: str | None = None
    #: How it sells (``catalog/business-models.yaml``: b2b-distribution, b2c-stores,
    #: d2c-online, subscription-software, services …); default: the industry's.
    business_model: str | None = None
    #: What kind of business it is within its industry (``catalog/sectors/``: grocery under
    #: retail or ecommerce, foundry or food-and-beverage under manufacturing, payments
    #: under financial services …); default: none, the industry's lines alone.
    sector: str | None = None
    #: The business systems it uses (NetSuite, SAP, Salesforce, Zendesk …), named in
    #: duties and skills instead of "ERP" or "CRM".
    systems: list[str] = Field(default_factory=list)
    #: Whether some of the workforce is represented by a union (adds labour-relations duties).
    unionised: bool = False
    #: The languages the work is done in ("German", "English"), asked for as a required
    #: qualification; default: not stated (a posting in English for a job in Germany
    #: should say whether German is needed).
    languages: list[str] = Field(default_factory=list)
    #: Languages that help but are not required ("Czech", "Polish" for work with plants
    #: there), a preferred qualification: "Czech or Polish, spoken and written."
    preferred_languages: list[str] = Field(default_factory=list)
    #: Number of sites and of countries; default: what is usual for the size.
    sites: int | None = Field(default=None, ge=1)
    countries: int | None = Field(default=None, ge=1)
    #: short, standard or long postings (``posting.length`` overrides it per posting).
    length: PostingLength = "standard"
    locations: list[Location] = Field(default_factory=list)
    work_arrangement: WorkArrangement | None = None
    #: Days a week in the office for a hybrid job: "with three days a week in our office".
    office_days: int | None = Field(default=None, ge=1, le=4)
    remote_regions: list[str] = Field(default_factory=list)
    employment_type: EmploymentType = "full-time"
    salary: Salary | None = None
    #: Bonus target, on-target earnings, commission, equity.
    variable_pay: VariablePay = Field(default_factory=VariablePay)
    #: Overrides the FLSA status worked out from the role's level and the pay (US jobs only).
    flsa_status: FlsaStatus | None = None
    #: True: "we can sponsor a work visa"; False: applicants must already be authorized.
    visa_sponsorship: bool | None = None
    #: A clearance the job needs, e.g. "U.S. government Secret".
    security_clearance: str | None = None
    #: True for the standard driver's license line, or your own wording.
    drivers_license: bool | str | None = None
    #: Share of working time spent travelling, and where to; default: the role's.
    travel: TravelOverride | None = None
    #: office | mixed | floor; default: the role's, in the industry.
    work_setting: WorkSetting | None = None
    #: Show "Work environment and physical demands" in the posting (default: floor work only).
    work_environment: bool | None = None
    #: Each benefit in your words; one for some levels only: {text: …, levels: [manager]}.
    benefits: list[str | Benefit] = Field(default_factory=list)
    equal_opportunity: str | None = None
    how_to_apply: str | None = None
    date_posted: dt.date | None = None
    closing_date: dt.date | None = None
    #: Babel locale for money, numbers and dates (default: the country's, e.g. en_GB).
    locale: str | None = None
    #: Gender-neutral title suffix: a text such as "(w/m/d)", or false for none
    #: (default: the country's, "(m/w/d)" in Germany and Austria).
    title_suffix: str | bool | None = None
    #: Say whether the posting is for an existing vacancy (Ontario asks every posting to).
    existing_vacancy: bool | None = None
    #: Say whether artificial intelligence screens, assesses or selects applicants.
    ai_screening: bool | None = None
    posting: PostingOptions = Field(default_factory=PostingOptions)

    @field_validator("work_arrangement", mode="before")
    @classmethod
    def _work_arrangement(cls, value: object) -> object:
        return forgiving.choice(value, forgiving.WORK_ARRANGEMENT_WORDS)  # Remote, onsite

    @field_validator("employment_type", mode="before")
    @classmethod
    def _employment_type(cls, value: object) -> object:
        return forgiving.choice(value, forgiving.EMPLOYMENT_TYPE_WORDS)  # Full Time

    @field_validator("date_posted", "closing_date", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        return forgiving.flexible_date(value)  # December 31, 2026; 11/12/2026 is ambiguous

    @field_validator("size", mode="before")
    @classmethod
    def _size_text_or_headcount(cls, value: object) -> object:
        if isinstance(value, bool):
            raise ValueError("expected a size name or a headcount")
        return value

    @field_validator("drivers_license", mode="before")
    @classmethod
    def _yes_no(cls, value: object) -> object:
        """A spreadsheet's "yes"/"no" is a choice, not the licence wording."""
        if isinstance(value, str) and value.strip().lower() in YES_NO:
            return YES_NO[value.strip().lower()]
        return value

    @model_validator(mode="after")
    def _office_days_hybrid(self) -> "Company":
        if self.office_days is not None and self.work_arrangement not in (None, "hybrid"):
            raise ValueError(
                f"office_days: {self.office_days} days a week in the office is for a hybrid "
                f"job (work_arrangement: hybrid), not {self.work_arrangement}"
            )
        return self

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Company":
        if self.date_posted and self.closing_date and self.closing_date < self.date_posted:
            raise ValueError(
                f"closing_date ({self.closing_date}) is before date_posted ({self.date_posted})"
            )
        return self


# ---------------------------------------------------------------------------
# The tailored posting: the contract between tailoring and rendering
# ---------------------------------------------------------------------------


#: Where a part of a posting came from: ``role`` (the role's own entry), ``library``
#: (a shared responsibility or skill), ``size``, ``industry`` or ``sector`` (a tailoring rule),
#: ``catalog`` (standard wording in ``posting.yaml``), ``company`` (a field of the
#: company profile) or ``user`` (a per-posting addition).
OriginKind = Literal["role", "library", "size", "industry", "sector", "catalog", "company", "user"]


class Origin(Strict):
    """Where a section, subsection or bullet of a posting came from."""

    kind: OriginKind
    #: The catalog id of the entry (role, library item, size or industry id), the
    #: company field (``benefits``) or the posting option (``add_responsibilities``).
    ref: str


class Bullet(Strict):
    """One bullet of a posting.  ``id`` is stable: a catalog responsibility or skill id
    where the bullet has one (so ``--remove`` keeps its meaning), else an id made from
    where it came from (``experience``, ``kpi-2``, ``user-1``)."""

    id: str
    text: str
    source: Origin

    def __str__(self) -> str:
        return self.text


class _Part(Strict):
    """What sections and subsections share: an id, a heading, paragraphs and bullets."""

    id: str
    heading: str
    paragraphs: list[str] = Field(default_factory=list)
    bullets: list[Bullet] = Field(default_factory=list)
    source: Origin | None = None

    @property
    def bullet_texts(self) -> list[str]:
        """The bullets as plain text."""
        return [b.text for b in self.bullets]


class Subsection(_Part):
    """A group of bullets under a sub-heading.  ``id`` is stable within its section:
    the responsibility group id, ``required`` / ``preferred``, ``hard`` / ``soft``."""


class Fact(Strict):
    """A labelled value of a form, e.g. "Job code: OPS-210"; an empty value is a line to
    fill in by hand (signature and date lines)."""

    id: str
    label: str
    value: str = ""


class Section(_Part):
    """A posting section.  ``id`` is stable (renderers and checks key on it)."""

    subsections: list[Subsection] = Field(default_factory=list)
    #: Labelled values (the internal description's job details and signature lines).
    facts: list[Fact] = Field(default_factory=list)

    def subsection(self, subsection_id: str) -> Subsection | None:
        return next((s for s in self.subsections if s.id == subsection_id), None)

    def all_bullets(self) -> list[Bullet]:
        """The section's bullets, then those of its subsections, in reading order."""
        return [*self.bullets, *(b for sub in self.subsections for b in sub.bullets)]


class RoleRef(Strict):
    """A role the posting names: its catalog id (``None`` for a title outside the catalog)."""

    id: str | None = None
    title: str


class SkillFact(Strict):
    id: str
    name: str
    kind: Literal["hard", "soft"]


class PostingMetadata(Strict):
    """The structured facts the posting's text was made from, for renderers and tools
    that need structure (JSON-LD, docx properties, compare, lint)."""

    role_id: str
    role_title: str
    level: str
    level_name: str
    size: str
    size_name: str
    industry: str
    industry_name: str
    company_name: str | None = None
    website: str | None = None
    locations: list[Location] = Field(default_factory=list)
    work_arrangement: WorkArrangement | None = None
    #: Days a week in the office (a hybrid job whose company says so).
    office_days: int | None = None
    remote_regions: list[str] = Field(default_factory=list)
    #: The company's number of sites, as its file gives it (None: not given).
    sites: int | None = None
    employment_type: EmploymentType = "full-time"
    #: The pay (the compensation section states it).
    salary: Salary | None = None
    variable_pay: VariablePay | None = None
    #: The variable-pay sentences (JSON-LD ``incentiveCompensation``).
    incentive_compensation: str | None = None
    #: exempt / non-exempt; only for US jobs.
    flsa_status: FlsaStatus | None = None
    #: The work-authorization sentence (JSON-LD ``eligibilityToWorkRequirement``).
    eligibility_to_work: str | None = None
    #: The clearance line (JSON-LD ``securityClearanceRequirement``).
    security_clearance: str | None = None
    #: Share of working time spent travelling, and the sentence that says so.
    travel_percent: int | None = None
    travel: str | None = None
    #: office, mixed or floor, and the physical demands (JSON-LD ``physicalRequirement``).
    work_setting: WorkSetting | None = None
    physical_demands: list[str] = Field(default_factory=list)
    benefits: list[str] = Field(default_factory=list)
    how_to_apply: str | None = None
    date_posted: dt.date | None = None
    valid_through: dt.date | None = None
    reports_to: RoleRef
    #: Who reports to the role, as the posting says it ("a team of eight representatives").
    team: str | None = None
    #: The team's figure is jdgen's estimate from the headcount, not the company's own
    #: (``posting: team:``): the readiness notes ask the user to check it.
    team_estimated: bool = False
    skills: list[SkillFact] = Field(default_factory=list)
    #: The years of experience asked for in the qualifications.
    experience_years: int | None = None
    #: The education line, its level and whether experience may stand in for it.
    education: str | None = None
    education_level: CredentialCategory | None = None
    experience_in_place_of_education: bool = False
    requisition_id: str | None = None
    #: ISO code of the country the posting is for (None: not one country, e.g. "EU").
    country: str | None = None
    #: Babel locale its money and dates are written in.
    locale: str = "en_US"
    generator: str
    #: Set when the title is unusual at the company's headcount: the note saying so
    #: (``generate`` prints it on stderr, ``lint`` reports it) and the roles that
    #: usually do the work at that size.
    unusual_title: str | None = None
    usual_titles: list[str] = Field(default_factory=list)


#: ``posting``: the job ad; ``description``: the internal job description HR keeps on file.
DocumentKind = Literal["posting", "description"]


class JobDescription(Strict):
    """A tailored posting: plain data, no formatting.  Renderers read only this."""

    title: str
    sections: list[Section]
    metadata: PostingMetadata
    kind: DocumentKind = "posting"

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)
