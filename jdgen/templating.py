"""The one template engine: a sandboxed, strict Jinja2 environment and its loader chain.

Every template jdgen renders goes through :func:`environment`: the posting
templates (Markdown, HTML, text), ``jdgen show``'s role page, ``jdgen init``'s
company file, the text in catalog entries (``{{ title }}`` …) and the Word
templates of ``--docx-template``.

* Templates are looked up in the user's ``--templates`` directories first, then
  the built-in ``templates/``; ``!default/NAME`` always names the built-in
  template, so an override can extend it and change one block (the pelican
  pattern).
* Everything renders in Jinja's immutable sandbox with StrictUndefined: a
  missing value is an error, never a blank, and user templates cannot reach
  Python internals or change the posting.
* ``.html``/``.xml`` templates are autoescaped, ``.md``/``.txt``/``.yaml`` ones
  are not, any other name is (the safe default); text from strings (catalog
  text) is not, except in the Word flavour, where every value is XML-escaped.

Any template problem becomes one :class:`~jdgen.errors.TemplateError` naming the
template and, where known, the line.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    Template,
    select_autoescape,
)
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.bccache import Bucket
from jinja2.exceptions import SecurityError, TemplateNotFound
from jinja2.sandbox import ImmutableSandboxedEnvironment

from jdgen import template_limits as limits
from jdgen.errors import TemplateError
from jdgen.placeholders import filled
from jdgen.resources import data_dir

#: ``!default/NAME`` names the built-in template NAME.
BUILTIN_PREFIX = "!default"

_ESCAPED = ("html", "htm", "xml", "html.j2", "htm.j2", "xml.j2")
_NOT_ESCAPED = ("txt", "md", "yaml", "txt.j2", "md.j2", "yaml.j2")


class LimitedTemplate(Template):
    """A template that renders under the limits of :mod:`jdgen.template_limits`."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        with limits.budget():
            return super().render(*args, **kwargs)


class Sandbox(ImmutableSandboxedEnvironment):
    """jdgen's sandbox, with limits on size, loops and numbers
    (:mod:`jdgen.template_limits`).  Compiled string templates are kept (a bounded
    cache): the same catalog sentence or Word template text renders for every posting."""

    code_generator_class = limits.LimitedCodeGenerator
    template_class = LimitedTemplate
    intercepted_binops = frozenset({"*", "**", "+", "%"})
    concat = staticmethod(limits.limited_concat)

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._strings: dict[str, Template] = {}
        self._safe: dict[tuple[type, str], bool] = {}
        limits.wrap_filters(self.filters)
        self.globals["range"] = limits.limited_range
        self.globals["lipsum"] = limits.limited_lipsum(self.globals["lipsum"])

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja's answer, remembered by the object's type and the attribute's name (all
        it depends on): a posting page reads a few hundred attributes of the same few
        model types, and Jinja's answer takes a dozen ``isinstance`` checks each."""
        cls = type(obj)
        if obj.__class__ is not cls:  # an object that says it is of another class
            return bool(super().is_safe_attribute(obj, attr, value))
        known = self._safe.get((cls, attr))
        if known is None:
            known = bool(super().is_safe_attribute(obj, attr, value))
            if len(self._safe) >= 4096:
                self._safe.clear()
            self._safe[(cls, attr)] = known
        return known

    def counted(self, iterable: Any) -> Any:
        return limits.counted(iterable)

    def checked_size(self, value: Any) -> Any:
        return limits.check_size(value)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            limits.check_repeat(left, right)
        elif operator == "**":
            limits.check_power(left, right)
        elif operator == "%":
            limits.check_widths(left)
        return limits.check_size(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        limits.check_call(__obj, args, kwargs)
        if args and limits.is_str_join(__obj):
            args = (limits.join_parts(__obj.__self__, args[0]), *args[1:])
        return limits.check_size(super().call(__context, __obj, *args, **kwargs))

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._strings.get(source)
        if compiled is None:
            if len(self._strings) >= 4096:
                self._strings.clear()
            compiled = self._strings[source] = self._string_template(source)
        return compiled

    def _string_template(self, source: str) -> Template:
        """What Jinja's ``from_string`` makes, its compiled code kept in the bytecode cache
        like a template file's (one entry per text, checked against the text): a posting
        fills a few catalog texts with conditions, and compiling them took longer than
        the rest of its tailoring."""
        cache = self.bytecode_cache
        if cache is None:
            return super().from_string(source)
        name = "<string>" + cache.get_source_checksum(source)
        bucket = cache.get_bucket(self, name, None, source)
        code = bucket.code
        if code is None:
            code = self.compile(source)
            bucket.code = code
            cache.set_bucket(bucket)
        return self.template_class.from_code(self, code, self.make_globals(None), None)


class CompiledTemplates(FileSystemBytecodeCache):
    """Template files compiled once, kept in the user's cache (:mod:`jdgen.cache`): Jinja
    checks each entry against the template's source, and the entry's name keys the file,
    jdgen's code (the sandbox's code generator) and Jinja itself, so an edited template or
    a new jdgen compiles afresh.  A damaged entry or a cache that cannot be written is
    ignored (the template is compiled as if there were no cache)."""

    #: Compiled templates kept (the newest): built-in, web pages and a user's own.
    KEEP = 200

    def __init__(self, directory: Path, stamp: str) -> None:
        super().__init__(str(directory), "template-%s.jinja")
        self.stamp = stamp

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(f"{self.stamp}|{name}", filename)

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # truncated or made by another Python: compile afresh
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
            kept = sorted(Path(self.directory).glob("template-*.jinja"), key=_mtime)
            for old in kept[: -self.KEEP]:
                old.unlink()
        except OSError:
            pass  # an unwritable cache, or another process pruned first


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def code_cache() -> CompiledTemplates | None:
    """Where compiled template files are kept, or None when caching is off."""
    import jinja2

    from jdgen.cache import cache_dir, code_stamp, key_of

    root = cache_dir()
    if root is None:
        return None
    return CompiledTemplates(root / "templates", key_of(code_stamp(), jinja2.__version__))


def template_loader(template_dirs: Sequence[Path] = ()) -> BaseLoader:
    """User directories first, then the built-in templates; ``!default/`` the built-in ones."""
    builtin = str(data_dir("templates"))
    search = [*(str(d) for d in template_dirs), builtin]
    return ChoiceLoader(
        [FileSystemLoader(search), PrefixLoader({BUILTIN_PREFIX: FileSystemLoader(builtin)})]
    )


@lru_cache(maxsize=8)
def environment(template_dirs: tuple[Path, ...] = (), *, word: bool = False) -> Sandbox:
    """The sandboxed, StrictUndefined environment with the user → built-in loader chain.

    ``word=True`` is the flavour docxtpl renders Word XML in: every value is escaped
    and block tags keep the text around them as it is.
    """
    if word:
        return Sandbox(
            loader=template_loader(template_dirs), undefined=StrictUndefined, autoescape=True
        )
    env = Sandbox(
        loader=template_loader(template_dirs),
        bytecode_cache=code_cache(),
        undefined=StrictUndefined,
        autoescape=select_autoescape(
            enabled_extensions=_ESCAPED,
            disabled_extensions=_NOT_ESCAPED,
            default_for_string=False,
            default=True,
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # JSON-LD keeps the order it is built in (@context and @type first) and readable accents.
    env.policies["json.dumps_kwargs"] = {"sort_keys": False, "ensure_ascii": False}
    return env


def render_template(name: str, template_dirs: Sequence[Path] = (), /, **values: object) -> str:
    """Render the template file ``name`` (user directories first, then the built-in ones)."""
    return render_file(name, values, template_dirs)


def render_file(name: str, values: dict[str, Any], template_dirs: Sequence[Path] = ()) -> str:
    where = name
    try:
        template = environment(tuple(template_dirs)).get_template(name)
        where = template.filename or name
        return template.render(values)
    except TEMPLATE_ERRORS as exc:
        raise TemplateError(describe(exc, "template", where)) from None


def render_string(text: str, values: dict[str, Any]) -> str:
    """Render a piece of catalog text (``{{ title }}`` …) in the string flavour."""
    if "{" not in text:
        return text
    simple = filled(text, values)
    if simple is not None:
        return simple
    try:
        return str(environment().from_string(text).render(values))
    except TEMPLATE_ERRORS as exc:
        raise TemplateError(describe(exc, "catalog text", repr(text[:60]))) from None


#: What a template's own code can raise besides Jinja's errors: ``{{ 1 / 0 }}``,
#: ``{{ 'a' + 1 }}``, a macro that calls itself, a template file that is not UTF-8.
TEMPLATE_ERRORS: tuple[type[Exception], ...] = (
    JinjaTemplateError,
    RecursionError,
    UnicodeDecodeError,
    ArithmeticError,
    TypeError,
    ValueError,
    LookupError,
    MemoryError,
)


def describe(exc: Exception, kind: str, where: str) -> str:
    """One line for a template problem: ``KIND WHERE, line N: what went wrong``."""
    if isinstance(exc, RecursionError):
        return f"{kind} {where}: calls itself without end (a macro, include or extends of itself?)"
    if isinstance(exc, UnicodeDecodeError):
        return f"{kind} {where}: not UTF-8 text (a binary file?)"
    if isinstance(exc, limits.TemplateLimit):
        return f"{kind} {where}{_line_in(exc, where)}: over jdgen's template limits: {exc}"
    if not isinstance(exc, JinjaTemplateError):
        return f"{kind} {where}{_line_in(exc, where)}: {type(exc).__name__}: {exc}"
    if isinstance(exc, SecurityError):
        return f"{kind} {where}{_line_in(exc, where)}: not allowed in jdgen templates: {exc}"
    where = getattr(exc, "filename", None) or where
    line = getattr(exc, "lineno", None)
    at = f", line {line}" if line else _line_in(exc, where)
    return f"{kind} {where}{at}: {not_found(exc) if isinstance(exc, TemplateNotFound) else exc.message or exc}"


def not_found(exc: TemplateNotFound) -> str:
    """What a template's ``{% include %}``, ``{% import %}`` or ``{% extends %}`` missed."""
    return f"no template {exc.name!r} to include, import or extend"


def _line_in(exc: BaseException, filename: str) -> str:
    """ ", line N" of the innermost frame in ``filename`` (Jinja maps template lines into
    the traceback), or "" when there is none."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return f", line {line}" if line else ""
