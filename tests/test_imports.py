"""No import cycles inside jdgen (issue 9): the tree reads as a pipeline.

Every ``import`` counts, at module level or inside a function (a deferred import
still ties the two modules together); imports under ``if TYPE_CHECKING:`` do not
run and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "jdgen"


def module_names() -> dict[str, Path]:
    names = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:``."""
    nodes: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo += node.orelse
            continue
        nodes.append(node)
        todo += list(ast.iter_child_nodes(node))
    return nodes


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, *([base] if base else [])])
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in known else base)
    return {m for m in found if m in known and m != name}


def import_graph() -> dict[str, set[str]]:
    names = module_names()
    return {name: imports_of(name, path, set(names)) for name, path in names.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_graph_sees_deferred_imports() -> None:
    graph = import_graph()
    assert "jdgen.render.docx_template" in graph["jdgen.render.docx"]  # inside to_bytes
    assert "jdgen.templating" in graph["jdgen.render.markdown"]


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_jdgen_has_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_one_template_engine() -> None:
    """Every Jinja environment comes from jdgen/templating.py's factory (issue 9 item 3):
    no other module builds one, and docxtpl renders with the factory's Word flavour."""
    builders = {"Environment", "SandboxedEnvironment", "ImmutableSandboxedEnvironment", "Template"}
    factory = {"jdgen.templating", "jdgen.template_limits"}
    found = []
    for name, path in module_names().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _runtime_nodes(tree):
            if (
                isinstance(node, ast.ImportFrom)
                and (node.module or "").startswith("jinja2")
                and name not in factory
            ):
                found += [f"{name}: {a.name}" for a in node.names if a.name in builders]
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                is_docxtpl = node.func.attr == "render" and any(
                    k.arg == "autoescape" for k in node.keywords
                )
                if is_docxtpl and not any(k.arg == "jinja_env" for k in node.keywords):
                    found.append(f"{name}: a docxtpl render without jinja_env")
    assert found == []
