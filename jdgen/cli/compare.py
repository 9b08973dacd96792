"""Role commands beyond one posting: ``jdgen compare`` and ``jdgen ladder``."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jdgen.cli.common import (
    build_company,
    catalog_options,
    company_options,
    console,
    load_catalog_for,
)
from jdgen.errors import JdgenError

if TYPE_CHECKING:
    from jdgen.ladder import Finding

#: Output formats of these commands, by the file suffixes that select them.
COMPARE_FORMATS = {"md": (".md", ".markdown"), "docx": (".docx",)}
LADDER_FORMATS = {"md": (".md", ".markdown")}
BINARY = {"docx"}
FORCE = click.option("--force", is_flag=True, help="Overwrite the -o file if it exists.")


def _pick_format(
    output: Path | None, fmt: str | None, formats: Mapping[str, tuple[str, ...]], force: bool
) -> str | None:
    """The format to write, or None for the terminal view; fails before any work is done."""
    from jdgen.files import check_writable, refuse_overwrite

    if output is None or str(output) == "-":
        if fmt in BINARY:
            raise JdgenError(f"--format {fmt} writes a file: add -o PATH{formats[fmt][0]}")
        return fmt
    suffix = output.suffix.lower()
    by_suffix = next((name for name, sfx in formats.items() if suffix in sfx), None)
    if by_suffix is None:
        known = ", ".join(s for sfx in formats.values() for s in sfx)
        raise JdgenError(
            f"{output}: cannot tell the format from the suffix '{output.suffix or '(none)'}' "
            f"(expected one of {known})"
        )
    if fmt is not None and fmt != by_suffix:
        raise JdgenError(f"{output}: the suffix says {by_suffix} but --format says {fmt}")
    refuse_overwrite(output, force)
    check_writable(output)
    return by_suffix


def _deliver(output: Path | None, data: bytes) -> None:
    from jdgen.files import write_output

    if output is None or str(output) == "-":
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    write_output(output, data)
    click.secho(f"wrote {output}", err=True, fg="green")


@click.command()
@click.argument("role_a")
@click.argument("role_b")
@company_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(COMPARE_FORMATS)),
    help="md or docx; by default taken from the -o suffix. Without -o and --format, "
    "a table in the terminal.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to this file (.md or .docx).",
)
@FORCE
def compare(
    role_a: str,
    role_b: str,
    company_file: Path | None,
    size: str | None,
    industry: str | None,
    sector: str | None,
    business_model: str | None,
    catalog_dirs: tuple[Path, ...],
    fmt: str | None,
    output: Path | None,
    force: bool,
) -> None:
    """Compare two roles side by side, as one company would post them.

    Level, reporting line, direct reports, scope of influence, strategic or
    tactical focus, decision authority, experience and education, the duties
    both share and those unique to each, and a short summary of the differences.

    \b
    Examples:
      jdgen compare "VP of Operations" "Director of Operations"
      jdgen compare "Operations Director" "Director of Operations" --size small
      jdgen compare vpo coo --industry manufacturing -o vpo-vs-coo.docx
      jdgen compare "Logistics Manager" "Warehouse Manager" --business-model 3pl
    """
    from jdgen.compare import compare as build

    fmt = _pick_format(output, fmt, COMPARE_FORMATS, force)
    catalog = load_catalog_for(catalog_dirs)
    first = catalog.find_role(role_a)
    second = catalog.find_role(role_b)
    company = build_company(catalog, company_file, size, industry, sector, business_model)
    result = build(first, second, company, catalog)
    if fmt is None:
        from jdgen.render.comparison import to_rich

        out = console()
        for renderable in to_rich(result):
            out.print(renderable)
        return
    if fmt == "docx":
        from jdgen.render.compare_docx import to_bytes

        data = to_bytes(result)
    else:
        from jdgen.render.comparison import to_markdown

        data = to_markdown(result).encode("utf-8")
    _deliver(output, data)


@click.command()
@click.argument("role", required=False)
@click.option(
    "--depth",
    type=click.IntRange(1, 6),
    default=1,
    show_default=True,
    help="How many steps to follow each way from ROLE.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Check the whole career graph (references, cycles, level order) and list what "
    "looks wrong; exit 1 on errors.",
)
@catalog_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(LADDER_FORMATS)),
    help="md: Markdown with a Mermaid diagram. Without it and -o, a text tree.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write Markdown with a Mermaid diagram to this file (.md).",
)
@FORCE
def ladder(
    role: str | None,
    depth: int,
    check: bool,
    catalog_dirs: tuple[Path, ...],
    fmt: str | None,
    output: Path | None,
    force: bool,
) -> None:
    """Show the operations career ladder: where ROLE's people come from and go next.

    Without ROLE, the whole family by level.  In the terminal a text tree; with
    -o ladder.md (or --format md) Markdown with a Mermaid flowchart.

    \b
    Examples:
      jdgen ladder "Director of Operations"
      jdgen ladder operations-manager --depth 3
      jdgen ladder -o ladder.md
      jdgen ladder --check
    """
    from jdgen import ladder as graph
    from jdgen.render import ladder as draw

    catalog = load_catalog_for(catalog_dirs)
    if check:
        _report(graph.check_ladder(catalog), len(catalog.roles))
        return
    fmt = _pick_format(output, fmt, LADDER_FORMATS, force)
    if role is not None:
        view = graph.role_view(catalog, catalog.find_role(role), depth)
        if fmt is None:
            console().print(draw.role_tree(view, catalog.ladder_text))
            return
        text = draw.role_markdown(view, catalog.ladder_text)
    else:
        family = graph.family_view(catalog)
        if fmt is None:
            console().print(draw.family_tree(family, catalog.ladder_text))
            return
        text = draw.family_markdown(family, catalog.ladder_text)
    _deliver(output, text.encode("utf-8"))


def _report(findings: list[Finding], roles: int) -> None:
    counts = {"error": 0, "warning": 0, "note": 0}
    for f in findings:
        counts[f.severity] += 1
        colour = {"error": "red", "warning": "yellow", "note": None}[f.severity]
        click.secho(f"{f.severity}: {f.message}", fg=colour)
    plural = {k: f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items()}
    verdict = "has problems" if counts["error"] else "is consistent"
    click.secho(
        f"career ladder of {roles} roles {verdict}: "
        f"{plural['error']}, {plural['warning']}, {plural['note']}",
        fg="red" if counts["error"] else "green",
    )
    if counts["error"]:
        sys.exit(1)
