"""Flesch reading ease and Flesch–Kincaid grade, computed exactly as textstat 0.7.8 does
(the same word and sentence splitting, the same formulas), with syllables looked up only
for the words of the text (:mod:`jdgen.lint.syllables`) instead of loading textstat's
whole pronunciation dictionary.  ``tests/test_readability.py`` checks the figures
against textstat itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jdgen.lint.syllables import syllable_table

#: textstat removes an apostrophe unless it starts a contraction's ending ('t 's 'd 've 'll 're)
_NON_CONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")

# Flesch (1948) and Kincaid et al. (1975), English coefficients as in textstat
_EASE_BASE, _EASE_PER_WORD, _EASE_PER_SYLLABLE = 206.835, 1.015, 84.6
_GRADE_PER_WORD, _GRADE_PER_SYLLABLE, _GRADE_BASE = 0.39, 11.8, 15.59


def words(text: str, lowercase: bool = False) -> list[str]:
    """The words of ``text`` with punctuation removed (textstat's ``list_words``)."""
    text = _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text))
    return (text.lower() if lowercase else text).split()


def sentence_count(text: str) -> int:
    """Sentences, not counting fragments of two words or fewer (textstat's rule)."""
    if not text:
        return 0
    sentences = _SENTENCE.findall(text)
    fragments = sum(1 for s in sentences if len(words(s)) <= 2)
    return max(1, len(sentences) - fragments)


def syllable_count(text: str) -> int:
    found = words(text, lowercase=True)
    counts = syllable_table().counts(found)
    return sum(counts[w] for w in found)


@dataclass(frozen=True)
class Readability:
    reading_ease: float
    grade: float


def readability(text: str) -> Readability:
    """Flesch reading ease and Flesch–Kincaid grade level of ``text`` (unrounded)."""
    n_words = len(words(text))
    n_sentences = sentence_count(text)
    per_sentence = n_words / n_sentences if n_sentences else 0.0
    per_word = syllable_count(text) / n_words if n_words else 0.0
    if per_sentence == 0 or per_word == 0:
        return Readability(0.0, 0.0)
    return Readability(
        _EASE_BASE - _EASE_PER_WORD * per_sentence - _EASE_PER_SYLLABLE * per_word,
        (_GRADE_PER_WORD * per_sentence) + (_GRADE_PER_SYLLABLE * per_word) - _GRADE_BASE,
    )
