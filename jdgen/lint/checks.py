"""The checks: each reads a :class:`~jdgen.lint.sources.Posting` and the rules, and returns findings.

Every check is a function ``(posting, rules, context) -> list[Finding]``; the
score of a check is its weight less a share for each finding (the gender-coded
check is scored by its verdict).  All words, thresholds and laws come from
``catalog/lint/``; nothing here knows a particular word.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from jdgen.lint import country
from jdgen.lint.context import Context, LintOptions
from jdgen.lint.pay import check_pay
from jdgen.lint.report import (
    CHECK_NAMES,
    SEVERITY_ORDER,
    CheckScore,
    Finding,
    GenderStats,
    LintReport,
    Stats,
)
from jdgen.lint.rules import Rules, Severity
from jdgen.lint.rules import fill_message as fill
from jdgen.lint.sources import AMOUNT, HYBRID, ONSITE, Posting, find_places

# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

_SENTENCE_END = re.compile(
    r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bvs\.)(?<!\b[A-Z]\.)"
    r"(?<=[.!?])[”\"')]?\s+(?=[“\"'(]?[A-Z0-9$€£])"
)
_WORD = re.compile(r"[A-Za-z0-9$€£][\w'’&.,/%-]*")


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sentence_with(block: str, start: int) -> str:
    """The sentence of ``block`` that contains character ``start``."""
    pos = 0
    for sent in split_sentences(block):
        at = block.find(sent, pos)
        if at <= start < at + len(sent) + 1:
            return sent
        pos = max(pos, at)
    return block


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _long_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


@dataclass(frozen=True)
class Said:
    """A finding's wording from ``messages.yaml``, placeholders filled."""

    text: str
    why: str
    suggestion: str


def say(rules: Rules, check: str, rule: str, **values: object) -> Said:
    m = rules.messages.of(check, rule)
    return Said(
        fill(m.text, values) if m.text else "",
        fill(m.why, values),
        fill(m.try_, values) if m.try_ else "",
    )


# ---------------------------------------------------------------------------
# Gender-coded wording
# ---------------------------------------------------------------------------

_GD_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def coded_words(text: str, rules: Rules) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(word, stem) pairs of masculine- and feminine-coded words in ``text``.

    Words are split as gender-decoder splits them: lower case, letters only, and a
    hyphenated word is split into its parts unless it starts with a hyphenated stem.
    """
    g = rules.gender
    words: list[str] = []
    for w in _GD_WORD.findall(text.lower()):
        if "-" in w and not w.startswith(g.hyphenated):
            words += w.split("-")
        else:
            words.append(w)
    masc, fem = [], []
    masculine, feminine = g.masculine_regex, g.feminine_regex
    for w in words:
        m = masculine.match(w)
        if m:
            masc.append((w, m.group(0)))
        f = feminine.match(w)
        if f:
            fem.append((w, f.group(0)))
    return masc, fem


def _context_of(word: str, block: str) -> str:
    """The sentence of ``block`` in which ``word`` first appears."""
    m = re.search(r"(?<![A-Za-z])" + re.escape(word), block, re.IGNORECASE)
    return _sentence_with(block, m.start()) if m else block


def gender_verdict(feminine: int, masculine: int, strong: int = 3) -> str:
    """gender-decoder's verdict from the counts of coded words."""
    score = feminine - masculine
    if score == 0:
        return "neutral"
    if score > strong:
        return "strongly feminine-coded"
    if score > 0:
        return "feminine-coded"
    if score < -strong:
        return "strongly masculine-coded"
    return "masculine-coded"


def check_gender(posting: Posting, rules: Rules, ctx: Context) -> list[Finding]:
    other_language = country.not_english(posting, rules)
    if other_language is not None:
        ctx.gender = GenderStats.trusted(verdict="neutral")
        ctx.gender_skipped = True
        return [other_language]
    by_stem: dict[str, list[tuple[str, str]]] = {}  # stem → [(word, the block it is in)]
    masculine: list[str] = []
    feminine: list[str] = []
    for block in posting.body():
        masc, fem = coded_words(block.text, rules)
        for word, stem in masc:
            masculine.append(word)
            by_stem.setdefault(stem, []).append((word, block.text))
        feminine += [w for w, _ in fem]
    verdict = gender_verdict(len(feminine), len(masculine), rules.gender.thresholds.strong)
    ctx.gender = GenderStats.trusted(verdict=verdict, masculine=masculine, feminine=feminine)
    alternatives = {m.stem: m.alternatives for m in rules.gender.masculine}
    research = [s.url for s in rules.gender.sources]
    findings: list[Finding] = []
    counts = {"masculine": len(masculine), "feminine": len(feminine)}
    strong = {"strongly masculine-coded": "warning", "strongly feminine-coded": "info"}
    if verdict in strong:
        rule = verdict.replace(" ", "-").removesuffix("-coded")
        said = say(rules, "gender-coded", rule, **counts)
        findings.append(
            Finding.trusted(
                check="gender-coded",
                severity="warning" if strong[verdict] == "warning" else "info",
                text=verdict,
                why=said.why,
                suggestion=said.suggestion,
                rule="verdict",
                category="verdict",
                sources=list(research),
            )
        )
    for stem, hits in sorted(by_stem.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        forms = list(dict.fromkeys(word for word, _ in hits))
        findings.append(
            Finding.trusted(
                check="gender-coded",
                severity="info",
                text=", ".join(forms),
                why=say(rules, "gender-coded", "word", stem=stem, forms=len(forms)).why,
                suggestion=", ".join(alternatives.get(stem, [])),
                rule=stem,
                category="masculine",
                context=_short(_context_of(forms[0], hits[0][1])),
                count=len(hits),
                sources=research[:1],
            )
        )
    return findings


# ---------------------------------------------------------------------------
# Exclusionary terms
# ---------------------------------------------------------------------------


def check_exclusionary(posting: Posting, rules: Rules, ctx: Context) -> list[Finding]:
    found: dict[tuple[str, str], Finding] = {}
    texts = [("title", posting.title)] + [("body", b.text) for b in posting.body()]
    terms = rules.exclusionary
    pattern = terms.pattern_for("\n".join(text for _, text in texts))
    if pattern is None:
        return []
    for where, text in texts:
        for m in pattern.finditer(text):
            term = terms.term_of(m)
            key = (term.id, m.group(0).lower())
            if key in found:
                found[key].count += 1
                continue
            context = f"title: {text}" if where == "title" else _sentence_with(text, m.start())
            found[key] = Finding.trusted(
                check="exclusionary",
                severity=term.severity,
                text=m.group(0),
                why=term.reason,
                suggestion=term.alternative,
                rule=term.id,
                category=term.category,
                context=_short(context),
            )
    return list(found.values())


# ---------------------------------------------------------------------------
# Readability and length
# ---------------------------------------------------------------------------


def _prepare_text(posting: Posting, ctx: Context) -> str:
    parts = []
    for block in posting.body():
        text = block.text.strip()
        if text and text[-1] not in ".!?:":
            text += "."
        parts.append(text)
        ctx.sentences += [(s, block) for s in split_sentences(text)]
    ctx.words = sum(count_words(b.text) for b in posting.body())
    return " ".join(parts)


def check_readability(posting: Posting, rules: Rules, ctx: Context) -> list[Finding]:
    r = rules.checks.readability
    text = _prepare_text(posting, ctx)
    findings: list[Finding] = []
    flesch = [s.url for s in rules.checks.sources[:2]]
    if ctx.words >= r.too_few_words:
        from jdgen.lint.readability import readability

        scores = readability(text)
        ctx.reading_ease, ctx.grade = round(scores.reading_ease, 1), round(scores.grade, 1)
        ease, grade = ctx.reading_ease, ctx.grade
        if ease < r.reading_ease_info_below:
            hard = ease < r.reading_ease_warning_below
            said = say(
                rules,
                "readability",
                "reading-ease",
                ease=f"{ease:g}",
                hard=hard,
                warning_below=f"{r.reading_ease_warning_below:g}",
                info_below=f"{r.reading_ease_info_below:g}",
            )
            findings.append(
                Finding.trusted(
                    check="readability",
                    severity="warning" if hard else "info",
                    text=said.text,
                    why=said.why,
                    suggestion=said.suggestion,
                    rule="reading-ease",
                    sources=list(flesch),
                )
            )
        if grade > r.grade_info_above:
            hard = grade > r.grade_warning_above
            said = say(
                rules, "readability", "grade", grade=f"{grade:g}", years=f"{grade:.0f}", hard=hard
            )
            findings.append(
                Finding.trusted(
                    check="readability",
                    severity="warning" if hard else "info",
                    text=said.text,
                    why=said.why,
                    suggestion=said.suggestion,
                    rule="grade",
                    sources=list(flesch),
                )
            )
    limit = r.long_sentence_words
    for sent, _block in ctx.sentences:
        n = count_words(sent)
        if n > limit:
            said = say(rules, "readability", "long-sentence", words=n, limit=limit)
            findings.append(
                Finding.trusted(
                    check="readability",
                    severity="info",
                    text=sent,
                    why=said.why,
                    suggestion=said.suggestion,
                    rule="long-sentence",
                )
            )
    return findings


def check_length(posting: Posting, rules: Rules, ctx: Context) -> list[Finding]:
    band = rules.checks.length
    n = ctx.words
    sources = [s.url for s in rules.checks.sources[2:4]]
    if n < band.min_words:
        rule, severity = "too-short", "warning"
    elif n > band.max_words:
        rule, severity = "too-long", "warning"
    elif n > band.ideal_max_words:
        rule, severity = "long", "info"
    else:
        return []
    said = say(
        rules,
        "length",
        rule,
        words=n,
        min=band.min_words,
        max=band.max_words,
        ideal_max=band.ideal_max_words,
    )
    return [
        Finding.trusted(
            check="length",
            severity="warning" if severity == "warning" else "info",
            text=said.text,
            why=said.why,
            suggestion=said.suggestion,
            rule=rule,
            sources=sources,
        )
    ]


# ---------------------------------------------------------------------------
# Title
# ---------------------------------------------------------------------------

_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U00002600-\U000027bf\U00002b00-\U00002bff\U0000fe0f\U0001f1e6-\U0001f1ff]"
)
_TITLE_PAY = re.compile(
    rf"{AMOUNT}|\$\s?\d|\b\d+\s?[kK]\b|/\s?(?:hr|hour|yr|year)\b|\bper (?:hour|year|annum)\b",
    re.IGNORECASE,
)
_TITLE_PLACE_WORDS = re.compile(r"\b(?:remote|work from home|wfh)\b", re.IGNORECASE)


@dataclass(frozen=True)
class TitleProblem:
    """Something wrong with the title: the words at fault, the rule, and its message's values."""

    text: str
    rule: str
    #: The entry of ``messages.yaml`` when it is not the rule's own.
    message: str = ""
    values: dict[str, object] = field(default_factory=dict)


def _title_too_long(title: str, rules: Rules) -> Iterator[TitleProblem]:
    most = rules.checks.title.max_chars
    if len(title) > most:
        yield TitleProblem(title, "too-long", values={"chars": len(title), "max": most})


def _title_hype(title: str, rules: Rules) -> Iterator[TitleProblem]:
    for m in rules.cues["hype"].finditer(title):
        yield TitleProblem(m.group(0), "hype")
    if "!" in title and "!" in rules.checks.title.hype:
        yield TitleProblem("!", "hype", message="exclamation")


def _title_pay(title: str, rules: Rules) -> Iterator[TitleProblem]:
    pay = _TITLE_PAY.search(title)
    if pay:
        yield TitleProblem(pay.group(0), "pay")


def _title_place(title: str, rules: Rules) -> Iterator[TitleProblem]:
    places = find_places([title], rules)
    if places:
        yield TitleProblem(places[0].text, "location")
        return
    word = _TITLE_PLACE_WORDS.search(title) or HYBRID.search(title) or ONSITE.search(title)
    if word:
        yield TitleProblem(word.group(0), "location")


def _title_emoji(title: str, rules: Rules) -> Iterator[TitleProblem]:
    emoji = _EMOJI.findall(title)
    if emoji:
        yield TitleProblem("".join(emoji), "emoji")


def _title_caps(title: str, rules: Rules) -> Iterator[TitleProblem]:
    words = re.findall(r"[A-Za-z]{3,}", title)
    caps = [w for w in words if w.isupper()]
    if len(caps) >= 2 and len(caps) == len(words):
        yield TitleProblem(title, "caps")


def _title_unusual(posting: Posting, title: str) -> list[TitleProblem]:
    """A title unusual at the company's headcount (the posting's metadata says so)."""
    note = posting.facts.unusual_title
    if not note:
        return []
    usual = " or ".join(f"“{t}”" for t in posting.facts.usual_titles)
    values: dict[str, object] = {"note": note[:1].upper() + note[1:], "usual": usual}
    message = "unusual-for-size" if usual else "unusual-for-size-no-usual"
    return [TitleProblem(title, "unusual-for-size", message, values)]


#: The title's checks, in the order their findings are listed.
TITLE_CHECKS: tuple[Callable[[str, Rules], Iterator[TitleProblem]], ...] = (
    _title_too_long,
    _title_hype,
    _title_pay,
    _title_place,
    _title_emoji,
    _title_caps,
)


def check_title(posting: Posting, rules: Rules, ctx: Context) -> list[Finding]:
    title = posting.title.strip()
    sources = [s.url for s in rules.checks.sources[4:6]]

    def finding(severity: Severity, problem: TitleProblem) -> Finding:
        said = say(rules, "title", problem.message or problem.rule, **problem.values)
        return Finding.trusted(
            check="title",
            severity=severity,
            text=problem.text,
            why=said.why,
            suggestion=said.suggestion,
            rule=problem.rule,
            context=title,
            sources=list(sources),
        )

    if not title:
        return [finding("error", TitleProblem("", "missing"))]
    problems = [p for test in TITLE_CHECKS for p in test(title, rules)]
    problems += _title_unusual(posting, title)
    return [finding("warning", p) for p in problems] + country.title_findings(posting, rules)


# ---------------------------------------------------------------------------
# Completeness
# ---------------------------------------------------------------------------


def check_completeness(posting: Posting, rules: Rules, ctx: Context) -> list[Finding]:
    facts = posting.facts
    findings: list[Finding] = []

    def missing(severity: Severity, rule: str) -> None:
        said = say(rules, "completeness", rule)
        findings.append(
            Finding.trusted(
                check="completeness",
                severity=severity,
                text=said.text,
                why=said.why,
                suggestion=said.suggestion,
                rule=rule,
            )
        )

    local = country.statement_findings(posting, rules)
    findings += local
    if not facts.equal_opportunity and not any(f.rule == "equal-opportunity" for f in local):
        missing("warning", "equal-opportunity")
    if not facts.places and not facts.work_arrangement:
        missing("warning", "location")
    elif facts.work_arrangement == "remote" and not facts.remote_regions:
        missing("warning", "remote-region")
    if not facts.how_to_apply:
        missing("warning", "how-to-apply")
    if not facts.benefits and not ctx.benefits_reported:
        missing("info", "benefits")
    return findings


# ---------------------------------------------------------------------------
# Running the checks and scoring
# ---------------------------------------------------------------------------

CHECKS: dict[str, Callable[[Posting, Rules, Context], list[Finding]]] = {
    "pay-transparency": check_pay,
    "exclusionary": check_exclusionary,
    "gender-coded": check_gender,
    "readability": check_readability,
    "length": check_length,
    "title": check_title,
    "completeness": check_completeness,
}
#: The order in which checks run (later ones read what earlier ones worked out).
RUN_ORDER = (
    "readability",
    "length",
    "gender-coded",
    "exclusionary",
    "title",
    "pay-transparency",
    "completeness",
)


def run_checks(posting: Posting, rules: Rules, options: LintOptions | None = None) -> LintReport:
    options = options or LintOptions()
    date = options.as_of or posting.facts.date_posted or dt.date.today()
    ctx = Context(options=options, date=date)
    results: dict[str, list[Finding]] = {}
    for check in RUN_ORDER:
        results[check] = CHECKS[check](posting, rules, ctx)
    scoring = rules.checks.scoring
    breakdown: list[CheckScore] = []
    findings: list[Finding] = []
    for check, name in CHECK_NAMES.items():
        found = sorted(results[check], key=lambda f: SEVERITY_ORDER[f.severity])
        weight = scoring.weights.get(check, 0)
        if check == "gender-coded":
            share = scoring.gender_verdicts.get(ctx.gender.verdict, 1.0)
        else:
            share = max(0.0, 1.0 - sum(scoring.penalties[f.severity] for f in found))
        breakdown.append(
            CheckScore.trusted(
                check=check,
                name=name,
                points=round(weight * share, 1),
                max_points=weight,
                summary=_summary(check, found, ctx, rules),
                errors=sum(f.severity == "error" for f in found),
                warnings=sum(f.severity == "warning" for f in found),
                infos=sum(f.severity == "info" for f in found),
            )
        )
        findings += found
    stats = Stats.trusted(
        words=ctx.words,
        sentences=len(ctx.sentences),
        reading_ease=ctx.reading_ease,
        grade=ctx.grade,
        gender=ctx.gender,
        pay_laws=ctx.pay_laws,
        date=date.isoformat(),
    )
    return LintReport.trusted(
        source=posting.source,
        title=posting.title,
        score=round(sum(b.points for b in breakdown)),
        breakdown=breakdown,
        findings=findings,
        stats=stats,
    )


def _summary(check: str, findings: list[Finding], ctx: Context, rules: Rules) -> str:
    said = rules.messages.summaries
    if check == "gender-coded":
        g = ctx.gender
        if ctx.gender_skipped:
            return said["gender_skipped"]
        values = {"verdict": g.verdict, "masculine": len(g.masculine), "feminine": len(g.feminine)}
        return fill(said["gender-coded"], values)
    if check == "readability":
        if ctx.reading_ease is None:
            return said["readability_unscored"]
        longs = sum(f.rule == "long-sentence" for f in findings)
        values = {"ease": f"{ctx.reading_ease:g}", "grade": f"{ctx.grade:g}", "long": longs}
        return fill(said["readability"], values)
    if check == "length":
        return fill(said["length"], {"words": ctx.words})
    if check == "pay-transparency":
        if ctx.pay_laws:
            return fill(said["pay_covered"], {"laws": ", ".join(ctx.pay_laws)})
        return said["pay_location_unknown" if ctx.location_unknown else "pay_no_law"]
    if not findings:
        return said["nothing_found" if check in ("exclusionary", "title") else "complete"]
    return ", ".join(sorted({f.text or f.rule for f in findings}))[:120]
