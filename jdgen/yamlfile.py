"""The one YAML reader: catalog files, company files, batch files and lint rules.

Safe loading only (no tags that build Python objects), with libyaml's C loader
when PyYAML has it (several times faster).  Problems come back as one line
naming the file and, where YAML knows it, the line and column.

Every document is bounded before it is built: at most :data:`MAX_BYTES` of text,
aliases that expand to at most :data:`ALIAS_BUDGET` nodes beyond those written
(an alias bomb is refused, not expanded), nesting at most :data:`MAX_DEPTH` deep,
and no mapping with the same key twice (YAML would silently keep the last).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jdgen.errors import JdgenError

#: The largest YAML text read (a 10,000-row batch file is about 3 MB).
MAX_BYTES = 16 * 1024 * 1024
#: How many nodes aliases may add by repeating what an anchor names.
ALIAS_BUDGET = 100_000
#: How deeply collections may nest.
MAX_DEPTH = 100


def loader_class() -> type[Any]:
    """libyaml's C loader when PyYAML was built with it, else the pure one.  (PyYAML is
    imported here, not at module level: a catalog read from the cache needs no parser.)"""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: Path, display: str) -> str:
    """The text of a YAML file (UTF-8, a BOM allowed); problems raise JdgenError."""
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise JdgenError(f"{display}: cannot read ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise JdgenError(_too_large(display))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise JdgenError(
            f"{display}: not UTF-8 text (line {line}: byte {data[exc.start : exc.start + 1]!r}); "
            "save it as UTF-8"
        ) from None


def parse(text: str, display: str) -> tuple[Any, Any]:
    """(document, node) of a YAML text: the node carries line numbers (batch rows)."""
    import yaml

    if len(text) > MAX_BYTES:
        raise JdgenError(_too_large(display))
    loader = loader_class()(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            check_node(node, display)
        document = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        raise JdgenError(_yaml_problem(exc, display)) from None
    except ValueError as exc:  # a value YAML recognises but cannot build, e.g. 2026-13-40
        raise JdgenError(f"{display}: not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    return document, node


def _too_large(display: str) -> str:
    return f"{display}: larger than {MAX_BYTES // (1024 * 1024)} MB, more than jdgen reads as YAML"


def check_node(root: Any, display: str) -> None:
    """Refuse a composed document whose aliases expand past :data:`ALIAS_BUDGET`, that
    nests deeper than :data:`MAX_DEPTH`, or that repeats a key in a mapping.

    One pass over the node graph (each node once, iteratively): the expanded size
    of a collection is its own node plus that of each child, counted again for each
    alias that repeats it."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    distinct = 0
    stack: list[tuple[Any, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if id(node) in sizes and not children_done:
            continue  # an alias of a node already measured
        children = _children(node)
        if children_done or not children:
            open_nodes.discard(id(node))
            distinct += 1
            sizes[id(node)] = 1 + sum(sizes[id(c)] for c in children)
            continue
        if depth > MAX_DEPTH:
            raise JdgenError(_where(display, node, f"nested more than {MAX_DEPTH} levels deep"))
        if id(node) in open_nodes:
            raise JdgenError(
                _where(display, node, "an alias (*name) refers to a value it is inside")
            )
        _check_keys(node, display)
        open_nodes.add(id(node))
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in children if id(c) not in sizes)
    if sizes[id(root)] - distinct > ALIAS_BUDGET:
        raise JdgenError(
            f"{display}: its aliases (*name) expand to {sizes[id(root)]:,} values, more than "
            f"{ALIAS_BUDGET:,} beyond those written; refused as a possible alias bomb"
        )


def _children(node: Any) -> list[Any]:
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_keys(node: Any, display: str) -> None:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return
    seen: dict[str, Any] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
            continue
        if key.value in seen:
            first = seen[key.value].start_mark.line + 1
            raise JdgenError(
                _where(
                    display, key, f"duplicate key {key.value!r} (first on line {first}); keep one"
                )
            )
        seen[key.value] = key


def _where(display: str, node: Any, problem: str) -> str:
    return f"{display}: line {node.start_mark.line + 1}: {problem}"


def _yaml_problem(exc: Exception, display: str) -> str:
    mark = getattr(exc, "problem_mark", None)
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
    problem = getattr(exc, "problem", None) or "syntax error"
    return f"{display}: not valid YAML{where}: {problem}"


def load(path: Path, display: str) -> Any:
    """The document in a YAML file; any problem raises JdgenError naming ``display``."""
    document, _ = parse(read_text(path, display), display)
    return document


def read_yaml(path: Path, display: str) -> tuple[Any, list[str]]:
    """Parse a YAML file, returning (data, problems) (the catalog collects every problem)."""
    try:
        return load(path, display), []
    except JdgenError as exc:
        return None, [str(exc)]


def parse_yaml(text: str, display: str) -> tuple[Any, list[str]]:
    """Parse YAML text (of a file, or standard input), returning (data, problems)."""
    try:
        return parse(text, display)[0], []
    except JdgenError as exc:
        return None, [str(exc)]
