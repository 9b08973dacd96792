"""Limits every template renders under (user templates, Word templates, catalog text).

A template is a program; a user's can try to take all memory or run forever.  The
sandbox refuses, with a clear error naming the template and line:

* huge values before they are made: ``'a' * 10**10``, ``10 ** 10 ** 10``,
  ``'x'.center(10**10)``, ``range(10**9)``, a ``replace`` or format width that
  would make more than :data:`MAX_STRING` characters;
* more than :data:`MAX_ITERATIONS` loop iterations in one render (nested loops);
* more than :data:`MAX_OUTPUT` characters of output (or of any captured block, or of
  a ``join``, refused before it is joined);
* recursion (a macro, include or extends that calls itself) ends as an error,
  not a crash.
"""

from __future__ import annotations

import contextvars
import math
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError

#: The most characters one value may have (a string made by *, center, format …).
MAX_STRING = 1_000_000
#: The most characters a render may produce (a Word template's XML can be large).
MAX_OUTPUT = 20_000_000
#: The most loop iterations one render may run.
MAX_ITERATIONS = 1_000_000
#: The most items ``range`` may give.
MAX_RANGE = 100_000
#: The most bits a number made by ``**`` may have.
MAX_BITS = 4096


class TemplateLimit(SecurityError):
    """A template went over one of jdgen's limits."""


class Budget:
    """What one render may still spend."""

    def __init__(self) -> None:
        self.iterations = MAX_ITERATIONS

    def spend(self) -> None:
        self.iterations -= 1
        if self.iterations < 0:
            raise TemplateLimit(
                f"more than {MAX_ITERATIONS:,} loop iterations (nested loops over large ranges?)"
            )


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar(
    "jdgen_budget", default=None
)


@contextmanager
def budget() -> Iterator[None]:
    """A fresh budget for the render inside the block, unless one is already running."""
    if _BUDGET.get() is not None:
        yield
        return
    token = _BUDGET.set(Budget())
    try:
        yield
    finally:
        _BUDGET.reset(token)


def counted(iterable: Iterable[Any]) -> Iterator[Any]:
    """A loop's iterable, each item spent from the render's budget."""
    spend = (_BUDGET.get() or Budget()).spend
    for item in iterable:
        spend()
        yield item


def check_size(value: Any, what: str = "a value") -> Any:
    if isinstance(value, str) and len(value) > MAX_OUTPUT:
        raise TemplateLimit(f"{what} of more than {MAX_OUTPUT:,} characters")
    return value


def _too_long(size: int, what: str) -> None:
    if size > MAX_STRING:
        raise TemplateLimit(f"{what} would make {size:,} characters (at most {MAX_STRING:,})")


def check_repeat(left: Any, right: Any) -> None:
    """``'a' * n`` / ``n * [x]``: refused before it is made when it would be too long."""
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
            _too_long(len(seq) * max(times, 0), "repeating a value")


def check_power(left: Any, right: Any) -> None:
    numbers = isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1
    if numbers and right * math.log2(abs(left)) > MAX_BITS:
        raise TemplateLimit(f"{left} ** {right} is too large a number")


_WIDTH = re.compile(r"\d{7,}")


def check_widths(fmt: Any) -> None:
    """A format string with a field width of millions (``'%9999999999s'``)."""
    if isinstance(fmt, str):
        for digits in _WIDTH.findall(fmt):
            _too_long(int(digits), "a format width")


def check_int_args(name: str, args: Iterable[Any]) -> None:
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool):
            _too_long(arg, f"{name}({arg})")


def check_replace(text: Any, old: Any, new: Any) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        count = text.count(old) if old else len(text) + 1
        _too_long(len(text) + count * (len(new) - len(old)), "replace")


#: str methods whose int arguments are widths.
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})


def check_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Before a call from a template: str methods that would make a huge string."""
    obj = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    owner = getattr(obj, "__self__", None)
    if not isinstance(owner, str):
        return
    name = getattr(obj, "__name__", "")
    if name in _WIDTH_METHODS:
        check_int_args(name, [*args, *kwargs.values()])
    elif name in ("format", "format_map"):
        check_widths(owner)
    elif name == "replace" and len(args) >= 2:
        check_replace(owner, args[0], args[1])


def limited_concat(parts: Iterable[str]) -> str:
    """``"".join`` of a render's output, refusing more than MAX_OUTPUT characters."""
    out: list[str] = []
    size = 0
    for part in parts:
        size += len(part)
        if size > MAX_OUTPUT:
            raise TemplateLimit(f"output of more than {MAX_OUTPUT:,} characters")
        out.append(part)
    return "".join(out)


def join_parts(sep: Any, items: Iterable[Any]) -> list[Any]:
    """The items of a join (the ``join`` filter, ``str.join``), refused as soon as the
    joined text would pass :data:`MAX_OUTPUT` characters, before it is joined."""
    step = len(sep) if isinstance(sep, str) else 0
    parts: list[Any] = []
    size = 0
    for item in items:
        size += (len(item) if isinstance(item, str) else 0) + (step if parts else 0)
        if size > MAX_OUTPUT:
            raise TemplateLimit(f"a join of more than {MAX_OUTPUT:,} characters")
        parts.append(item)
    return parts


def is_str_join(obj: Any) -> bool:
    """``obj`` is the ``join`` method of a string (``', '.join``)."""
    return (
        isinstance(getattr(obj, "__self__", None), str) and getattr(obj, "__name__", "") == "join"
    )


def limited_join(original: Any) -> Any:
    """The ``join`` filter, its items checked by :func:`join_parts` first."""

    def join(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> Any:
        return original(eval_ctx, join_parts(d, value), d, attribute)

    join.jinja_pass_arg = original.jinja_pass_arg  # type: ignore[attr-defined]
    return join


def limited_range(*args: int) -> range:
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise TemplateLimit(f"range of {len(rng):,} items (at most {MAX_RANGE:,})")
    return rng


def _width_args(args: tuple[Any, ...], kwargs: dict[str, Any], skip: int) -> list[Any]:
    """A filter's arguments after the value (and the context Jinja passes first)."""
    return [*args[skip + 1 :], *kwargs.values()]


def _guarded(name: str, original: Any, limit: int) -> Any:
    """``original`` filter, refusing an int argument (a width, a count) above ``limit``."""
    skip = 1 if hasattr(original, "jinja_pass_arg") else 0

    def guarded(*args: Any, **kwargs: Any) -> Any:
        for arg in _width_args(args, kwargs, skip):
            if isinstance(arg, int) and not isinstance(arg, bool) and arg > limit:
                raise TemplateLimit(f"{name}({arg:,}) (at most {limit:,})")
        if name == "format" and len(args) > skip:
            check_widths(args[skip])
        if name == "replace" and len(args) >= skip + 3:
            check_replace(*(str(a) for a in args[skip : skip + 3]))
        return original(*args, **kwargs)

    if skip:
        guarded.jinja_pass_arg = original.jinja_pass_arg  # type: ignore[attr-defined]
    return guarded


#: Filters whose int arguments can ask for a huge result, and the most each may ask.
_FILTER_LIMITS = {
    "center": MAX_STRING,
    "indent": 10_000,
    "format": MAX_STRING,
    "replace": MAX_STRING,
    "slice": MAX_RANGE,
    "tojson": 100,
    "wordwrap": MAX_STRING,
    "truncate": MAX_STRING,
}


def wrap_filters(filters: dict[str, Any]) -> None:
    """Filters whose arguments can ask for a huge result check them first."""
    for name, limit in _FILTER_LIMITS.items():
        filters[name] = _guarded(name, filters[name], limit)
    filters["join"] = limited_join(filters["join"])


def limited_lipsum(lipsum: Any) -> Any:
    def safe_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:
        if n > 100 or max > 1000:
            raise TemplateLimit("lipsum of more than 100 paragraphs of 1,000 words")
        return lipsum(n, html, min, max)

    return safe_lipsum


class LimitedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with every loop's iterable counted and every ``~``
    concatenation checked for size."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        counted_iter = nodes.Call(
            nodes.EnvironmentAttribute("counted"), [node.iter], [], None, None, lineno=node.lineno
        )
        copy = nodes.For(
            node.target,
            counted_iter,
            node.body,
            node.else_,
            node.test,
            node.recursive,
            lineno=node.lineno,
        )
        copy.set_environment(self.environment)
        super().visit_For(copy, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.checked_size(")
        super().visit_Concat(node, frame)
        self.write(")")
