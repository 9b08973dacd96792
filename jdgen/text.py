"""Small text helpers shared by tailoring and rendering: joining words, "a"/"an",
tidying a sentence, money and dates.  Content, not formatting."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, Literal

from jdgen.cache import DiskMemo


def join_words(items: Iterable[str], conj: str = "and") -> str:
    """``["a", "b", "c"]`` → ``"a, b and c"``; when an item has the conjunction in it, a
    comma before the last one shows where it starts (``"a and b, c, and d"``); of two
    items, only when the first has, as in :func:`join_list` (``"the founders and the
    brokerage team, our shippers and the carriers we book"``: a comma there would read
    as the start of a list)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    inner = _word(conj)
    heads = items[:1] if len(items) == 2 else items
    comma = "," if any(inner.search(i) for i in heads) else ""
    return f"{', '.join(items[:-1])}{comma} {conj} {items[-1]}"


def join_list(items: Iterable[str], conj: str = "and") -> str:
    """:func:`join_words` for items that may hold commas of their own ("OSHA's general
    industry standards (29 CFR Part 1910), including …"): a comma before the last item
    shows where it starts when an item has the conjunction or a comma in it; of two
    items, only when the first has ("EMTALA and the rules on uninsured and self-pay
    patients" needs none); three or more where one has a comma are kept apart by
    semicolons ("…; the Employment Standards Act, 2000; and PIPEDA")."""
    items = [i for i in items if i]
    if len(items) > 2 and any("," in i for i in items):
        # three or more with commas of their own: semicolons show where each ends
        return f"{'; '.join(items[:-1])}; {conj} {items[-1]}"
    if len(items) == 2 and "," in items[0]:
        return f"{items[0]}, {conj} {items[1]}"
    return join_words(items, conj)


@lru_cache(maxsize=64)
def _word(word: str) -> re.Pattern[str]:
    """``word`` as a whole word."""
    return re.compile(rf"\b{re.escape(word)}\b")


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


@lru_cache(maxsize=8192)
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


#: How a company's one-line description reads after its name.
DescriptionForm = Literal["sentence", "verb", "noun", "bare-noun"]


def description_form(
    description: str, name: str | None, noun_starts: Iterable[str], sentence_starts: Iterable[str]
) -> DescriptionForm:
    """Is a description a sentence of its own ("We make valves", "Acme makes valves"), a
    verb phrase ("makes valves"), a noun phrase ("an online grocer"; "Berlin's oldest
    foundry") or a noun phrase without its article ("family-owned foundry")?"""
    words = description.split()
    if not words:
        return "verb"
    first = words[0].casefold().strip(",;:")
    if (name and description.casefold().startswith(name.casefold())) or first in {
        w.casefold() for w in sentence_starts
    }:
        return "sentence"
    if first in {w.casefold() for w in noun_starts} or first.endswith(("'s", "\u2019s")):
        return "noun"
    if first.endswith("s") and not first.endswith(("ss", "us")):
        return "verb"  # makes, delivers, runs, is, has
    return "bare-noun"


def money(amount: float, currency: str, locale: str = "en_US") -> str:
    """``120000, "USD"`` → "$120,000"; cents only when there are some ("$52.50").

    Symbol, grouping and order follow the locale (Babel/CLDR): "€65,000" in en_GB,
    "65.000 €" in en_DE, "US$120,000" for dollars in en_GB."""
    return _remembered(("money", amount, currency, locale), _babel_money)


def long_date(day: dt.date, locale: str = "en_US") -> str:
    """The date written out: "December 31, 2026" (en_US), "31 December 2026" (en_GB)."""
    return _remembered(("date", day, locale), _babel_date)


def babel_knows(locale: str) -> bool:
    """Does Babel know the locale ``locale`` ("en_DE": yes, "en_XX": no)?"""
    return _remembered(("locale", locale), _babel_locale) == "known"


def _babel_locale(key: tuple[Any, ...]) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(key[1])
    except (UnknownLocaleError, ValueError):
        return "unknown"
    return "known"


def _babel_money(key: tuple[Any, ...]) -> str:
    from babel import Locale
    from babel.numbers import format_currency

    _, amount, currency, locale = key
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    if float(amount).is_integer():
        pattern = pattern.replace(".00", "")
    return str(
        format_currency(amount, currency, format=pattern, locale=locale, currency_digits=False)
    )


def _babel_date(key: tuple[Any, ...]) -> str:
    from babel.dates import format_date

    _, day, locale = key
    return str(format_date(day, "long", locale=locale))


# Babel's answers are kept between runs (in the user's cache, keyed by the installed
# Babel: its CLDR data decides them), so that finding a posting's locale and writing its
# pay range or closing date does not import Babel and load its locale data.
_BABEL: DiskMemo[tuple[Any, ...], str] = DiskMemo("babel", "babel-memo/1", ("babel",))


def _remembered(key: tuple[Any, ...], work_out: Callable[[tuple[Any, ...]], str]) -> str:
    return _BABEL.get(key, str, work_out)


def valid_patterns(patterns: list[str]) -> list[str]:
    """``patterns`` unchanged; ValueError naming the first that is not a valid regular expression."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{pattern!r} is not a valid regular expression: {exc}") from None
    return patterns
