"""A person's edits to a tailored posting: remove, reword, move or add a bullet.

Edits are data (a list of :class:`Edit`), applied to a :class:`JobDescription` after
tailoring, so they survive a change of company size or industry: each edit names the
bullet it changes by its key, and an edit whose bullet is not in the new posting is
reported as dropped instead of being applied somewhere else.

A bullet's key is its id when the posting model gives it one, else a short digest of
its wording (so a duty worded the same way at two sizes keeps its edits).  Bullets an
edit adds carry the key the edit gives them.  Only the duties, qualifications and
skills are editable.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import Field

from jdgen.models import JobDescription, Strict
from jdgen.text import sentence

EDITABLE_SECTIONS = ("responsibilities", "qualifications", "skills")

KEY_PATTERN = r"^[A-Za-z0-9_.:/-]{1,80}$"


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
    """One editable list of a posting: its key, heading and bullets as (key, text)."""

    key: str
    section: str
    heading: str
    items: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Edited:
    """The posting after the edits, its editable lists, and the edits that did not apply."""

    jd: JobDescription
    lists: list[BulletList]
    applied: list[Edit]
    dropped: list[Edit]

    def key_of(self, section: str, heading: str, index: int) -> str | None:
        for lst in self.lists:
            if lst.section == section and lst.heading == heading and index < len(lst.items):
                return lst.items[index][0]
        return None


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "list"


def bullet_key(bullet: Any) -> str:
    """The id of a bullet, or a digest of its wording."""
    ident = getattr(bullet, "id", None)
    if isinstance(ident, str) and ident:
        return ident
    text = bullet_text(bullet)
    digest = hashlib.sha1(" ".join(text.lower().split()).encode("utf-8")).hexdigest()[:10]
    return f"t-{digest}"


def bullet_text(bullet: Any) -> str:
    return bullet if isinstance(bullet, str) else str(getattr(bullet, "text", bullet))


def list_key(section_id: str, heading: str) -> str:
    return f"{section_id}/{slug(heading)}" if heading else section_id


def bullet_lists(jd: JobDescription) -> list[BulletList]:
    """The editable lists of ``jd`` in posting order."""
    lists = []
    for section in jd.sections:
        if section.id not in EDITABLE_SECTIONS:
            continue
        if section.bullets:
            items = [(bullet_key(b), bullet_text(b)) for b in section.bullets]
            lists.append(BulletList(list_key(section.id, ""), section.id, "", items))
        for sub in section.subsections:
            items = [(bullet_key(b), bullet_text(b)) for b in sub.bullets]
            lists.append(
                BulletList(list_key(section.id, sub.heading), section.id, sub.heading, items)
            )
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
        target.items.append((edit.bullet, sentence(edit.text)))
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
        lst.items[i] = (edit.bullet, sentence(edit.text))
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
    by_key = {lst.key: lst for lst in lists}
    sections = []
    for section in jd.sections:
        if section.id not in EDITABLE_SECTIONS:
            sections.append(section)
            continue
        update: dict[str, Any] = {}
        if section.bullets:
            update["bullets"] = [t for _, t in by_key[list_key(section.id, "")].items]
        subsections = []
        for sub in section.subsections:
            bullets = [t for _, t in by_key[list_key(section.id, sub.heading)].items]
            if bullets or sub.paragraphs:  # a list emptied by edits loses its heading too
                subsections.append(sub.model_copy(update={"bullets": bullets}))
        update["subsections"] = subsections
        sections.append(section.model_copy(update=update))
    return Edited(jd.model_copy(update={"sections": sections}), lists, applied, dropped)
