"""Checks that depend on the posting's country (``catalog/countries.yaml``).

* the title of a German or Austrian posting carries a gender-neutral form ("(m/w/d)");
* the equal-opportunity statement names the country's law, and US-only wording
  (veteran status, E-Verify …) stays out of postings for other countries;
* the gender-coded word lists are English: a posting in another language is
  not scored, and the finding says why.

Every sentence comes from ``catalog/lint/checks.yaml`` (``messages``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from jdgen.lint.report import Finding
from jdgen.lint.rules import Rules, Severity, words_regex
from jdgen.lint.sources import Posting

if TYPE_CHECKING:
    from jdgen.countries import CountryEntry


def _entry(posting: Posting, rules: Rules) -> CountryEntry | None:
    """The posting's country's texts, when the country is known and not the US."""
    code = posting.facts.country
    if not code or code == "US":
        return None
    return rules.countries.texts(code).entry


def _finding(
    rules: Rules, check: str, key: str, severity: Severity, rule: str, **values: object
) -> Finding:
    text, why, suggestion = rules.checks.message(key, **values)
    return Finding.trusted(
        check=check, severity=severity, text=text, why=why, suggestion=suggestion, rule=rule
    )


def _example(statement: str) -> str:
    """The first two sentences of a statement, as an example."""
    sentences = re.split(r"(?<=[.!?])\s+", statement.strip())
    return " ".join(sentences[:2])


def title_findings(posting: Posting, rules: Rules) -> list[Finding]:
    entry = _entry(posting, rules)
    title = posting.title.strip()
    if entry is None or not entry.title_suffix or not title:
        return []
    if rules.cues["gender_neutral"].search(title):
        return []
    law = next((s.title for s in entry.sources), "")
    return [
        _finding(
            rules,
            "title",
            "title_gender_neutral",
            "warning",
            "gender-neutral",
            title=title,
            country=entry.in_sentence or entry.name,
            example=f"{title} {entry.title_suffix}",
            suffix=entry.title_suffix,
            law=law,
        )
    ]


def not_english(posting: Posting, rules: Rules) -> Finding | None:
    """An info finding when the posting does not read as English (the word lists are)."""
    if posting.facts.english is not None:
        return None if posting.facts.english else _english_only(rules, 0)
    lang = rules.checks.language
    words = re.findall(r"[^\W\d_]+", posting.body_text().lower())
    if len(words) < lang.min_words:
        return None
    common = set(lang.english_words)
    share = sum(w in common for w in words) / len(words)
    return None if share >= lang.min_share else _english_only(rules, round(share * 100))


def _english_only(rules: Rules, share: int) -> Finding:
    return _finding(rules, "gender-coded", "english_only", "info", "english-only", share=share)


def statement_findings(posting: Posting, rules: Rules) -> list[Finding]:
    """The country's statement: missing, not naming the country's law, or US-only wording."""
    entry = _entry(posting, rules)
    if entry is None:
        return []
    findings: list[Finding] = []
    values = {
        "country": entry.in_sentence or entry.name,
        "law": entry.statement_law or "",
        "example": _example(entry.equal_opportunity),
    }
    text = "\n".join(b.text for b in posting.body(include_eeo=True))
    if not posting.facts.equal_opportunity and entry.statement_law:
        findings.append(
            _finding(
                rules,
                "completeness",
                "no_statement_country",
                "warning",
                "equal-opportunity",
                **values,
            )
        )
    elif entry.statement_cues and not words_regex(entry.statement_cues).search(text):
        findings.append(
            _finding(
                rules,
                "completeness",
                "statement_not_local",
                "info",
                "equal-opportunity-country",
                **values,
            )
        )
    terms = rules.countries.us_only_terms
    for m in words_regex(terms).finditer(text) if terms else ():
        findings.append(
            _finding(
                rules,
                "completeness",
                "us_only",
                "warning",
                "us-only",
                found=m.group(0),
                country=entry.in_sentence or entry.name,
            )
        )
    return findings
