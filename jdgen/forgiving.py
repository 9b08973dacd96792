"""Values as people type them in a company file or a spreadsheet cell, read kindly.

Used by the Company model's before-validators (:mod:`jdgen.models`), so a company
file, a batch row and the web form all accept the same spellings:
``Remote``/``onsite``/``On-site``, ``Full Time``, ``annual``/``yearly``, ``usd``,
``120k``/``120,000``/``$120,000``, ``2026-12-31``/``December 31, 2026``.  A value
these do not recognise is passed on unchanged, so the model's own error (with
the valid choices) reports it.
"""

from __future__ import annotations

import datetime as dt
import re


def key(value: str) -> str:
    """``" Full Time "`` → ``full-time``: lower case, spaces and underscores as hyphens."""
    return re.sub(r"[\s_]+", "-", value.strip().lower())


#: Other ways to write each work arrangement, employment type and pay period.
WORK_ARRANGEMENT_WORDS = {
    "on-site": ("onsite", "on-site", "on-location", "in-office", "office", "in-person"),
    "hybrid": ("hybrid", "flexible", "part-remote"),
    "remote": ("remote", "fully-remote", "remote-first", "work-from-home", "wfh", "telecommute"),
}
EMPLOYMENT_TYPE_WORDS = {
    "full-time": ("full-time", "fulltime", "full", "ft", "permanent"),
    "part-time": ("part-time", "parttime", "part", "pt"),
    "contract": ("contract", "contractor", "freelance", "fixed-term"),
    "temporary": ("temporary", "temp", "seasonal"),
    "internship": ("internship", "intern"),
}
PERIOD_WORDS = {
    "hour": ("hour", "hourly", "per-hour", "an-hour", "hr", "h"),
    "day": ("day", "daily", "per-day", "a-day"),
    "week": ("week", "weekly", "per-week", "a-week", "wk"),
    "month": ("month", "monthly", "per-month", "a-month", "mo"),
    "year": ("year", "yearly", "annual", "annually", "per-year", "a-year", "per-annum", "pa", "yr"),
}
#: Currency symbols people type instead of the ISO code.
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "c$": "CAD"}


#: The largest headcount jdgen takes: a bigger number is a typo, not a company.
MAX_HEADCOUNT = 10_000_000


def headcount(value: object) -> int | None:
    """``40``, ``" 250 "`` → the number; anything but ASCII digits (``²``, ``4O``) → None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,12}", value.strip()):
        return int(value.strip())
    return None


def choice(value: object, words: dict[str, tuple[str, ...]]) -> object:
    """The choice ``value`` spells (``"Full Time"`` → ``full-time``), else ``value``."""
    if not isinstance(value, str):
        return value
    typed = key(value)
    return next((name for name, spellings in words.items() if typed in spellings), value)


def currency(value: object) -> object:
    """``usd`` → ``USD``, ``$`` → ``USD``, ``€`` → ``EUR``."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    return CURRENCY_SYMBOLS.get(text.lower(), text.upper())


def money(value: object) -> object:
    """``120k``, ``120,000``, ``$120,000``, ``1.2m`` → a number; anything else unchanged."""
    if not isinstance(value, str):
        return value
    text = re.sub(r"[\s,_]", "", value.strip().lower())
    text = re.sub(r"^(usd|eur|gbp|cad|us\$|c\$|[$€£¥])", "", text)
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([km]?)", text)
    if not match:
        return value
    number = float(match.group(1)) * {"": 1, "k": 1_000, "m": 1_000_000}[match.group(2)]
    return int(number) if number.is_integer() else number


def flexible_date(value: object) -> object:
    """``2026-12-31``, ``December 31, 2026``, ``31 Dec 2026``, ``12/31/2026`` → a date.

    A date with slashes whose day and month could be either way round
    (``11/12/2026``) is an error that asks for YYYY-MM-DD.
    """
    if not isinstance(value, str):
        return value
    text = re.sub(r"\s+", " ", value.strip().replace(",", ", ")).replace(" ,", ",")
    slashed = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
    if slashed:
        first, second, year = (int(g) for g in slashed.groups())
        if first <= 12 and second <= 12 and first != second:
            raise ValueError(
                f"'{value}' could be {year}-{first:02d}-{second:02d} or "
                f"{year}-{second:02d}-{first:02d}: write it as YYYY-MM-DD"
            )
        month, day = (first, second) if first <= 12 else (second, first)
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise ValueError(f"'{value}' is not a date: write it as YYYY-MM-DD") from None
    for fmt in (
        "%Y-%m-%d",
        "%B %d, %Y",
        "%b %d, %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%B %d %Y",
        "%b %d %Y",
    ):
        try:
            return dt.datetime.strptime(text.replace(".", ""), fmt).date()
        except ValueError:
            continue
    return value
