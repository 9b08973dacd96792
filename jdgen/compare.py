"""Compare two roles for one company: a side-by-side table and a short written summary.

:func:`compare` is a pure function, like :func:`jdgen.tailor.tailor`: it tailors both
roles for the same company (so the reporting line, the experience asked for and
the duties are the ones their postings would show) and reads the catalog for what a
posting does not state outright: the level, the strategic or tactical focus, the
scope of influence and the decision authority (a role's own ``focus``, ``scope``
and ``decision_authority``, else its level's in ``levels.yaml``).  The result is
plain data; :mod:`jdgen.render.comparison` and :mod:`jdgen.render.compare_docx`
format it.

Shared responsibilities
    Two duties are shared when they are the same catalog entry (the same
    responsibility id: a library duty both roles use, or a size or industry
    addition both receive), or when their wording is nearly the same: a rapidfuzz
    similarity of at least :data:`SIMILAR` out of 100, the best of the plain and
    word-order-free ratios.  That catches one duty written twice in slightly
    different words ("Lead, coach and set goals for the managers who run each area"
    and "… for the managers of purchasing, planning and logistics"), while duties
    on the same subject that differ in substance stay apart: the VP of Operations
    holding each leader to account for metrics and the Director of Operations
    reviewing metrics with each team every week is a difference a comparison
    should show, not hide.

Internal module: the public API is :mod:`jdgen` (``jdgen.__all__``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field

from jdgen import forgiving, scale
from jdgen.catalog import Catalog, CompareText, builtin_catalog
from jdgen.errors import JdgenError
from jdgen.models import (
    Company,
    CompanySize,
    Industry,
    JobDescription,
    PostingOptions,
    Role,
    Strict,
)
from jdgen.tailor import fill, tailor
from jdgen.text import sentence

#: Similarity (0–100) at which two differently worded duties count as the same duty.
SIMILAR = 72.0


class RoleFacts(Strict):
    """One column of the comparison."""

    id: str
    title: str
    level: str
    level_name: str
    level_rank: int
    reports_to: str
    direct_reports: str | None = None
    scope: str
    #: The whole focus text, e.g. "Strategic. Owns the operating strategy …".
    focus: str
    #: Its first sentence ("Strategic", "Tactical and strategic") …
    focus_label: str
    #: … and the rest ("Owns the operating strategy …").
    focus_detail: str
    #: 3 strategic, 2 both, 1 tactical: read from the label.
    strategic_weight: int
    decision_authority: str
    #: Years asked for at the compared company size, and by every size.
    years: int | None = None
    years_by_size: dict[str, int] = Field(default_factory=dict)
    #: "12+ years of progressively senior operations leadership experience …"
    experience: str
    education: str
    education_preferred: str | None = None


class Duty(Strict):
    """A responsibility as the role's posting states it."""

    id: str | None
    text: str
    #: The heading it sits under in the posting …
    area: str
    #: … and that group's id (``strategy``, ``finance`` …: standard ids shared across
    #: roles, so that two roles' budget duties can be set side by side).
    group: str | None = None


class SharedDuty(Strict):
    a: Duty
    b: Duty
    #: ``same``: the same catalog entry; ``similar``: nearly the same wording.
    match: Literal["same", "similar"]
    similarity: float
    #: The second role's wording when it differs ("In the … posting: “…”").
    note: str | None = None


class Row(Strict):
    """A row of the side-by-side table."""

    label: str
    a: str
    b: str


class Comparison(Strict):
    a: RoleFacts
    b: RoleFacts
    size: str
    size_name: str
    #: "a company of 100 to 999 people"
    size_phrase: str
    industry: str
    industry_name: str
    company_name: str | None = None
    rows: list[Row]
    shared: list[SharedDuty]
    only_a: list[Duty]
    only_b: list[Duty]
    #: Paragraphs of plain English, generated from the data above.
    summary: list[str]
    #: "VP of Operations vs Director of Operations"
    title: str = ""
    #: "Mid-size company (100 to 999 people), general industry", after the company name.
    context_line: str = ""
    #: Headings and fixed lines of the rendered comparison (``compare.yaml``), filled in:
    #: summary, table, shared, only_a, only_b, unique, only_this_role, none_shared,
    #: none_shared_short, empty, document_subject, document_category.
    labels: dict[str, str] = Field(default_factory=dict)


# ---------------------------------------------------------------------------
# Small text helpers
# ---------------------------------------------------------------------------


def lower_first(text: str) -> str:
    """Lower-case the first letter for use inside a sentence, unless the first word is an
    abbreviation or a name ("ERP", "CEO's", "P&L")."""
    text = text.strip()
    if not text:
        return text
    first = text.split()[0]
    core = re.sub(r"[^A-Za-z]", "", first)
    if len(core) > 1 and core[1:].lower() != core[1:]:
        return text
    return text[0].lower() + text[1:]


def clause(text: str) -> str:
    """A catalog sentence as a clause: no final full stop, lower-case start."""
    return lower_first(text.strip().rstrip("."))


def split_focus(text: str) -> tuple[str, str]:
    """ "Strategic. Owns …" → ("Strategic", "Owns …")."""
    m = re.match(r"\s*([^.]+)\.\s+(.+)", text, re.S)
    if not m:
        return text.strip().rstrip("."), ""
    return m.group(1).strip(), m.group(2).strip()


def strategic_weight(label: str) -> int:
    low = label.lower()
    strategic, tactical = "strateg" in low, "tactic" in low
    if strategic and not tactical:
        return 3
    if tactical and not strategic:
        return 1
    return 2


# ---------------------------------------------------------------------------
# Building the comparison
# ---------------------------------------------------------------------------


def _duties(jd: JobDescription) -> list[Duty]:
    """The posting's responsibilities, each with the catalog id it came from."""
    section = jd.section("responsibilities")
    return [
        Duty(
            id=bullet.id if bullet.source.kind != "user" else None,
            text=bullet.text,
            area=sub.heading,
            group=sub.id,
        )
        for sub in (section.subsections if section else [])
        for bullet in sub.bullets
    ]


def _experience_line(jd: JobDescription) -> str:
    """The posting's "N+ years of …" requirement, by its bullet id."""
    quals = jd.section("qualifications")
    required = quals.subsection("required") if quals else None
    line = next((b for b in required.bullets if b.id == "experience"), None) if required else None
    return line.text if line else ""


def _facts(role: Role, jd: JobDescription, catalog: Catalog) -> RoleFacts:
    level = catalog.level_of(role)
    focus = role.focus or level.focus
    label, detail = split_focus(focus)
    by_size = {
        s: years
        for s, band in catalog.sizes.items()
        if (years := scale.years(role, level, catalog.sizes, band.typical_headcount)) is not None
    }
    m = jd.metadata
    return RoleFacts(
        id=role.id,
        title=role.title,
        level=level.id,
        level_name=level.name,
        level_rank=level.rank,
        reports_to=m.reports_to.title,
        direct_reports=sentence(m.team).rstrip(".") if m.team else None,
        scope=sentence(role.scope or level.scope),
        focus=sentence(focus),
        focus_label=label,
        focus_detail=sentence(detail) if detail else "",
        strategic_weight=strategic_weight(label),
        decision_authority=sentence(role.decision_authority or level.decision_authority),
        years=m.experience_years,
        years_by_size=by_size,
        experience=_experience_line(jd),
        education=m.education or "",
        education_preferred=_education_preferred(jd),
    )


def _education_preferred(jd: JobDescription) -> str | None:
    quals = jd.section("qualifications")
    preferred = quals.subsection("preferred") if quals else None
    bullets = preferred.bullets if preferred else []
    return next((b.text for b in bullets if b.id == "education-preferred"), None)


def _similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz, utils

    x, y = utils.default_process(a), utils.default_process(b)
    return float(max(fuzz.ratio(x, y), fuzz.token_sort_ratio(x, y)))


def match_duties(
    a: list[Duty], b: list[Duty], threshold: float = SIMILAR
) -> tuple[list[SharedDuty], list[Duty], list[Duty]]:
    """Shared duties (same id first, then nearly the same wording) and those left to each."""
    shared: list[SharedDuty] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for i, d in enumerate(a):
        j = next(
            (
                j
                for j, x in enumerate(b)
                if j not in used_b
                and ((d.id is not None and x.id == d.id) or x.text.lower() == d.text.lower())
            ),
            None,
        )
        if j is not None:
            shared.append(SharedDuty(a=d, b=b[j], match="same", similarity=100.0))
            used_a.add(i)
            used_b.add(j)
    pairs = sorted(
        (
            (_similarity(x.text, y.text), i, j)
            for i, x in enumerate(a)
            if i not in used_a
            for j, y in enumerate(b)
            if j not in used_b
        ),
        reverse=True,
    )
    for score, i, j in pairs:
        if score < threshold:
            break
        if i in used_a or j in used_b:
            continue
        shared.append(SharedDuty(a=a[i], b=b[j], match="similar", similarity=round(score, 1)))
        used_a.add(i)
        used_b.add(j)
    order = {id(d): k for k, d in enumerate(a)}
    shared.sort(key=lambda s: order[id(s.a)])
    only_a = [d for i, d in enumerate(a) if i not in used_a]
    only_b = [d for j, d in enumerate(b) if j not in used_b]
    return shared, only_a, only_b


def compare(
    role_a: Role, role_b: Role, company: Company, catalog: Catalog | None = None
) -> Comparison:
    """Compare ``role_a`` and ``role_b`` as ``company`` would post them."""
    catalog = catalog or builtin_catalog()
    if role_a.id == role_b.id:
        raise JdgenError(
            f"compare needs two different roles, but both name {role_a.id} ({role_a.title})"
        )
    # the company's per-posting choices belong to one posting; a comparison covers every
    # duty that applies, not the few a standard-length posting has room for
    options = PostingOptions(length="long")
    jd_a = tailor(role_a, company, catalog, options)
    jd_b = tailor(role_b, company, catalog, options)
    a = _facts(role_a, jd_a, catalog)
    b = _facts(role_b, jd_b, catalog)
    shared, only_a, only_b = match_duties(_duties(jd_a), _duties(jd_b))
    size = catalog.find_size(company.size)
    industry = catalog.find_industry(company.industry)
    words = Words(catalog.compare_text, company.name or "our company")
    people = words.people(size, company)
    for s in shared:
        if s.match == "similar" and s.a.text != s.b.text:
            s.note = words.say(words.text.other_wording, title=b.title, text=s.b.text)
    result = Comparison(
        a=a,
        b=b,
        size=size.id,
        size_name=size.name,
        size_phrase=words.say(words.text.size_phrase, people=people),
        industry=industry.id,
        industry_name=industry.name,
        company_name=company.name,
        rows=words.rows(a, b),
        shared=shared,
        only_a=only_a,
        only_b=only_b,
        summary=[],
        title=words.say(words.text.title, a=a.title, b=b.title),
        context_line=words.context_line(size.name, people, industry, company.name),
        labels=words.labels(a, b),
    )
    result.summary = summarize(result, catalog, words, company)
    return result


# ---------------------------------------------------------------------------
# The wording (compare.yaml)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Words:
    """The sentences of ``compare.yaml``, filled in for one comparison."""

    text: CompareText
    company: str

    def say(self, raw: str, **values: Any) -> str:
        return fill(raw, {"company": self.company, **values})

    def number(self, n: int) -> str:
        words = self.text.number_words
        return words[n] if 0 <= n < len(words) else str(n)

    def role(self, f: RoleFacts) -> str:
        """The role as a sentence names it: "the VP of Operations"."""
        return self.say(self.text.role, title=f.title)

    def roles(self, **named: RoleFacts) -> dict[str, str]:
        """``a=facts`` → ``{"a": "the VP …", "A": "The VP …"}``."""
        out = {}
        for key, f in named.items():
            out[key] = self.role(f)
            out[key[:1].upper() + key[1:]] = _cap(self.role(f))
        return out

    def verb_clause(self, text: str) -> str:
        """A sentence of parts joined by semicolons ("Decides …; escalates …") as one
        clause ("decides …, and escalates …")."""
        parts = [p.strip() for p in clause(text).split(";") if p.strip()]
        if len(parts) == 1:
            return parts[0]
        return ", ".join(parts[:-1]) + self.text.last_clause + parts[-1]

    def people(self, size: CompanySize, company: Company) -> str:
        """ "100 to 999 people", or the company's own headcount."""
        p = self.text.people
        headcount = forgiving.headcount(company.size)
        if headcount is not None:
            return self.say(p.headcount, n=f"{headcount:,}")
        if size.headcount_max is None:
            return self.say(p.open_ended, min=f"{size.headcount_min:,}")
        if size.headcount_min <= 1:
            return self.say(p.under, max=f"{size.headcount_max + 1:,}")
        return self.say(p.band, min=f"{size.headcount_min:,}", max=f"{size.headcount_max:,}")

    def context_line(
        self, size_name: str, people: str, industry: Industry, company_name: str | None
    ) -> str:
        c = self.text.context
        raw = c.general if industry.id == "general" else c.industry
        text = self.say(raw, size=size_name, people=people, industry=industry.name.lower())
        return self.say(c.company, context=text) if company_name else text

    def labels(self, a: RoleFacts, b: RoleFacts) -> dict[str, str]:
        t, h = self.text, self.text.headings
        return {
            "summary": h.summary,
            "table": h.table,
            "shared": h.shared,
            "only_a": self.say(h.only, title=a.title),
            "only_b": self.say(h.only, title=b.title),
            "unique": h.unique,
            "only_this_role": h.only_this_role,
            "none_shared": t.none_shared,
            "none_shared_short": t.none_shared_short,
            "empty": t.rows.no_team,
            "document_subject": self.say(
                t.document_subject, title=self.say(t.title, a=a.title, b=b.title)
            ),
            "document_category": t.document_category,
        }

    def rows(self, a: RoleFacts, b: RoleFacts) -> list[Row]:
        r = self.text.rows

        def experience(f: RoleFacts) -> str:
            items = [
                self.say(r.experience_size_item, size=s, years=n)
                for s, n in f.years_by_size.items()
            ]
            if not items:
                return f.experience
            return self.say(r.experience_by_size, experience=f.experience, sizes=", ".join(items))

        def education(f: RoleFacts) -> str:
            if f.education_preferred:
                preferred = lower_first(f.education_preferred)
                return self.say(r.education_preferred, education=f.education, preferred=preferred)
            return f.education

        def team(f: RoleFacts) -> str:
            return sentence(f.direct_reports).rstrip(".") if f.direct_reports else r.no_team

        return [
            Row(label=r.level, a=a.level_name, b=b.level_name),
            Row(label=r.reports_to, a=a.reports_to, b=b.reports_to),
            Row(label=r.direct_reports, a=team(a), b=team(b)),
            Row(label=r.scope, a=a.scope, b=b.scope),
            Row(label=r.focus, a=a.focus, b=b.focus),
            Row(label=r.decision_authority, a=a.decision_authority, b=b.decision_authority),
            Row(label=r.experience, a=experience(a), b=experience(b)),
            Row(label=r.education, a=education(a), b=education(b)),
        ]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------------
# The written summary
# ---------------------------------------------------------------------------


def summarize(
    c: Comparison, catalog: Catalog, words: Words, company: Company | None = None
) -> list[str]:
    """Two short paragraphs: how the roles differ in level, focus, scope and authority;
    then what that means at this company (reporting line, experience, duties, career)."""
    a, b = c.a, c.b
    w = words
    first = [_seniority(w, a, b), *_focus(w, a, b), _scope(w, a, b), *_authority(w, a, b)]
    where = c.company_name or c.size_phrase
    second = [_reporting(w, a, b, where), _experience(w, a, b), _duty_counts(w, c)]
    step = _career_step(w, a, b, catalog, company) or _career_step(w, b, a, catalog, company)
    if step:
        second.append(step)
    return [" ".join(s for s in first if s), " ".join(s for s in second if s)]


def _seniority(w: Words, a: RoleFacts, b: RoleFacts) -> str:
    s = w.text.summary
    if a.level_rank == b.level_rank and a.level != b.level:
        levels = {"a_level": a.level_name.lower(), "b_level": b.level_name.lower()}
        return w.say(s.same_rank, **levels, **w.roles(a=a, b=b))
    if a.level_rank == b.level_rank:
        raw = s.same_level_focus if a.strategic_weight != b.strategic_weight else s.same_level
        return w.say(raw, level=a.level_name.lower(), **w.roles(a=a, b=b))
    hi, lo = (a, b) if a.level_rank > b.level_rank else (b, a)
    gap = hi.level_rank - lo.level_rank
    steps = s.one_step if gap == 1 else w.say(s.steps, n=w.number(gap))
    return w.say(s.more_senior, level=hi.level_name.lower(), steps=steps, **w.roles(hi=hi, lo=lo))


def _focus(w: Words, a: RoleFacts, b: RoleFacts) -> list[str]:
    if not a.focus_detail or not b.focus_detail:
        return []
    s = w.text.summary
    if a.strategic_weight != b.strategic_weight:
        hi, lo = (a, b) if a.strategic_weight > b.strategic_weight else (b, a)
        values = {
            "hi_focus": clause(hi.focus_detail),
            "lo_focus": clause(lo.focus_detail),
            **w.roles(hi=hi, lo=lo),
        }
        return [w.say(s.more_strategic, **values), w.say(s.closer_to_execution, **values)]
    hi, lo = (a, b) if a.level_rank >= b.level_rank else (b, a)
    labels = {3: s.focus_labels.strategic, 2: s.focus_labels.both, 1: s.focus_labels.tactical}
    label = a.focus_label if a.focus_label == b.focus_label else labels[a.strategic_weight]
    values = {"hi_focus": clause(hi.focus_detail), "lo_focus": clause(lo.focus_detail)}
    return [w.say(s.same_focus, label=label.lower(), **values, **w.roles(hi=hi, lo=lo))]


def _scope(w: Words, a: RoleFacts, b: RoleFacts) -> str:
    s = w.text.summary
    if a.scope == b.scope:
        return w.say(s.same_scope, scope=clause(a.scope))
    return w.say(s.scope, a_scope=clause(a.scope), b_scope=clause(b.scope), **w.roles(a=a, b=b))


def _authority(w: Words, a: RoleFacts, b: RoleFacts) -> list[str]:
    s = w.text.summary
    if a.decision_authority == b.decision_authority:
        return [w.say(s.same_authority, authority=w.verb_clause(a.decision_authority))]
    values = {
        "a_authority": w.verb_clause(_as_verb(w, a.decision_authority)),
        "b_authority": w.verb_clause(_as_verb(w, b.decision_authority)),
        **w.roles(a=a, b=b),
    }
    return [w.say(s.authority_a, **values), w.say(s.authority_b, **values)]


def _as_verb(w: Words, text: str) -> str:
    """ "Final say on …" (a noun phrase some entries use) → "Has the final say on …"."""
    for phrase in w.text.summary.noun_phrases:
        if text.lower().startswith(phrase.starts.lower()):
            return w.say(phrase.say, text=lower_first(text))
    return text


def _reporting(w: Words, a: RoleFacts, b: RoleFacts, where: str) -> str:
    s = w.text.summary
    values = {"where": where, "a_boss": a.reports_to, "b_boss": b.reports_to, **w.roles(a=a, b=b)}
    if b.reports_to == a.title:
        return w.say(s.b_reports_to_a, **values)
    if a.reports_to == b.title:
        return w.say(s.a_reports_to_b, **values)
    if a.reports_to == b.reports_to:
        return w.say(s.same_boss, boss=a.reports_to, **values)
    return w.say(s.bosses, **values)


def _experience(w: Words, a: RoleFacts, b: RoleFacts) -> str:
    if a.years is None or b.years is None:
        return ""
    s = w.text.summary
    if a.years == b.years:
        return w.say(s.same_experience, years=a.years)
    return w.say(s.experience, a_years=a.years, b_years=b.years, **w.roles(a=a, b=b))


def _duty_counts(w: Words, c: Comparison) -> str:
    s = w.text.summary
    n, na, nb = len(c.shared), len(c.only_a), len(c.only_b)
    values = {"na": w.number(na), "nb": w.number(nb), **w.roles(a=c.a, b=c.b)}
    if n == 0:
        return w.say(s.no_duties_shared, **values)
    shared = w.say(s.duties_shared, n=n, N=_cap(w.number(n)))
    return w.say(s.duties_even if na == nb else s.duties_uneven, shared=shared, **values)


def _career_step(
    w: Words, lower: RoleFacts, upper: RoleFacts, catalog: Catalog, company: Company | None
) -> str:
    """ "The X is a common step toward the Y role", where the ladder has that step and the
    company has the Y seat at its size (as the posting's "Where this role leads" chooses,
    jdgen.tailor.has_step); else nothing."""
    from jdgen.ladder import next_roles
    from jdgen.tailor import has_step

    role = catalog.roles.get(lower.id)
    if role is None:
        return ""
    if company is not None and not has_step(role, upper.id, company, catalog):
        return ""
    if any(n.role_id == upper.id for n in next_roles(catalog, role)):
        return w.say(w.text.summary.career_step, **w.roles(lower=lower, upper=upper))
    return ""
