"""Lint outside the US and the laws added for the end of 2026: Canada (British Columbia,
Ontario and its extra rules), Austria, the EU Directive per member state, the California
and Washington amendments, and the checks that depend on the posting's country."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jdgen.catalog import builtin_catalog
from jdgen.lint import LintReport, lint_file, lint_job_description
from jdgen.lint.rules import builtin_rules
from jdgen.lint.sources import find_places
from jdgen.models import Company, Location, Salary
from jdgen.tailor import tailor

CATALOG = builtin_catalog()
RULES = builtin_rules()
TORONTO = Location(city="Toronto", region="ON", country="CA")
VANCOUVER = Location(city="Vancouver", region="BC", country="Canada")
CLEAN = "This posting is for an existing vacancy. We do not use AI to screen applications."


def jd_for(role: str = "director-of-operations", **company: object):
    return tailor(CATALOG.find_role(role), Company(**company), CATALOG)


def hits(report: LintReport, check: str = "pay-transparency") -> list[tuple[str, str]]:
    return [(f.severity, f.rule) for f in report.by_check(check)]


def lint_text(tmp_path: Path, text: str, **kw: object) -> LintReport:
    path = tmp_path / "posting.md"
    path.write_text(text, encoding="utf-8")
    return lint_file(path, **kw)  # type: ignore[arg-type]


# -- each new entry, on both sides of its date ----------------------------------------

#: (jurisdiction, a place it covers, the first day, the severity of a missing range)
NEW = [
    ("british-columbia", VANCOUVER, "2023-11-01", "error"),
    ("ontario", TORONTO, "2026-01-01", "error"),
    ("austria", Location(city="Vienna", country="AT"), "2011-03-01", "error"),
    ("eu-mt", Location(city="Valletta", country="MT"), "2025-08-27", "warning"),
    ("eu-pl", Location(city="Warsaw", country="PL"), "2025-12-24", "warning"),
    ("eu-sk", Location(city="Bratislava", country="SK"), "2026-06-07", "warning"),
    ("eu-it", Location(city="Milan", country="IT"), "2026-06-07", "error"),
    ("eu-de", Location(city="Berlin", country="DE"), "2026-06-07", "warning"),
    ("eu-fr", Location(city="Lyon", country="FR"), "2026-06-07", "warning"),
]


@pytest.mark.parametrize(("jid", "place", "first", "severity"), NEW, ids=[n[0] for n in NEW])
def test_new_entry_applies_from_its_date(
    jid: str, place: Location, first: str, severity: str
) -> None:
    start = dt.date.fromisoformat(first)
    jd = jd_for(locations=[place], work_arrangement="on-site")
    before = lint_job_description(jd, as_of=start - dt.timedelta(days=1), employees=500)
    assert not [r for s, r in hits(before) if s != "info" and jid in r.split(",")]
    upcoming = [f for f in before.by_check("pay-transparency") if f.category == "upcoming"]
    assert upcoming and jid in upcoming[0].rule.split(",")

    after = lint_job_description(jd, as_of=start, employees=500)
    pay = [f for f in after.by_check("pay-transparency") if jid in f.rule.split(",")]
    assert pay and pay[0].severity == severity and pay[0].text == "no pay range"
    law = next(j for j in RULES.pay.all if j.id == jid)
    assert law.source in pay[0].sources


def test_every_entry_says_what_is_posted_how_sure_and_where_from() -> None:
    for j in RULES.pay.all:
        assert j.posts and j.source.startswith("https://"), j.id
        assert j.verified in ("source", "summaries", "no"), j.id
        for a in j.amendments:
            assert a.source.startswith("https://") and a.verified in ("source", "summaries", "no")
    new = {j.id: j for j in RULES.pay.all}
    assert (new["maine"].effective, new["maine"].min_employees) == (dt.date(2026, 7, 13), 10)
    assert (new["virginia"].effective, new["virginia"].min_employees) == (dt.date(2026, 7, 1), 1)
    assert (new["ontario"].min_employees, new["ontario"].pay_optional_above) == (25, 200000)


def test_an_unverified_entry_says_so_in_the_finding() -> None:
    jd = jd_for(locations=[Location(city="Berlin", country="DE")], work_arrangement="hybrid")
    [warning] = lint_job_description(jd, as_of=dt.date(2026, 12, 1)).by_check("pay-transparency")
    assert "not verified" in warning.why
    assert next(j for j in RULES.pay.all if j.id == "eu-de").verified == "no"
    toronto = jd_for(locations=[TORONTO], work_arrangement="on-site")
    report = lint_job_description(toronto, as_of=dt.date(2026, 12, 1), employees=100)
    [error] = [f for f in report.by_check("pay-transparency") if f.text == "no pay range"]
    assert "checked Ontario against summaries of the law, not its own text" in error.why


# -- the EU Directive: a warning, not an error, unless national law asks -----------------


def test_eu_missing_range_is_a_warning_that_says_before_the_interview() -> None:
    jd = jd_for(locations=[Location(city="Madrid", country="ES")], work_arrangement="hybrid")
    report = lint_job_description(jd, as_of=dt.date(2026, 12, 1))
    [warning] = report.by_check("pay-transparency")
    assert (warning.severity, warning.rule) == ("warning", "eu-es")
    assert (
        "before the interview" in warning.why and "Spain has not transposed it yet" in warning.why
    )
    assert report.count("error") == 0


def test_national_law_that_asks_for_pay_in_the_advert_makes_it_an_error() -> None:
    vienna = jd_for(locations=[Location(city="Vienna", country="Austria")])
    report = lint_job_description(vienna, as_of=dt.date(2026, 12, 1))
    assert hits(report) == [("error", "austria")]  # and no second, softer EU warning
    assert "Gleichbehandlungsgesetz" in report.by_check("pay-transparency")[0].why


# -- Ontario's extra rules --------------------------------------------------------------


def ontario(low: float, high: float, period: str = "year", **extra: object):
    return jd_for(
        locations=[TORONTO],
        work_arrangement="on-site",
        salary=Salary(min=low, max=high, currency="CAD", period=period),  # type: ignore[arg-type]
        **extra,
    )


@pytest.mark.parametrize(
    ("low", "high", "period", "too_wide"),
    [
        (90000, 140000, "year", False),  # exactly CAD 50,000 wide
        (90000, 140001, "year", True),
        (150000, 210000, "year", False),  # pay above CAD 200,000: no limit, no range needed
        (30, 50, "hour", False),  # 20 × 2,080 = 41,600 a year
        (30, 60, "hour", True),  # 30 × 2,080 = 62,400 a year
    ],
)
def test_ontario_range_width(low: float, high: float, period: str, too_wide: bool) -> None:
    report = lint_job_description(
        ontario(low, high, period), as_of=dt.date(2026, 3, 2), employees=80
    )
    wide = [f for f in report.by_check("pay-transparency") if f.category == "range-width"]
    assert bool(wide) == too_wide
    if wide:
        assert wide[0].severity == "error" and "no wider than CA$50,000 a year" in wide[0].why


def test_ontario_rules_only_from_2026_and_only_for_25_or_more_employees() -> None:
    jd = ontario(90000, 150000)
    before = lint_job_description(jd, as_of=dt.date(2025, 12, 31), employees=80)
    assert not [r for s, r in hits(before) if s != "info"]
    small = lint_job_description(jd, as_of=dt.date(2026, 3, 2), employees=24)
    assert hits(small) == []
    after = lint_job_description(jd, as_of=dt.date(2026, 3, 2), employees=25)
    assert {f.category for f in after.by_check("pay-transparency")} == {
        "range-width",
        "vacancy-statement",
        "ai-statement",
    }


def test_ontario_statements_and_canadian_experience_from_a_file(tmp_path: Path) -> None:
    base = (
        "# Logistics Manager\n\n## Location\n\nToronto, ON, Canada (on-site).\n\n"
        "## Pay\n\nThe salary range is CA$80,000 – CA$110,000 per year.\n\n"
        "## What you bring\n\n- Five years of logistics experience.\n"
    )
    report = lint_text(tmp_path, base, as_of=dt.date(2026, 6, 1), employees=60)
    assert {f.category for f in report.by_check("pay-transparency")} == {
        "vacancy-statement",
        "ai-statement",
    }
    vacancy = next(f for f in report.findings if f.category == "vacancy-statement")
    assert vacancy.severity == "error" and "existing vacancy" in vacancy.why
    fixed = base + "\n" + CLEAN + "\n"
    assert (
        lint_text(tmp_path, fixed, as_of=dt.date(2026, 6, 1), employees=60).by_check(
            "pay-transparency"
        )
        == []
    )
    banned = fixed.replace("Five years of logistics", "Five years of Canadian work")
    [ban] = lint_text(tmp_path, banned, as_of=dt.date(2026, 6, 1), employees=60).by_check(
        "pay-transparency"
    )
    assert (ban.severity, ban.rule, ban.text) == (
        "error",
        "ontario:canadian-experience",
        "Canadian work experience",
    )


def test_british_columbia_needs_a_range_but_no_statements() -> None:
    jd = jd_for(locations=[VANCOUVER], salary=Salary(min=60000, max=140000, currency="CAD"))
    assert hits(lint_job_description(jd, as_of=dt.date(2026, 3, 2))) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Location: Toronto, ON", ("CA", "ON", "Toronto")),
        ("Based in Vancouver, British Columbia.", ("CA", "BC", "Vancouver")),
        ("Our office is in Ontario, California.", ("US", "CA", "Ontario")),
    ],
)
def test_canadian_places_are_read_from_text(text: str, place: tuple[str, str, str]) -> None:
    assert [(p.country, p.region, p.city) for p in find_places([text], RULES)] == [place]


# -- amendments ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("place", "law", "first"),
    [
        (Location(city="Fresno", region="CA", country="US"), "SB 642 (2025)", "2026-01-01"),
        (Location(city="Spokane", region="WA", country="US"), "SSB 5408 (2025)", "2025-07-27"),
    ],
)
def test_amendments_in_force_are_noted_from_their_date(
    place: Location, law: str, first: str
) -> None:
    start = dt.date.fromisoformat(first)
    jd = jd_for(
        locations=[place],
        salary=Salary(min=120000, max=150000),
        benefits=["Health, dental and vision insurance"],
    )
    before = lint_job_description(jd, as_of=start - dt.timedelta(days=1), employees=100)
    assert not [f for f in before.findings if f.category == "amendment"]
    [note] = [
        f
        for f in lint_job_description(jd, as_of=start, employees=100).findings
        if f.category == "amendment"
    ]
    assert note.severity == "info" and note.text == law
    # a missing range names the amendment in its reasons
    bare = jd_for(locations=[place])
    [error] = [
        f
        for f in lint_job_description(bare, as_of=start, employees=100).findings
        if f.severity == "error"
    ]
    assert f"as amended by {law}" in error.why


# -- checks that know the country -------------------------------------------------------


def test_german_title_without_a_gender_neutral_form_is_flagged(tmp_path: Path) -> None:
    berlin = Location(city="Berlin", country="DE")
    plain = jd_for(locations=[berlin], title_suffix=False)
    [title] = lint_job_description(plain, as_of=dt.date(2026, 12, 1)).by_check("title")
    assert (title.severity, title.rule) == ("warning", "gender-neutral")
    assert "(m/w/d)" in title.suggestion
    assert (
        lint_job_description(jd_for(locations=[berlin]), as_of=dt.date(2026, 12, 1)).by_check(
            "title"
        )
        == []
    )
    denver = jd_for(locations=[Location(city="Denver", region="CO", country="US")])
    assert lint_job_description(denver).by_check("title") == []


def test_statement_for_the_country_is_expected(tmp_path: Path) -> None:
    text = (
        "# Operations Manager\n\n## Location\n\nLeeds, United Kingdom, on-site.\n\n"
        "## Equal opportunity\n\nWe are an equal opportunity employer and consider all "
        "qualified applicants without regard to race, religion, sex or veteran status.\n"
    )
    report = lint_text(tmp_path, text)
    found = {(f.severity, f.rule, f.text) for f in report.by_check("completeness")}
    assert (
        "info",
        "equal-opportunity-country",
        "statement does not name the Equality Act 2010",
    ) in found
    assert ("warning", "us-only", "veteran status") in found
    uk = lint_text(
        tmp_path,
        text.replace("We are an equal", "Under the Equality Act 2010 we are an equal").replace(
            " or veteran status", ""
        ),
    )
    assert not [f for f in uk.by_check("completeness") if f.rule.startswith(("equal", "us-only"))]
    missing = lint_text(tmp_path, text.split("## Equal")[0])
    [eeo] = [f for f in missing.by_check("completeness") if f.rule == "equal-opportunity"]
    assert "Equality Act 2010" in eeo.why and "Equality Act 2010" in eeo.suggestion


def test_gender_coded_lists_say_they_are_english_only(tmp_path: Path) -> None:
    german = (
        "# Leiter Betrieb (m/w/d)\n\n## Über uns\n\n"
        + "Wir suchen eine erfahrene Führungskraft für unseren Betrieb in Berlin. Sie verantworten "
        "die Planung, das Budget und die Teams in der Produktion und arbeiten eng mit der "
        "Geschäftsführung zusammen. Wir bieten ein unbefristetes Arbeitsverhältnis, flexible "
        "Arbeitszeiten und ein starkes Team, das sich gegenseitig unterstützt.\n"
    )
    report = lint_text(tmp_path, german)
    [finding] = report.by_check("gender-coded")
    assert (finding.severity, finding.rule) == ("info", "english-only")
    assert "English" in finding.why
    assert next(b for b in report.breakdown if b.check == "gender-coded").summary.startswith(
        "not checked"
    )


def test_company_settings_make_an_ontario_posting_say_both_statements() -> None:
    jd = ontario(90000, 130000, existing_vacancy=True, ai_screening=False)
    apply = jd.section("apply")
    assert apply is not None
    assert apply.paragraphs[-2:] == [
        "This posting is for an existing vacancy.",
        "We do not use artificial intelligence to screen, assess or select applicants.",
    ]
    report = lint_job_description(jd, as_of=dt.date(2026, 3, 2), employees=80)
    assert hits(report) == []
    pool = ontario(90000, 130000, existing_vacancy=False, ai_screening=True)
    text = " ".join(pool.section("apply").paragraphs)  # type: ignore[union-attr]
    assert "not for an existing vacancy" in text and "We use artificial intelligence" in text
    assert hits(lint_job_description(pool, as_of=dt.date(2026, 3, 2), employees=80)) == []
