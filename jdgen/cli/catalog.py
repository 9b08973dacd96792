"""Catalog commands: ``jdgen roles``, ``jdgen show``, ``jdgen catalog validate``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from jdgen.cli.common import catalog_options, load_catalog_for, print_columns, print_markdown
from jdgen.errors import CatalogError, JdgenError

if TYPE_CHECKING:
    from jdgen.catalog import Catalog
    from jdgen.catalog_cache import LevelRow, RoleRow


@click.command()
@click.option(
    "--level",
    help="Only roles of this level: executive, vp, director, manager, supervisor or coordinator.",
)
@click.option("--search", help="Only roles whose title, aliases or duties mention this text.")
@catalog_options
def roles(level: str | None, search: str | None, catalog_dirs: tuple[Path, ...]) -> None:
    """List the roles in the catalog: id, title and level.

    \b
    Examples:
      jdgen roles
      jdgen roles --level director --search supply
    """
    levels, chosen = _listed(level, search, catalog_dirs)
    if not chosen:
        raise JdgenError(
            "no roles match"
            + (f" {search!r} (run 'jdgen roles' to list them all)" if search else "")
        )
    print_columns(("id", "title", "level"), [(r.id, r.title, levels[r.level].name) for r in chosen])


def _listed(
    level: str | None, search: str | None, catalog_dirs: tuple[Path, ...]
) -> tuple[dict[str, LevelRow], list[RoleRow]]:
    """Levels and the roles to list.  A plain listing reads the cached summary (no
    pydantic, no YAML); a search, or a first run, loads the catalog (which caches it)."""
    from jdgen.catalog_cache import cached_summary, summarize
    from jdgen.names import find_choice

    summary = None if search else cached_summary(catalog_dirs)
    if summary is not None:
        levels = summary.levels
        chosen = sorted(
            summary.roles, key=lambda r: (-levels[r.level].rank, r.specialized, r.title)
        )
        if level:
            wanted = find_choice(levels, level).id
            chosen = [r for r in chosen if r.level == wanted]
        return levels, chosen
    from jdgen.role_search import search_roles

    catalog = load_catalog_for(catalog_dirs)
    summary = summarize(catalog)
    rows = {r.id: r for r in summary.roles}
    return summary.levels, [rows[r.id] for r in search_roles(catalog, search or "", level)]


@click.command()
@click.argument("role")
@catalog_options
def show(role: str, catalog_dirs: tuple[Path, ...]) -> None:
    """Show a catalog role: summary, duties, skills, qualifications, career path, sources.

    ROLE is an id, title or alias, in any case.

    \b
    Example:
      jdgen show "VP Operations"
    """
    from jdgen.render.catalog_view import role_markdown

    catalog = load_catalog_for(catalog_dirs)
    text = role_markdown(catalog, catalog.find_role(role))
    print_markdown(text)


#: Plurals of the catalog's kinds of entry that do not just add an "s".
PLURALS = {"industry": "industries", "responsibility": "responsibilities"}


@click.group(name="catalog")
def catalog_group() -> None:
    """Check catalog directories of your own.

    \b
    Example:
      jdgen catalog validate my-catalog/
    """


@catalog_group.command()
@click.argument("directory", type=click.Path(path_type=Path))
def validate(directory: Path) -> None:
    """Validate DIRECTORY as an extra catalog, reporting every problem at once.

    DIRECTORY has the layout of the built-in catalog (roles/, library/, industries/ …,
    lint/, every part optional); it is checked together with the built-in catalog, so it
    may reference built-in ids and replace built-in entries.  The placeholders of its
    wording files (posting.yaml, compare.yaml, ladder.yaml, work.yaml, lint/*.yaml) are
    checked against those each sentence is filled with.

    \b
    Example:
      jdgen catalog validate my-catalog/
    """
    from jdgen.resources import data_dir

    if not directory.is_dir():
        raise JdgenError(f"{directory}: not a directory")
    catalog = _load_with_lint(directory)
    is_builtin = directory.resolve() == data_dir("catalog").resolve()
    mine = list(catalog.origin) if is_builtin else sorted(catalog.user_entries)
    counts: dict[str, int] = {}
    for kind, _ in mine:
        counts[kind] = counts.get(kind, 0) + 1
    summary = ", ".join(
        f"{n} {kind if n == 1 else PLURALS.get(kind, kind + 's')}"
        for kind, n in sorted(counts.items())
    )
    click.secho(f"{directory}: valid ({summary or 'no entries'})", fg="green")


def _load_with_lint(directory: Path) -> Catalog:
    """The catalog with ``directory`` over the built-in one, and its ``lint/`` rules: every
    problem of both at once."""
    from jdgen.catalog import load_catalog
    from jdgen.lint.rules import load_rules

    problems: list[str] = []
    catalog = None
    try:
        catalog = load_catalog([directory])
    except CatalogError as exc:
        problems += exc.problems
    if (directory / "lint").is_dir():
        try:
            load_rules(extra_dirs=(directory,))
        except CatalogError as exc:
            problems += exc.problems
    if problems or catalog is None:
        raise CatalogError(problems)
    return catalog
