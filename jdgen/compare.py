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
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field

from jdgen.catalog import Catalog, builtin_catalog
from jdgen.errors import JdgenError
from jdgen.models import (
    Company,
    CompanySize,
    JobDescription,
    PostingOptions,
    Role,
    Strict,
    pick,
)
from jdgen.tailor import tailor
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

    @property
    def title(self) -> str:
        return f"{self.a.title} vs {self.b.title}"

    @property
    def context_line(self) -> str:
        """ "Mid-size company (100 to 999 people), general industry" and the company name."""
        people = self.size_phrase.removeprefix("a company of ")
        text = f"{self.size_name} company ({people}), {self.industry_name.lower()} industry"
        if self.industry == "general":
            text = f"{self.size_name} company ({people}), no particular industry"
        return f"{self.company_name}: {text}" if self.company_name else text


# ---------------------------------------------------------------------------
# Small text helpers
# ---------------------------------------------------------------------------

_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def number_word(n: int) -> str:
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


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


def verb_clause(text: str) -> str:
    """A sentence of parts joined by semicolons ("Decides …; escalates …") as one clause
    ("decides …, and escalates …")."""
    parts = [p.strip() for p in clause(text).split(";") if p.strip()]
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + ", and " + parts[-1]


def split_focus(text: str) -> tuple[str, str]:
    """ "Strategic. Owns …" → ("Strategic", "Owns …")."""
    m = re.match(r"\s*([^.]+)\.\s+(.+)", text, re.S)
    if not m:
        return text.strip().rstrip("."), ""
    return m.group(1).strip(), m.group(2).strip()


#: A focus label for each weight, for two roles whose labels differ in other words.
WEIGHTS = {3: "strategic", 2: "tactical and strategic", 1: "tactical"}


def strategic_weight(label: str) -> int:
    low = label.lower()
    strategic, tactical = "strateg" in low, "tactic" in low
    if strategic and not tactical:
        return 3
    if tactical and not strategic:
        return 1
    return 2


def size_phrase(size: CompanySize, company: Company) -> str:
    headcount = company.size if isinstance(company.size, int) else None
    if isinstance(company.size, str) and company.size.strip().isdigit():
        headcount = int(company.size.strip())
    if headcount is not None:
        return f"a company of {headcount:,} {'person' if headcount == 1 else 'people'}"
    if size.headcount_max is None:
        return f"a company of {size.headcount_min:,} or more people"
    if size.headcount_min <= 1:
        return f"a company of under {size.headcount_max + 1:,} people"
    return f"a company of {size.headcount_min:,} to {size.headcount_max:,} people"


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
    q = role.qualifications
    by_size = {
        s: years
        for s in catalog.sizes
        if (years := pick(q.years, s) or pick(level.years, s)) is not None
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


def _rows(a: RoleFacts, b: RoleFacts) -> list[Row]:
    def experience(f: RoleFacts) -> str:
        sizes = ", ".join(f"{s} {n}+" for s, n in f.years_by_size.items())
        return f"{f.experience} By company size: {sizes}." if sizes else f.experience

    def education(f: RoleFacts) -> str:
        if f.education_preferred:
            return f"{f.education} Preferred: {lower_first(f.education_preferred)}"
        return f.education

    def team(f: RoleFacts) -> str:
        return sentence(f.direct_reports).rstrip(".") if f.direct_reports else "—"

    return [
        Row(label="Level", a=a.level_name, b=b.level_name),
        Row(label="Reports to", a=a.reports_to, b=b.reports_to),
        Row(label="Direct reports", a=team(a), b=team(b)),
        Row(label="Scope of influence", a=a.scope, b=b.scope),
        Row(label="Strategic vs tactical focus", a=a.focus, b=b.focus),
        Row(label="Decision authority", a=a.decision_authority, b=b.decision_authority),
        Row(label="Typical experience", a=experience(a), b=experience(b)),
        Row(label="Education", a=education(a), b=education(b)),
    ]


def compare(
    role_a: Role, role_b: Role, company: Company, catalog: Catalog | None = None
) -> Comparison:
    """Compare ``role_a`` and ``role_b`` as ``company`` would post them."""
    catalog = catalog or builtin_catalog()
    if role_a.id == role_b.id:
        raise JdgenError(
            f"compare needs two different roles, but both name {role_a.id} ({role_a.title})"
        )
    options = PostingOptions()  # the company's per-posting choices belong to one posting
    jd_a = tailor(role_a, company, catalog, options)
    jd_b = tailor(role_b, company, catalog, options)
    a = _facts(role_a, jd_a, catalog)
    b = _facts(role_b, jd_b, catalog)
    shared, only_a, only_b = match_duties(_duties(jd_a), _duties(jd_b))
    size = catalog.find_size(company.size)
    industry = catalog.find_industry(company.industry)
    phrase = size_phrase(size, company)
    result = Comparison(
        a=a,
        b=b,
        size=size.id,
        size_name=size.name,
        size_phrase=phrase,
        industry=industry.id,
        industry_name=industry.name,
        company_name=company.name,
        rows=_rows(a, b),
        shared=shared,
        only_a=only_a,
        only_b=only_b,
        summary=[],
    )
    result.summary = summarize(result, catalog)
    return result


# ---------------------------------------------------------------------------
# The written summary
# ---------------------------------------------------------------------------


def summarize(c: Comparison, catalog: Catalog) -> list[str]:
    """Two short paragraphs: how the roles differ in level, focus, scope and authority;
    then what that means at this company (reporting line, experience, duties, career)."""
    a, b = c.a, c.b
    first = [_seniority(a, b), *_focus(a, b), _scope(a, b), *_authority(a, b)]
    second = [_reporting(a, b, c.company_name or c.size_phrase), _experience(a, b), _duty_counts(c)]
    step = _career_step(a, b, catalog) or _career_step(b, a, catalog)
    if step:
        second.append(step)
    return [" ".join(s for s in first if s), " ".join(s for s in second if s)]


def _the(f: RoleFacts) -> str:
    return f"the {f.title}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _seniority(a: RoleFacts, b: RoleFacts) -> str:
    if a.level_rank == b.level_rank:
        apart = "focus" if a.strategic_weight != b.strategic_weight else "what they do"
        return (
            f"{_cap(_the(a))} and {_the(b)} are both {a.level_name.lower()} roles, so what "
            f"sets them apart is {apart}, not seniority."
        )
    hi, lo = (a, b) if a.level_rank > b.level_rank else (b, a)
    gap = hi.level_rank - lo.level_rank
    steps = "one level" if gap == 1 else f"{number_word(gap)} levels"
    return (
        f"{_cap(_the(hi))} is the more senior role: it sits at {hi.level_name.lower()} "
        f"level, {steps} above {_the(lo)}."
    )


def _focus(a: RoleFacts, b: RoleFacts) -> list[str]:
    if not a.focus_detail or not b.focus_detail:
        return []
    if a.strategic_weight != b.strategic_weight:
        hi, lo = (a, b) if a.strategic_weight > b.strategic_weight else (b, a)
        return [
            f"{_cap(_the(hi))} has the more strategic focus: it {clause(hi.focus_detail)}.",
            f"{_cap(_the(lo))} is closer to daily execution: it {clause(lo.focus_detail)}.",
        ]
    first, second = (a, b) if a.level_rank >= b.level_rank else (b, a)
    label = a.focus_label if a.focus_label == b.focus_label else WEIGHTS[a.strategic_weight]
    opening = f"Both roles are {label.lower()}"
    return [
        f"{opening}, but {_the(first)} {clause(first.focus_detail)}, while {_the(second)} "
        f"{clause(second.focus_detail)}."
    ]


def _scope(a: RoleFacts, b: RoleFacts) -> str:
    if a.scope == b.scope:
        return f"Both cover {clause(a.scope)}."
    return f"In scope, {_the(a)} covers {clause(a.scope)}; {_the(b)} covers {clause(b.scope)}."


def _authority(a: RoleFacts, b: RoleFacts) -> list[str]:
    if a.decision_authority == b.decision_authority:
        return [f"Both {verb_clause(a.decision_authority)}."]
    return [
        f"On decisions, {_the(a)} {verb_clause(_as_verb(a.decision_authority))}.",
        f"{_cap(_the(b))} {verb_clause(_as_verb(b.decision_authority))}.",
    ]


def _as_verb(text: str) -> str:
    """ "Final say on …" (a noun phrase some entries use) → "Has the final say on …"."""
    if re.match(r"(?i)final say\b", text):
        return "Has the " + lower_first(text)
    return text


def _reporting(a: RoleFacts, b: RoleFacts, where: str) -> str:
    at = f"At {where}"
    if b.reports_to == a.title:
        return f"{at}, {_the(b)} reports to {_the(a)}, who reports to the {a.reports_to}."
    if a.reports_to == b.title:
        return f"{at}, {_the(a)} reports to {_the(b)}, who reports to the {b.reports_to}."
    if a.reports_to == b.reports_to:
        return f"{at}, both report to the {a.reports_to}."
    return f"{at}, {_the(a)} reports to the {a.reports_to} and {_the(b)} to the {b.reports_to}."


def _experience(a: RoleFacts, b: RoleFacts) -> str:
    if a.years is None or b.years is None:
        return ""
    if a.years == b.years:
        return f"Both postings ask for {a.years}+ years of experience."
    return (
        f"The posting for {_the(a)} asks for {a.years}+ years of experience, "
        f"and the one for {_the(b)} for {b.years}+."
    )


def _duty_counts(c: Comparison) -> str:
    n, na, nb = len(c.shared), len(c.only_a), len(c.only_b)
    if n == 0:
        return (
            f"None of their duties are the same: {_the(c.a)} lists {number_word(na)} "
            f"and {_the(c.b)} {number_word(nb)}."
        )
    shared = (
        f"{_cap(number_word(n))} of their duties are the same"
        if n > 1
        else "One of their duties is the same"
    )
    if na == nb:
        return f"{shared}; each has {number_word(na)} of its own."
    return (
        f"{shared}; {_the(c.a)} has {number_word(na)} of its own and {_the(c.b)} {number_word(nb)}."
    )


def _career_step(lower: RoleFacts, upper: RoleFacts, catalog: Catalog) -> str:
    from jdgen.ladder import next_roles

    role = catalog.roles.get(lower.id)
    if role is None:
        return ""
    if any(n.role_id == upper.id for n in next_roles(catalog, role)):
        return f"{_cap(_the(lower))} is a common step toward {_the(upper)} role."
    return ""
