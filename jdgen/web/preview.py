"""The preview of a posting as the build page shows it.

Each section is laid out here once — its parts, each bullet with the key its edit
buttons post and the ids its labels point at — and rendered through
``templates/web/_section.html.j2`` (bullets through ``_bullet.html.j2``).  Most of a
posting comes back unchanged in the next preview (another size, another industry, one
edit), so rendered bullets and sections are kept by their content and reused: the
preview template only strings them together.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from jdgen.edits import BulletList, Edited
    from jdgen.models import Bullet, JobDescription


def element_id(key: str) -> str:
    """The element id of a bullet (``b-responsibilities-translate-strategy``)."""
    return "b-" + key.replace(":", "-").replace("/", "-")


@dataclass(frozen=True, slots=True)
class ShownBullet:
    #: The key its edit buttons post (``responsibilities:translate-strategy``).
    key: str
    #: Its element id (``b-…``) and its text's (``t-…``).
    eid: str
    tid: str
    text: str
    first: bool
    last: bool


@dataclass(frozen=True, slots=True)
class Part:
    """A section's own text, or one of its subsections: heading, paragraphs, bullets."""

    heading: str
    paragraphs: tuple[str, ...]
    #: Bullets with edit buttons (their ``<li>``), or ``plain`` ones without.
    bullets: tuple[Markup, ...]
    plain: tuple[str, ...]
    #: The list a new line is added to ("" where lines cannot be added), and its form id.
    add_key: str
    add_id: str


@dataclass(frozen=True, slots=True)
class ShownSection:
    id: str
    heading: str
    parts: tuple[Part, ...]
    #: (label, value) of the internal description's job details and signature lines.
    facts: tuple[tuple[str, str], ...]


@lru_cache(maxsize=4096)
def bullet_html(key: str, text: str, first: bool, last: bool) -> Markup:
    """An editable bullet's ``<li>``."""
    from jdgen.templating import render_file

    eid = element_id(key)
    shown = ShownBullet(key, eid, "t" + eid[1:], text, first, last)
    return Markup(render_file("web/_bullet.html.j2", {"b": shown}))


@lru_cache(maxsize=2048)
def section_html(section: ShownSection) -> Markup:
    """A section of the preview, with its edit controls."""
    from jdgen.templating import render_file

    return Markup(render_file("web/_section.html.j2", {"section": section}))


def _part(
    heading: str, paragraphs: list[str], bullets: list[Bullet], lst: BulletList | None
) -> Part:
    items = lst.items if lst else []
    last = len(items) - 1
    editable = tuple(bullet_html(k, b.text, i == 0, i == last) for i, (k, b) in enumerate(items))
    plain = () if editable else tuple(b.text for b in bullets)
    key = lst.key if lst else ""
    add_id = "add-" + key.replace("/", "-")
    return Part(heading, tuple(paragraphs), editable, plain, key, add_id)


def preview_sections(jd: JobDescription, edited: Edited) -> list[Markup]:
    """The sections of ``jd`` (the edited posting), rendered for the preview."""
    from jdgen.edits import list_key

    lists = {list_key(lst.section, lst.key.partition("/")[2]): lst for lst in edited.lists}
    shown = []
    for section in jd.sections:
        parts = []
        if section.paragraphs or section.bullets:
            lst = lists.get(section.id) if section.bullets else None
            parts.append(_part("", section.paragraphs, section.bullets, lst))
        for sub in section.subsections:
            lst = lists.get(list_key(section.id, sub.id))
            parts.append(_part(sub.heading, sub.paragraphs, sub.bullets, lst))
        facts = tuple((f.label, f.value) for f in section.facts)
        shown.append(section_html(ShownSection(section.id, section.heading, tuple(parts), facts)))
    return shown
