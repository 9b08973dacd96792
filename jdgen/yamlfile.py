"""The one YAML reader: catalog files, company files, batch files and lint rules.

Safe loading only (no tags that build Python objects), with libyaml's C loader
when PyYAML has it (several times faster).  Problems come back as one line
naming the file and, where YAML knows it, the line and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jdgen.errors import JdgenError


def loader_class() -> type[Any]:
    """libyaml's C loader when PyYAML was built with it, else the pure one.  (PyYAML is
    imported here, not at module level: a catalog read from the cache needs no parser.)"""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: Path, display: str) -> str:
    """The text of a YAML file (UTF-8, a BOM allowed); problems raise JdgenError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise JdgenError(f"{display}: cannot read ({exc.strerror})") from None
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

    loader = loader_class()(text)
    try:
        node = loader.get_single_node()
        document = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        raise JdgenError(_yaml_problem(exc, display)) from None
    except ValueError as exc:  # a value YAML recognises but cannot build, e.g. 2026-13-40
        raise JdgenError(f"{display}: not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    return document, node


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
