"""Exclusionary terms are looked for only where their leading words occur: the faster
pattern finds exactly what the one pattern of every term finds."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdgen.catalog import builtin_catalog
from jdgen.lint.rules import ExclusionaryRules, builtin_rules, required_literal
from jdgen.models import Company
from jdgen.render import render
from jdgen.tailor import tailor

SENTENCES = [
    "We want a Rock Star and a ninja who is a true guru.",
    "Join our young and energetic team of unicorns and heroes.",
    "Candidates must be a recent college graduate; college students only.",
    "No more than 5 years of experience, please; overqualified people need not apply.",
    "You must be able to lift 50 pounds and stand all day. Able-bodied and physically fit.",
    "That idea is crazy, insanely good, a blind spot, it falls on deaf ears; OCD about detail.",
    "We work hard, play hard. We're like one big happy family, a family-like culture.",
    "Do whatever it takes, with 24/7 availability, always on, nights and weekends as needed.",
    "A strong culture fit matters: salesmen, foremen and a waitress; man-hours; he/she; s/he.",
    "Native English speakers and native-level English, in your mother tongue.",
    "Digital natives, youthful energy; graduated in the last three years.",
    "ſalesman and SALESMAN, Ninjas, GURUS and the manpower of the unmanned line.",
    "Rockstar-like wizards, a tone-deaf jedi, badasses and superstars.",
    "Nothing to see here: plan budgets, lead managers, improve safety.",
]


def found(
    pattern: re.Pattern[str] | None, rules: ExclusionaryRules, text: str
) -> list[tuple[tuple[int, int], str]]:
    if pattern is None:
        return []
    return [(m.span(), rules.term_of(m).id) for m in pattern.finditer(text)]


def same(rules: ExclusionaryRules, text: str) -> None:
    assert found(rules.pattern_for(text), rules, text) == found(rules.regex, rules, text)


@pytest.mark.parametrize("text", SENTENCES)
def test_each_sentence_finds_the_same_terms(text: str) -> None:
    rules = builtin_rules().exclusionary
    same(rules, text)
    assert found(rules.regex, rules, text) or text.startswith("Nothing")


def test_pairs_of_sentences_find_the_same_terms() -> None:
    rules = builtin_rules().exclusionary
    for a, b in itertools.combinations(SENTENCES, 2):
        same(rules, f"{a}\n{b}")


def test_generated_postings_find_the_same_terms() -> None:
    catalog, rules = builtin_catalog(), builtin_rules().exclusionary
    for role, size, industry in itertools.islice(
        itertools.product(catalog.roles, catalog.sizes, catalog.industries), 0, None, 7
    ):
        jd = tailor(catalog.roles[role], Company(size=size, industry=industry), catalog)
        same(rules, render(jd, "txt").decode())


WORDS = ["rock", "star", "stars", "ninja", "young", "and", "energetic", "man", "hours", "-"]
WORDS += ["native", "english", "speaker", "culture", "fit", "he/she", "OCD", "Crazy", " ", "\n"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14))
def test_random_texts_find_the_same_terms(words: list[str]) -> None:
    same(builtin_rules().exclusionary, " ".join(words))


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        ("ninjas?", "ninja"),
        ("hero(?:es)?", "hero"),
        ("man-?hours?", "hour"),
        ("Native speakers? of", "native speaker"),
        ("a|bcd", None),
        ("(?:must|should) be able to (?:lift|stand)", " be able to "),
        ("(?:a|b) x", None),
        ("ab?", None),
        ("x{2}yz", None),
        ("abc{2", None),
        ("rock+y", "rock"),
        (r"24/7 availability", "24/7 availability"),
        (r"foo\.bar", "foo.bar"),
        (r"\d+ years? (?:of )?experience", "experience"),
        ("[abc]def", "def"),
        ("[]x]yz", None),
        ("[^]]abcd", "abcd"),
        ("(?:a(?:b)c)?defg", "defg"),
        ("([]x)])abcd", "abcd"),
        ("(?:[)]x)abc", "abc"),
    ],
)
def test_the_required_literal_of_a_pattern(pattern: str, literal: str | None) -> None:
    assert required_literal(pattern) == literal
