"""Small text helpers shared by tailoring and rendering: joining words, "a"/"an",
tidying a sentence, money and dates.  Content, not formatting."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from jdgen.models import Salary

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "AUD": "A$", "INR": "₹"}


def join_words(items: Iterable[str], conj: str = "and") -> str:
    """``["a", "b", "c"]`` → ``"a, b and c"``."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def article(phrase: str) -> str:
    """ "a" or "an" for a phrase, by its first sound."""
    word = phrase.split()[0] if phrase.split() else phrase
    if word.isupper() and len(word) > 1:  # an abbreviation, read letter by letter
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    lower = word.lower()
    if lower.startswith(("uni", "use", "usu", "eu", "one")):
        return "a"
    if lower.startswith(("hour", "honest", "heir")):
        return "an"
    return "an" if lower[:1] in "aeiou" else "a"


def sentence(text: str) -> str:
    """Tidy one sentence or bullet: single spaces, a capital first letter, final punctuation."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return text
    first = text.split()[0]
    if first[0].islower() and not any(ch.isupper() for ch in first):
        text = text[0].upper() + text[1:]
    if text[-1] not in ".!?:":
        text += "."
    return text


def money(amount: float, currency: str) -> str:
    number = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{number}" if symbol else f"{number} {currency}"


def long_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def pay_sentence(salary: Salary) -> str:
    return (
        f"The base pay range for this role is {money(salary.min, salary.currency)} "
        f"to {money(salary.max, salary.currency)} per {salary.period}."
    )
