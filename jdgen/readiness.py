"""What a posting still needs before it can be published where it will be posted.

:func:`still_missing` reads the tailored posting (and nothing else): a pay range
where a pay-transparency law asks for one (the lint's table of laws,
``catalog/lint/pay-transparency.yaml``), where the job is (or, for a remote
job, where applicants may live), how to apply and a closing date.  Each item
names the field to set.  :func:`pay_hint` gives the catalog's market pay
reference for the role, with its source: shown to the user, never put into a
posting.  The wording is in the ``readiness`` block of ``catalog/work.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from jdgen.catalog import Catalog
from jdgen.countries import LanguageWhere
from jdgen.models import JobDescription
from jdgen.tailor import fill
from jdgen.text import article, join_words


@dataclass(frozen=True)
class Readiness:
    """The items a posting lacks, the sentence that introduces them, and the pay hint;
    ``advice``: what a posting like it usually states that the company has not given (a
    bonus for a director, a hybrid job's office days, the UK workplace pension), which
    jdgen never invents and ``--strict`` does not count."""

    intro: str
    strict_intro: str
    items: list[str]
    hint: str | None
    advice_intro: str = ""
    advice: tuple[str, ...] = ()

    @property
    def ready(self) -> bool:
        return not self.items


def _place(jd: JobDescription) -> str:
    m = jd.metadata
    if m.work_arrangement == "remote" and m.remote_regions:
        return join_words(m.remote_regions, "or")
    return join_words([loc.label() for loc in m.locations if loc.label()], "or")


def pay_laws(jd: JobDescription, employees: int | None, today: dt.date) -> list[str]:
    """The places whose pay-transparency law, in force, covers this posting's job
    ("Colorado", "New York City"); a law for larger employers than this one is left out."""
    from jdgen.lint.pay import covered_by
    from jdgen.lint.rules import builtin_rules
    from jdgen.lint.sources import from_job_description

    rules = builtin_rules()
    posting = from_job_description(jd, jd.title, rules)
    band = posting.facts.employees
    day = jd.metadata.date_posted or today
    laws = []
    for law, _ in covered_by(posting, rules):
        if day < law.effective or not law.in_posting:
            continue
        if employees is not None and employees < law.min_employees:
            continue
        if employees is None and band and band[1] is not None and band[1] < law.min_employees:
            continue
        laws.append(law.name)
    return laws


def still_missing(
    jd: JobDescription,
    catalog: Catalog,
    employees: int | None = None,
    today: dt.date | None = None,
) -> Readiness:
    """What ``jd`` needs before it is published (nothing for an internal description)."""
    text = catalog.work.readiness
    m = jd.metadata
    place = _place(jd)
    values = {"place": place}
    items: list[str] = []
    if jd.kind == "posting":
        known = bool(m.locations) or bool(m.work_arrangement == "remote" and m.remote_regions)
        if m.salary is None:
            laws = pay_laws(jd, employees, today or dt.date.today()) if known else []
            if laws:
                items.append(
                    fill(text.pay_required, {"laws": join_words(laws), "count": len(laws)})
                )
            elif not known:
                items.append(text.pay_unknown)
        if m.work_arrangement == "remote" and not m.remote_regions:
            items.append(text.remote_regions)
        elif not known:
            items.append(text.location)
        if not m.how_to_apply:
            items.append(text.how_to_apply)
        if m.valid_through is None:
            items.append(text.closing_date)
    hint = pay_hint(jd, catalog) if jd.kind == "posting" and m.salary is None else None
    advice = tuple(usually_stated(jd, catalog)) if jd.kind == "posting" else ()
    return Readiness(
        fill(text.intro, values),
        fill(text.strict_intro, values),
        items,
        hint,
        text.advice_intro or "",
        advice,
    )


def _says(patterns: list[str], texts: list[str]) -> bool:
    return any(re.search(p, t, re.IGNORECASE) for p in patterns for t in texts)


def _states_languages(jd: JobDescription) -> bool:
    found = jd.section("qualifications")
    ids = {b.id for b in found.all_bullets()} if found else set()
    return bool(ids & {"languages", "preferred-languages"})


def _language_matters(jd: JobDescription, where: LanguageWhere | None) -> bool:
    """Should the posting say whether the country's own language is needed?"""
    if _states_languages(jd):
        return False
    m = jd.metadata
    return where is None or where.holds([loc.region or "" for loc in m.locations], m.sites)


def usually_stated(jd: JobDescription, catalog: Catalog) -> list[str]:
    """What a posting like ``jd`` usually states and its company has not given: variable
    pay at the levels where it is the norm, a hybrid job's office days, a team figure
    jdgen estimated from the headcount, the benefits its
    country expects; and collective-agreement pay offered to a level paid outside it."""
    text = catalog.work.readiness
    m = jd.metadata
    out = []
    pay_words = [*m.benefits, m.incentive_compensation or ""]
    if (
        text.variable_pay
        and m.level in text.variable_pay_levels
        and m.variable_pay is None
        and not _says(text.variable_pay_cues, pay_words)
    ):
        a_title = f"{article(m.role_title)} {m.role_title}"
        out.append(fill(text.variable_pay, {"title": m.role_title, "a_title": a_title}))
    if text.office_days and m.work_arrangement == "hybrid" and m.office_days is None:
        out.append(text.office_days)
    if text.team_estimate and m.team_estimated and m.team:
        out.append(fill(text.team_estimate, {"team": m.team}))
    entry = catalog.countries.texts(m.country).entry
    if text.expected_benefit:
        out += [
            fill(text.expected_benefit, {"benefit": e.benefit, "why": e.why})
            for e in entry.expected_benefits
            if not _says(e.cues, m.benefits)
        ]
    if text.language and entry.language and _language_matters(jd, entry.language_where):
        out.append(fill(text.language, {"language": entry.language, "country": entry.name}))
    agreement = entry.collective_pay
    if text.collective_pay and agreement and m.level in agreement.levels:
        out += [
            fill(text.collective_pay, {"benefit": b, "title": m.role_title, "why": agreement.why})
            for b in m.benefits
            if _says(agreement.cues, [b])
        ]
    return out


def pay_hint(jd: JobDescription, catalog: Catalog) -> str | None:
    """The role's market pay reference from the catalog, with its source, as a hint."""
    from jdgen.text import money

    role = catalog.roles.get(jd.metadata.role_id)
    if role is None or not role.salary_reference:
        return None
    ref = role.salary_reference[0]
    values = {
        "title": role.title,
        "range": f"{money(ref.min, ref.currency)}–{money(ref.max, ref.currency)}",
        "region": ref.region,
        "source": ref.source,
        "note": (ref.note or "").rstrip("."),
    }
    return fill(catalog.work.readiness.hint, values)
