"""A person's edits to a tailored posting: remove, reword, move or add a bullet.

Edits are data (a list of :class:`Edit`), applied to a :class:`JobDescription` after
tailoring, so they survive a change of company size or industry: each edit names the
bullet it changes by its key (the section id and the bullet's stable id from the posting
model, ``responsibilities:translate-strategy``), and an edit whose bullet is not in the
new posting is reported as dropped instead of being applied somewhere else.  Bullets an
edit adds carry the key the edit gives them.  Only the duties, qualifications and skills
are editable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import Field

from jdgen.models import Bullet, JobDescription, Origin, Strict
from jdgen.text import sentence

EDITABLE_SECTIONS = (
    "responsibilities",
    "qualifications",
    "skills",
    "essential-functions",
    "marginal-functions",
    "ksa",
)
#: The internal description's lists hold the posting's bullets, under the posting's keys,
#: so an edit made to one applies to the other (:mod:`jdgen.description`).
POSTING_SECTION = {
    "essential-functions": "responsibilities",
    "marginal-functions": "responsibilities",
    "ksa": "skills",
}

KEY_PATTERN = r"^[A-Za-z0-9_.:/-]{1,80}$"

#: The source of a bullet a person wrote or reworded.
EDITED = Origin(kind="user", ref="edit")


class Edit(Strict):
    """One change to a posting's bullets."""

    op: Literal["remove", "reword", "move", "add"]
    #: The bullet changed (remove, reword, move), or the key of the bullet added (add).
    bullet: str = Field(pattern=KEY_PATTERN)
    #: The list a bullet is added to (add): see :func:`list_key`.
    target: str | None = Field(default=None, pattern=KEY_PATTERN)
    #: The new wording (reword, add).
    text: str | None = Field(default=None, min_length=1, max_length=600)
    #: The new place in its list, from 0 (move).
    index: int | None = Field(default=None, ge=0, le=200)
    #: The bullet's wording when the edit was made, to say which edit no longer applies.
    was: str | None = Field(default=None, max_length=600)


@dataclass
class BulletList:
    """One editable list of a posting: its key, heading and bullets by key."""

    key: str
    section: str
    heading: str
    items: list[tuple[str, Bullet]] = field(default_factory=list)


@dataclass
class Edited:
    """The posting after the edits, its editable lists, and the edits that did not apply."""

    jd: JobDescription
    lists: list[BulletList]
    applied: list[Edit]
    dropped: list[Edit]


def list_key(section_id: str, subsection_id: str = "") -> str:
    return f"{section_id}/{subsection_id}" if subsection_id else section_id


def bullet_key(section_id: str, bullet: Bullet) -> str:
    return f"{section_id}:{bullet.id}"


def bullet_lists(jd: JobDescription) -> list[BulletList]:
    """The editable lists of ``jd`` in posting order."""
    lists = []
    for section in jd.sections:
        if section.id not in EDITABLE_SECTIONS:
            continue
        name = POSTING_SECTION.get(section.id, section.id)
        parts = [("", section.heading, section.bullets)] if section.bullets else []
        parts += [(s.id, s.heading, s.bullets) for s in section.subsections]
        for sub_id, heading, bullets in parts:
            items = [(bullet_key(name, b), b) for b in bullets]
            lists.append(BulletList(list_key(name, sub_id), section.id, heading, items))
    return lists


def _find(lists: list[BulletList], key: str) -> tuple[BulletList, int] | None:
    for lst in lists:
        for i, (k, _) in enumerate(lst.items):
            if k == key:
                return lst, i
    return None


def _apply_one(lists: list[BulletList], edit: Edit) -> bool:
    if edit.op == "add":
        target = next((lst for lst in lists if lst.key == edit.target), None)
        if target is None or edit.text is None or _find(lists, edit.bullet):
            return False
        added = Bullet(id=edit.bullet.rsplit(":", 1)[-1], text=sentence(edit.text), source=EDITED)
        target.items.append((edit.bullet, added))
        return True
    found = _find(lists, edit.bullet)
    if found is None:
        return False
    lst, i = found
    if edit.op == "remove":
        del lst.items[i]
    elif edit.op == "reword":
        if edit.text is None:
            return False
        old = lst.items[i][1]
        lst.items[i] = (edit.bullet, Bullet(id=old.id, text=sentence(edit.text), source=EDITED))
    else:
        if edit.index is None:
            return False
        item = lst.items.pop(i)
        lst.items.insert(min(edit.index, len(lst.items)), item)
    return True


def apply_edits(jd: JobDescription, edits: list[Edit]) -> Edited:
    """``jd`` with ``edits`` applied in order; edits whose bullet or list is missing are dropped."""
    lists = bullet_lists(jd)
    applied: list[Edit] = []
    dropped: list[Edit] = []
    for edit in edits:
        (applied if _apply_one(lists, edit) else dropped).append(edit)
    if not applied:
        return Edited(jd, lists, applied, dropped)
    return Edited(_rebuilt(jd, lists), lists, applied, dropped)


def _rebuilt(jd: JobDescription, lists: list[BulletList]) -> JobDescription:
    by_key = {lst.key: [b for _, b in lst.items] for lst in lists}
    sections = []
    for section in jd.sections:
        if section.id not in EDITABLE_SECTIONS:
            sections.append(section)
            continue
        name = POSTING_SECTION.get(section.id, section.id)
        update: dict[str, Any] = {"bullets": by_key.get(list_key(name), section.bullets)}
        subsections = []
        for sub in section.subsections:
            bullets = by_key[list_key(name, sub.id)]
            if bullets or sub.paragraphs:  # a list emptied by edits loses its heading too
                subsections.append(sub.model_copy(update={"bullets": bullets}))
        update["subsections"] = subsections
        sections.append(section.model_copy(update=update))
    skill_lists = [
        lst for lst in lists if POSTING_SECTION.get(lst.section, lst.section) == "skills"
    ]
    kept = {b.id for lst in skill_lists for _, b in lst.items}
    skills = [s for s in jd.metadata.skills if s.id in kept]
    metadata = jd.metadata.model_copy(update={"skills": skills})
    return jd.model_copy(update={"sections": sections, "metadata": metadata})
