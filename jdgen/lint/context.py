"""What every check shares: the options of a lint run and what the checks work out once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from jdgen.lint.readers import Block
from jdgen.lint.report import GenderStats


@dataclass(frozen=True)
class LintOptions:
    """What the posting itself may not say."""

    #: Check against the laws in force on this date (default: the posting's own date, else today).
    as_of: dt.date | None = None
    #: The employer's headcount, for the employer-size thresholds of pay laws.
    employees: int | None = None


@dataclass
class Context:
    """What the checks work out once and share (and what ends up in the stats)."""

    options: LintOptions
    date: dt.date
    words: int = 0
    sentences: list[tuple[str, Block]] = field(default_factory=list)
    reading_ease: float | None = None
    grade: float | None = None
    gender: GenderStats = field(default_factory=lambda: GenderStats.trusted(verdict="neutral"))
    pay_laws: list[str] = field(default_factory=list)
    #: A benefits finding was already made (completeness does not repeat it).
    benefits_reported: bool = False
    location_unknown: bool = False
    #: The posting is not in English, so the gender-coded lists were not applied.
    gender_skipped: bool = False

    @staticmethod
    def long_date(day: dt.date) -> str:
        """Dates in findings: "January 1, 2026" (findings are written in US English)."""
        from jdgen.text import long_date

        return long_date(day)

    @staticmethod
    def money(amount: float, currency: str) -> str:
        from jdgen.text import money

        return money(amount, currency)
