"""The piped lint report made without rich (:mod:`jdgen.lint.plain`, issue 16) is the
text rich writes: on real reports (every role, with and without a company, brief and
full) and on made-up ones with long words, odd spacing, long titles and summaries that
make rich narrow the table.  Where it is not sure, it answers None and rich writes."""

from __future__ import annotations

import io
import random
import sys

import pytest
from rich.console import Console

from jdgen.catalog import builtin_catalog
from jdgen.lint import lint_file, lint_job_description, print_report
from jdgen.lint.plain import plain_report
from jdgen.lint.report import CheckScore, Finding, LintReport
from jdgen.models import Company, Location, Salary
from jdgen.tailor import tailor

CATALOG = builtin_catalog()


def rich_text(report: LintReport, brief: bool = False) -> str:
    """What print_report writes when its console is not a terminal."""
    out = io.StringIO()
    print_report(report, Console(file=out, width=200), brief=brief)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _no_forced_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)


def _reports() -> list[LintReport]:
    company = Company(
        name="Acme",
        locations=[Location(city="Denver", region="CO", country="US")],
        salary=Salary(min=95000, max=140000),
    )
    reports = []
    for i, role in enumerate(sorted(CATALOG.roles.values(), key=lambda r: r.id)):
        size = sorted(CATALOG.sizes)[i % len(CATALOG.sizes)]
        for given in (Company(size=size), company):
            reports.append(lint_job_description(tailor(role, given, CATALOG)))
    return reports


REPORTS = _reports()


@pytest.mark.parametrize("brief", [False, True])
def test_every_roles_report_is_the_text_rich_writes(brief: bool) -> None:
    for report in REPORTS:
        assert plain_report(report, brief) == rich_text(report, brief), report.title


def test_a_docx_file_report_is_the_text_rich_writes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from jdgen.render import render

    role = CATALOG.find_role("Director of Operations")
    path = tmp_path / "posting.docx"
    path.write_bytes(render(tailor(role, Company(), CATALOG), "docx"))
    report = lint_file(path)
    assert plain_report(report) == rich_text(report)


ALPHABET = "abcdefghij-.,()[]/“”’–—…×✓é€"


def _text(rng: random.Random, words: int, longest: int) -> str:
    spaces = [" ", " ", " ", "  ", "   "]
    parts = [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, longest))) for _ in range(words)
    ]
    text = "".join(p + rng.choice(spaces) for p in parts)
    return rng.choice(["", " ", "  "]) + (text if rng.random() < 0.5 else text.rstrip())


def _made_up(rng: random.Random) -> LintReport:
    base = REPORTS[rng.randrange(len(REPORTS))]
    longest = rng.choice([8, 20, 60, 95, 130])
    findings = [
        Finding.trusted(
            **{
                **f.__dict__,
                "text": _text(rng, rng.randint(0, 6), longest) if rng.random() < 0.8 else "",
                "why": _text(rng, rng.randint(1, 40), longest),
                "suggestion": _text(rng, rng.randint(0, 30), longest),
                "context": _text(rng, rng.randint(0, 40), longest),
                "count": rng.choice([1, 1, 2, 17]),
            }
        )
        for f in base.findings
    ]
    breakdown = [
        CheckScore.trusted(
            **{**b.__dict__, "summary": _text(rng, rng.randint(0, 25), longest // 3 + 1)}
        )
        for b in base.breakdown
    ]
    return LintReport.trusted(
        **{
            **base.__dict__,
            "title": _text(rng, rng.randint(1, 30), 12),
            "source": _text(rng, rng.randint(1, 3), 40),
            "findings": findings,
            "breakdown": breakdown,
        }
    )


def test_made_up_reports_are_the_text_rich_writes_or_left_to_rich() -> None:
    rng = random.Random(16)
    written = 0
    for _ in range(150):
        report = _made_up(rng)
        for brief in (False, True):
            plain = plain_report(report, brief)
            if plain is not None:
                written += 1
                assert plain == rich_text(report, brief)
    assert written > 150  # most are made without rich


@pytest.mark.parametrize(
    "odd",
    [
        "a :smile: here",
        "ends in \\",
        "tab\there",
        "two\nlines",
        "wide 漢字",
        "e\u0301",
        "zero\u200bwidth",
    ],
)
def test_text_rich_might_measure_or_read_otherwise_is_left_to_rich(odd: str) -> None:
    base = REPORTS[0]
    finding = Finding.trusted(**{**base.findings[0].__dict__, "why": odd})
    report = LintReport.trusted(**{**base.__dict__, "findings": [finding]})
    assert plain_report(report) is None


def test_piped_lint_loads_no_rich(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    code = (
        "import sys; sys.argv = ['jdgen', 'lint', 'Director of Operations']\n"
        "import atexit; atexit.register(lambda: print(sorted(m for m in sys.modules"
        " if m.split('.')[0] == 'rich'), file=sys.stderr))\n"
        "from jdgen.cli import main; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.startswith("Posting check: Director of Operations")
    assert done.stderr.splitlines()[-1] == "[]"
