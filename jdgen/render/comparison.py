"""A role comparison (:class:`jdgen.compare.Comparison`) as Markdown, or as rich renderables
for the terminal.  The Word version is :mod:`jdgen.render.compare_docx`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jdgen.compare import Comparison, Duty, SharedDuty


def by_area(duties: list[Duty]) -> list[tuple[str, list[str]]]:
    """Duties grouped under their posting headings, in posting order."""
    groups: dict[str, list[str]] = {}
    for d in duties:
        groups.setdefault(d.area, []).append(d.text)
    return list(groups.items())


Area = tuple[str, list[str]]


def side_by_side(c: Comparison) -> list[tuple[Area | None, Area | None]]:
    """Each role's own duties by area, paired on the standard group id, so that the VP's
    budget duties sit beside the director's: the first role's areas in its order, then
    the second role's remaining ones."""

    def areas(duties: list[Duty]) -> dict[str, Area]:
        found: dict[str, Area] = {}
        for d in duties:
            key = d.group or d.area
            found.setdefault(key, (d.area, []))[1].append(d.text)
        return found

    left, right = areas(c.only_a), areas(c.only_b)
    rows: list[tuple[Area | None, Area | None]] = [(v, right.get(k)) for k, v in left.items()]
    # An area only the second role has goes beside an unpaired area of the first role at
    # about the same place in its posting (its "Planning and execution" beside the other's
    # "Strategy and planning"); otherwise it gets a row of its own at the end.
    left_pos = {k: i / max(len(left), 1) for i, k in enumerate(left)}
    free = [k for k in left if k not in right]
    for i, (k, area) in enumerate(right.items()):
        if k in left:
            continue
        where = i / max(len(right), 1)
        best = min(free, key=lambda f: abs(left_pos[f] - where), default=None)
        if best is not None and abs(left_pos[best] - where) <= 0.2:
            free.remove(best)
            row = list(left).index(best)
            rows[row] = (rows[row][0], area)
        else:
            rows.append((None, area))
    return rows


def shared_text(s: SharedDuty) -> tuple[str, str | None]:
    """The shared duty's wording, and the note with the other role's wording when it differs."""
    return s.a.text, s.note


# ---------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(c: Comparison) -> str:
    h = c.labels

    def lines() -> Iterator[str]:
        yield f"# {c.title}"
        yield ""
        yield f"*{c.context_line}*"
        yield ""
        yield f"## {h['summary']}"
        yield ""
        for paragraph in c.summary:
            yield paragraph
            yield ""
        yield f"## {h['table']}"
        yield ""
        yield f"| | {_cell(c.a.title)} | {_cell(c.b.title)} |"
        yield "|---|---|---|"
        for row in c.rows:
            yield f"| **{_cell(row.label)}** | {_cell(row.a)} | {_cell(row.b)} |"
        yield ""
        yield f"## {h['shared']}"
        yield ""
        if not c.shared:
            yield h["none_shared"]
            yield ""
        for s in c.shared:
            text, other = shared_text(s)
            yield f"- {text}"
            if other:
                yield f"  {other}"
        if c.shared:
            yield ""
        for key, duties in (("only_a", c.only_a), ("only_b", c.only_b)):
            yield f"## {h[key]}"
            yield ""
            for area, texts in by_area(duties):
                yield f"### {area}"
                yield ""
                for t in texts:
                    yield f"- {t}"
                yield ""

    return "\n".join(lines()).rstrip() + "\n"


# ---------------------------------------------------------------------------
# Terminal (rich)
# ---------------------------------------------------------------------------


def to_rich(c: Comparison) -> list[Any]:
    """Renderables for ``Console.print``: heading, summary, one side-by-side table, the
    shared duties.  Colours and boxes come out as plain text when the output is piped."""
    from rich.text import Text

    out: list[Any] = [
        Text(c.title, style="bold"),
        Text(c.context_line, style="dim"),
        Text(""),
    ]
    for paragraph in c.summary:
        out += [Text(paragraph), Text("")]
    out.append(_rich_table(c))
    out += [Text(""), Text(c.labels["shared"], style="bold"), *_rich_shared(c)]
    return out


def _rich_bullets(texts: list[str]) -> Any:
    """Bullets with a hanging indent: a two-column grid."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for t in texts:
        grid.add_row("•", t)
    return grid


def _rich_area(area: Area | None) -> Any:
    from rich.console import Group
    from rich.text import Text

    if area is None:
        return ""
    return Group(Text(area[0], style="bold"), _rich_bullets(area[1]))


def _rich_table(c: Comparison) -> Any:
    """The rows side by side, then each role's own duties by area."""
    from rich import box
    from rich.table import Table

    h = c.labels
    table = Table(box=box.SQUARE, header_style="bold", expand=True)
    table.add_column("", style="bold", ratio=1, min_width=12)
    table.add_column(c.a.title, ratio=3)
    table.add_column(c.b.title, ratio=3)
    for row in c.rows:
        table.add_row(row.label, row.a, row.b, end_section=True)
    pairs = side_by_side(c)
    for i, (left, right) in enumerate(pairs):
        label = h["only_this_role"] if i == 0 else ""
        table.add_row(label, _rich_area(left), _rich_area(right), end_section=False)
    if not pairs:
        table.add_row(h["only_this_role"], h["empty"], h["empty"])
    return table


def _rich_shared(c: Comparison) -> list[Any]:
    """The duties both roles share, each with the other posting's wording when it differs."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    if not c.shared:
        return [Padding(Text(c.labels["none_shared_short"]), (0, 0, 0, 2), expand=False)]
    rows: list[Any] = []
    for s in c.shared:
        text, other = shared_text(s)
        rows.append(_rich_bullets([text]))
        if other:
            rows.append(Padding(Text(other, style="dim"), (0, 0, 0, 2)))
    return [Padding(Group(*rows), (0, 0, 0, 2), expand=False)]
