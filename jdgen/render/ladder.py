"""The career ladder (:mod:`jdgen.ladder`) as a text tree (rich) and as Markdown with a
Mermaid ``flowchart``, which GitHub, GitLab, Obsidian and most Markdown previewers draw."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jdgen.ladder import Branch, FamilyView, Node, RoleView, Step, StepKind

#: How a step reads next to the role it leads to (nothing for an ordinary step up).
KIND_NOTES: dict[StepKind, str] = {
    "up": "",
    "outside": "",
    "skip": "skips a level",
    "lateral": "lateral move",
    "down": "a step down",
}


def describe(node: Node, kind: StepKind | None = None, repeat: bool = False) -> str:
    """ "Chief Operating Officer (executive, skips a level)", "Plant Manager (outside the catalog)"."""
    notes = [node.level_name.lower() if node.level_name else "outside the catalog"]
    if kind is not None and KIND_NOTES[kind]:
        notes.append(KIND_NOTES[kind])
    if repeat:
        notes.append("next steps shown above")
    return f"{node.title} ({', '.join(notes)})"


# ---------------------------------------------------------------------------
# Text tree
# ---------------------------------------------------------------------------


def role_tree(view: RoleView) -> Any:
    """Feeder roles → the role → next roles as a rich Tree."""
    from rich.text import Text
    from rich.tree import Tree

    root = Tree(Text(describe(view.role), style="bold"), guide_style="dim")

    def add(parent: Any, branches: tuple[Branch, ...]) -> None:
        for b in branches:
            style = "" if b.node.in_catalog else "italic"
            child = parent.add(Text(describe(b.node, b.kind, b.repeat), style=style))
            add(child, b.children)

    for label, branches in (("Comes from", view.feeders), ("Leads to", view.next)):
        part = root.add(Text(label, style="bold cyan"))
        if branches:
            add(part, branches)
        else:
            part.add(Text("(none recorded in the catalog)", style="dim"))
    return root


def family_tree(view: FamilyView) -> Any:
    """Every role by level, each with where it leads and where people come from."""
    from rich.text import Text
    from rich.tree import Tree

    count = sum(len(g.roles) for g in view.levels)
    root = Tree(Text(f"Operations career ladder: {count} roles by level", style="bold"))
    for group in view.levels:
        level = root.add(Text(group.name, style="bold cyan"))
        for node in group.roles:
            role = level.add(Text(f"{node.title} ({node.role_id})", style="bold"))
            nxt = view.next.get(node.key, ())
            feeders = view.feeders.get(node.key, ())
            if nxt:
                role.add(Text("leads to: " + ", ".join(n.title for n in nxt)))
            if feeders:
                role.add(Text("comes from: " + ", ".join(n.title for n in feeders), style="dim"))
    return root


# ---------------------------------------------------------------------------
# Mermaid
# ---------------------------------------------------------------------------


def safe_id(text: str) -> str:
    """Letters, digits and underscores only: safe as a Mermaid id."""
    return re.sub(r"[^A-Za-z0-9_]+", "_", text).strip("_")


def mermaid_id(node: Node) -> str:
    """A catalog role by its id; an outside title as ``x_`` and its words."""
    return safe_id(node.role_id or "x_" + node.key.removeprefix("title:"))


def _label(text: str) -> str:
    return '"' + text.replace('"', "#quot;") + '"'


def _arrow(step: Step) -> str:
    if step.kind == "lateral":
        return "-. lateral .->"
    if step.kind == "down":
        return "-. down .->"
    if step.kind == "skip":
        return "-- skips a level -->"
    return "-->"


def _edges(steps: tuple[Step, ...], nodes: dict[str, Node]) -> Iterator[str]:
    for s in steps:
        yield f"    {mermaid_id(nodes[s.source])} {_arrow(s)} {mermaid_id(nodes[s.target])}"


_CLASSES = [
    "    classDef focus fill:#1f2a44,stroke:#1f2a44,color:#ffffff,font-weight:bold",
    "    classDef outside fill:#ffffff,stroke:#8a94a6,stroke-dasharray:4 3,color:#4a5568",
]


def role_mermaid(view: RoleView) -> str:
    nodes = {n.key: n for n in view.nodes}
    lines = ["flowchart LR"]
    for n in view.nodes:
        lines.append(f"    {mermaid_id(n)}[{_label(n.title)}]")
    lines += list(_edges(view.steps, nodes))
    lines += _CLASSES
    lines.append(f"    class {mermaid_id(view.role)} focus")
    outside = [mermaid_id(n) for n in view.nodes if not n.in_catalog]
    if outside:
        lines.append(f"    class {','.join(outside)} outside")
    return "\n".join(lines)


def family_mermaid(view: FamilyView) -> str:
    nodes = {n.key: n for g in view.levels for n in g.roles}
    lines = ["flowchart BT"]
    for group in view.levels:
        lines.append(f"    subgraph level_{safe_id(group.level)}[{_label(group.name)}]")
        for n in group.roles:
            lines.append(f"        {mermaid_id(n)}[{_label(n.title)}]")
        lines.append("    end")
    lines += list(_edges(view.steps, nodes))
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------


def role_markdown(view: RoleView) -> str:
    out = [f"# Career ladder: {view.role.title}", ""]
    out += ["```mermaid", role_mermaid(view), "```", ""]
    for label, branches in (("Comes from", view.feeders), ("Leads to", view.next)):
        out += [f"## {label}", ""]
        if not branches:
            out += ["None recorded in the catalog.", ""]
            continue
        out += list(_bullets(branches, 0))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _bullets(branches: tuple[Branch, ...], depth: int) -> Iterator[str]:
    for b in branches:
        yield f"{'  ' * depth}- {describe(b.node, b.kind, b.repeat)}"
        yield from _bullets(b.children, depth + 1)


def family_markdown(view: FamilyView) -> str:
    count = sum(len(g.roles) for g in view.levels)
    out = [
        "# Operations career ladder",
        "",
        f"{count} roles, highest level first. Arrows point to the next step; dotted "
        "arrows are lateral moves.",
        "",
        "```mermaid",
        family_mermaid(view),
        "```",
        "",
    ]
    for group in view.levels:
        out += [f"## {group.name}", ""]
        for node in group.roles:
            parts = []
            nxt = view.next.get(node.key, ())
            feeders = view.feeders.get(node.key, ())
            if nxt:
                parts.append("leads to " + ", ".join(n.title for n in nxt))
            if feeders:
                parts.append("comes from " + ", ".join(n.title for n in feeders))
            detail = f": {'; '.join(parts)}" if parts else ""
            out.append(f"- **{node.title}** (`{node.role_id}`){detail}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
