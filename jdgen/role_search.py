"""Finding roles by text: the lookup behind ``jdgen roles --search`` and the web page's
role search.

A query matches a role when it names it (id, title or alias, as :meth:`Catalog.find_role`
reads them) or when its words appear in the role's title, aliases or duties; near misses
("Director of Opps") come from the same fuzzy suggestions as the CLI's error message.
Roles are returned in catalog order: senior levels first, then general before
specialised titles, then by title.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jdgen.catalog import normalize_name

if TYPE_CHECKING:
    from jdgen.catalog import Catalog
    from jdgen.models import Role


def search_text(catalog: Catalog, role: Role) -> str:
    """The text a search looks in: id, title, aliases, group headings and duties."""
    parts = [role.id, role.title, *role.aliases]
    for group in role.responsibilities:
        parts.append(group.heading)
        for item in group.items:
            r = catalog.responsibilities[item] if isinstance(item, str) else item
            parts.append(r.text)
    return " ".join(parts)


def ordered_roles(catalog: Catalog) -> list[Role]:
    return sorted(
        catalog.roles.values(),
        key=lambda r: (-catalog.levels[r.level].rank, r.specialized, r.title),
    )


def search_roles(
    catalog: Catalog, query: str = "", level: str | None = None, fuzzy: bool = False
) -> list[Role]:
    """Roles matching ``query`` (all roles for an empty one), of ``level`` when given.

    With ``fuzzy``, a query that matches nothing falls back to the near misses the CLI
    suggests for a role it cannot find.
    """
    chosen = ordered_roles(catalog)
    if level:
        wanted = catalog.find_level(level).id
        chosen = [r for r in chosen if r.level == wanted]
    needle = normalize_name(query)
    if not needle:
        # Text with nothing a name is made of (punctuation, a script names are not
        # normalised in) matches no role; only an empty query lists them all.
        return [] if query.strip() else chosen
    named = catalog.named_role(query)
    found = [r for r in chosen if needle in normalize_name(search_text(catalog, r))]
    if named is not None and named in chosen:
        found = [named, *(r for r in found if r.id != named.id)]
    if not found and fuzzy:
        allowed = {r.id for r in chosen}
        found = [catalog.roles[i] for i in catalog.near_roles(query) if i in allowed]
    return found
