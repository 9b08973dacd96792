"""The piped lint report written without loading rich (issue 16).

:func:`jdgen.lint.report.print_report` lays a report out with rich: at a terminal in
colour, piped as plain text 100 columns wide.  Importing rich and building its
console and tables is a good part of a cold ``jdgen lint``, so piped output (a file,
a CI log, ``generate --lint`` on standard error) is made here instead, with rich's own
rules for that layout (word wrapping, column widths, padding) and only where they are
certain to give rich's text: every character one cell wide, no emoji code (``:name:``),
no tab or line break in a text, and tables whose widths need none of rich's rarer
fallbacks.  For anything else :func:`plain_report` answers None and rich writes the
report, as before.  ``tests/test_lint_plain.py`` compares the two on the lint matrix and
on made-up reports.

Internal module: the public API is :mod:`jdgen` (``jdgen.__all__``).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jdgen.lint.report import LintReport

#: Columns of the piped report (rich's console width in ``print_report``).
WIDTH = 100
#: The findings grid: the severity column's width, and the one space after it.
_SEVERITY_WIDTH = 9

_WORD = re.compile(r"\s*\S+\s*")
#: What rich could read as an emoji code.
_EMOJI_CODE = re.compile(r":\S*:")


#: Characters rich always draws one cell wide: its own list of single-cell ranges
#: (``rich.cells``) and the punctuation a report uses (quotes, dashes, …, ✓, €, ™).
_ONE_CELL = frozenset(
    chr(c)
    for start, end in ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482))
    for c in range(start, end + 1)
    if c != 0x5C  # a backslash: rich.markup.escape may double it
) | frozenset("‐‑‒–—―‘’‚‛“”„‟†‡•…‰′″‹›€™✓")
_one_cell_only = _ONE_CELL.issuperset


def _one_cell(text: str) -> bool:
    """Every character takes one cell in rich (so widths are lengths), and none is a
    tab, a line break, a backslash or part of an emoji code."""
    return _one_cell_only(text) and not _EMOJI_CODE.search(text)


def _breaks(text: str, width: int, fold: bool) -> list[int] | None:
    """Where rich breaks ``text`` into lines of ``width`` cells (``rich._wrap.divide_line``);
    None where a word is longer than a line and ``fold`` is False (rich would crop it
    with an ellipsis)."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            if not fold:
                return None
            chunks = [word[i : i + width] for i in range(0, len(word), width)]
            for chunk in chunks[:-1]:
                if start:
                    breaks.append(start)
                start += len(chunk)
            if start:
                breaks.append(start)
            offset = len(chunks[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def _lines(text: str, breaks: list[int]) -> list[str]:
    # A line's words fit; only whitespace can pass the width, and rich crops it
    # (``Text.rstrip_end``).  Trailing whitespace never shows: cells are padded, and
    # every line written is right-stripped.
    cuts = [0, *breaks, len(text)]
    return [text[a:b].rstrip() for a, b in pairwise(cuts)]


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, as rich folds it (words longer than
    a line are cut)."""
    breaks = _breaks(text, width, fold=True)
    assert breaks is not None  # folding always finds the breaks
    return _lines(text, breaks)


def wrap_whole_words(text: str, width: int) -> list[str] | None:
    """``text`` in lines as rich wraps a table cell that crops overlong words; None when
    a word is longer than a line."""
    breaks = _breaks(text, width, fold=False)
    return None if breaks is None else _lines(text, breaks)


def _breakdown(report: LintReport) -> list[str] | None:
    """The score breakdown, a rich Table with a header, no box and no edge padding."""
    rows = [("check", "points", "")] + [
        (
            item.name,
            f"{item.points:g}/{item.max_points}",
            ("✓ " if item.points >= item.max_points else "") + item.summary,
        )
        for item in report.breakdown
    ]
    if not all(_one_cell(cell) for row in rows for cell in row):
        return None
    pads = (1, 2, 1)  # right; left and right; left (no padding at the table's edges)
    widths = [max(len(row[i]) for row in rows) + pads[i] for i in range(3)]
    excess = sum(widths) - WIDTH
    if excess > 0:  # rich narrows the widest column first; only the summary may narrow here
        if widths[2] - excess < max(widths[:2]):
            return None
        widths[2] -= excess
    inner = [w - p for w, p in zip(widths, pads, strict=True)]
    out: list[str] = []
    for name, points, summary in rows:
        names, sums = wrap_whole_words(name, inner[0]), wrap_whole_words(summary, inner[2])
        if names is None or sums is None or len(points) > inner[1]:
            return None
        for i in range(max(len(names), len(sums))):
            first = names[i] if i < len(names) else ""
            middle = points if i == 0 else ""
            last = sums[i] if i < len(sums) else ""
            out.append(f"{first.ljust(inner[0])}  {middle.rjust(inner[1])}  {last}")
    return out


def _findings(cells: list[tuple[str, str]]) -> list[str] | None:
    """One check's findings, a rich grid: the severity 9 cells wide, then the text."""
    texts = [text for _, text in cells]
    if not all(_one_cell(t) for t in texts):
        return None
    width = min(max(len(t) for t in texts), WIDTH - _SEVERITY_WIDTH - 1)
    out: list[str] = []
    for severity, text in cells:
        for i, line in enumerate(wrap(text, width)):
            out.append(f"{(severity if i == 0 else '').ljust(_SEVERITY_WIDTH)} {line}")
    return out


def plain_report(report: LintReport, brief: bool = False) -> str | None:
    """What ``print_report`` writes to a pipe, or None where rich must lay it out."""
    from jdgen.lint.report import CHECK_NAMES, _short

    counts = ", ".join(
        f"{n} {sev}{'s' if n != 1 else ''}"
        for sev in ("error", "warning", "info")
        if (n := report.count(sev))
    )
    head = [
        f"Posting check: {report.title}  ({report.source})",
        f"Score {report.score}/100" + (f"  {counts}" if counts else "  no findings"),
    ]
    if not all(_one_cell(t) for t in head):
        return None
    lines = [line for text in head for line in wrap(text, WIDTH)]
    table = _breakdown(report)
    if table is None:
        return None
    lines += table
    for check, name in CHECK_NAMES.items():
        findings = [f for f in report.by_check(check) if not (brief and f.severity == "info")]
        if not findings:
            continue
        cells: list[tuple[str, str]] = []
        for f in findings:
            what = f"“{f.text}”" if f.text else ""
            cells.append((f"  {f.severity}", what + (f" ×{f.count}" if f.count > 1 else "")))
            if f.context and f.context != f.text:
                cells.append(("", f"in: {_short(f.context)}"))
            cells.append(("", f"why: {f.why}"))
            if f.suggestion:
                cells.append(("", f"try: {f.suggestion}"))
        grid = _findings(cells)
        if grid is None or not _one_cell(name):
            return None
        lines += ["", *wrap(name, WIDTH), *grid]
    return "".join(line.rstrip() + "\n" for line in lines)
