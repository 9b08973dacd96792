"""Terms of the job beyond its duties: FLSA status, variable pay, work authorization,
clearances and licences (``catalog/work.yaml``).

The catalog file holds the rules and every sentence; this module decides which
apply to a posting.  It reads the company and the role through the tailoring
:class:`~jdgen.tailor.Context` and returns plain text, like the rest of tailoring.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, field_validator

from jdgen.errors import JdgenError
from jdgen.models import (
    DEFAULT_KEY,
    Company,
    FlsaStatus,
    Salary,
    Strict,
    Units,
    VariablePay,
    WorkArrangement,
    WorkSetting,
    pick,
)
from jdgen.text import money, sentence, valid_patterns

if TYPE_CHECKING:
    from jdgen.tailor import Context


#: One pound in kilograms.
KG_PER_POUND = 0.45359237
#: How a weight reads by default, in each kind of units.
WEIGHTS: dict[Units, str] = {"imperial": "{{ pounds }} pounds", "metric": "{{ kg }} kg"}

#: Annual multiples of a pay period, given the hours in a working year.
PERIODS_PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 260}


# ---------------------------------------------------------------------------
# The catalog file
# ---------------------------------------------------------------------------


class Threshold(Strict):
    amount: float = Field(gt=0)
    currency: str = "USD"
    period: Literal["hour", "day", "week", "month", "year"] = "year"


class FlsaRules(Strict):
    """When a US role is exempt: its level's duties and a salary at or above the threshold."""

    exempt_levels: list[str]
    salary_threshold: Threshold
    hours_per_year: int = 2080
    source: str


class FlsaText(Strict):
    """The posting's FLSA sentence by status; empty: the posting does not say it."""

    exempt: str = ""
    non_exempt: str = Field(default="", alias="non-exempt")


class Sponsorship(Strict):
    yes: str = Field(alias="true")
    no: str = Field(alias="false")


class TravelRule(Strict):
    """How much a role (or a domain's roles) travels, by size, and where to."""

    #: Share of working time, by size id (``default`` allowed).
    percent: dict[str, Annotated[int, Field(ge=0, le=100)]] = Field(default_factory=dict)
    #: Where to, as a phrase: ``{{ our_sites }}`` is the company's own sites as
    #: :class:`OwnSites` words them, ``{{ customers }}`` the customers these roles visit
    #: (``visits_customers``), ``{{ places }}`` the company's other locations.
    destinations: str | None = None
    #: Business models whose customers these roles visit (``{{ customers }}`` is empty
    #: for the others: nobody travels to a shop's shoppers); unset on a role: its domain's.
    visits_customers: list[str] | None = None


class OwnSites(Strict):
    """``{{ our_sites }}`` in travel destinations, by how many sites the company has:
    none to travel to at one site, "our other office" at two, "our plants" from three."""

    one: str = ""
    two: str
    more: str


class Travel(Strict):
    #: A posting states travel from this share up; the description always does.
    posting_min_percent: int = Field(default=10, ge=0, le=100)
    own_sites: OwnSites = Field(
        default_factory=lambda: OwnSites(
            two="our other {{ vocab.site }}", more="our {{ vocab.sites }}"
        )
    )
    #: The most a role travels, by the company's number of sites, when all its trips are to
    #: the company's own sites (none at one site; above the largest count, no limit).
    own_sites_max_percent: dict[int, Annotated[int, Field(ge=0, le=100)]] = Field(
        default_factory=dict
    )
    domains: dict[str, TravelRule]
    roles: dict[str, TravelRule] = Field(default_factory=dict)


class SettingText(Strict):
    """A place of work: its sentence, its physical demands and its conditions."""

    setting: str
    #: In the internal description only (desk work, the finer points).
    description_only: list[str] = Field(default_factory=list)
    demands: list[str] = Field(min_length=1)
    conditions: list[str] = Field(default_factory=list)


class Floor(Strict):
    """What "the floor" is in an industry (production floor, warehouse, sales floor …)."""

    place: str
    #: Lifting limit in pounds for mixed and floor work (kilograms are worked out from it).
    pounds: dict[Literal["mixed", "floor"], int]
    #: What the floor is made of, where it matters for standing all day ("concrete floors").
    surface: str | None = None
    conditions: list[str] = Field(default_factory=list)
    #: A different floor for the roles of some domains (key: domain id).
    by_domain: dict[str, Floor] = Field(default_factory=dict)


class Environment(Strict):
    domains: dict[str, WorkSetting]
    roles: dict[str, WorkSetting] = Field(default_factory=dict)
    role_demands: dict[str, list[str]] = Field(default_factory=dict)
    #: How many of the conditions a posting shows (the description shows them all).
    posting_conditions: int = Field(default=2, ge=0)
    settings: dict[WorkSetting, SettingText]
    floors: dict[str, Floor] = Field(default_factory=dict)
    #: Lifting limit in pounds for office work.
    office_pounds: int = Field(default=10, gt=0)
    #: How a weight reads in the country's units (countries.yaml ``units``):
    #: ``{{ pounds }}`` and ``{{ kg }}``.
    weights: dict[Units, str] = Field(default_factory=lambda: dict(WEIGHTS))
    #: Kilograms are the pounds converted and rounded to the nearest step (at least one step).
    kg_step: int = Field(default=5, gt=0)

    def kilograms(self, pounds: int) -> int:
        step = self.kg_step
        return max(step, round(pounds * KG_PER_POUND / step) * step)


class WorkText(Strict):
    """The sentences of ``work.yaml``."""

    #: What the on-site sentence calls the place of a company whose work is desk work.
    office_site: str = "office"
    #: A hybrid job's office days ({{ days }}: "three days"), and the words for each count.
    office_days: str = "{{ days }} a week in our office"
    day_counts: dict[int, str] = Field(
        default_factory=lambda: {1: "one day", 2: "two days", 3: "three days", 4: "four days"}
    )

    bonus: str
    on_target_earnings: str
    commission: str
    equity: str
    flsa: FlsaText
    sponsorship: Sponsorship
    country_fallback: str
    security_clearance: str
    drivers_license: str
    travel: str
    #: Travel whose destinations come to nothing (a company's own share at one site).
    travel_anywhere: str = "Travel up to {{ percent }}% of the time."
    travel_none: str
    accommodation: str


class DescriptionText(Strict):
    """Headings, labels and standard wording of the internal job description."""

    headings: dict[str, str]
    labels: dict[str, str]
    flsa_values: dict[FlsaStatus, str]
    work_settings: dict[WorkSetting, str]
    floor_names: dict[str, str] = Field(default_factory=dict)
    essential_intro: str
    marginal_intro: str
    supervision: str
    no_supervision: str
    other_duties: str
    acknowledgement: str
    signatures: list[str] = Field(min_length=1)
    #: Catalog duty ids that are marginal functions; every other duty is essential.
    marginal: list[str] = Field(default_factory=list)
    other_duties_line: str


class ReadinessText(Strict):
    """What a posting still needs before it is published (``jdgen generate`` on stderr),
    and what a posting like it usually states that the company has not given (advice:
    listed after the missing items, never put into the posting, not an error for
    ``--strict``).  A catalog without an advice sentence gives no such advice."""

    intro: str
    strict_intro: str
    pay_required: str
    pay_unknown: str
    location: str
    remote_regions: str
    how_to_apply: str
    closing_date: str
    hint: str
    advice_intro: str | None = None
    #: Levels whose postings usually state variable pay, and words that show it is stated
    #: among the benefits ("Quarterly profit share").
    variable_pay_levels: list[str] = Field(default_factory=list)
    variable_pay_cues: list[str] = Field(default_factory=list)
    variable_pay: str | None = None
    office_days: str | None = None
    #: {{ language }}, {{ country }}: a job in a country whose language is not English,
    #: with no languages stated.
    language: str | None = None
    #: {{ benefit }}, {{ why }}: a benefit the country's postings are expected to state.
    expected_benefit: str | None = None
    #: {{ benefit }}, {{ level }}, {{ why }}: collective-agreement pay offered to a level
    #: paid outside the agreement.
    collective_pay: str | None = None
    #: {{ team }}: the posting's team line, whose figure jdgen worked out from the headcount.
    team_estimate: str | None = None

    @field_validator("variable_pay_cues")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return valid_patterns(value)


class SiteBased(Strict):
    """A function whose work is on site by nature, and what its site is called where the
    industry's word for its sites would be wrong (a bank's "office")."""

    site: str | None = None


class SmallTeams(Strict):
    """Whom a role works with at a company of fewer than ``below`` people: each of the
    role's ``works_with`` entries named in ``teams`` (case aside) becomes who does that
    work there ("finance" → "our outside accountant"), or goes ("" : a department such
    a company does not have); ``first`` leads the list; ``fallback`` when nothing is left."""

    below: int = Field(ge=1)
    teams: dict[str, str] = Field(default_factory=dict)
    #: Named first, unless an entry already names one of ``leaders`` (empty: nothing).
    first: str = ""
    leaders: list[str] = Field(default_factory=list)
    fallback: str


class WorkCatalog(Strict):
    """``catalog/work.yaml``."""

    flsa: FlsaRules
    text: WorkText
    travel: Travel
    environment: Environment
    #: Functions whose roles are on site even at a hybrid or remote company (by id).
    site_based: dict[str, SiteBased] = Field(default_factory=dict)
    description: DescriptionText
    readiness: ReadinessText
    small_teams: SmallTeams | None = None

    def problems(
        self, where: str, roles: set[str], domains: set[str], sizes: set[str], industries: set[str]
    ) -> list[str]:
        """Ids this file names that the catalog does not have, and gaps in its tables."""
        out = self._unknown_ids(roles, domains, industries)
        for path, table in (
            ("travel.domains", self.travel.domains),
            ("environment.domains", self.environment.domains),
        ):
            out += [f"{path}: no entry for domain '{d}'" for d in sorted(domains - set(table))]
        out += self._travel_sizes(sizes)
        missing = {"office", "mixed", "floor"} - set(self.environment.settings)
        out += [f"environment.settings: no entry for '{m}'" for m in sorted(missing)]
        return [f"{where}: {problem}" for problem in out]

    def _unknown_ids(self, roles: set[str], domains: set[str], industries: set[str]) -> list[str]:
        tables: list[tuple[str, Mapping[str, object], set[str], str]] = [
            ("travel.domains", self.travel.domains, domains, "domain"),
            ("travel.roles", self.travel.roles, roles, "role"),
            ("environment.domains", self.environment.domains, domains, "domain"),
            ("environment.roles", self.environment.roles, roles, "role"),
            ("environment.role_demands", self.environment.role_demands, roles, "role"),
            ("environment.floors", self.environment.floors, industries, "industry or sector"),
            *(
                (f"environment.floors.{ind}.by_domain", floor.by_domain, domains, "domain")
                for ind, floor in self.environment.floors.items()
            ),
        ]
        return [
            f"{path}.{key}: unknown {kind} (expected one of {', '.join(sorted(valid))})"
            for path, keys, valid, kind in tables
            for key in keys
            if key not in valid
        ]

    def _travel_sizes(self, sizes: set[str]) -> list[str]:
        keys = sizes | {DEFAULT_KEY}
        out = [
            f"{path}.{name}.percent.{k}: unknown size (expected one of {', '.join(sorted(keys))})"
            for path, rules in (
                ("travel.domains", self.travel.domains),
                ("travel.roles", self.travel.roles),
            )
            for name, rule in rules.items()
            for k in rule.percent
            if k not in keys
        ]
        for name, rule in self.travel.domains.items():
            if not rule.destinations:
                out.append(f"travel.domains.{name}.destinations: required for a domain")
            if DEFAULT_KEY not in rule.percent and not sizes <= set(rule.percent):
                missing = ", ".join(sorted(sizes - set(rule.percent)))
                out.append(f"travel.domains.{name}.percent: no value for {missing}")
        return out


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------


def is_us(ctx: Context) -> bool:
    """Is the job in the United States?  Only when a location or a remote region names a
    country, and that country has the US-only items (``us_items`` in countries.yaml); a
    posting that names no country is not known to be a US job."""
    table = ctx.catalog.countries
    company = ctx.company
    named = any(loc.country for loc in company.locations) or any(
        table.code_of(r) for r in company.remote_regions
    )
    return named and ctx.country.entry.us_items


def annual(amount: float, period: str, hours_per_year: int) -> float:
    if period == "hour":
        return amount * hours_per_year
    return amount * PERIODS_PER_YEAR[period]


def flsa_status(rules: FlsaRules, level: str, company: Company, us: bool) -> FlsaStatus | None:
    """``exempt`` or ``non-exempt`` for a US job, ``None`` elsewhere.

    The company's ``flsa_status`` wins.  Otherwise a role is exempt when its
    level's duties qualify and it is paid a salary (not by the hour) at or above
    the salary threshold; without a pay range the level decides.
    """
    if not us:
        return None
    if company.flsa_status:
        return company.flsa_status
    if level not in rules.exempt_levels:
        return "non-exempt"
    pay = company.salary
    if pay is None or pay.currency != rules.salary_threshold.currency:
        return "exempt"
    if pay.period == "hour":
        return "non-exempt"
    t = rules.salary_threshold
    floor = annual(t.amount, t.period, rules.hours_per_year)
    below = annual(pay.min, pay.period, rules.hours_per_year) < floor
    return "non-exempt" if below else "exempt"


def pay_range(salary: Salary, locale: str = "en_US") -> str:
    low, high = (
        money(salary.min, salary.currency, locale),
        money(salary.max, salary.currency, locale),
    )
    return f"{low} to {high} per {salary.period}"


def _percent(value: float) -> str:
    return f"{value:g}"


def level_variable_pay(ctx: Context) -> VariablePay:
    """The company's variable pay for this role's level (a by-level bonus resolved)."""
    vp = ctx.company.variable_pay
    bonus = vp.bonus_target_percent
    if isinstance(bonus, dict):
        levels = ctx.catalog.levels
        unknown = [lv for lv in bonus if lv not in levels]
        if unknown:
            raise JdgenError(
                f"variable_pay.bonus_target_percent: unknown level '{unknown[0]}' "
                f"(expected one of {', '.join(levels)})"
            )
    return vp.for_level(ctx.level.id)


def variable_pay(ctx: Context) -> list[str]:
    """Sentences for bonus, on-target earnings, commission and equity, as set."""
    vp = level_variable_pay(ctx)
    text = ctx.catalog.work.text
    out = []
    bonus = vp.bonus_target_percent
    if bonus is not None and not isinstance(bonus, dict):  # a by-level one is resolved above
        out.append(ctx.render(text.bonus, percent=_percent(bonus)))
    if vp.on_target_earnings is not None:
        out.append(
            ctx.render(text.on_target_earnings, range=pay_range(vp.on_target_earnings, ctx.locale))
        )
    if vp.commission:
        out.append(ctx.render(text.commission, plan=vp.commission.strip().rstrip(".")))
    if vp.equity:
        out.append(ctx.render(text.equity, equity=vp.equity.strip().rstrip(".")))
    return out


def flsa_sentence(ctx: Context, status: FlsaStatus | None) -> list[str]:
    """The posting's FLSA sentence; none for a status whose wording is left empty (exempt
    jobs: the internal description's job details state it)."""
    if status is None:
        return []
    flsa = ctx.catalog.work.text.flsa
    said = flsa.exempt if status == "exempt" else flsa.non_exempt
    return [ctx.render(said)] if said else []


def work_country(ctx: Context) -> str:
    """The country of the job as a sentence names it ("the United States")."""
    names = ctx.catalog.text.place_names
    for loc in ctx.company.locations:
        if loc.country:
            code = loc.country.strip().upper()
            return names.get(code, loc.country.strip())
    if ctx.company.remote_regions:
        first = ctx.company.remote_regions[0].strip()
        return names.get(first.upper(), first)
    return ctx.catalog.work.text.country_fallback


def eligibility(ctx: Context) -> str | None:
    """The work-authorization sentence, when the company says whether it sponsors visas."""
    sponsor = ctx.company.visa_sponsorship
    if sponsor is None:
        return None
    text = ctx.catalog.work.text.sponsorship
    return ctx.render(text.yes if sponsor else text.no, country=work_country(ctx))


def clearance(ctx: Context) -> str | None:
    level = ctx.company.security_clearance
    if not level:
        return None
    return ctx.render(ctx.catalog.work.text.security_clearance, clearance=level.strip())


def licence(ctx: Context) -> str | None:
    """The driver's licence requirement: the company's own words, or the standard line."""
    value = ctx.company.drivers_license
    if value is None or value is False:
        return None
    if isinstance(value, str):
        return sentence(value)
    return ctx.render(ctx.catalog.work.text.drivers_license)


def benefits(ctx: Context) -> list[tuple[int, str]]:
    """The company's benefits for this role's level, with their place in the company's
    list (1, 2 …): a benefit with ``levels`` only where the role's level is one of them."""
    levels = ctx.catalog.levels
    out = []
    for i, item in enumerate(ctx.company.benefits, 1):
        if isinstance(item, str):
            out.append((i, item))
            continue
        unknown = [lv for lv in item.levels if lv not in levels]
        if unknown:
            raise JdgenError(
                f"benefits.{i - 1}.levels: unknown level '{unknown[0]}' "
                f"(expected one of {', '.join(levels)})"
            )
        if ctx.level.id in item.levels:
            out.append((i, item.text))
    return out


#: Two words in a row, each of four letters or more: "stock options", "annual bonus".
_PAIR = re.compile(r"(?=\b([a-z]{4,}) ([a-z]{4,})\b)")


def says_again(benefit: str, sentences: list[str]) -> bool:
    """Does ``benefit`` name what one of ``sentences`` says (the variable pay: "Stock
    options for every employee." after "The package includes stock options …")?  They
    share two words in a row."""
    said = {m.groups() for s in sentences for m in _PAIR.finditer(s.lower())}
    return any(m.groups() in said for m in _PAIR.finditer(benefit.lower()))


def requirement_lines(ctx: Context) -> list[str]:
    """Required qualifications the company's settings add (clearance, licence)."""
    return [line for line in (clearance(ctx), licence(ctx)) if line]


# ---------------------------------------------------------------------------
# Travel and the work environment
# ---------------------------------------------------------------------------


def _travel_rule(ctx: Context) -> tuple[int, str, list[str]]:
    """The role's travel share for this size, its destinations phrase (unfilled) and the
    business models whose customers it visits."""
    data = ctx.catalog.work.travel
    own = data.roles.get(ctx.role.id)
    domain = data.domains.get(ctx.role.domain) or next(iter(data.domains.values()))
    percent = pick(own.percent, ctx.size.id) if own else None
    if percent is None:
        percent = pick(domain.percent, ctx.size.id) or 0
    destinations = (own.destinations if own else None) or domain.destinations or ""
    visits = own.visits_customers if own and own.visits_customers is not None else None
    return percent, destinations, visits if visits is not None else domain.visits_customers or []


def company_sites(ctx: Context) -> int:
    """The company's number of sites: its own figure, else the size band's, and never fewer
    than the locations its file lists."""
    from jdgen import scale

    n = scale.sites(ctx.company, ctx.size, ctx.facts.headcount)
    return max(n, len(ctx.company.locations))


def _destination_values(ctx: Context, visits: list[str]) -> dict[str, str]:
    """``{{ our_sites }}``, ``{{ customers }}`` and ``{{ places }}`` for a destinations phrase."""
    places = _other_places(ctx)
    words = ctx.catalog.work.travel.own_sites
    n = company_sites(ctx)
    raw = words.one if n <= 1 else words.two if n == 2 else words.more
    our_sites = ctx.phrase(raw, places=places) if raw else ""
    customers = ctx.values["vocab"]["customers"] if ctx.facts.business_model in visits else ""
    return {"our_sites": our_sites, "customers": customers, "places": places}


def _own_sites_cap(ctx: Context, destinations: str, values: dict[str, str]) -> int | None:
    """The most the role travels when every trip is to the company's own sites (none at
    one site, a little at two: ``own_sites_max_percent``); None when it goes elsewhere too."""
    caps = ctx.catalog.work.travel.own_sites_max_percent
    n = company_sites(ctx)
    if not caps or n > max(caps):
        return None
    if ctx.phrase(destinations, **{**values, "our_sites": ""}):
        return None  # suppliers, carriers or customers too
    return min((cap for count, cap in caps.items() if count >= n), default=None)


def travel_percent(ctx: Context) -> int:
    """Share of working time away: the company's ``travel``, else the role's, else its
    domain's, no more than the company's own sites call for."""
    override = ctx.company.travel
    if override is not None and override.percent is not None:
        return override.percent
    percent, destinations, visits = _travel_rule(ctx)
    cap = _own_sites_cap(ctx, destinations, _destination_values(ctx, visits))
    return percent if cap is None else min(percent, cap)


def _other_places(ctx: Context) -> str:
    from jdgen.text import join_words

    labels = [loc.label() for loc in ctx.company.locations]
    return join_words(labels[1:]) if len(labels) > 1 else ""


def travel_sentence(ctx: Context) -> str:
    """ "Travel up to 25% of the time, mostly to our plants in …", or the no-travel line."""
    text = ctx.catalog.work.text
    percent = travel_percent(ctx)
    if not percent:
        return ctx.render(text.travel_none)
    override = ctx.company.travel
    destinations = override.destinations if override and override.destinations else None
    if destinations is None:
        _, raw, visits = _travel_rule(ctx)
        destinations = ctx.phrase(raw, **_destination_values(ctx, visits))
    destinations = destinations.strip().rstrip(".")
    if not destinations:
        return ctx.render(text.travel_anywhere, percent=percent)
    return ctx.render(text.travel, percent=percent, destinations=destinations)


def work_setting(ctx: Context) -> WorkSetting:
    """office, mixed or floor: the company's ``work_setting``, else the role's, else its
    domain's; office in an industry without a floor."""
    if ctx.company.work_setting is not None:
        return ctx.company.work_setting
    env = ctx.catalog.work.environment
    setting = env.roles.get(ctx.role.id) or env.domains.get(ctx.role.domain, "office")
    if ctx.industry.id not in env.floors:
        return "office"
    return setting


class WorkEnvironment(Strict):
    """Where the work happens and what it asks, filled for one posting."""

    setting: WorkSetting
    summary: str
    #: Lines for the internal description only, then the physical demands.
    description_only: list[str]
    demands: list[str]
    conditions: list[str]
    accommodation: str


def work_environment(ctx: Context) -> WorkEnvironment:
    env = ctx.catalog.work.environment
    setting = work_setting(ctx)
    # the sector's floor (a foundry's heat and silica dust), else the industry's
    floor = env.floors.get(ctx.facts.sector) if ctx.facts.sector else None
    floor = floor or env.floors.get(ctx.industry.id)
    if floor is not None:
        floor = floor.by_domain.get(ctx.role.domain, floor)
    values: dict[str, object] = {"remote": ctx.company.work_arrangement in ("remote", "hybrid")}
    conditions: list[str] = []
    pounds = env.office_pounds
    if setting != "office" and floor is not None:
        values["place"] = ctx.phrase(floor.place)
        values["surface"] = floor.surface or ""
        pounds = floor.pounds.get(setting, 25)
        conditions = floor.conditions
    elif setting != "office":  # a company's own setting in an industry without a floor
        values["place"] = ctx.values["vocab"]["site"]
        pounds = 25
    values |= weight_values(ctx, pounds)
    text = env.settings[setting]
    demands = [*text.demands, *env.role_demands.get(ctx.role.id, [])]
    return WorkEnvironment.trusted(
        setting=setting,
        summary=ctx.render(text.setting, **values),
        description_only=[ctx.render(d, **values) for d in text.description_only],
        demands=[ctx.render(d, **values) for d in demands],
        conditions=[ctx.render(c, **values) for c in (*text.conditions, *conditions)],
        accommodation=ctx.render(ctx.catalog.work.text.accommodation),
    )


def weight_values(ctx: Context, pounds: int) -> dict[str, object]:
    """``{{ pounds }}``, ``{{ kg }}`` and ``{{ weight }}`` ("50 pounds" in the US, "25 kg"
    where the country weighs in kilograms)."""
    env = ctx.catalog.work.environment
    values: dict[str, object] = {"pounds": pounds, "kg": env.kilograms(pounds)}
    units = ctx.country.entry.units
    values["weight"] = ctx.phrase(env.weights.get(units, "{{ pounds }} pounds"), **values)
    return values


def site_based(ctx: Context) -> bool:
    """Is the work on site by nature: mostly on a plant, warehouse or store floor, or of a
    function listed in ``site_based`` (fulfilment)?  A company's own ``work_setting:
    office`` says it is not (a freight broker's logistics manager works at a desk)."""
    if ctx.company.work_setting == "office":
        return False
    return work_setting(ctx) == "floor" or ctx.facts.function in ctx.catalog.work.site_based


def arrangement(ctx: Context) -> WorkArrangement | None:
    """The work arrangement the posting states: the company's, except that a job done on
    site by nature is on-site at a hybrid or remote company."""
    said = ctx.company.work_arrangement
    if said in ("hybrid", "remote") and site_based(ctx):
        return "on-site"
    return said


def workplace(ctx: Context) -> str:
    """What the on-site sentence calls the place: an office for a company whose work is
    desk work (``work_setting: office``), a site-based function's own word where the role
    works in an industry without a floor, else the industry's word for its sites."""
    own = ctx.catalog.work.site_based.get(ctx.facts.function)
    site: str = ctx.values["vocab"]["site"]
    if ctx.company.work_setting == "office":
        return ctx.phrase(ctx.catalog.work.text.office_site)
    if own and own.site and ctx.industry.id not in ctx.catalog.work.environment.floors:
        return ctx.phrase(own.site)
    return site


def office_days(ctx: Context) -> str:
    """ "three days a week in our office" for a hybrid job whose company says so, else ""."""
    days = ctx.company.office_days
    if days is None or arrangement(ctx) != "hybrid":
        return ""
    text = ctx.catalog.work.text
    return ctx.phrase(text.office_days, days=text.day_counts.get(days, str(days)))


def environment_in_posting(ctx: Context, setting: WorkSetting) -> bool:
    """The company's choice, else only where the physical side of the job is material:
    for work done mainly on a plant, warehouse or store floor (a director who walks the
    floor for part of the day gets it in the internal description)."""
    if ctx.company.work_environment is not None:
        return ctx.company.work_environment
    return setting == "floor"
