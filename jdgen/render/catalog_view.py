"""Readable views of catalog entries (``jdgen show``), as Markdown.

This is not a posting renderer: it shows the catalog's raw data, with the
conditions under which each item applies, so that a user can see what
tailoring will pick from.
"""

from __future__ import annotations

import re
from typing import Any

from jdgen import scale, seats
from jdgen.catalog import Catalog, sample_values
from jdgen.models import Responsibility, Role, Skill, TextItem, When, line_text, line_when, pick
from jdgen.tailor import fill
from jdgen.templating import render_template
from jdgen.text import join_words, sentence


def describe_when(when: When) -> str:
    parts = []
    if when.physical_goods is True:
        parts.append("companies with physical goods")
    if when.physical_goods is False:
        parts.append("companies without physical goods")
    if when.owns:
        parts.append("companies that own " + join_words(when.owns))
    if when.sizes:
        parts.append("size " + join_words(when.sizes, "or"))
    if when.industries:
        parts.append(join_words(when.industries, "or"))
    if when.not_industries:
        parts.append("not " + join_words(when.not_industries, "or"))
    if when.levels:
        parts.append("level " + join_words(when.levels, "or"))
    if when.domains:
        parts.append("domain " + join_words(when.domains, "or"))
    if when.roles:
        parts.append("roles " + join_words(when.roles, "or"))
    if when.not_roles:
        parts.append("not " + join_words(when.not_roles, "or"))
    return f"only for {'; '.join(parts)}" if parts else ""


def role_view(catalog: Catalog, role: Role) -> dict[str, Any]:
    """Plain data describing ``role`` for the ``role.md.j2`` template."""
    values = sample_values(catalog, role.title)

    def text(raw: str) -> str:
        return sentence(fill(raw, values))

    def lines(x: str | TextItem) -> str:
        cond = describe_when(line_when(x))
        return text(line_text(x)) + (f" ({cond})" if cond else "")

    def item(r: Responsibility | Skill, body: str) -> dict[str, str]:
        return {"id": r.id, "text": body, "when": describe_when(r.when)}

    level = catalog.levels[role.level]
    groups = []
    for g in role.responsibilities:
        items = []
        for ref in g.items:
            r = catalog.responsibility(ref)
            items.append(item(r, text(r.text)))
        groups.append({"heading": g.heading, "when": describe_when(g.when), "entries": items})
    skills = []
    for skill_ref in role.skills:
        s = catalog.skill(skill_ref)
        entry = item(s, text(f"{s.name}: {s.detail}" if s.detail else s.name))
        entry["kind"] = s.kind
        skills.append(entry)
    q = role.qualifications
    by_size = []
    keys = catalog.size_keys
    for size in catalog.sizes.values():
        by_size.append(
            {
                "size": size.name,
                "reports_to": catalog.role_title(
                    seats.Chart(
                        catalog.roles, size, keys(size.id), size.typical_headcount, {}
                    ).boss(role)
                ),
                "team": role.direct_reports.get(size.id)
                or size.direct_reports.get(level.id)
                or pick(role.direct_reports, keys(size.id))
                or "",
                "years": scale.years(role, level, catalog.sizes, size.typical_headcount),
            }
        )
    return {
        "role": role,
        "level": level,
        "summary": text(role.summary),
        "focus": role.focus or level.focus,
        "scope": role.scope or level.scope,
        "authority": role.decision_authority or level.decision_authority,
        "by_size": by_size,
        "groups": groups,
        "skills": skills,
        "experience": q.experience,
        "education": q.education,
        "education_preferred": q.education_preferred,
        "certifications": [
            {"name": c.name, "required": c.required, "when": describe_when(c.when)}
            for c in q.certifications
        ],
        "required": [lines(x) for x in q.required],
        "preferred": [lines(x) for x in q.preferred],
        "kpis": [lines(k) for k in role.kpis],
        "career_from": [catalog.role_title(r) for r in role.career.from_roles],
        "career_to": [catalog.role_title(r) for r in role.career.to_roles],
    }


def role_markdown(catalog: Catalog, role: Role) -> str:
    text = render_template("role.md.j2", **role_view(catalog, role))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
