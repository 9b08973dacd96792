"""The pay-transparency check: which laws cover a posting on its date, and what each asks.

Steps, each a function: find the laws that cover the posting's places
(:func:`covered_by`), sort them by date and employer size (:func:`laws_on`),
then check what they ask for: a pay range (:func:`missing_pay`), benefits
(:func:`missing_benefits`), the rules a law adds (:func:`range_too_wide`,
:func:`missing_statements`, :func:`banned_requirements`), the amendments in
force (:func:`amendments`) and the laws still to come (:func:`upcoming`).
Every sentence of a finding comes from ``catalog/lint/pay-transparency.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from jdgen.lint.context import Context
from jdgen.lint.report import Finding
from jdgen.lint.rules import Jurisdiction, Rules, Severity
from jdgen.lint.sources import STATE_CODES, US_STATES, Place, Posting

Hit = tuple[Jurisdiction, str]  # a law and why it covers the posting


@dataclass
class Laws:
    """The laws that cover a posting, sorted by what the date and the employer size say."""

    #: In force, and the employer is over the threshold (or its size is not known).
    sure: list[Hit] = field(default_factory=list)
    #: In force, but the company's size band straddles the threshold.
    maybe: list[Hit] = field(default_factory=list)
    #: Not yet in force on the date.
    coming: list[Jurisdiction] = field(default_factory=list)

    @property
    def in_force(self) -> list[Hit]:
        return self.sure + self.maybe


# ---------------------------------------------------------------------------
# Where a law applies
# ---------------------------------------------------------------------------


def _norm_region(region: str | None) -> str | None:
    if not region:
        return None
    r = region.strip()
    key = re.sub(r"\s+state$", "", r.lower())
    if key in STATE_CODES:
        return STATE_CODES[key]
    compact = re.sub(r"[.\s]", "", r).upper()
    if compact in US_STATES:
        return compact
    if compact in ("WASHINGTONDC", "DISTRICTOFCOLUMBIA"):
        return "DC"
    return r.upper()


def _norm_country(country: str | None, region: str | None, rules: Rules) -> str | None:
    if country:
        return rules.pay.country_names.get(
            country.strip().lower().removeprefix("the "), country.upper()
        )
    if region and _norm_region(region) in US_STATES:
        return "US"
    return None


def _place_matches(j: Jurisdiction, place: Place, rules: Rules, *, any_city: bool = False) -> bool:
    country = _norm_country(place.country, place.region, rules)
    if country != _norm_country(j.match.country, None, rules):
        return False
    if j.match.regions:
        regions = {_norm_region(r) for r in j.match.regions}
        if _norm_region(place.region) not in regions:
            return False
    if j.match.cities and not any_city:
        cities = {c.lower() for c in j.match.cities}
        if (place.city or "").strip().lower() not in cities:
            return False
    return True


def _remote_hits(posting: Posting, rules: Rules, hits: dict[str, Hit]) -> None:
    """Laws covering a remote job through the regions its applicants may live in."""
    facts = posting.facts
    regions = list(facts.remote_regions)
    if not regions:
        countries = {_norm_country(p.country, p.region, rules) for p in facts.places}
        regions = [c for c in countries if c] or ["US"]
    for name in regions:
        group = rules.pay.group_of(name) or ("US" if name.strip().upper() == "US" else None)
        how = rules.pay.say("remote_reason", name=name)
        for j in rules.pay.all:
            if group is not None:
                if j.group == group:
                    hits.setdefault(j.id, (j, how))
                continue
            region = (
                _norm_region(name)
                if name.lower() in STATE_CODES or name.upper() in US_STATES
                else None
            )
            country = "US" if region else rules.pay.country_names.get(name.lower(), name)
            place = Place(name, country, region)
            if _place_matches(j, place, rules, any_city=True):
                hits.setdefault(j.id, (j, how))


def covered_by(posting: Posting, rules: Rules) -> list[Hit]:
    """Jurisdictions whose law covers the posting (ignoring dates and size), and why."""
    hits: dict[str, Hit] = {}
    for j in rules.pay.all:
        for place in posting.facts.places:
            if _place_matches(j, place, rules):
                hits.setdefault(j.id, (j, rules.pay.say("place_reason", place=place.text)))
    if posting.facts.work_arrangement == "remote":
        _remote_hits(posting, rules, hits)
    return list(hits.values())


def laws_on(posting: Posting, rules: Rules, ctx: Context) -> Laws:
    """The covering laws sorted by the date and the employer's size."""
    laws = Laws()
    employees = ctx.options.employees
    band = posting.facts.employees
    for j, how in covered_by(posting, rules):
        if ctx.date < j.effective:
            laws.coming.append(j)
        elif employees is not None:
            if employees >= j.min_employees:
                laws.sure.append((j, how))
        elif band is not None and band[1] is not None and band[1] < j.min_employees:
            continue
        elif band is not None and band[0] < j.min_employees:
            laws.maybe.append((j, how))
        else:
            laws.sure.append((j, how))
    return laws


# ---------------------------------------------------------------------------
# Wording helpers
# ---------------------------------------------------------------------------


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _reasons(items: list[Hit]) -> str:
    return "; ".join(sorted({how for _, how in items}))


def _caution(j: Jurisdiction, rules: Rules) -> str:
    """What the table could not confirm about ``j``, as the finding says it ("" if all)."""
    if j.verified == "source":
        return ""
    return rules.pay.say(f"verified_{j.verified}", name=j.name)


def _details(items: list[Hit], ctx: Context, rules: Rules) -> str:
    """ "Colorado: <law>, in force since <date>" for each law, with amendments and cautions."""
    parts = []
    for j, _ in items:
        text = rules.pay.say("law_detail", name=j.name, law=j.law, since=ctx.long_date(j.effective))
        for a in j.amendments_on(ctx.date):
            text += rules.pay.say("amendment_detail", law=a.law, change=a.change)
        parts.append(text + _caution(j, rules))
    return "; ".join(parts)


def _sources(items: list[Hit]) -> list[str]:
    return list(dict.fromkeys(j.source for j, _ in items))


def _finding(rules: Rules, key: str, severity: Severity, rule: str, **values: object) -> Finding:
    """A pay-transparency finding whose text, why and try come from the messages table."""
    text, why, suggestion = rules.pay.message(key, **values)
    category = str(values.pop("category", "pay"))
    sources = values.get("sources")
    return Finding.trusted(
        check="pay-transparency",
        severity=severity,
        text=text,
        why=why,
        suggestion=suggestion,
        rule=rule,
        category=category,
        context=str(values.get("context", "")),
        sources=list(sources) if isinstance(sources, list) else [],
    )


def _ids(items: list[Hit]) -> str:
    return ",".join(j.id for j, _ in items)


# ---------------------------------------------------------------------------
# What the laws ask
# ---------------------------------------------------------------------------


def has_pay(posting: Posting) -> bool:
    pay = posting.facts.pay
    return pay is not None and pay.kind != "open"


def _exempt_by_pay(j: Jurisdiction, posting: Posting) -> bool:
    """Ontario asks for no pay when the pay is above its ceiling."""
    top = posting.facts.pay.yearly_high() if posting.facts.pay else None
    return j.pay_optional_above is not None and top is not None and top > j.pay_optional_above


def missing_pay(posting: Posting, rules: Rules, ctx: Context, laws: Laws) -> list[Finding]:
    if has_pay(posting):
        return []
    pay = posting.facts.pay
    missing = rules.pay.say("missing") if pay is None else rules.pay.say("open_ended", pay=pay.text)
    values: dict[str, object] = {"missing": missing, "example": rules.pay.say("example")}
    sure = [(j, how) for j, how in laws.sure if not _exempt_by_pay(j, posting)]
    must = [(j, how) for j, how in sure if j.in_posting]
    required_in = {j.match.country for j, _ in must}  # Austria's own law, then the Directive
    soft = [(j, how) for j, how in sure if not j.in_posting and j.match.country not in required_in]
    findings: list[Finding] = []
    if must:
        findings.append(
            _finding(
                rules,
                "must",
                "error",
                _ids(must),
                reasons=_reasons(must),
                names=_join([j.name for j, _ in must]),
                one=len(must) == 1,
                details=_details(must, ctx, rules),
                sources=_sources(must),
                **values,
            )
        )
    if laws.maybe:
        thresholds = [
            rules.pay.say("threshold", name=j.name, employees=j.min_employees)
            for j, _ in laws.maybe
        ]
        findings.append(
            _finding(
                rules,
                "maybe",
                "warning",
                _ids(laws.maybe),
                laws=_join(thresholds),
                reasons=_reasons(laws.maybe),
                sources=_sources(laws.maybe),
                **values,
            )
        )
    if soft:
        findings.append(_eu_finding(soft, rules, ctx, values))
    if not sure and not laws.maybe:
        findings.append(_no_law(posting, rules, values))
    return findings


def _eu_finding(soft: list[Hit], rules: Rules, ctx: Context, values: dict[str, object]) -> Finding:
    """The EU Directive lets the pay be given before the interview: a warning, saying so."""
    states = []
    for j, _ in soft:
        status = rules.pay.say(f"eu_status_{j.status or 'none'}", name=j.name)
        states.append(status + _caution(j, rules))
    return _finding(
        rules,
        "eu",
        "warning",
        _ids(soft),
        names=_join([j.name for j, _ in soft]),
        law=soft[0][0].law,
        since=ctx.long_date(min(j.effective for j, _ in soft)),
        states="; ".join(states),
        sources=sorted({j.source for j, _ in soft}),
        **values,
    )


def _no_law(posting: Posting, rules: Rules, values: dict[str, object]) -> Finding:
    facts = posting.facts
    if facts.places or facts.work_arrangement == "remote":
        return _finding(rules, "no_law", "info", "no-pay", **values)
    return _finding(
        rules, "no_place", "warning", "no-pay", count=len(rules.pay.jurisdictions), **values
    )


def missing_benefits(posting: Posting, rules: Rules, ctx: Context, laws: Laws) -> list[Finding]:
    if posting.facts.benefits:
        return []
    need = [(j, how) for j, how in laws.in_force if j.benefits_required]
    if not need:
        return []
    ctx.benefits_reported = True
    return [
        _finding(
            rules,
            "benefits",
            "warning",
            _ids(need),
            names=_join([j.name for j, _ in need]),
            reasons=_reasons(need),
            sources=_sources(need),
            category="benefits",
        )
    ]


def _severity(j: Jurisdiction, laws: Laws) -> Severity:
    """An error where the law surely covers the employer, else a warning."""
    return "error" if any(s is j for s, _ in laws.sure) else "warning"


def range_too_wide(posting: Posting, rules: Rules, ctx: Context, laws: Laws) -> list[Finding]:
    pay = posting.facts.pay
    findings: list[Finding] = []
    for j, _ in laws.in_force:
        limit = j.rules.max_range
        if limit is None or pay is None or pay.kind != "range" or _exempt_by_pay(j, posting):
            continue
        if pay.currency not in (None, limit.currency):
            continue
        width = pay.yearly_width(limit.hours_per_year)
        if width is None or width <= limit.width:
            continue
        findings.append(
            _finding(
                rules,
                "range_width",
                _severity(j, laws),
                j.id,
                pay=pay.text,
                name=j.name,
                law=j.law,
                since=ctx.long_date(j.effective),
                width=ctx.money(width, limit.currency),
                limit=ctx.money(limit.width, limit.currency),
                above=ctx.money(j.pay_optional_above or 0, limit.currency),
                caution=_caution(j, rules),
                context=pay.text,
                sources=[j.source],
                category="range-width",
            )
        )
    return findings


def missing_statements(posting: Posting, rules: Rules, ctx: Context, laws: Laws) -> list[Finding]:
    """The vacancy and AI statements a law asks every posting to make."""
    text = "\n".join([posting.title, *(b.text for b in posting.blocks)])
    findings: list[Finding] = []
    for j, _ in laws.in_force:
        wanted: list[tuple[Literal["vacancy", "ai"], bool]] = [
            ("vacancy", j.rules.vacancy_statement),
            ("ai", j.rules.ai_disclosure),
        ]
        for kind, asked in wanted:
            if asked and not rules.pay.statement_regex(kind).search(text):
                findings.append(
                    _finding(
                        rules,
                        f"{kind}_statement",
                        _severity(j, laws) if kind == "vacancy" else "warning",
                        j.id,
                        name=j.name,
                        law=j.law,
                        since=ctx.long_date(j.effective),
                        caution=_caution(j, rules),
                        sources=[j.source],
                        category=f"{kind}-statement",
                    )
                )
    return findings


def banned_requirements(posting: Posting, rules: Rules, ctx: Context, laws: Laws) -> list[Finding]:
    findings: list[Finding] = []
    for j, _ in laws.in_force:
        for ban in rules.pay.banned_for(j):
            for block in [posting.title, *(b.text for b in posting.body())]:
                m = ban.regex.search(block)
                if m:
                    findings.append(
                        _finding(
                            rules,
                            "banned",
                            _severity(j, laws),
                            f"{j.id}:{ban.id}",
                            found=m.group(0),
                            what=ban.name,
                            name=j.name,
                            law=j.law,
                            since=ctx.long_date(j.effective),
                            alternative=ban.try_,
                            caution=_caution(j, rules),
                            context=block[:160],
                            sources=[j.source],
                            category="banned",
                        )
                    )
                    break
    return findings


def amendments(posting: Posting, rules: Rules, ctx: Context, laws: Laws) -> list[Finding]:
    """A note on each amendment in force that changes what a posting with pay must meet."""
    if not has_pay(posting):
        return []  # the missing-pay finding names them
    return [
        _finding(
            rules,
            "amendment",
            "info",
            j.id,
            name=j.name,
            law=a.law,
            change=a.change,
            since=ctx.long_date(a.effective),
            caution=""
            if a.verified == "source"
            else rules.pay.say(f"verified_{a.verified}", name=a.law),
            sources=[a.source],
            category="amendment",
        )
        for j, _ in laws.in_force
        for a in j.amendments_on(ctx.date)
    ]


def upcoming(posting: Posting, rules: Rules, ctx: Context, laws: Laws) -> list[Finding]:
    facts = posting.facts
    coming = [
        j
        for j in laws.coming
        if not has_pay(posting) or (j.benefits_required and not facts.benefits)
    ]
    if not coming:
        return []
    items = [
        rules.pay.say(
            "upcoming_item",
            name=j.name,
            on=ctx.long_date(j.effective),
            benefits=j.benefits_required,
        )
        for j in sorted(coming, key=lambda j: j.effective)
    ]
    return [
        _finding(
            rules,
            "upcoming",
            "info",
            ",".join(j.id for j in coming),
            date=ctx.long_date(ctx.date),
            items="; ".join(items),
            sources=[j.source for j in coming],
            category="upcoming",
        )
    ]


STEPS = (
    missing_pay,
    missing_benefits,
    range_too_wide,
    missing_statements,
    banned_requirements,
    amendments,
    upcoming,
)


def check_pay(posting: Posting, rules: Rules, ctx: Context) -> list[Finding]:
    laws = laws_on(posting, rules, ctx)
    ctx.pay_laws = [j.name for j, _ in laws.in_force]
    ctx.location_unknown = not posting.facts.places and posting.facts.work_arrangement != "remote"
    return [f for step in STEPS for f in step(posting, rules, ctx, laws)]
