"""Terms of the job beyond its duties: FLSA status, variable pay, work authorization,
clearances and licences (``catalog/work.yaml``).

The catalog file holds the rules and every sentence; this module decides which
apply to a posting.  It reads the company and the role through the tailoring
:class:`~jdgen.tailor.Context` and returns plain text, like the rest of tailoring.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from jdgen.models import Company, FlsaStatus, Salary, Strict
from jdgen.text import money, sentence

if TYPE_CHECKING:
    from jdgen.tailor import Context


#: How a location's country is written when it means the United States.  (The
#: "country" helper's countries file replaces this once it lands.)
US_NAMES = frozenset({"us", "usa", "u.s.", "u.s.a.", "united states", "united states of america"})

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
    exempt: str
    non_exempt: str = Field(alias="non-exempt")


class Sponsorship(Strict):
    yes: str = Field(alias="true")
    no: str = Field(alias="false")


class WorkText(Strict):
    """The sentences of ``work.yaml``."""

    bonus: str
    on_target_earnings: str
    commission: str
    equity: str
    flsa: FlsaText
    sponsorship: Sponsorship
    country_fallback: str
    security_clearance: str
    drivers_license: str


class WorkCatalog(Strict):
    """``catalog/work.yaml``."""

    flsa: FlsaRules
    text: WorkText


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------


def is_us(company: Company) -> bool:
    """Is the job in the United States?  A location's country, or, for a remote job
    without a location, a remote region, says so."""
    countries = [loc.country for loc in company.locations if loc.country]
    if not countries and company.work_arrangement == "remote":
        countries = company.remote_regions
    return any(c.strip().lower() in US_NAMES for c in countries)


def annual(amount: float, period: str, hours_per_year: int) -> float:
    if period == "hour":
        return amount * hours_per_year
    return amount * PERIODS_PER_YEAR[period]


def flsa_status(rules: FlsaRules, level: str, company: Company) -> FlsaStatus | None:
    """``exempt`` or ``non-exempt`` for a US job, ``None`` elsewhere.

    The company's ``flsa_status`` wins.  Otherwise a role is exempt when its
    level's duties qualify and it is paid a salary (not by the hour) at or above
    the salary threshold; without a pay range the level decides.
    """
    if not is_us(company):
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


def variable_pay(ctx: Context) -> list[str]:
    """Sentences for bonus, on-target earnings, commission and equity, as set."""
    vp = ctx.company.variable_pay
    text = ctx.catalog.work.text
    out = []
    if vp.bonus_target_percent is not None:
        out.append(ctx.render(text.bonus, percent=_percent(vp.bonus_target_percent)))
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
    if status is None:
        return []
    flsa = ctx.catalog.work.text.flsa
    return [ctx.render(flsa.exempt if status == "exempt" else flsa.non_exempt)]


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


def requirement_lines(ctx: Context) -> list[str]:
    """Required qualifications the company's settings add (clearance, licence)."""
    return [line for line in (clearance(ctx), licence(ctx)) if line]
