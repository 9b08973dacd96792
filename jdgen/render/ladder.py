"""The career ladder (:mod:`jdgen.ladder`) as a text tree (rich) and as Markdown with a
Mermaid ``flowchart``, which GitHub, GitLab, Obsidian and most Markdown previewers draw.

Every word a reader sees comes from ``catalog/ladder.yaml`` (:class:`~jdgen.catalog.LadderText`),
filled through the one placeholder mechanism (:func:`jdgen.templating.render_string`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from jdgen.ladder import Branch, FamilyView, Node, RoleView, Step, StepKind
from jdgen.templating import render_string

if TYPE_CHECKING:
    from jdgen.catalog import LadderText


def _say(text: str, **values: Any) -> str:
    return render_string(text, values)


def _count(view: FamilyView) -> int:
    return sum(len(g.roles) for g in view.levels)


def describe(
    words: LadderText, node: Node, kind: StepKind | None = None, repeat: bool = False
) -> str:
    """ "Chief Operating Officer (executive, skips a level)", "Plant Manager (outside the catalog)"."""
    notes = [node.level_name.lower() if node.level_name else words.outside_catalog]
    step = getattr(words.steps, kind) if kind is not None else ""
    if step:
        notes.append(step)
    if repeat:
        notes.append(words.repeat)
    return _say(words.node, title=node.title, notes=words.notes_separator.join(notes))


# ---------------------------------------------------------------------------
# Text tree
# ---------------------------------------------------------------------------


def role_tree(view: RoleView, words: LadderText) -> Any:
    """Feeder roles → the role → next roles as a rich Tree."""
    from rich.text import Text
    from rich.tree import Tree

    root = Tree(Text(describe(words, view.role), style="bold"), guide_style="dim")

    def add(parent: Any, branches: tuple[Branch, ...]) -> None:
        for b in branches:
            style = "" if b.node.in_catalog else "italic"
            child = parent.add(Text(describe(words, b.node, b.kind, b.repeat), style=style))
            add(child, b.children)

    for label, branches in ((words.comes_from, view.feeders), (words.leads_to, view.next)):
        part = root.add(Text(label, style="bold cyan"))
        if branches:
            add(part, branches)
        else:
            part.add(Text(words.none_tree, style="dim"))
    return root


def family_tree(view: FamilyView, words: LadderText) -> Any:
    """Every role by level, each with where it leads and where people come from."""
    from rich.text import Text
    from rich.tree import Tree

    root = Tree(Text(_say(words.family_tree_title, count=_count(view)), style="bold"))
    for group in view.levels:
        level = root.add(Text(group.name, style="bold cyan"))
        for node in group.roles:
            role = level.add(Text(f"{node.title} ({node.role_id})", style="bold"))
            nxt = view.next.get(node.key, ())
            feeders = view.feeders.get(node.key, ())
            if nxt:
                role.add(Text(_say(words.tree_leads_to, titles=_titles(nxt))))
            if feeders:
                role.add(Text(_say(words.tree_comes_from, titles=_titles(feeders)), style="dim"))
    return root


def _titles(nodes: tuple[Node, ...]) -> str:
    return ", ".join(n.title for n in nodes)


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


def _arrow_label(text: str) -> str:
    """An arrow's label without the characters Mermaid reads as part of the arrow."""
    return re.sub(r"[-.>|\[\](){}\"]+", " ", text).strip()


def _arrow(step: Step, words: LadderText) -> str:
    if step.kind in ("lateral", "down"):
        return f"-. {_arrow_label(getattr(words.arrows, step.kind))} .->"
    if step.kind == "skip":
        return f"-- {_arrow_label(words.arrows.skip)} -->"
    return "-->"


def _edges(steps: tuple[Step, ...], nodes: dict[str, Node], words: LadderText) -> Iterator[str]:
    for s in steps:
        yield f"    {mermaid_id(nodes[s.source])} {_arrow(s, words)} {mermaid_id(nodes[s.target])}"


_CLASSES = [
    "    classDef focus fill:#1f2a44,stroke:#1f2a44,color:#ffffff,font-weight:bold",
    "    classDef outside fill:#ffffff,stroke:#8a94a6,stroke-dasharray:4 3,color:#4a5568",
]


def role_mermaid(view: RoleView, words: LadderText) -> str:
    nodes = {n.key: n for n in view.nodes}
    lines = ["flowchart LR"]
    for n in view.nodes:
        lines.append(f"    {mermaid_id(n)}[{_label(n.title)}]")
    lines += list(_edges(view.steps, nodes, words))
    lines += _CLASSES
    lines.append(f"    class {mermaid_id(view.role)} focus")
    outside = [mermaid_id(n) for n in view.nodes if not n.in_catalog]
    if outside:
        lines.append(f"    class {','.join(outside)} outside")
    return "\n".join(lines)


def family_mermaid(view: FamilyView, words: LadderText) -> str:
    nodes = {n.key: n for g in view.levels for n in g.roles}
    lines = ["flowchart BT"]
    for group in view.levels:
        lines.append(f"    subgraph level_{safe_id(group.level)}[{_label(group.name)}]")
        for n in group.roles:
            lines.append(f"        {mermaid_id(n)}[{_label(n.title)}]")
        lines.append("    end")
    lines += list(_edges(view.steps, nodes, words))
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------


def role_markdown(view: RoleView, words: LadderText) -> str:
    out = [f"# {_say(words.role_title, title=view.role.title)}", ""]
    out += ["```mermaid", role_mermaid(view, words), "```", ""]
    for label, branches in ((words.comes_from, view.feeders), (words.leads_to, view.next)):
        out += [f"## {label}", ""]
        if not branches:
            out += [words.none, ""]
            continue
        out += list(_bullets(branches, 0, words))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _bullets(branches: tuple[Branch, ...], depth: int, words: LadderText) -> Iterator[str]:
    for b in branches:
        yield f"{'  ' * depth}- {describe(words, b.node, b.kind, b.repeat)}"
        yield from _bullets(b.children, depth + 1, words)


def family_markdown(view: FamilyView, words: LadderText) -> str:
    out = [
        f"# {words.family_title}",
        "",
        _say(words.family_intro, count=_count(view)),
        "",
        "```mermaid",
        family_mermaid(view, words),
        "```",
        "",
    ]
    for group in view.levels:
        out += [f"## {group.name}", ""]
        for node in group.roles:
            out.append(_family_line(view, node, words))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _family_line(view: FamilyView, node: Node, words: LadderText) -> str:
    """ "- **Director of Operations** (`director-of-operations`): leads to …; comes from …"."""
    parts = []
    nxt = view.next.get(node.key, ())
    feeders = view.feeders.get(node.key, ())
    if nxt:
        parts.append(_say(words.page_leads_to, titles=_titles(nxt)))
    if feeders:
        parts.append(_say(words.page_comes_from, titles=_titles(feeders)))
    detail = f": {words.page_separator.join(parts)}" if parts else ""
    return f"- **{node.title}** (`{node.role_id}`){detail}"
