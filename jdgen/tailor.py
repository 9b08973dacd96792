"""Stage 2: tailor a catalog role to a company, producing a JobDescription.

:func:`tailor` is a pure function of the role, the company and the catalog: it
reads no files and formats nothing (no Markdown, no Word).  All size and
industry knowledge comes from the catalog data:

* the reporting line, direct reports and years of experience by company size;
* the scope sentence by size and level, and the size's additions (hands-on duties
  in a small company, governance and multi-site duties in an enterprise);
* the industry's vocabulary, context sentence, regulations, KPIs, skills and
  additions, and the company's sector's (a grocer's, a foundry's), which replace the
  industry's on the same topic;
* items marked ``physical_goods: true`` (supply chain, inventory) only for
  companies that make, move or sell goods; ``physical_goods: false`` items (vendor
  management) only for those that don't.

Internal module: the public API is :mod:`jdgen` (``jdgen.__all__``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal, TypeVar

from jdgen import __version__, scale, seats, work
from jdgen.budget import (
    COMPANY,
    INDUSTRY,
    LIBRARY,
    NOTHING_SAID,
    ROLE,
    SCALED,
    SECTOR,
    SIZE,
    Candidate,
    Said,
    one_per_topic,
    remembered,
    within_budget,
)
from jdgen.catalog import Catalog, builtin_catalog, placeholder_values
from jdgen.countries import (
    Country,
    hiring_statements,
    posting_country,
    title_with_suffix,
    written_out,
)
from jdgen.errors import JdgenError, TemplateError, UnknownChoiceError
from jdgen.models import (
    DEFAULT_KEY,
    Addition,
    Budget,
    Bullet,
    BusinessModel,
    Company,
    CompanySize,
    CredentialCategory,
    ExtraQualifications,
    Facts,
    FlsaStatus,
    Industry,
    JobDescription,
    Level,
    Location,
    Origin,
    PostingMetadata,
    PostingOptions,
    Qualifications,
    Responsibility,
    Role,
    RoleRef,
    Salary,
    Section,
    Sector,
    Skill,
    SkillFact,
    Subsection,
    TextItem,
    When,
    line_required,
    line_text,
    line_topic,
    line_when,
    pick,
)
from jdgen.placeholders import filled
from jdgen.spelling import company_words, respell_posting
from jdgen.text import (
    article,
    description_form,
    join_list,
    join_words,
    long_date,
    money,
    sentence,
)

# ---------------------------------------------------------------------------
# Placeholders in catalog text, rendered in a sandbox
# ---------------------------------------------------------------------------


#: Filled catalog texts by (text, the posting's values): a batch fills the same sentences
#: for the same company and role again and again.  Cleared when it grows past the limit.
_FILLED: dict[tuple[str, str], str] = {}
_FILLED_LIMIT = 50_000


#: The placeholders whose values follow the headcount (catalog.placeholder_values).
_BY_HEADCOUNT = ("headcount", "team")

#: A template tag's inside, and a name there that follows the headcount.
_TAG_BODY = re.compile(r"\{[{%](.*?)[}%]\}", re.S)
_HEADCOUNT_NAME = re.compile(r"\b(?:" + "|".join(_BY_HEADCOUNT) + r")\b")

#: :func:`names_headcount`'s answers by text.
_NAMES_HEADCOUNT: dict[str, bool] = {}


def names_headcount(text: str) -> bool:
    """Does a tag of ``text`` name a value that follows the headcount?  ("{{ team(5, 15) }}"
    does; "the team" outside a tag is a word.)  A text can read only the values its tags
    name.  True also for a text with a brace in the wrong place, which is then not
    shared: only the sandbox can say what it reads."""
    found = _NAMES_HEADCOUNT.get(text)
    if found is None:
        tags = _TAG_BODY.findall(text)
        rest = _TAG_BODY.sub("", text)
        found = "{" in rest or "}" in rest or any(_HEADCOUNT_NAME.search(t) for t in tags)
        if len(_NAMES_HEADCOUNT) >= _FILLED_LIMIT:
            _NAMES_HEADCOUNT.clear()
        _NAMES_HEADCOUNT[text] = found
    return found


def fill_memo(text: str, values: dict[str, Any], key: str, steady: str = "") -> str:
    """:func:`fill`, remembered under ``key`` (which names ``values`` exactly; "" for none),
    or under ``steady`` (which names them all but those of :data:`_BY_HEADCOUNT`) for a
    text that names none of those: a text can only read the values it names, so it
    fills alike for every headcount."""
    if "{" not in text:
        return text  # as fill() leaves it
    if not key:
        return fill(text, values)
    if steady and not names_headcount(text):
        key = steady
    found = _FILLED.get((text, key))
    if found is None:
        found = fill(text, values)
        if len(_FILLED) >= _FILLED_LIMIT:
            _FILLED.clear()
        _FILLED[(text, key)] = found
    return found


def fill(text: str, values: dict[str, Any]) -> str:
    """Fill ``{{ placeholders }}`` in a piece of catalog text (the one template engine).
    What :func:`jdgen.placeholders.filled` reads as the sandbox would is filled without
    loading Jinja (a .docx posting then needs no template at all)."""
    simple = filled(text, values)
    if simple is not None:
        return simple
    from jdgen.templating import render_string

    return render_string(text, values)


# ---------------------------------------------------------------------------
# Tailoring
# ---------------------------------------------------------------------------


T = TypeVar("T")


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
    #: The country the posting is for (countries.yaml) and the locale it is written in.
    country: Country
    locale: str
    #: What catalog conditions look at: headcount, sites, function, business model …
    facts: Facts
    #: The band's id and its fallbacks, for by-size maps.
    size_keys: tuple[str, ...]
    #: How many lines of each part the posting's length allows (lengths.yaml).
    budget: Budget
    #: ``repr(values)``: names the values exactly, for :func:`fill_memo`.
    values_key: str = ""
    #: The same without the values that follow the headcount (:func:`steady_key`).
    steady_key: str = ""
    #: What the posting's duties already say: their topics and texts.  Skills,
    #: qualifications and laws that only repeat them are left out.
    said: Said = NOTHING_SAID
    #: What the rules worked out for this posting that a smaller length budget reuses
    #: (shared by the contexts :func:`dataclasses.replace` makes from this one: they
    #: differ only in ``budget`` and ``said``, which the keys name).
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    #: What the conditions other than headcount bounds say for these facts, by the
    #: condition's identity (:func:`conditions_for`): shared by every posting whose facts
    #: differ at most in headcount.
    conditions: dict[int, tuple[bool, When]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def applies(self, when: When) -> bool:
        # by identity: the conditions are the catalog's own objects (kept with the answer,
        # so that an id is never another condition's)
        found = self.conditions.get(id(when))
        if found is None or found[1] is not when:
            found = self.conditions[id(when)] = (when.matches_besides_headcount(self.facts), when)
        if not found[0]:
            return False
        if when.min_headcount is None and when.max_headcount is None:
            return True
        fits = when.fits_headcount(self.facts.headcount)
        watch = self.memo.get(_WATCH)
        if watch is not None:
            watch.bounds[id(when)] = (when, fits)
        return fits

    def shared(self, key: tuple[Any, ...], make: Callable[[], T]) -> T:
        """``make()``, worked out once for every posting it comes out the same for: the
        same catalog, the same facts but for the headcount, the same values but for those
        that follow the headcount, a headcount on the same side of each headcount bound
        ``make`` consulted, and the same ``key`` (which must name every other input: the
        budget, the posting options).  Only for rules that see the headcount through
        :meth:`applies` and texts filled by :meth:`text` or :meth:`filled` alone (a text
        naming the headcount is not shared)."""
        full = (key, id(self.catalog), id(self.conditions), self.steady_key)
        people = self.facts.headcount
        for (catalog, conditions), bounds, value in _SHARED.get(full, ()):
            same = catalog is self.catalog and conditions is self.conditions
            if same and all(when.fits_headcount(people) == fits for when, fits in bounds):
                return value  # type: ignore[no-any-return]
        outer = self.memo.get(_WATCH)
        watch = self.memo[_WATCH] = _Watch()
        try:
            value = make()
        finally:
            self.memo[_WATCH] = outer
            if outer is not None:
                outer.bounds.update(watch.bounds)
                outer.steady = outer.steady and watch.steady
        if watch.steady:
            if len(_SHARED) >= _SHARED_KEPT:
                _SHARED.clear()
            entries = _SHARED.setdefault(full, [])
            if len(entries) < 16:
                entries.append(
                    ((self.catalog, self.conditions), tuple(watch.bounds.values()), value)
                )
        return value

    def _watch_text(self, raw: str) -> None:
        """A text naming a value that follows the headcount: what uses it is not shared."""
        if names_headcount(raw):
            watch = self.memo.get(_WATCH)
            if watch is not None:
                watch.steady = False

    def once(self, key: tuple[Any, ...], make: Callable[[], T]) -> T:
        """``make()``, worked out once per posting for ``key`` (which must name every
        input of it that differs between this context and the others of the posting)."""
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]  # type: ignore[no-any-return]

    @property
    def sector(self) -> Sector | None:
        """The company's sector within its industry (sectors/), or None."""
        return self.catalog.sectors.get(self.facts.sector) if self.facts.sector else None

    def dropped(self, item_id: str) -> bool:
        """Does the company's sector leave this duty or skill out (``drops``)?"""
        sector = self.sector
        return sector is not None and item_id in sector.drops

    def industry_core(self) -> bool:
        """Is the role of a function the industry's general lines are written for?"""
        return self.facts.function in (self.industry.core_functions or CORE_FUNCTIONS)

    def applies_industry(self, when: When) -> bool:
        """Does an industry's line apply: its conditions hold, and it names the functions,
        domains or roles it is for, or the role is of one of the industry's core functions."""
        return self.applies(when) and (when.targets() or self.industry_core())

    def local(self, text: str) -> bool:
        """Does ``text`` name nothing that applies only in another country?  (A US law in
        a posting for Germany: ``us_only_terms`` in countries.yaml.)"""
        if self.country.code == "US":
            return True
        pattern = self.catalog.countries.us_only()
        return pattern is None or pattern.search(text) is None

    def lines(self, lines: Iterable[str | TextItem]) -> list[str]:
        """The lines that apply here, with placeholders filled."""
        return [self.text(line_text(x)) for x in lines if self.applies(line_when(x))]

    def text(self, raw: str) -> str:
        if "{" in raw:
            self._watch_text(raw)
        return sentence(fill_memo(raw, self.values, self.values_key, self.steady_key))

    def filled(self, raw: str) -> str:
        """``raw`` with the posting's placeholders filled, spacing as written."""
        if "{" in raw:
            self._watch_text(raw)
        return fill_memo(raw, self.values, self.values_key, self.steady_key)

    def render(self, raw: str, **extra: Any) -> str:
        """A catalog sentence with its own placeholders (``{{ percent }}`` …) besides the usual."""
        return sentence(self.fill(raw, **extra))

    def fill(self, raw: str, **extra: Any) -> str:
        """As :meth:`render`, but the text exactly as filled (spacing kept: "65.000\u00a0€")."""
        if "{" not in raw:
            return raw  # as fill_memo() leaves it
        self._watch_text(raw)  # the extra values come from what the rule reads
        if not self.values_key:
            return fill(raw, {**self.values, **extra})
        said = repr(extra)
        key, steady = f"{self.values_key}|{said}", f"{self.steady_key}|{said}"
        return fill_memo(raw, {**self.values, **extra}, key, steady)

    def phrase(self, raw: str, **extra: Any) -> str:
        """A piece of a sentence from the catalog, filled in but not made a sentence."""
        return self.fill(raw, **extra).strip()

    def wording(self, r: Responsibility) -> str:
        return self.text(self.raw_wording(r))

    def raw_wording(self, r: Responsibility) -> str:
        by_size = pick(r.by_size, self.size_keys) if r.by_size else None
        by_model = r.by_business_model.get(self.facts.business_model)
        return by_model or r.by_industry.get(self.industry.id) or by_size or r.text

    @property
    def model(self) -> BusinessModel | None:
        """The company's business model (business-models.yaml)."""
        return self.catalog.business_models.get(self.facts.business_model)

    def removed(self, item_id: str) -> bool:
        return item_id in self.options.remove

    @property
    def size_additions(self) -> list[Addition]:
        """The size's additions, or its fallback band's when it has none of its own."""
        return list(self.band_attr("additions"))

    def band_attr(self, name: str) -> Any:
        """A band's list or block (additions, qualifications), falling back along the chain."""
        for key in self.size_keys:
            value = getattr(self.catalog.sizes[key], name)
            if value:
                return value
        return getattr(self.size, name)


@dataclass
class _Watch:
    """What a rule worked out by :meth:`Context.shared` consulted: the headcount bounds
    (and their answers), and whether every text it filled holds for any headcount."""

    bounds: dict[int, tuple[When, bool]] = field(default_factory=dict)
    steady: bool = True


#: Where :meth:`Context.shared` keeps its watch in :attr:`Context.memo`.
_WATCH = ("watch",)

#: :meth:`Context.shared`'s results: by key, catalog, facts and values, each with the
#: headcount bounds it holds for; at most :data:`_SHARED_KEPT` keys, then started over
#: (a few: one person's previews need a handful, and a batch of different companies,
#: which never meets a key again, ran slower when it kept thousands).
_SHARED: dict[
    tuple[Any, ...], list[tuple[tuple[Any, Any], tuple[tuple[When, bool], ...], Any]]
] = {}
_SHARED_KEPT = 256


#: :attr:`Context.conditions` by the facts with the headcount left out; at most
#: :data:`_CONDITIONS_KEPT` sets of facts, then started over.
_CONDITIONS: dict[Facts, dict[int, tuple[bool, When]]] = {}
_CONDITIONS_KEPT = 512


def conditions_for(facts: Facts) -> dict[int, tuple[bool, When]]:
    """The answers of conditions for postings with these facts, whatever their headcount."""
    key = replace(facts, headcount=0)
    found = _CONDITIONS.get(key)
    if found is None:
        if len(_CONDITIONS) >= _CONDITIONS_KEPT:
            _CONDITIONS.clear()
        found = _CONDITIONS[key] = {}
    return found


def normalize(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


def business_model(company: Company, industry: Industry, catalog: Catalog) -> str:
    """The company's business model id: its own (by id, name or alias), else the industry's."""
    if not company.business_model:
        return industry.business_model
    found = _model_names(catalog.business_models).get(normalize(company.business_model))
    if found is not None:
        return found
    raise JdgenError(
        f"business_model: expected one of {', '.join(catalog.business_models)}, "
        f"got '{company.business_model}'"
    )


def sector_id(company: Company, industry: Industry, catalog: Catalog) -> str:
    """The company's sector id (by id, name or alias, one of its industry's), or ""."""
    if not company.sector or not company.sector.strip():
        return ""
    try:
        return catalog.find_sector(company.sector, industry.id).id
    except UnknownChoiceError as exc:
        raise JdgenError(f"sector: {exc}") from None


#: :func:`_model_names` by the catalog's table (kept with it).
_MODEL_NAMES: dict[int, tuple[dict[str, BusinessModel], dict[str, str]]] = {}


def _model_names(models: dict[str, BusinessModel]) -> dict[str, str]:
    """Each business model's id, name and aliases, normalised → its id (the first model
    that has it, as a search in order finds)."""
    held = _MODEL_NAMES.get(id(models))
    if held is None or held[0] is not models:
        index: dict[str, str] = {}
        for m in models.values():
            for x in (m.id, m.name, *m.aliases):
                index.setdefault(normalize(x), m.id)
        if len(_MODEL_NAMES) >= 16:
            _MODEL_NAMES.clear()
        held = _MODEL_NAMES[id(models)] = (models, index)
    return held[1]


def owned(model_id: str, industry: Industry, catalog: Catalog) -> frozenset[str]:
    """What the company owns: its business model's list where the model has one, else
    its industry's."""
    model = catalog.business_models.get(model_id)
    if model is not None and model.owns is not None:
        return frozenset(model.owns)
    return frozenset(industry.owns)


def vocabulary(
    model_id: str, industry: Industry, catalog: Catalog, sector: str = ""
) -> dict[str, str]:
    """The industry's words, with those the business model, then the sector, says
    differently replaced."""
    words = dict(industry.vocab)
    for own in (catalog.business_models.get(model_id), catalog.sectors.get(sector)):
        if own is not None:
            words.update({k: v for k, v in own.vocab if v is not None})
    return words


def role_function(role: Role, catalog: Catalog) -> str:
    """The role's function: its own, else its domain's default."""
    domain = catalog.domains.get(role.domain)
    return role.function or (domain.function if domain else None) or ""


def facts_for(
    role: Role,
    company: Company,
    catalog: Catalog,
    size: CompanySize,
    industry: Industry,
    country: str = "",
) -> Facts:
    """What the catalog's ``when`` conditions look at, for this role at this company."""
    level = catalog.level_of(role)
    people = scale.headcount(company, size)
    n_sites = scale.sites(company, size, people)
    model = business_model(company, industry, catalog)
    return Facts(
        size=size.id,
        industry=industry.id,
        level=level.id,
        domain=role.domain,
        physical_goods=industry.physical_goods,
        role=role.id,
        function=role_function(role, catalog),
        kind=role.kind or ("executive" if level.id == "executive" else "line"),
        business_model=model,
        sector=sector_id(company, industry, catalog),
        owns=owned(model, industry, catalog),
        headcount=people,
        multi_site=n_sites > 1,
        multi_country=scale.countries(company, size, n_sites) > 1,
        unionised=company.unionised,
        below_usual=scale.below_usual(role, people),
        country=country,
    )


#: Used when a catalog has no lengths.yaml: everything that applies.
EVERYTHING = Budget.trusted(
    duties={"default": 40}, required=12, preferred=12, hard_skills=12, soft_skills=12, kpis=12
)


def resolve(
    role: Role, company: Company, catalog: Catalog, options: PostingOptions | None
) -> Context:
    """Resolve the company's size and industry and the role's level once, for the rules
    (and for jdgen.compare, which reads the role's catalog facts at the same size)."""
    opts = options if options is not None else company.posting
    size = catalog.find_size(company.size)
    industry = catalog.find_industry(company.industry)
    title = opts.title or role.title
    country = posting_country(company, catalog.countries)
    level = catalog.level_of(role)
    facts = facts_for(role, company, catalog, size, industry, country.code or "")
    values = placeholder_values(
        title,
        company.name,
        size,
        industry,
        country.placeholders(),
        systems=catalog.systems.words(company.systems, facts.function),
        headcount=facts.headcount,
        description=company.description or "",
        vocab=vocabulary(facts.business_model, industry, catalog, facts.sector),
        owns=facts.owns,
        countries=scale.countries(company, size, scale.sites(company, size, facts.headcount)),
    )
    locale = company.locale or country.locale
    budget = catalog.lengths.get(opts.length or company.length, EVERYTHING)
    keys = scale.size_keys(catalog.sizes, size.id)
    return Context(
        catalog,
        role,
        company,
        opts,
        size,
        industry,
        level,
        title,
        values,
        country,
        locale,
        facts,
        keys,
        budget,
        repr(values),
        steady_key(values),
        conditions=conditions_for(facts),
    )


def steady_key(values: dict[str, Any]) -> str:
    """``repr(values)`` without the values that follow the headcount."""
    return repr({k: v for k, v in values.items() if k not in _BY_HEADCOUNT})


def _catalog_ids(ctx: Context) -> set[str]:
    """Catalog ids a posting option may remove even when this posting lacks them: the
    role's groups, duties and skills, and the size and industry additions."""
    role = ctx.role
    ids = {g.id for g in role.responsibilities}
    ids |= {i if isinstance(i, str) else i.id for g in role.responsibilities for i in g.items}
    ids |= {s if isinstance(s, str) else s.id for s in role.skills}
    ids |= {s.id for s in ctx.industry.skills}
    sector_additions = ctx.sector.additions if ctx.sector else []
    ids |= {s.id for s in ctx.sector.skills} if ctx.sector else set()
    for addition in (*ctx.size_additions, *ctx.industry.additions, *sector_additions):
        ids.add(addition.item if isinstance(addition.item, str) else addition.item.id)
    return ids


# ---------------------------------------------------------------------------
# Where things come from
# ---------------------------------------------------------------------------


def _role(ctx: Context) -> Origin:
    return ctx.once(("origin",), lambda: Origin.trusted(kind="role", ref=ctx.role.id))


def _company(field: str) -> Origin:
    return Origin.trusted(kind="company", ref=field)


def _user(option: str) -> Origin:
    return Origin.trusted(kind="user", ref=option)


#: Who owns a catalog line: the role, or the size, industry or sector rule that adds it.
Owner = Literal["role", "size", "industry", "sector"]


def _owner_origin(ctx: Context, owner: Owner) -> Origin:
    """The origin of a line from ``owner``: ``role``, ``size``, ``industry`` or ``sector``."""
    refs = {"role": ctx.role.id, "size": ctx.size.id, "industry": ctx.industry.id}
    ref = ctx.facts.sector if owner == "sector" else refs[owner]
    return Origin.trusted(kind=owner, ref=ref)


def _by_function(owner: Owner) -> bool:
    """Are ``owner``'s lines chosen by role function (an industry's and a sector's)?"""
    return owner in ("industry", "sector")


def _line_bullets(
    ctx: Context, lines: Iterable[str | TextItem], owner: Owner, name: str
) -> list[Bullet]:
    """The catalog lines that apply here, as bullets with ids from where they sit in the
    catalog (``kpi-2``; ``healthcare-kpi-1`` for an industry's; ``small-required-1``).
    Left out: a line naming another country's law, and a line on a topic the duties
    already cover (a KPI may measure one, so KPIs keep theirs)."""
    origin = _owner_origin(ctx, owner)
    prefix = "" if owner == "role" else f"{origin.ref}-"
    fits = ctx.applies_industry if _by_function(owner) else ctx.applies
    bullets = []
    for i, x in enumerate(lines, 1):
        if not fits(line_when(x)) or (name != "kpi" and ctx.said.covers(line_topic(x))):
            continue
        text = ctx.text(line_text(x))
        if ctx.local(text):
            bullets.append(Bullet.trusted(id=f"{prefix}{name}-{i}", text=text, source=origin))
    return bullets


def _user_bullets(texts: list[str], option: str, first: int) -> list[Bullet]:
    """Per-posting additions, ``user-<n>`` counted from ``first``."""
    return [
        Bullet.trusted(id=f"user-{n}", text=sentence(t), source=_user(option))
        for n, t in enumerate(texts, first)
    ]


def _unique(items: list[Bullet]) -> list[Bullet]:
    seen: set[str] = set()
    out = []
    for i in items:
        if i.text and i.text.lower() not in seen:
            seen.add(i.text.lower())
            out.append(i)
    return out


def _section(ctx: Context, section_id: str, source: Origin, **parts: Any) -> Section:
    return Section.trusted(id=section_id, heading="", source=source, **parts)


# ---------------------------------------------------------------------------
# The sections, in posting order
# ---------------------------------------------------------------------------


def _about_company(ctx: Context) -> Section | None:
    """ "About us": the company's own ``about``, else the sentence its one-line
    ``description`` makes (the guide's order: the company, then the role)."""
    if ctx.company.about:
        paragraphs = [sentence(p) for p in ctx.company.about.split("\n\n") if p.strip()]
        return _section(ctx, "about-company", _company("about"), paragraphs=paragraphs)
    if ctx.company.description and ctx.company.description.strip():
        paragraphs = [description_sentence(ctx)]
        return _section(ctx, "about-company", _company("description"), paragraphs=paragraphs)
    return None


def description_sentence(ctx: Context) -> str:
    """The company's ``description`` joined to its name: "Acme makes valves.", "Frischkiste
    is an online grocer …", "Krupp is a family-owned foundry."; a sentence as written."""
    text, said = ctx.catalog.text, ctx.values["description"]
    form = description_form(
        said, ctx.company.name, text.description_noun_starts, text.description_sentence_starts
    )
    if form == "sentence":
        return sentence(said)
    if form == "verb":
        first = said.split()[0]
        if first[1:].islower():  # "Makes valves" after the name: "makes valves"
            said = said[0].lower() + said[1:]
        return ctx.render(text.description_sentence, description=said)
    if form == "bare-noun":
        said = f"{article(said)} {said}"
    return ctx.render(text.description_noun_sentence, description=said)


def _about_role(ctx: Context) -> Section:
    parts = [summary_text(ctx), _scope_sentence(ctx), _context_sentence(ctx)]
    paragraphs = [" ".join(ctx.text(p) for p in parts if p)]
    return _section(ctx, "about-role", _role(ctx), paragraphs=paragraphs)


def summary_text(ctx: Context) -> str:
    """What the job is for at this company, unfilled: the first of the role's ``summaries``
    whose conditions hold (a retailer's stores, a grocer's fresh food), else its summary for
    the business model, else for the industry, else its ``summary``."""
    role = ctx.role
    found = next((s.text for s in role.summaries if ctx.applies(s.when)), None)
    if found is not None:
        return found
    return role.summary_by_business_model.get(ctx.facts.business_model) or (
        role.summary_by_industry.get(ctx.industry.id, role.summary)
    )


def _scope_sentence(ctx: Context) -> str:
    """The size's first scope sentence whose conditions hold; none when none does (the
    reporting line already says whom the role leads)."""
    line = _scope_line(ctx)
    return line.text if line else ""


def _scope_line(ctx: Context) -> TextItem | None:
    """The scope sentence of "About the role", with its topic: a duty or qualification on
    that topic ("hands-on" in a small company) would say it a second time."""
    return next((line for line in ctx.size.scope if ctx.applies(line.when)), None)


#: The functions an industry's general lines are written for, unless it says.
CORE_FUNCTIONS = ("core-operations",)


def _context_sentence(ctx: Context) -> str:
    """What operations means in this industry, for this function: the function's own
    sentence, else the domain's, else the industry's general one where it was written
    for this function; nothing where the industry has nothing specific to add."""
    ind, function = ctx.industry, ctx.facts.function
    general = ind.context if ctx.industry_core() else ""
    text = ctx.model.context_by_function.get(function) if ctx.model else None
    if text is None:
        text = ind.context_by_function.get(function)
    if text is None:
        text = ind.context_by_domain.get(ctx.role.domain, general)
    return text if ctx.local(text) else ""


def reports_to(ctx: Context) -> RoleRef:
    """Who the role reports to at this size: a catalog role (id and title) or a title,
    a seat this company has (jdgen.seats: the band's boss, held by another role where
    the industry or business model has no such seat, one step up while the boss's
    title is unusual at this headcount)."""
    ref = chart(ctx).boss(ctx.role)
    return RoleRef.trusted(
        id=ref if ref in ctx.catalog.roles else None, title=ctx.catalog.role_title(ref)
    )


def chart(ctx: Context) -> seats.Chart:
    """This company's org chart (jdgen.seats)."""
    return seats.Chart(
        ctx.catalog.roles, ctx.size, ctx.size_keys, ctx.facts.headcount, holders(ctx)
    )


def holders(ctx: Context) -> dict[str, str]:
    """The seats this company has no use for, each with the role that holds it."""
    return {**ctx.industry.seat_holders, **(ctx.model.seat_holders if ctx.model else {})}


def team(ctx: Context) -> str | None:
    """Who reports to the role at this size, placeholders filled: the role's own line for
    the band, else the band's line for the level, else the role's for the fallback band
    ("" at any of them: no such line, as in a start-up where most roles lead nobody yet);
    the posting's own ``team`` (``--team``) instead of all of them."""
    if ctx.options.team:
        return ctx.options.team
    text = _team_text(ctx)
    filled = fill(text, ctx.values).strip().rstrip(".") if text else ""
    return filled or None


def _team_text(ctx: Context) -> str | None:
    """The catalog's team line for this posting, placeholders not yet filled."""
    if scale.below_usual(ctx.role, ctx.facts.headcount):
        new = _new_team(ctx)
        if new is not None:
            return new
    own = ctx.role.direct_reports
    if ctx.size.id in own:
        return own[ctx.size.id]
    if ctx.level.id in ctx.size.direct_reports:
        return ctx.size.direct_reports[ctx.level.id]
    return pick(own, ctx.size_keys)


def team_estimated(ctx: Context) -> bool:
    """Is the posting's team figure worked out from the headcount (``{{ team(5, 15) }}``),
    not given by the company?  The readiness notes then ask the user to check it."""
    text = None if ctx.options.team else _team_text(ctx)
    return bool(text) and _TEAM_FIGURE.search(text or "") is not None and bool(team(ctx))


#: A catalog text's team figure: ``{{ team(5, 15) }}``.
_TEAM_FIGURE = re.compile(r"\{\{-?\s*team\(")


def _new_team(ctx: Context) -> str | None:
    """The band's own team line for a title unusual at this size, by level (sizes.yaml
    ``new_team``); empty: no team line, the scope sentence says the team is still to be
    built."""
    return ctx.size.new_team.get(ctx.level.id)


def works_with(ctx: Context) -> list[str]:
    """Whom the role works with most, placeholders filled: the sector's list, else the
    industry's, else the default; at a small company, the people such a company has
    (work.yaml small_teams)."""
    given = ctx.role.works_with
    if isinstance(given, dict):
        own = given.get(ctx.facts.sector) if ctx.facts.sector else None
        given = own or given.get(ctx.industry.id, given.get(DEFAULT_KEY, []))
    teams = [t for t in (fill(x, ctx.values).strip() for x in given) if t]
    small = ctx.catalog.work.small_teams
    if small is None or ctx.facts.headcount >= small.below or not teams:
        return teams
    table = {k.lower(): v for k, v in small.teams.items()}
    kept = [fill(table.get(t.lower(), t), ctx.values).strip() for t in teams]
    first = fill(small.first, ctx.values).strip()
    named = " ".join(kept).lower()
    if first and not any(word.lower() in named for word in small.leaders):
        kept.insert(0, first)
    kept = [t for i, t in enumerate(kept) if t and t not in kept[:i]]
    return kept or [fill(small.fallback, ctx.values)]


def _reporting(ctx: Context) -> Section:
    said = ctx.catalog.text.sentences
    paragraphs = [ctx.render(said.reports_to, boss=reports_to(ctx).title)]
    lead = team(ctx)
    if lead:
        paragraphs.append(ctx.render(said.leads, team=lead))
    teams = works_with(ctx)
    if teams:
        paragraphs.append(ctx.render(said.works_with, teams=join_words(teams)))
    return _section(ctx, "reporting", _role(ctx), paragraphs=[" ".join(paragraphs)])


#: How specific a line from each kind of source is (jdgen.budget): the most specific
#: line of a topic wins, and the budget keeps specific lines first.
SPECIFICITY = {
    "library": LIBRARY,
    "size": SIZE,
    "role": ROLE,
    "industry": INDUSTRY,
    "sector": SECTOR,
}


class _Duties:
    """Responsibility bullets: each duty once (by wording), removed ones left out; with
    each bullet's topic and specificity, for the length budget."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.seen: set[str] = set()
        self.meta: dict[str, tuple[str | None, int]] = {}
        #: The other topics each duty covers (``Responsibility.covers``).
        self.covers: dict[str, list[str]] = {}

    def add(self, bullets: list[Bullet], item: str | Responsibility, source: Origin) -> None:
        ctx = self.ctx
        r = ctx.catalog.responsibility(item)
        if ctx.removed(r.id) or ctx.dropped(r.id) or not ctx.applies(r.when):
            return
        text = ctx.wording(r)
        if text.lower() not in self.seen and ctx.local(text):
            self.seen.add(text.lower())
            bullets.append(Bullet.trusted(id=r.id, text=text, source=source))
            self.meta[r.id] = (r.topic, self.specificity(r, source))
            self.covers[r.id] = r.covers

    def specificity(self, r: Responsibility, source: Origin) -> int:
        ctx = self.ctx
        if ctx.values["systems"]["own"] and "systems." in ctx.raw_wording(r):
            return COMPANY
        if r.when.unionised:  # a line about the company's own workforce
            return COMPANY
        if ctx.industry.id in r.by_industry or ctx.facts.business_model in r.by_business_model:
            return INDUSTRY
        base = SPECIFICITY.get(source.kind, ROLE)
        if base == ROLE and any(k in r.by_size for k in ctx.size_keys):
            return SCALED
        return base


def _role_groups(ctx: Context, duties: _Duties) -> list[Subsection]:
    groups = []
    for group in ctx.role.responsibilities:
        if not ctx.applies(group.when) or ctx.removed(group.id):
            continue
        bullets: list[Bullet] = []
        for item in group.items:
            source = (
                Origin.trusted(kind="library", ref=item) if isinstance(item, str) else _role(ctx)
            )
            duties.add(bullets, item, source)
        heading = ctx.text(group.heading).rstrip(".")
        groups.append(
            Subsection.trusted(id=group.id, heading=heading, bullets=bullets, source=_role(ctx))
        )
    return groups


def _add_rules(ctx: Context, groups: list[Subsection], duties: _Duties) -> set[str]:
    """Put the size's and the industry's additions into their groups; return the ids of
    the duties they replace."""
    by_id = {g.id: g.bullets for g in groups}
    replaced: set[str] = set()
    rules: list[tuple[Owner, Addition]] = [("size", a) for a in ctx.size_additions]
    rules += [("industry", a) for a in ctx.industry.additions]
    rules += [("sector", a) for a in ctx.sector.additions] if ctx.sector else []
    for owner, addition in rules:
        fits = ctx.applies_industry if _by_function(owner) else ctx.applies
        if not fits(addition.when):
            continue
        target = next((by_id[g] for g in addition.into if g in by_id), None)
        if target is not None:
            duties.add(target, addition.item, _owner_origin(ctx, owner))
            replaced.update(addition.replaces)
    return replaced


def _responsibilities(ctx: Context) -> tuple[Section, Said]:
    """The duties section and what it says; the same for every budget with the same
    number of duties (the length budget trims the other parts first)."""
    b = ctx.budget
    key = ("duties", tuple(sorted(b.duties.items())), b.least("duties", ctx.level.id))
    opts = (tuple(ctx.options.remove), tuple(ctx.options.add_responsibilities))
    return ctx.once(key, lambda: ctx.shared((*key, opts), lambda: _choose_duties(ctx)))


def _choose_duties(ctx: Context) -> tuple[Section, Said]:
    duties = _Duties(ctx)
    groups = _role_groups(ctx, duties)
    replaced = _add_rules(ctx, groups, duties)
    scope = _scope_line(ctx)
    said = scope.topic if scope else None  # "About the role" has said it already
    for g in groups:
        g.bullets = [
            b
            for b in g.bullets
            if b.id not in replaced and (said is None or duties.meta[b.id][0] != said)
        ]
    _within_budget(ctx, groups, duties)
    extra = _user_bullets(ctx.options.add_responsibilities, "add_responsibilities", 1)
    if extra:
        groups.append(
            Subsection.trusted(
                id="additional",
                heading=ctx.catalog.text.sentences.additional_responsibilities,
                bullets=extra,
                source=_user("add_responsibilities"),
            )
        )
    subsections = [g for g in groups if g.bullets]
    section = _section(ctx, "responsibilities", _role(ctx), subsections=subsections)
    return section, said_by(section, duties, said)


def _within_budget(ctx: Context, groups: list[Subsection], duties: _Duties) -> None:
    """One duty per topic, then as many as the length allows, in place."""
    shared = ctx.catalog.shared_by
    cands = [
        Candidate(
            b.id, b.text, *duties.meta.get(b.id, (None, ROLE)), group=g.id, shared_by=shared(b.id)
        )
        for g in groups
        for b in g.bullets
    ]
    budget = ctx.budget.duties
    limit = budget.get(ctx.level.id, budget.get("default", len(cands)))
    floor = ctx.budget.least("duties", ctx.level.id)
    kept = {c.key for c in within_budget(one_per_topic(cands), limit, pairs=True, floor=floor)}
    for g in groups:
        g.bullets = [b for b in g.bullets if b.id in kept]


def said_by(section: Section, duties: _Duties, scope_topic: str | None = None) -> Said:
    """What the chosen duties say: their topics from the catalog (and the others each
    covers), their texts as written; and the scope sentence's topic, which "About the
    role" has said already."""
    bullets = section.all_bullets()
    lines = [(duties.meta.get(b.id, (None, 0))[0], b.text) for b in bullets]
    also = [(t, "") for b in bullets for t in duties.covers.get(b.id, ())]
    return Said.of([*lines, *also, (scope_topic, "")])


def _budgeted(
    bullets: list[Bullet], limit: int, specific: dict[str, int] | None = None
) -> list[Bullet]:
    """At most ``limit`` of these lines: groups by source take turns, the most specific first."""
    cands = [
        Candidate(
            str(i),
            b.text,
            None,
            (specific or {}).get(b.id, SPECIFICITY.get(b.source.kind, COMPANY)),
            # the industry's laws compete on their own, so they are not lost behind
            # the industry's other lines
            # and the company's systems (LAST) queue behind the role's own lines
            group=b.id if b.id in LAWS else "role" if b.id in LAST else b.source.kind,
        )
        for i, b in enumerate(bullets)
    ]
    return [bullets[int(c.key)] for c in within_budget(cands, limit)]


def experience_years(ctx: Context) -> int | None:
    """Years of experience asked for: the role's by size, else its level's, following the
    headcount between bands (jdgen.scale)."""
    return scale.years(ctx.role, ctx.level, ctx.catalog.sizes, ctx.facts.headcount)


def _certifications(ctx: Context, required: bool) -> list[Bullet]:
    """The required certifications that apply, or the role's first preferred ones up to
    the size band's ``certifications`` (or one the job needs at any size)."""
    said = ctx.catalog.text.sentences.certification
    found = [
        (i, c)
        for i, c in enumerate(ctx.role.qualifications.certifications, 1)
        if ctx.applies(c.when)
        and c.required == required
        and ctx.local(c.name)
        and ctx.filled(c.name).strip()  # a name that fills to nothing: none here
    ]
    if not required:
        found.sort(key=lambda x: not x[1].core)  # the discipline's own credential first
        cap = ctx.size.certifications
        found = found[:cap] if cap else [(i, c) for i, c in found if c.at_any_size][:1]
    return [
        Bullet.trusted(
            id=f"certification-{i}",
            text=ctx.render(said, name=ctx.filled(c.name)),
            source=_role(ctx),
        )
        for i, c in found
    ]


#: The bullet ids of the laws' lines: Preferred, and Required (``required: true``).
REGULATIONS = {False: "regulations", True: "regulations-required"}


def _regulations(ctx: Context, required: bool = False) -> list[Bullet]:
    """ "Working knowledge of …": the sector's laws and the industry's, one per topic (a
    foundry's OSHA silica standard before any plant's OSHA standards), those no duty names;
    the laws the job cannot be done without (``required``) or the others."""
    lines: list[tuple[Owner, str | TextItem]] = [
        *(("sector", r) for r in (ctx.sector.regulations if ctx.sector else [])),
        *(("industry", r) for r in ctx.industry.regulations),
    ]
    cands = [
        Candidate(str(i), text, line_topic(r), SPECIFICITY[owner])
        for i, (owner, r) in enumerate(lines)
        if ctx.applies_industry(line_when(r))
        and ctx.local(text := ctx.filled(line_text(r)))
        and not ctx.said.names(text)
    ]
    # one line per topic across both parts: a required HIPAA line is not asked again
    kept = [c for c in one_per_topic(cands) if line_required(lines[int(c.key)][1]) == required]
    if not kept:
        return []
    said = ctx.catalog.text.sentences.regulations
    text = ctx.render(said, regulations=join_list([c.text for c in kept]))
    owner: Owner = "sector" if any(c.specificity == SECTOR for c in kept) else "industry"
    return [Bullet.trusted(id=REGULATIONS[required], text=text, source=_owner_origin(ctx, owner))]


def _required(ctx: Context) -> list[Bullet]:
    return [
        Bullet.trusted(
            id="experience",
            text=ctx.render(
                ctx.catalog.text.sentences.experience,
                years=experience_years(ctx),  # follows the headcount: worked out per posting
                experience=fill(experience(ctx), ctx.values),
            ),
            source=_role(ctx),
        ),
        *ctx.shared(("required", ctx.said), lambda: _required_lines(ctx)),
        *_company_requirements(ctx),
    ]


def _required_lines(ctx: Context) -> list[Bullet]:
    """The required qualifications the catalog gives besides the years: education,
    certifications, the role's, the size's, the industry's and the sector's lines."""
    q = ctx.role.qualifications
    return [
        Bullet.trusted(id="education", text=ctx.text(education(ctx)[0]), source=_role(ctx)),
        *_certifications(ctx, required=True),
        *_line_bullets(ctx, q.required, "role", "required"),
        *_line_bullets(ctx, ctx.band_attr("qualifications").required, "size", "required"),
        *_sector_lines(ctx, "required"),
        *_regulations(ctx, required=True),
    ]


def _sector_lines(ctx: Context, part: Literal["required", "preferred"]) -> list[Bullet]:
    """The industry's and the sector's qualification lines of one part: a sector line on a
    topic ("industry-experience": a foundry, not any plant) replaces the industry's lines on
    that topic in both parts."""
    industry = getattr(ctx.industry.qualifications, part)
    if ctx.sector is None:
        return _line_bullets(ctx, industry, "industry", part)
    q = ctx.sector.qualifications
    topics = {
        t
        for x in (*q.required, *q.preferred)
        if (t := line_topic(x)) and ctx.applies_industry(line_when(x))
    }
    kept = [x for x in industry if line_topic(x) not in topics]
    return [
        *_line_bullets(ctx, getattr(q, part), "sector", part),
        *_line_bullets(ctx, kept, "industry", part),
    ]


def experience(ctx: Context) -> str:
    """What "N+ years of …" asks for: the first of the role's ``experience_variants``
    that applies here, else its ``experience``."""
    q = ctx.role.qualifications
    found = next((v for v in q.experience_variants if ctx.applies(v.when)), None)
    return found.text if found is not None else q.experience


def education(ctx: Context) -> tuple[str, CredentialCategory | None, bool]:
    """The role's education line, its level and whether experience may stand in for it:
    the first of its ``education_variants`` that applies here, else its own."""
    q = ctx.role.qualifications
    found = next((v for v in q.education_variants if ctx.applies(v.when)), None)
    if found is not None:
        level = found.education_level or q.education_level
        return found.text, level, found.experience_in_place_of_education
    relaxed = ctx.level.education_or_experience
    if q.experience_in_place_of_education or relaxed is None or not ctx.applies(relaxed):
        return q.education, q.education_level, q.experience_in_place_of_education
    line = ctx.phrase(q.education).rstrip(".")
    if _EQUIVALENT.search(line):  # "High school diploma or equivalent" says it already
        return q.education, q.education_level, q.experience_in_place_of_education
    said = ctx.catalog.text.sentences.education_or_experience
    return ctx.render(said, education=line), q.education_level, True


#: An education line that already offers an equivalent ("… or equivalent").
_EQUIVALENT = re.compile(r"\bor equivalent\b", re.IGNORECASE)


def _company_requirements(ctx: Context) -> list[Bullet]:
    """Required qualifications the company's settings add (languages, clearance, licence)."""
    lines = (
        ("languages", _languages(ctx)),
        ("security_clearance", work.clearance(ctx)),
        ("drivers_license", work.licence(ctx)),
    )
    return [
        Bullet.trusted(id=field.replace("_", "-"), text=text, source=_company(field))
        for field, text in lines
        if text
    ]


def _languages(ctx: Context) -> str | None:
    """ "Fluent German and English, spoken and written." from the company's ``languages``."""
    names = [n.strip() for n in ctx.company.languages if n.strip()]
    if not names:
        return None
    return ctx.render(ctx.catalog.text.sentences.languages, languages=join_words(names))


def _preferred_languages(ctx: Context) -> list[Bullet]:
    """ "Czech or Polish, spoken and written." from the company's ``preferred_languages``."""
    names = [n.strip() for n in ctx.company.preferred_languages if n.strip()]
    if not names:
        return []
    text = ctx.render(
        ctx.catalog.text.sentences.preferred_languages, languages=join_words(names, "or")
    )
    return [
        Bullet.trusted(id="preferred-languages", text=text, source=_company("preferred_languages"))
    ]


def _own_systems(ctx: Context) -> list[Bullet]:
    """ "Experience with Zendesk, which we use.": the company's systems for this role's
    function (systems.yaml by_function) that no duty or required qualification names."""
    table = ctx.catalog.systems
    if ctx.level.id not in table.own_systems_levels:
        return []
    said = " ".join([*ctx.said.texts, *(b.text for b in _by_said(ctx, _required))]).casefold()
    names = [
        n.strip()
        for n in ctx.company.systems
        if table.kind_of(n) in table.kinds_for(ctx.facts.function)
        and n.strip().casefold() not in said
    ]
    if not names:
        return []
    text = ctx.render(ctx.catalog.text.sentences.own_systems, systems=join_words(names))
    return [Bullet.trusted(id="own-systems", text=text, source=_company("systems"))]


def _preferred(ctx: Context) -> list[Bullet]:
    return [
        *_preferred_languages(ctx),
        *_own_systems(ctx),
        *ctx.shared(("preferred", ctx.said), lambda: _preferred_lines(ctx)),
    ]


def _preferred_lines(ctx: Context) -> list[Bullet]:
    """The preferred qualifications the catalog gives: an advanced degree, certifications,
    the role's, the size's and the industry's lines and the industry's laws."""
    q = ctx.role.qualifications
    degree = ctx.level.advanced_degree
    education = (
        [
            Bullet.trusted(
                id="education-preferred", text=ctx.text(q.education_preferred), source=_role(ctx)
            )
        ]
        if q.education_preferred and degree is not None and ctx.applies(degree)
        else []
    )
    return [
        *education,
        *_certifications(ctx, required=False),
        *_line_bullets(ctx, q.preferred, "role", "preferred"),
        *_line_bullets(ctx, ctx.band_attr("qualifications").preferred, "size", "preferred"),
        *_sector_lines(ctx, "preferred"),
        *_regulations(ctx),
    ]


#: Preferred qualifications that give way to every other kind when the budget is short.
LAST = {"own-systems": LIBRARY}

#: The laws' lines compete on their own in the budget (:func:`_budgeted`).
LAWS = set(REGULATIONS.values())


def _core(ctx: Context) -> dict[str, int]:
    """The discipline's own credentials (``core`` certifications) and the laws the job
    works under rank first among the preferred lines, so that a trimmed posting keeps
    them (a posting names its laws: issue 10); the company's systems last."""
    certs = ctx.role.qualifications.certifications
    core = {f"certification-{i}": COMPANY + 1 for i, c in enumerate(certs, 1) if c.core}
    return {**core, REGULATIONS[False]: COMPANY + 1, **LAST}


def _qualifications(ctx: Context) -> Section:
    headings = ctx.catalog.text.qualification_headings
    # years, education and the laws the job cannot be done without always stay; the
    # company's own requirements rank next
    core = {"experience": COMPANY + 1, "education": COMPANY + 1, REGULATIONS[True]: COMPANY + 1}
    required, preferred = _one_per_topic(ctx, _by_said(ctx, _required), _by_said(ctx, _preferred))
    parts = (
        ("required", _budgeted(required, ctx.budget.required, core)),
        ("preferred", _budgeted(preferred, ctx.budget.preferred, _core(ctx))),
    )
    subsections = [
        Subsection.trusted(id=kind, heading=headings[kind], bullets=bullets, source=_role(ctx))
        for kind, bullets in parts
        if bullets
    ]
    return _section(ctx, "qualifications", _role(ctx), subsections=subsections)


def _one_per_topic(
    ctx: Context, required: list[Bullet], preferred: list[Bullet]
) -> tuple[list[Bullet], list[Bullet]]:
    """The qualifications with one line per topic, required and preferred together: the
    most specific for this company (the first of equals), so that "several sites" is
    asked for once, not by the role, its size and its industry in three ways."""
    topics = _qualification_topics(ctx)
    lines = [*required, *preferred]
    cands = [
        Candidate(str(i), b.text, topics.get(b.id), SPECIFICITY.get(b.source.kind, ROLE))
        for i, b in enumerate(lines)
    ]
    kept = {int(c.key) for c in one_per_topic(cands)}
    return (
        [b for i, b in enumerate(required) if i in kept],
        [b for i, b in enumerate(preferred, len(required)) if i in kept],
    )


def _qualification_topics(ctx: Context) -> dict[str, str | None]:
    """The topics of the role's, the size's, the industry's and the sector's qualification
    lines, by the ids :func:`_line_bullets` gives them."""
    owners: list[tuple[Owner, Qualifications | ExtraQualifications]] = [
        ("role", ctx.role.qualifications),
        ("size", ctx.band_attr("qualifications")),
        ("industry", ctx.industry.qualifications),
    ]
    if ctx.sector is not None:
        owners.append(("sector", ctx.sector.qualifications))
    topics: dict[str, str | None] = {}
    for owner, q in owners:
        prefix = "" if owner == "role" else f"{_owner_origin(ctx, owner).ref}-"
        for name in ("required", "preferred"):
            for i, x in enumerate(getattr(q, name), 1):
                topics[f"{prefix}{name}-{i}"] = line_topic(x)
    return topics


def _by_said(ctx: Context, lines: Callable[[Context], list[Bullet]]) -> list[Bullet]:
    """The distinct lines ``lines(ctx)`` offers, before the budget: they depend on what
    the duties say, not on the budget, so a smaller budget with the same duties reuses them."""
    return ctx.once((lines.__name__, id(ctx.said)), lambda: _unique(lines(ctx)))


def _skill_list(ctx: Context) -> list[tuple[Skill, Origin]]:
    chosen, cands = ctx.once(
        ("skills", id(ctx.said)),
        lambda: ctx.shared(
            ("skills", ctx.said, tuple(ctx.options.remove)), lambda: _skill_candidates(ctx)
        ),
    )
    b = ctx.budget
    asked = _asked_topics(ctx)
    cands = [c for c in cands if c.topic is None or c.topic not in asked]
    kept = {
        c.key
        for kind, limit in (("hard", b.hard_skills), ("soft", b.soft_skills))
        for c in within_budget([c for c in cands if c.group == kind], limit)
    }
    return [(s, o) for s, o in chosen if s.id in kept]


def _asked_topics(ctx: Context) -> frozenset[str]:
    """The topics of the qualification lines the posting keeps at this budget: a skill on
    one of them ("CRM administration: … in Salesforce" under "Hands-on experience
    configuring Salesforce") asks for it a second time.  A line ``remove`` names asks
    for nothing."""
    b = ctx.budget
    section = ctx.once(
        ("qualifications", id(ctx.said), b.required, b.preferred), lambda: _qualifications(ctx)
    )
    topics = _qualification_topics(ctx)
    kept = (x.id for x in section.all_bullets() if not ctx.removed(x.id))
    return frozenset(t for i in kept if (t := topics.get(i)))


def _skill_candidates(
    ctx: Context,
) -> tuple[list[tuple[Skill, Origin]], list[Candidate]]:
    """The skills that apply and say something the duties do not, and their candidates
    for the budget (one per topic and per name)."""
    catalog = ctx.catalog
    skills = [
        (
            catalog.skill(s),
            Origin.trusted(kind="library", ref=s) if isinstance(s, str) else _role(ctx),
        )
        for s in ctx.role.skills
    ]
    rules: list[tuple[Owner, list[Skill]]] = [
        ("industry", ctx.industry.skills),
        ("sector", ctx.sector.skills if ctx.sector else []),
    ]
    for owner, own in rules:
        origin = _owner_origin(ctx, owner)
        skills += [(s, origin) for s in own if ctx.applies_industry(s.when)]
    # a sector skill's topic is the sector's even where a duty already says the skill
    # (the foundry's casting quotes): no industry or role skill takes its place
    claimed = {s.topic for s, o in skills if o.kind == "sector" and s.topic and ctx.applies(s.when)}
    chosen: list[tuple[Skill, Origin]] = []
    for s, origin in skills:
        fits = ctx.applies(s.when) and not ctx.removed(s.id) and not ctx.dropped(s.id)
        fits = fits and (origin.kind == "sector" or s.topic not in claimed)
        fits = fits and not _repeats_a_duty(ctx, s)
        if fits and all(c.id != s.id for c, _ in chosen):
            chosen.append((s, origin))
    # one skill per topic and per name, then as many of each kind as the length allows
    cands = [
        Candidate(s.id, s.name.lower(), s.topic, SPECIFICITY.get(o.kind, ROLE), s.kind)
        for s, o in chosen
    ]
    return chosen, _distinct(one_per_topic(cands))


def _repeats_a_duty(ctx: Context, s: Skill) -> bool:
    """Is the skill's topic one a duty covers (a soft skill has one only where it names
    a piece of work: negotiating, the shift huddle), or the skill's wording one a duty
    says already, or does it name another country's law?"""
    text = ctx.filled(f"{s.name}: {s.detail}" if s.detail else s.name)
    return ctx.said.covers(s.topic) or ctx.said.echoed(text) or not ctx.local(text)


def _distinct(cands: list[Candidate]) -> list[Candidate]:
    """Drop candidates whose text repeats an earlier one's."""
    seen: set[str] = set()
    out = []
    for c in cands:
        if c.text not in seen:
            seen.add(c.text)
            out.append(c)
    return out


def _skill_text(ctx: Context, skill: Skill) -> str:
    if not skill.detail or not ctx.budget.skill_details:
        return ctx.text(skill.name)
    name, detail = ctx.filled(skill.name), ctx.filled(skill.detail)
    return ctx.render(ctx.catalog.text.sentences.skill, name=name, detail=detail)


def _skills(ctx: Context, skills: list[tuple[Skill, Origin]]) -> Section:
    headings = ctx.catalog.text.skill_headings
    subsections = []
    first_user = len(ctx.options.add_responsibilities) + 1
    for kind in ("hard", "soft"):
        bullets = [
            Bullet.trusted(id=s.id, text=_skill_text(ctx, s), source=o)
            for s, o in skills
            if s.kind == kind
        ]
        if kind == "hard":
            bullets += _user_bullets(ctx.options.add_skills, "add_skills", first_user)
        if bullets:
            subsections.append(
                Subsection.trusted(
                    id=kind, heading=headings[kind], bullets=_unique(bullets), source=_role(ctx)
                )
            )
    return _section(ctx, "skills", _role(ctx), subsections=subsections)


#: An industry line this similar to one of the role's (rapidfuzz token_set_ratio)
#: measures the same thing; the role's own wording stays.
SAME_MEASURE = 80


def _kpis(ctx: Context) -> Section:
    bullets = ctx.once(("kpis",), lambda: ctx.shared(("kpis",), lambda: _kpi_lines(ctx)))
    # the role's measures and the industry's take turns, at equal rank
    even = {b.id: ROLE for b in bullets}
    return _section(
        ctx,
        "kpis",
        _role(ctx),
        paragraphs=[sentence(intro)] if (intro := ctx.catalog.text.kpi_intro) else [],
        bullets=_budgeted(_unique(bullets), ctx.budget.kpis, even),
    )


def _kpi_lines(ctx: Context) -> list[Bullet]:
    """The role's KPIs and the industry's that measure something else, one per topic
    (the same for every budget)."""
    bullets = _line_bullets(ctx, ctx.role.kpis, "role", "kpi")
    own = tuple(b.text for b in bullets)
    sector = _line_bullets(ctx, ctx.sector.kpis, "sector", "kpi") if ctx.sector else []
    bullets += [
        b
        for b in (*sector, *_line_bullets(ctx, ctx.industry.kpis, "industry", "kpi"))
        if _measures_else(b.text, own)
    ]
    return _one_kpi_per_topic(ctx, bullets)


def _measures_else(text: str, own: tuple[str, ...]) -> bool:
    """Is the KPI ``text`` unlike each of the role's own?"""

    def work_out() -> bool:
        from rapidfuzz import fuzz

        return all(fuzz.token_set_ratio(text, t) < SAME_MEASURE for t in own)

    return remembered(("measures-else", SAME_MEASURE, text, own), work_out)


def _one_kpi_per_topic(ctx: Context, bullets: list[Bullet]) -> list[Bullet]:
    """At most one KPI per topic (two cycle times measure one thing): the sector's, then
    the industry's (the more specific) before the role's, else the first."""
    owners = [("", ctx.role.kpis), (f"{ctx.industry.id}-", ctx.industry.kpis)]
    if ctx.sector:
        owners.append((f"{ctx.sector.id}-", ctx.sector.kpis))
    topics = {
        f"{prefix}kpi-{i}": line_topic(x) for prefix, kpis in owners for i, x in enumerate(kpis, 1)
    }
    cands = [
        Candidate(b.id, b.text, topics.get(b.id), SPECIFICITY.get(b.source.kind, ROLE))
        for b in bullets
    ]
    kept = {c.key for c in one_per_topic(cands)}
    return [b for b in bullets if b.id in kept]


def _career(ctx: Context) -> Section | None:
    wanted = ctx.options.career_path
    if wanted is None:
        wanted = ctx.budget.career and ctx.level.rank <= ctx.catalog.levels["director"].rank
    titles = _career_steps(ctx) if wanted else []
    if not titles:
        return None
    text = ctx.render(
        ctx.catalog.text.sentences.career,
        career_intro=ctx.catalog.text.career_intro,
        roles=join_words(titles[:1], "or"),
    )
    return _section(ctx, "career", _role(ctx), paragraphs=[text])


def _career_steps(ctx: Context) -> list[str]:
    """The titles the role leads to that this company has, the real steps up first: a
    catalog role from its own ``min_headcount`` up, another title unless the size band's
    ``career_absent`` matches it (no VP of Logistics, no Senior Logistics Manager at a
    five-person broker), and a step ``career.where`` limits only where it holds (no
    Director of eCommerce at a foundry).  A catalog role at the role's own level or below
    (a lateral move) comes after the others; the posting names the first (review r5a
    pattern 11: one step, not a hedge across three).  A catalog role must be a seat here
    (jdgen.seats: not one the industry or business model has no use for)."""
    up: list[str] = []
    across: list[str] = []
    for ref in ctx.role.career.to_roles:
        role = ctx.catalog.roles.get(ref)
        title = ctx.catalog.role_title(ref)
        if not _step_here(ctx, ref):
            continue
        lateral = role is not None and ctx.catalog.level_of(role).rank <= ctx.level.rank
        (across if lateral else up).append(title)
    return up + across


def _step_here(ctx: Context, ref: str) -> bool:
    """Is ``ref`` (a catalog id or an outside title) a step this company has for the role:
    a seat on its org chart, a title its size band's ``career_absent`` does not leave out,
    and not a step the role's ``career.where`` limits to other companies."""
    if ref in ctx.catalog.roles:
        if not chart(ctx).has_seat(ref):
            return False
    else:
        title = ctx.catalog.role_title(ref)
        if any(re.search(p, title) for p in ctx.band_attr("career_absent")):
            return False
    where = ctx.role.career.where
    return ref not in where or ctx.applies(where[ref])


def has_step(role: Role, ref: str, company: Company, catalog: Catalog) -> bool:
    """Would ``role``'s posting at ``company`` count ``ref`` as a step up ("Where this
    role leads")?  For jdgen.compare, so that a comparison never names as a next step a
    seat the company does not have at its size (a 120-person company's Operations
    Director, usual from 250 people)."""
    return _step_here(resolve(role, company, catalog, None), ref)


def _extra(ctx: Context) -> list[Section]:
    return [
        Section.trusted(
            id=f"extra-{n}",
            heading=s.heading,
            source=_user("extra_sections"),
            paragraphs=[sentence(p) for p in s.paragraphs],
            bullets=[
                Bullet.trusted(
                    id=f"extra-{n}-{i}", text=sentence(b), source=_user("extra_sections")
                )
                for i, b in enumerate(s.bullets, 1)
            ],
        )
        for n, s in enumerate(ctx.options.extra_sections, 1)
    ]


def _pay(ctx: Context, salary: Salary) -> str:
    """The pay sentence: the country's own wording ("… gross per year"), else posting.yaml's."""
    return ctx.fill(
        ctx.country.entry.pay or ctx.catalog.text.sentences.pay,
        low=money(salary.min, salary.currency, ctx.locale),
        high=money(salary.max, salary.currency, ctx.locale),
        period=salary.period,
    )


def _compensation(ctx: Context) -> Section | None:
    c = ctx.company
    paragraphs = [_pay(ctx, c.salary)] if c.salary else []
    variable = work.variable_pay(ctx)
    paragraphs += variable
    paragraphs += work.flsa_sentence(ctx, flsa_status(ctx))
    # the ones for this level, but not one the pay sentences already name ("stock options")
    offered = [(i, b) for i, b in work.benefits(ctx) if not work.says_again(b, variable)]
    if not paragraphs and not offered:
        return None
    return _section(
        ctx,
        "compensation",
        _company("salary" if c.salary else "benefits"),
        paragraphs=paragraphs,
        bullets=[
            Bullet.trusted(id=f"benefit-{i}", text=sentence(b), source=_company("benefits"))
            for i, b in offered
        ],
    )


def _location_text(ctx: Context) -> str:
    c = ctx.company
    said = work.arrangement(ctx)  # on-site for floor work, whatever the company's
    regions = []
    if said == "remote":
        names = ctx.catalog.text.place_names
        regions = [names.get(r.strip().upper(), r) for r in c.remote_regions]
    return ctx.render(
        ctx.catalog.text.sentences.location.for_arrangement(said),
        employment_type=c.employment_type,
        places=join_words([loc.label() for loc in _locations(ctx)], "or"),
        regions=join_words(regions, "or"),
        office_days=work.office_days(ctx),
        site=work.workplace(ctx),
    )


def _location(ctx: Context) -> Section | None:
    c = ctx.company
    extra = [p for p in (_travel(ctx), work.eligibility(ctx)) if p] + hiring_law(ctx, "location")
    if not c.locations and not c.work_arrangement:
        return _section(ctx, "location", _role(ctx), paragraphs=extra) if extra else None
    paragraphs = [_location_text(ctx), *extra]
    return _section(ctx, "location", _company("locations"), paragraphs=paragraphs)


def _travel(ctx: Context) -> str | None:
    """The travel sentence, for a role that travels more than now and then (a posting leaves
    out occasional travel; the internal description states it)."""
    percent = work.travel_percent(ctx)
    own = ctx.company.travel is not None and ctx.company.travel.percent is not None
    shown = percent and (own or percent >= ctx.catalog.work.travel.posting_min_percent)
    return work.travel_sentence(ctx) if shown else None


def _work_environment(ctx: Context) -> Section | None:
    if not ctx.budget.work_environment:
        return None
    env = work.work_environment(ctx)
    if not work.environment_in_posting(ctx, env.setting):
        return None
    return environment_section(ctx, env)


def environment_section(ctx: Context, env: work.WorkEnvironment) -> Section:
    """ "Work environment and physical demands" in a posting: where the work happens, then
    what it asks of the body and the conditions around it, in one list."""
    shown = env.conditions[: ctx.catalog.work.environment.posting_conditions]
    return _section(
        ctx,
        "work-environment",
        Origin.trusted(kind="catalog", ref="work"),
        paragraphs=[env.summary],
        bullets=env_bullets(env.demands, "demand") + env_bullets(shown, "condition"),
    )


def env_bullets(lines: list[str], name: str) -> list[Bullet]:
    """Work-environment lines as bullets: ``demand-1``, ``condition-2`` …"""
    origin = Origin.trusted(kind="catalog", ref="work")
    return [Bullet.trusted(id=f"{name}-{i}", text=t, source=origin) for i, t in enumerate(lines, 1)]


def flsa_status(ctx: Context) -> FlsaStatus | None:
    """The job's FLSA status (US jobs only): the company's, else from level and pay."""
    return work.flsa_status(ctx.catalog.work.flsa, ctx.level.id, ctx.company, work.is_us(ctx))


def _apply(ctx: Context) -> Section | None:
    c = ctx.company
    statements = hiring_statements(c, ctx.catalog.countries) + hiring_law(ctx, "apply")
    if not c.how_to_apply and not c.closing_date and not statements:
        return None
    said = ctx.catalog.text.sentences
    paragraphs = []
    how = (c.how_to_apply or "").strip()
    if re.fullmatch(r"https?://\S+", how):
        paragraphs.append(ctx.render(said.apply_url, url=how))
    elif re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", how):
        paragraphs.append(ctx.render(said.apply_email, email=how))
    elif how:
        paragraphs.append(sentence(how))
    if c.closing_date:
        paragraphs.append(ctx.fill(said.closing_date, date=long_date(c.closing_date, ctx.locale)))
    paragraphs += statements
    return _section(ctx, "apply", _company("how_to_apply"), paragraphs=paragraphs)


def _equal_opportunity(ctx: Context) -> Section:
    own = ctx.company.equal_opportunity
    shared = ctx.catalog.text.equal_opportunity
    text = own or shared or ctx.country.entry.equal_opportunity
    ref = "equal_opportunity" if shared else f"countries.{ctx.country.entry.code}"
    source = _company("equal_opportunity") if own else Origin.trusted(kind="catalog", ref=ref)
    paragraphs = [sentence(p) for p in text.split("\n\n") if p.strip()]
    paragraphs += hiring_law(ctx, "equal-opportunity")
    return _section(ctx, "equal-opportunity", source, paragraphs=paragraphs)


def hiring_law(ctx: Context, section: str) -> list[str]:
    """The sentences the law where the job is puts into this section (countries.yaml
    ``hiring_law``): the UK's right-to-work check where the company has not said whether
    it sponsors visas, a fair-chance statement in California or New York City, a bank's
    or an FCA-authorised firm's background checks."""
    c = ctx.company
    out = []
    for law in ctx.country.entry.hiring_law:
        if law.section != section or (law.unless_sponsorship and c.visa_sponsorship is not None):
            continue
        if law.where(c.locations) and ctx.applies(law.when) and law.about(c) and not law.said(c):
            out.append(sentence(law.text))
    return out


def _locations(ctx: Context) -> list[Location]:
    """The company's locations with country names written out ("Berlin, Germany")."""
    return [written_out(loc, ctx.catalog.countries) for loc in ctx.company.locations]


# ---------------------------------------------------------------------------
# The posting
# ---------------------------------------------------------------------------


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


def _sections(ctx: Context, duties: Section, skills: list[tuple[Skill, Origin]]) -> list[Section]:
    about, *after = _fixed_sections(ctx)
    candidates = [
        about,
        *_budgeted_sections(ctx, duties, skills),
        *after,
        _equal_opportunity(ctx),
    ]
    headings = ctx.catalog.text.headings
    return [
        s if s.heading else s.updated(heading=headings[s.id])
        for s in candidates
        if s is not None and (s.paragraphs or s.bullets or s.subsections)
    ]


def _fixed_sections(ctx: Context) -> list[Section | None]:
    """The sections the length budget does not change: the company's about first, then
    its own extra sections, pay, location, the work environment and how to apply (not
    the equal-opportunity statement)."""
    return ctx.once(
        ("fixed-sections", ctx.budget.work_environment),
        lambda: [
            _about_company(ctx),
            *_extra(ctx),
            _compensation(ctx),
            _location(ctx),
            _work_environment(ctx),
            _apply(ctx),
        ],
    )


def _budgeted_sections(
    ctx: Context, duties: Section, skills: list[tuple[Skill, Origin]]
) -> list[Section | None]:
    """The sections whose words the length budget counts (:data:`BUDGETED`), in order;
    each worked out once per posting for the parts of the budget (and what the duties
    say) it depends on."""
    b = ctx.budget
    skill_ids = tuple(s.id for s, _ in skills)
    return [
        ctx.once(("about-role",), lambda: _about_role(ctx)),
        ctx.once(("reporting",), lambda: _reporting(ctx)),
        duties,
        ctx.once(
            ("qualifications", id(ctx.said), b.required, b.preferred),
            lambda: _qualifications(ctx),
        ),
        ctx.once(("skills", skill_ids, b.skill_details), lambda: _skills(ctx, skills)),
        ctx.once(("kpi-section", b.kpis), lambda: _kpis(ctx)),
        ctx.once(("career", b.career), lambda: _career(ctx)),
    ]


def _apply_removals(ctx: Context, sections: list[Section], check: bool = True) -> list[Section]:
    """Drop the bullets ``remove`` names by id (catalog duties and skills are already left
    out while tailoring, so that the next duty with the same wording can take their
    place); an id neither in the catalog for this role nor in the posting is an error
    (``check``: the sections are the whole posting)."""
    remove = set(ctx.options.remove)
    if not remove:
        return sections
    posting_ids = {b.id for s in sections for b in s.all_bullets()}
    unknown = [i for i in ctx.options.remove if i not in posting_ids | _catalog_ids(ctx)]
    if unknown and check:
        raise JdgenError(
            f"remove: {', '.join(repr(i) for i in unknown)} is not a responsibility, skill, "
            f"group or bullet of {ctx.role.id} (see 'jdgen show {ctx.role.id}' and "
            "'--format json' for the ids)"
        )
    out = []
    for s in sections:
        subs = [
            sub.updated(bullets=[b for b in sub.bullets if b.id not in remove])
            for sub in s.subsections
        ]
        s = s.model_copy(
            update={
                "bullets": [b for b in s.bullets if b.id not in remove],
                "subsections": [sub for sub in subs if sub.bullets or sub.paragraphs],
            }
        )
        if s.paragraphs or s.bullets or s.subsections:
            out.append(s)
    return out


def _metadata(ctx: Context, skills: list[tuple[Skill, Origin]]) -> PostingMetadata:
    c, role = ctx.company, ctx.role
    environment = work.work_environment(ctx)
    school = education(ctx)
    return PostingMetadata.trusted(
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
        locations=_locations(ctx),
        work_arrangement=work.arrangement(ctx),
        office_days=c.office_days if work.arrangement(ctx) == "hybrid" else None,
        remote_regions=c.remote_regions,
        employment_type=c.employment_type,
        salary=c.salary,
        variable_pay=pay if (pay := work.level_variable_pay(ctx)).is_set() else None,
        incentive_compensation=" ".join(work.variable_pay(ctx)) or None,
        flsa_status=flsa_status(ctx),
        eligibility_to_work=work.eligibility(ctx),
        security_clearance=work.clearance(ctx),
        travel_percent=work.travel_percent(ctx),
        travel=work.travel_sentence(ctx),
        work_setting=environment.setting,
        physical_demands=environment.demands,
        benefits=[b for _, b in work.benefits(ctx)],
        how_to_apply=c.how_to_apply,
        date_posted=c.date_posted,
        valid_through=c.closing_date,
        reports_to=reports_to(ctx),
        team=team(ctx),
        team_estimated=team_estimated(ctx),
        skills=[SkillFact.trusted(id=s.id, name=s.name, kind=s.kind) for s, _ in skills],
        experience_years=experience_years(ctx),
        education=ctx.text(school[0]),
        education_level=school[1],
        experience_in_place_of_education=school[2],
        requisition_id=ctx.options.requisition_id,
        country=ctx.country.code,
        locale=ctx.locale,
        generator=f"jdgen {__version__}",
        unusual_title=unusual_title(ctx),
        usual_titles=_usual(ctx),
        sites=c.sites,
    )


#: The sections whose words the length budget counts: the ones jdgen writes.
BUDGETED = frozenset(
    ("about-role", "reporting", "responsibilities", "qualifications", "skills", "kpis", "career")
)


def section_words(jd: JobDescription, ids: Iterable[str] = BUDGETED) -> int:
    """Words of body text in the sections with these ids."""
    wanted = set(ids)
    return sum(_count_words(s) for s in jd.sections if s.id in wanted)


def _words(sections: Iterable[Section], ids: Iterable[str] = BUDGETED) -> int:
    wanted = set(ids)
    return sum(_section_words(s) for s in sections if s.id in wanted)


#: :func:`_section_words` by the section's identity (kept with it): the budget counts
#: the same sections again for each smaller budget, and shared duties in every posting.
_WORDS: dict[int, tuple[Section, int]] = {}


def _section_words(s: Section) -> int:
    """Words of body text in one section tailoring made (it changes none once made)."""
    held = _WORDS.get(id(s))
    if held is not None and held[0] is s:
        return held[1]
    count = _count_words(s)
    if len(_WORDS) >= 4096:
        _WORDS.clear()
    _WORDS[id(s)] = (s, count)
    return count


def _count_words(s: Section) -> int:
    blocks = s.paragraphs + [b.text for b in s.all_bullets()]
    blocks += [p for sub in s.subsections for p in sub.paragraphs]
    return sum(len(b.split()) for b in blocks)


def _usual(ctx: Context) -> list[str]:
    if not ctx.facts.below_usual:
        return []
    titles = {r.id: r.title for r in ctx.catalog.roles.values()}
    return scale.usual_titles(ctx.role, titles)


def unusual_title(ctx: Context) -> str | None:
    """The note for a title that is unusual at this headcount (posting.yaml), or None."""
    if not ctx.facts.below_usual:
        return None
    usual = _usual(ctx)
    values = {
        **ctx.values,
        "usual": f"{article(usual[0])} {join_words(usual, 'or')}" if usual else "a broader role",
    }
    return fill(ctx.catalog.text.unusual_title, values)


def _tailor(
    role: Role, company: Company, catalog: Catalog, options: PostingOptions | None
) -> JobDescription:
    if company.confidential:  # the posting must not say who is hiring
        company = company.model_copy(update={"name": None, "website": None})
    ctx = resolve(role, company, catalog, options)
    limit = ctx.budget.words(ctx.level.id)
    # the posting is built once, at the budget that fits: each smaller budget is tried
    # on the sections the budget counts, reusing what does not change (Context.memo)
    while limit is not None and _budgeted_words(ctx) > limit:
        smaller = ctx.budget.cut(ctx.level.id)
        if smaller is None:
            break
        ctx = _with(ctx, budget=smaller)
    return _build(ctx)


def _budgeted_words(ctx: Context) -> int:
    """:func:`section_words` of the posting :func:`_build` makes from ``ctx``."""
    duties, said = _responsibilities(ctx)
    ctx = _with(ctx, said=said)
    drafts = _budgeted_sections(ctx, duties, _skill_list(ctx))
    kept = [s for s in drafts if s is not None and (s.paragraphs or s.bullets or s.subsections)]
    fixed = [s for s in _fixed_sections(ctx) if s is not None]
    return _words(_apply_removals(ctx, kept, check=False)) + _words(fixed, {s.id for s in fixed})


def _with(ctx: Context, **changes: Any) -> Context:
    """``dataclasses.replace(ctx, **changes)``, made directly: a Context has no
    ``__post_init__`` and its fields no checks, and a posting makes a few."""
    assert changes.keys() <= ctx.__dict__.keys()
    made = object.__new__(Context)
    made.__dict__.update(ctx.__dict__, **changes)
    return made


def _build(ctx: Context) -> JobDescription:
    company = ctx.company
    duties, said = _responsibilities(ctx)
    ctx = _with(ctx, said=said)
    skills = _skill_list(ctx)
    sections = _apply_removals(ctx, _sections(ctx, duties, skills))
    title = title_with_suffix(ctx.title, company, ctx.country)
    jd = JobDescription.trusted(title=title, sections=sections, metadata=_metadata(ctx, skills))
    return in_country_spelling(jd, ctx)


def in_country_spelling(jd: JobDescription, ctx: Context) -> JobDescription:
    """``jd`` spelt as the posting's country writes English (countries.yaml ``spellings``),
    the company's own words as written."""
    spell = ctx.catalog.countries.respeller(ctx.country.spelling)
    if spell is None:  # the catalog's own spelling: nothing to change or to keep
        return jd
    return respell_posting(jd, spell, company_words(ctx.company, ctx.options))
