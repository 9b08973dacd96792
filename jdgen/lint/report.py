"""The result of ``jdgen lint``: findings, a 0–100 score with its breakdown, and how to show them."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from jdgen.lint.rules import Severity
from jdgen.strict import Strict

#: Names of the checks, in the order they are reported.
CHECK_NAMES: dict[str, str] = {
    "pay-transparency": "Pay transparency",
    "exclusionary": "Exclusionary terms",
    "gender-coded": "Gender-coded wording",
    "readability": "Readability",
    "length": "Length",
    "title": "Title",
    "completeness": "Completeness",
}

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class _Model(Strict):
    """Lint builds its reports with :meth:`~jdgen.models.Strict.trusted` from values its
    own code made (tests validate them), so a lint run builds no pydantic validator; the
    schema is built when something validates or dumps a report (``--json``)."""


class Finding(_Model):
    """One thing to look at: the word or sentence, why it matters, what to write instead."""

    check: str
    severity: Severity
    #: The word, phrase or sentence found ("" when something is missing).
    text: str
    #: Why it matters.
    why: str
    #: What to write instead, or what to add.
    suggestion: str = ""
    #: A rule id within the check (a term id, a stem, a jurisdiction list …).
    rule: str = ""
    #: A finer grouping: the term's category (jargon, age …) or the gender coding.
    category: str = ""
    #: The sentence or bullet the text was found in, when that helps.
    context: str = ""
    #: How many times it occurs.
    count: int = 1
    #: Where the facts behind the finding come from (law texts, research).
    sources: list[str] = Field(default_factory=list)


class CheckScore(_Model):
    check: str
    name: str
    points: float
    max_points: int
    summary: str
    errors: int = 0
    warnings: int = 0
    infos: int = 0


class GenderStats(_Model):
    verdict: str
    masculine: list[str] = Field(default_factory=list)
    feminine: list[str] = Field(default_factory=list)


class Stats(_Model):
    words: int
    sentences: int
    reading_ease: float | None = None
    grade: float | None = None
    gender: GenderStats
    #: Jurisdictions whose pay-transparency law covers the posting on its date.
    pay_laws: list[str] = Field(default_factory=list)
    date: str | None = None


class LintReport(_Model):
    source: str
    title: str
    score: int
    breakdown: list[CheckScore]
    findings: list[Finding]
    stats: Stats

    def by_check(self, check: str) -> list[Finding]:
        return [f for f in self.findings if f.check == check]

    def count(self, severity: Severity) -> int:
        return sum(f.severity == severity for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


# ---------------------------------------------------------------------------
# Showing a report (rich)
# ---------------------------------------------------------------------------

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def print_report(report: LintReport, console: Any, *, brief: bool = False) -> None:
    """A readable report: the score and its breakdown, then the findings grouped by check.

    ``brief`` leaves out info-level findings (for ``generate --lint``).  Piped
    output (a file, a CI log) is plain text wrapped at 100 columns.
    """
    if console.is_terminal:
        _print_report(report, console, brief)
        return
    import io

    from rich.console import Console

    buffer = io.StringIO()
    plain = Console(file=buffer, width=100, color_system=None, highlight=False, soft_wrap=False)
    _print_report(report, plain, brief)
    console.file.write("\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n")
    console.file.flush()


def _print_report(report: LintReport, console: Any, brief: bool) -> None:
    from rich.markup import escape
    from rich.table import Table

    console.print(
        f"[bold]Posting check[/bold]: {escape(report.title)}  [dim]({escape(report.source)})[/dim]"
    )
    colour = "green" if report.score >= 85 else "yellow" if report.score >= 60 else "red"
    counts = ", ".join(
        f"{n} {sev}{'s' if n != 1 else ''}"
        for sev in ("error", "warning", "info")
        if (n := report.count(sev))
    )
    console.print(
        f"[bold {colour}]Score {report.score}/100[/bold {colour}]"
        + (f"  [dim]{counts}[/dim]" if counts else "  [dim]no findings[/dim]")
    )
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("check")
    table.add_column("points", justify="right")
    table.add_column("")
    for item in report.breakdown:
        mark = "[green]✓[/green] " if item.points >= item.max_points else ""
        table.add_row(item.name, f"{item.points:g}/{item.max_points}", mark + escape(item.summary))
    console.print(table)
    for check, name in CHECK_NAMES.items():
        findings = [f for f in report.by_check(check) if not (brief and f.severity == "info")]
        if not findings:
            continue
        console.print()
        console.print(f"[bold underline]{name}[/bold underline]")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=9, no_wrap=True)
        grid.add_column(overflow="fold")
        for f in findings:
            style = STYLES[f.severity]
            what = f"“{escape(f.text)}”" if f.text else ""
            times = f" [dim]×{f.count}[/dim]" if f.count > 1 else ""
            grid.add_row(f"  [{style}]{f.severity}[/{style}]", what + times)
            if f.context and f.context != f.text:
                grid.add_row("", f"[dim]in: {escape(_short(f.context))}[/dim]")
            grid.add_row("", f"why: {escape(f.why)}")
            if f.suggestion:
                grid.add_row("", f"[green]try:[/green] {escape(f.suggestion)}")
        console.print(grid)


def _short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
