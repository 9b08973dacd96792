"""Posting quality checks: inclusive wording, readability, length, title, pay transparency.

::

    from jdgen.lint import lint_file, lint_job_description

    report = lint_job_description(jd)          # a JobDescription from jdgen.tailor
    report = lint_file("posting.docx")         # .md, .txt, .html, .docx or jdgen's .json
    # a user catalog's sizes, countries and lint/*.yaml: rules=jdgen.lint.rules.rules_for(...)
    report.score, report.breakdown, report.findings

Every finding names the check, a severity (error, warning, info), the word or
sentence, why it matters and what to write instead.  The word lists, thresholds
and the pay-transparency table are YAML in ``catalog/lint/``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from jdgen.lint.context import LintOptions
from jdgen.lint.report import CheckScore, Finding, LintReport, print_report

if TYPE_CHECKING:
    from jdgen.lint.rules import Rules
    from jdgen.models import JobDescription

__all__ = [
    "CheckScore",
    "Finding",
    "LintOptions",
    "LintReport",
    "lint_file",
    "lint_job_description",
    "print_report",
]


def _rules(rules: Rules | None) -> Rules:
    from jdgen.lint.rules import builtin_rules

    return rules or builtin_rules()


def lint_job_description(
    jd: JobDescription,
    *,
    as_of: dt.date | None = None,
    employees: int | None = None,
    source: str = "",
    rules: Rules | None = None,
) -> LintReport:
    """Check a tailored posting, using its structure: headings apart from body text,
    and the metadata for location, remote work, pay, benefits, dates and how to apply.

    ``as_of`` is the date whose pay laws apply (default: the posting's
    ``date_posted``, else today); ``employees`` the headcount for pay-law thresholds
    (default: the company's size band).
    """
    from jdgen.lint.checks import run_checks
    from jdgen.lint.sources import from_job_description

    rules = _rules(rules)
    posting = from_job_description(jd, source, rules)
    return run_checks(posting, rules, LintOptions(as_of, employees))


def lint_file(
    path: str | Path,
    *,
    as_of: dt.date | None = None,
    employees: int | None = None,
    rules: Rules | None = None,
) -> LintReport:
    """Check a posting a user brings: a .md, .txt, .html, .docx or jdgen .json file.

    Headings are told apart from body text by the file's structure (Markdown and
    HTML headings, Word heading styles, short lines in plain text); pay ranges,
    places, remote wording and the posting date are read from the text (and from
    schema.org JobPosting JSON-LD in HTML).  ``as_of`` and ``employees`` as for
    :func:`lint_job_description` (without a size band, thresholds are assumed met).
    """
    from jdgen.lint.checks import run_checks
    from jdgen.lint.sources import read_file

    rules = _rules(rules)
    posting = read_file(Path(path), rules)
    return run_checks(posting, rules, LintOptions(as_of, employees))
