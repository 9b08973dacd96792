"""Markdown from Jinja2 templates.

Templates are looked up in the user's directories first, then the built-in
``templates/``; ``!default/NAME`` always names the built-in template, so an
override can extend it and change one block (the pelican pattern).  Every
template renders in a sandbox with StrictUndefined: a missing value is an
error, never a blank, and user templates cannot reach Python internals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
)
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from jdgen.errors import TemplateError
from jdgen.models import JobDescription
from jdgen.render import RenderOptions
from jdgen.resources import data_dir

POSTING_TEMPLATE = "posting.md.j2"


def template_loader(template_dirs: Sequence[Path] = ()) -> BaseLoader:
    builtin = str(data_dir("templates"))
    search = [*(str(d) for d in template_dirs), builtin]
    return ChoiceLoader(
        [FileSystemLoader(search), PrefixLoader({"!default": FileSystemLoader(builtin)})]
    )


@lru_cache(maxsize=8)
def environment(template_dirs: tuple[Path, ...] = ()) -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment(
        loader=template_loader(template_dirs),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_template(name: str, template_dirs: Sequence[Path] = (), /, **values: object) -> str:
    return render_in(environment(tuple(template_dirs)), name, values)


def render_in(env: Environment, name: str, values: dict[str, Any]) -> str:
    """Render template ``name`` of ``env``; any template problem becomes one jdgen error
    naming the file and, where known, the line."""
    where = name
    try:
        template = env.get_template(name)
        where = template.filename or name
        return template.render(values)
    except SecurityError as exc:
        at = _line_in(exc, where)
        raise TemplateError(
            f"template {where}{at}: not allowed in jdgen templates: {exc}"
        ) from None
    except JinjaTemplateError as exc:
        where = getattr(exc, "filename", None) or where
        line = getattr(exc, "lineno", None)
        at = f", line {line}" if line else _line_in(exc, where)
        raise TemplateError(f"template {where}{at}: {exc.message or exc}") from None


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


def render_markdown(jd: JobDescription, template_dirs: Sequence[Path] = ()) -> str:
    text = render_template(POSTING_TEMPLATE, template_dirs, jd=jd)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def to_bytes(jd: JobDescription, options: RenderOptions) -> bytes:
    return render_markdown(jd, options.template_dirs).encode("utf-8")
