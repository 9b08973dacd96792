"""Mechanical checks a careful reader would make of any posting.

Used by the matrix tests over every role × size × industry; run one role with
``pytest tests/test_matrix.py -k <role-id>``.
"""

from __future__ import annotations

import re

from jdgen.models import JobDescription

#: Words after which "a" is right although they start with a vowel letter.
A_EXCEPTIONS = ("one", "uni", "use", "usu", "eu", "u.s")
#: Words after which "an" is right although they start with a consonant letter.
AN_EXCEPTIONS = (
    "hour",
    "honest",
    "heir",
    "mba",
    "ms ",
    "sla",
    "sku",
    "fmcsa",
    "erp",
    "hr",
    "nps",
    "x-",
    "oee",
    "smb",
    "lms",
    "rfp",
    "rma",
    "sop",
    "osha",
)

MIN_WORDS, MAX_WORDS = 300, 1000


def body_blocks(jd: JobDescription) -> list[str]:
    """Every paragraph and bullet of the posting (no headings)."""
    out: list[str] = []
    for s in jd.sections:
        out += s.paragraphs + s.bullet_texts
        for sub in s.subsections:
            out += sub.paragraphs + sub.bullet_texts
    return out


def word_count(jd: JobDescription) -> int:
    """Words of body text, without the standard equal-opportunity statement."""
    blocks: list[str] = []
    for s in jd.sections:
        if s.id == "equal-opportunity":
            continue
        blocks += s.paragraphs + s.bullet_texts
        for sub in s.subsections:
            blocks += sub.paragraphs + sub.bullet_texts
    return sum(len(b.split()) for b in blocks)


def lint_words(jd: JobDescription) -> int:
    """Words of body text as ``jdgen lint`` counts a posting's length (its word pattern,
    every paragraph and bullet but the equal-opportunity statement), without linting."""
    from jdgen.lint.checks import count_words

    return sum(
        count_words(block)
        for s in jd.sections
        if s.id != "equal-opportunity"
        for block in s.paragraphs
        + s.bullet_texts
        + [t for sub in s.subsections for t in sub.paragraphs + sub.bullet_texts]
    )


def sentences(block: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=\S)", block.strip()) if s]


def article_problems(text: str) -> list[str]:
    problems = []
    for m in re.finditer(r"\b([Aa]n?) ([A-Za-z][\w&.-]*)", text):
        art, word = m.group(1).lower(), m.group(2)
        lw = word.lower()
        vowel = lw[0] in "aeiou"
        if word.isupper() and len(word) > 1:  # an abbreviation, read as letters
            vowel = word[0] in "AEFHILMNORSX"
        elif lw.startswith(A_EXCEPTIONS):
            vowel = False
        elif lw.startswith(AN_EXCEPTIONS):
            vowel = True
        if (art == "a" and vowel) or (art == "an" and not vowel):
            problems.append(f"'{m.group(0)}'")
    return problems


def posting_problems(jd: JobDescription, markdown: str) -> list[str]:
    """Everything wrong with one posting, as readable lines (empty when it is fine)."""
    problems: list[str] = []
    resp = jd.section("responsibilities")
    n_resp = sum(len(s.bullet_texts) for s in resp.subsections) if resp else 0
    if n_resp < 6:
        problems.append(f"only {n_resp} responsibility bullets (want 6 or more)")
    for s in jd.sections:
        if not (s.paragraphs or s.bullet_texts or s.subsections):
            problems.append(f"empty section {s.heading!r}")
        for sub in s.subsections:
            if not (sub.paragraphs or sub.bullet_texts):
                problems.append(f"empty subsection {sub.heading!r}")
    bullets = [line[2:].strip().lower() for line in markdown.splitlines() if line.startswith("- ")]
    for b in sorted({b for b in bullets if bullets.count(b) > 1}):
        problems.append(f"bullet twice: {b!r}")
    for seam in ("{{", "}}", "{%", "%}", "None", "null", "  ", " .", " ,", "..", "TODO"):
        for line in markdown.splitlines():
            if seam in line:
                problems.append(f"template leftover {seam!r} in: {line[:90]!r}")
                break
    for block in body_blocks(jd):
        for bad in article_problems(block):
            problems.append(f"article: {bad} in {block[:70]!r}")
        for s in sentences(block):
            word = s.lstrip("“\"'(").split()[0]
            # a lower-case start is wrong unless the word is styled that way (eCommerce, iPhone)
            if word[0].islower() and word.islower():
                problems.append(f"sentence starts lower-case: {s[:70]!r}")
            if s.rstrip("”\"')")[-1:] not in ".!?:":
                problems.append(f"sentence without final punctuation: {s[-70:]!r}")
    for gram in repeated_phrases(jd):
        problems.append(f"phrase repeated in two sentences: {gram!r}")
    words = word_count(jd)
    if not MIN_WORDS <= words <= MAX_WORDS:
        problems.append(f"{words} words of body text (want {MIN_WORDS}–{MAX_WORDS})")
    return problems


def repeated_phrases(jd: JobDescription, n: int = 7) -> list[str]:
    """Runs of ``n`` words that appear in two different sentences of one posting: a template seam."""
    seen: dict[str, str] = {}
    repeats: list[str] = []
    for block in body_blocks(jd):
        for sent in sentences(block):
            words = re.findall(r"[\w'&-]+", sent.lower())
            for i in range(len(words) - n + 1):
                gram = " ".join(words[i : i + n])
                first = seen.setdefault(gram, sent)
                if first != sent and gram not in repeats:
                    repeats.append(gram)
    return repeats
