"""How much pay is plausible for each period, so that a figure typed for the wrong one
(120,000 an hour, 2 a year) is an error rather than a posting.

The bounds are wide on purpose, in US dollars: from a low minimum wage to a large
executive salary.  For a currency with many units to the dollar the bounds are scaled
by a rough order of magnitude (:data:`UNITS_PER_DOLLAR`: no exchange rates, which
change; only how many units a dollar is, give or take a factor of two).  A currency not
listed is checked against the bounds as for 1 to 50,000 units a dollar, so only figures
wrong for any currency are refused.
"""

from __future__ import annotations

#: Period → (least, most) pay for that period, in US dollars.
USD_BOUNDS: dict[str, tuple[float, float]] = {
    "hour": (0.25, 5_000),
    "day": (2, 40_000),
    "week": (10, 200_000),
    "month": (40, 1_000_000),
    "year": (500, 10_000_000),
}

#: About how many units of a currency make a US dollar, for those with 20 or more.
UNITS_PER_DOLLAR: dict[str, float] = {
    "ARS": 1000,
    "BDT": 120,
    "CLP": 950,
    "COP": 4000,
    "CRC": 500,
    "DZD": 135,
    "EGP": 50,
    "HUF": 360,
    "IDR": 16000,
    "INR": 85,
    "IQD": 1300,
    "IRR": 42000,
    "ISK": 140,
    "JPY": 150,
    "KES": 130,
    "KRW": 1400,
    "KZT": 480,
    "LKR": 300,
    "MMK": 2100,
    "MNT": 3400,
    "NGN": 1500,
    "PHP": 58,
    "PKR": 280,
    "RSD": 105,
    "RUB": 90,
    "THB": 35,
    "TWD": 32,
    "TZS": 2600,
    "UAH": 41,
    "UGX": 3700,
    "UZS": 12800,
    "VND": 25000,
    "XAF": 600,
    "XOF": 600,
    "CZK": 23,
    "DOP": 60,
    "JMD": 155,
    "MXN": 20,
    "NPR": 135,
    "ZAR": 18,
}

#: Currencies whose unit is near a dollar's worth (within a factor of about 20).
NEAR_DOLLAR = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "CAD",
        "AUD",
        "NZD",
        "CHF",
        "SGD",
        "HKD",
        "CNY",
        "SEK",
        "NOK",
        "DKK",
        "PLN",
        "ILS",
        "AED",
        "SAR",
        "QAR",
        "BRL",
        "MYR",
        "RON",
        "BGN",
        "TRY",
        "PEN",
        "GEL",
        "KWD",
        "BHD",
        "OMR",
        "JOD",
    ]
)


def bounds(currency: str, period: str) -> tuple[float, float]:
    """(least, most) plausible pay in ``currency`` for one ``period``."""
    low, high = USD_BOUNDS[period]
    if currency in UNITS_PER_DOLLAR:
        scale = UNITS_PER_DOLLAR[currency]
        return low * scale / 4, high * scale * 4
    if currency in NEAR_DOLLAR:
        return low / 4, high * 4
    return low / 4, high * 50_000


#: How each period is said after a figure.
PER = {"hour": "an hour", "day": "a day", "week": "a week", "month": "a month", "year": "a year"}


def implausible(low: float, high: float, currency: str, period: str) -> str | None:
    """Why ``low``–``high`` is not pay for one ``period`` in ``currency``, or None: a
    figure above the most is probably a yearly salary, one below the least an hourly rate."""
    least, most = bounds(currency, period)
    if high > most:
        return _wrong(
            f"{high:,.0f} {currency} {PER[period]}", f"at most {most:,.0f}", "year", period
        )
    if low < least:
        return _wrong(
            f"{low:,.2f} {currency} {PER[period]}", f"at least {least:,.2f}", "hour", period
        )
    return None


def _wrong(figure: str, limit: str, guess: str, period: str) -> str:
    hint = f"; if it is pay per {guess}, set period: {guess}" if guess != period else ""
    return f"{figure} is not a plausible salary ({limit}){hint}"
