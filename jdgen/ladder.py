"""The career ladder: which roles lead to which, read from the catalog's ``career`` fields.

Each role lists ``career.from`` (roles that lead to it) and ``career.to`` (roles it
leads to); an entry is a catalog id or the title of a role outside the catalog
("Plant Manager").  A step is recorded once, on either end, so the ladder is the
union of both directions: "operations-manager" in the VP of Operations' ``from``
list is the same step as "vp-of-operations" in the Operations Manager's ``to``
list would be.

:func:`build_ladder` makes the graph, :func:`role_view` and :func:`family_view`
pick what ``jdgen ladder [ROLE]`` shows, and :func:`check_ladder` reports what
looks wrong: references that do not resolve, outside titles that name a catalog
role, cycles, and steps that do not go up a level.  Everything here is plain
data; :mod:`jdgen.render.ladder` draws it (a text tree, a Mermaid diagram).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from typing import Literal

from jdgen.catalog import Catalog
from jdgen.errors import JdgenError
from jdgen.models import Role
from jdgen.names import normalize_name

#: How a step moves between levels.  ``outside`` when one end is not a catalog role
#: (its level is unknown).
StepKind = Literal["up", "skip", "lateral", "down", "outside"]

#: A catalog id looks like this; anything else in ``career`` is an outside title.
_ID_LIKE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)+")


@dataclass(frozen=True)
class Node:
    """A role on the ladder: a catalog role, or an outside title (``level`` is None)."""

    key: str
    title: str
    role_id: str | None = None
    level: str | None = None
    level_name: str | None = None
    rank: int | None = None

    @property
    def in_catalog(self) -> bool:
        return self.role_id is not None


@dataclass(frozen=True)
class Step:
    """A career step from ``source`` to ``target`` (node keys)."""

    source: str
    target: str
    kind: StepKind
    #: Where the step is recorded: ``("from", role id)`` or ``("to", role id)``.
    recorded_in: tuple[tuple[str, str], ...]


@dataclass
class Ladder:
    """The whole graph.  Nodes are keyed by catalog id, or ``title:<normalized title>``."""

    nodes: dict[str, Node] = field(default_factory=dict)
    steps: dict[tuple[str, str], Step] = field(default_factory=dict)

    def next_steps(self, key: str) -> list[Step]:
        return [s for s in self.steps.values() if s.source == key]

    def feeder_steps(self, key: str) -> list[Step]:
        return [s for s in self.steps.values() if s.target == key]


@dataclass(frozen=True)
class Finding:
    """Something :func:`check_ladder` noticed.  Errors make ``jdgen ladder --check`` fail."""

    severity: Literal["error", "warning", "note"]
    message: str


def _outside_key(title: str) -> str:
    return "title:" + normalize_name(title)


def _kind(source: Node, target: Node) -> StepKind:
    if source.rank is None or target.rank is None:
        return "outside"
    gap = target.rank - source.rank
    if gap == 1:
        return "up"
    if gap > 1:
        return "skip"
    return "lateral" if gap == 0 else "down"


def build_ladder(catalog: Catalog) -> Ladder:
    """Every role and every career step in ``catalog``."""
    ladder = Ladder()

    def node_for(ref: str) -> Node:
        role = catalog.roles.get(ref)
        key = role.id if role is not None else _outside_key(ref)
        if key not in ladder.nodes:
            if role is not None:
                level = catalog.levels.get(role.level)
                ladder.nodes[key] = Node(
                    key=key,
                    title=role.title,
                    role_id=role.id,
                    level=role.level,
                    level_name=level.name if level else role.level,
                    rank=level.rank if level else None,
                )
            else:
                ladder.nodes[key] = Node(key=key, title=ref.strip())
        return ladder.nodes[key]

    for role in sorted(catalog.roles.values(), key=lambda r: r.id):
        node_for(role.id)

    def add(source: Node, target: Node, where: tuple[str, str]) -> None:
        pair = (source.key, target.key)
        old = ladder.steps.get(pair)
        recorded = (*old.recorded_in, where) if old else (where,)
        ladder.steps[pair] = Step(source.key, target.key, _kind(source, target), recorded)

    for role in sorted(catalog.roles.values(), key=lambda r: r.id):
        here = ladder.nodes[role.id]
        for ref in role.career.from_roles:
            add(node_for(ref), here, ("from", role.id))
        for ref in role.career.to_roles:
            add(here, node_for(ref), ("to", role.id))
    return ladder


def _order(ladder: Ladder, keys: list[str], preferred: list[str]) -> list[str]:
    """The role's own list first, in its order; then the others by level and title."""
    first = [k for k in dict.fromkeys(preferred) if k in keys]
    rest = sorted(
        (k for k in keys if k not in first),
        key=lambda k: _by_level(ladder.nodes[k]),
    )
    return first + rest


def _ref_key(catalog: Catalog, ref: str) -> str:
    return ref if ref in catalog.roles else _outside_key(ref)


# ---------------------------------------------------------------------------
# What `jdgen ladder` shows
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Branch:
    """A role in a tree view and, below it, the roles one more step away."""

    node: Node
    kind: StepKind
    children: tuple[Branch, ...] = ()
    #: Its own steps are already shown earlier in the tree, so they are not repeated.
    repeat: bool = False


@dataclass(frozen=True)
class RoleView:
    """Feeder roles → the role → next roles, ``depth`` steps each way."""

    role: Node
    feeders: tuple[Branch, ...]
    next: tuple[Branch, ...]
    depth: int
    #: The steps the tree shows (parent → child), for a diagram.
    steps: tuple[Step, ...]
    nodes: tuple[Node, ...]


def next_roles(catalog: Catalog, role: Role, ladder: Ladder | None = None) -> list[Node]:
    """The roles ``role`` leads to: its own ``career.to`` first, then roles that name it in
    their ``career.from``."""
    ladder = ladder or build_ladder(catalog)
    keys = [s.target for s in ladder.next_steps(role.id)]
    own = [_ref_key(catalog, r) for r in role.career.to_roles]
    return [ladder.nodes[k] for k in _order(ladder, keys, own)]


def feeder_roles(catalog: Catalog, role: Role, ladder: Ladder | None = None) -> list[Node]:
    """The roles that lead to ``role``: its own ``career.from`` first, then roles that name
    it in their ``career.to``."""
    ladder = ladder or build_ladder(catalog)
    keys = [s.source for s in ladder.feeder_steps(role.id)]
    own = [_ref_key(catalog, r) for r in role.career.from_roles]
    return [ladder.nodes[k] for k in _order(ladder, keys, own)]


def role_view(catalog: Catalog, role: Role, depth: int = 1) -> RoleView:
    """The ladder around ``role``: who moves into it and where it leads, ``depth`` steps."""
    if depth < 1:
        raise JdgenError(f"--depth: expected 1 or more, got {depth}")
    ladder = build_ladder(catalog)
    shown: set[str] = {role.id}

    def grow(key: str, up: bool, level: int, expanded: dict[str, int]) -> tuple[Branch, ...]:
        """Branches in display order; a role whose steps are already shown is marked
        ``repeat`` instead of being expanded again (and a loop is never followed)."""
        if level > depth:
            return ()
        node = ladder.nodes[key]
        if node.role_id is None:
            return ()
        r = catalog.roles[node.role_id]
        nodes = next_roles(catalog, r, ladder) if up else feeder_roles(catalog, r, ladder)
        branches = []
        for n in nodes:
            if n.key == role.id:
                continue
            shown.add(n.key)
            pair = (key, n.key) if up else (n.key, key)
            kind = ladder.steps[pair].kind
            more = depth - level if n.in_catalog else 0  # levels still to show below it
            if more and expanded.get(n.key, 0) >= more:
                branches.append(Branch(n, kind, repeat=True))
                continue
            if more:
                expanded[n.key] = more
            branches.append(Branch(n, kind, grow(n.key, up, level + 1, expanded)))
        return tuple(branches)

    nxt = grow(role.id, True, 1, {})
    feeders = grow(role.id, False, 1, {})
    edges = _tree_edges(role.id, nxt, feeders)
    steps = tuple(s for s in ladder.steps.values() if (s.source, s.target) in edges)
    nodes = tuple(ladder.nodes[k] for k in _ordered_keys(ladder, shown))
    return RoleView(ladder.nodes[role.id], feeders, nxt, depth, steps, nodes)


def _tree_edges(
    root: str, nxt: tuple[Branch, ...], feeders: tuple[Branch, ...]
) -> set[tuple[str, str]]:
    """The steps the tree draws (parent → child), so that the diagram shows what the tree
    shows and no stray cross-links."""
    edges: set[tuple[str, str]] = set()

    def walk(parent: str, branches: tuple[Branch, ...], up: bool) -> None:
        for b in branches:
            edges.add((parent, b.node.key) if up else (b.node.key, parent))
            walk(b.node.key, b.children, up)

    walk(root, nxt, True)
    walk(root, feeders, False)
    return edges


def _ordered_keys(ladder: Ladder, keys: set[str]) -> list[str]:
    return sorted(keys, key=lambda k: _by_level(ladder.nodes[k]))


def _by_level(node: Node) -> tuple[bool, int, str]:
    """Highest level first, outside titles (no level) after every catalog role, then by title."""
    return (node.rank is None, -(node.rank or 0), node.title)


@dataclass(frozen=True)
class LevelGroup:
    level: str
    name: str
    roles: tuple[Node, ...]


@dataclass(frozen=True)
class FamilyView:
    """Every catalog role by level (highest first), with the steps between them."""

    levels: tuple[LevelGroup, ...]
    #: Steps between two catalog roles.
    steps: tuple[Step, ...]
    #: For each catalog role: its next roles and its feeder roles, outside titles included.
    next: dict[str, tuple[Node, ...]]
    feeders: dict[str, tuple[Node, ...]]


def family_view(catalog: Catalog) -> FamilyView:
    """The whole operations family, by level."""
    ladder = build_ladder(catalog)
    groups = []
    for level in sorted(catalog.levels.values(), key=lambda lv: -lv.rank):
        roles = sorted(
            (n for n in ladder.nodes.values() if n.level == level.id),
            key=lambda n: n.title,
        )
        if roles:
            groups.append(LevelGroup(level.id, level.name, tuple(roles)))
    steps = tuple(
        s
        for s in sorted(ladder.steps.values(), key=lambda s: (s.source, s.target))
        if ladder.nodes[s.source].in_catalog and ladder.nodes[s.target].in_catalog
    )
    nxt = {rid: tuple(next_roles(catalog, r, ladder)) for rid, r in catalog.roles.items()}
    feeders = {rid: tuple(feeder_roles(catalog, r, ladder)) for rid, r in catalog.roles.items()}
    return FamilyView(tuple(groups), steps, nxt, feeders)


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------


def check_ladder(catalog: Catalog) -> list[Finding]:
    """Problems and oddities in the career graph, errors first.

    * error: an id-like reference that names no catalog role; a role listing itself;
      a cycle that spans levels (someone would climb and come back down).
    * warning: a step down a level; an outside title that is the title or alias of a
      catalog role (use its id, so the step is linked and checked).
    * note: a lateral move (same level); a step that skips a level; two-way lateral
      moves between roles of one level.  These are often right; they are listed so a
      reviewer can confirm them.
    """
    ladder = build_ladder(catalog)
    findings = _reference_findings(catalog) + _step_findings(ladder)
    findings += _cycles(ladder)
    order = {"error": 0, "warning": 1, "note": 2}
    return sorted(findings, key=lambda f: order[f.severity])


def _reference_findings(catalog: Catalog) -> list[Finding]:
    """A role listing itself, an id naming no role, a title that is a catalog role's."""
    findings: list[Finding] = []
    names = {key: r.id for r in catalog.roles.values() for key in catalog.role_keys(r)}
    for role in sorted(catalog.roles.values(), key=lambda r: r.id):
        origin = catalog.origin.get(("role", role.id), f"role {role.id}")
        for direction, refs in (("from", role.career.from_roles), ("to", role.career.to_roles)):
            for i, ref in enumerate(refs):
                at = f"{origin}: career.{direction}.{i}"
                if ref in catalog.roles:
                    if ref == role.id:
                        findings.append(Finding("error", f"{at}: lists the role itself"))
                elif _ID_LIKE.fullmatch(ref):
                    findings.append(Finding("error", f"{at}: no role '{ref}' in the catalog"))
                elif (named := names.get(normalize_name(ref))) is not None:
                    findings.append(
                        Finding(
                            "warning",
                            f"{at}: '{ref}' names the catalog role {named}; "
                            "write its id so the step is linked",
                        )
                    )
    return findings


def _step_findings(ladder: Ladder) -> list[Finding]:
    """Steps down a level (warnings), lateral moves and skipped levels (notes)."""
    findings: list[Finding] = []
    for step in sorted(ladder.steps.values(), key=lambda s: (s.source, s.target)):
        a, b = ladder.nodes[step.source], ladder.nodes[step.target]
        if a.key == b.key:
            continue
        label = f"{a.title} → {b.title}"
        if step.kind == "down":
            findings.append(
                Finding(
                    "warning",
                    f"{label} goes down a level ({a.level_name} to {b.level_name}); "
                    f"recorded in {_recorded(step)}",
                )
            )
        elif step.kind == "lateral":
            findings.append(Finding("note", f"{label} is a lateral move ({a.level_name} level)"))
        elif step.kind == "skip":
            findings.append(
                Finding("note", f"{label} skips a level ({a.level_name} to {b.level_name})")
            )
    return findings


def _recorded(step: Step) -> str:
    return " and ".join(f"{rid} career.{d}" for d, rid in step.recorded_in)


def _cycles(ladder: Ladder) -> list[Finding]:
    """Cycles, found with the standard library's topological sorter: take one cycle,
    report it, break it, and look again until the graph sorts."""
    graph: dict[str, set[str]] = {k: set() for k in ladder.nodes}
    for s in ladder.steps.values():
        if s.source != s.target:
            graph[s.target].add(s.source)  # predecessors: a role comes after its feeders
    findings: list[Finding] = []
    for _ in range(len(ladder.steps) + 1):
        try:
            TopologicalSorter(graph).prepare()
            break
        except CycleError as exc:
            cycle: list[str] = list(exc.args[1])
        # graphlib lists the cycle in the direction people move, first node repeated last.
        path = cycle
        names = " → ".join(ladder.nodes[k].title for k in path)
        ranks = {ladder.nodes[k].rank for k in path}
        if len(ranks) == 1 and None not in ranks:
            findings.append(Finding("note", f"two-way lateral moves: {names} (all at one level)"))
        else:
            findings.append(
                Finding(
                    "error", f"career cycle across levels: {names} (someone would come back down)"
                )
            )
        graph[cycle[1]].discard(cycle[0])
    return findings
