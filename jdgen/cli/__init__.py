"""Stage 4: the command line.  Parses options, calls the stages, prints errors.

It decides nothing about content.  Every jdgen error reaches one boundary
(:class:`JdgenGroup`) that prints ``error: …`` in one line on stderr and exits
non-zero; ``--debug`` shows the traceback instead.  Each command lives in its own
module and is imported only when it runs (:data:`COMMANDS`), so ``jdgen --help``
starts instantly and features do not tangle.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from jdgen import __version__
from jdgen.errors import JdgenError, Stopped, one_line

#: Command name → "module:attribute".  Add a line here (and to SUMMARIES) to add a command.
COMMANDS: dict[str, str] = {
    "roles": "jdgen.cli.catalog:roles",
    "show": "jdgen.cli.catalog:show",
    "catalog": "jdgen.cli.catalog:catalog_group",
    "generate": "jdgen.cli.posting:generate",
    "preview": "jdgen.cli.posting:preview",
    "compare": "jdgen.cli.compare:compare",
    "ladder": "jdgen.cli.compare:ladder",
    "batch": "jdgen.cli.batch:batch",
    "init": "jdgen.cli.init:init",
    "lint": "jdgen.cli.lint:lint",
    "serve": "jdgen.cli.serve:serve",
}

#: One line per command for `jdgen --help`, so that listing commands imports none of them.
SUMMARIES: dict[str, str] = {
    "roles": "List the catalog's roles: id, title and level.",
    "show": "Show one catalog role, readable.",
    "catalog": "Validate a catalog directory of your own.",
    "generate": "Write a tailored posting (Markdown, Word, HTML, text, JSON).",
    "preview": "Show a posting in the terminal.",
    "compare": "Compare two roles side by side.",
    "ladder": "Show the career ladder around a role.",
    "batch": "Write one posting per row of a CSV or YAML file.",
    "init": "Write a commented starter company file.",
    "lint": "Check a posting's wording, length, title and pay transparency.",
    "serve": "Start the web page to build, edit, check and download postings.",
}


def _debug(ctx: click.Context | None) -> bool:
    root = ctx.find_root() if ctx else None
    flag = bool(root and root.params.get("debug"))
    return flag or os.environ.get("JDGEN_DEBUG", "") not in ("", "0")


def fail(message: str, code: int = 1) -> None:
    click.secho(f"error: {message}", fg="red", err=True)
    sys.exit(code)


def usage_fail(exc: click.UsageError) -> None:
    """A usage error (unknown option or command, missing argument) as one line and a hint,
    exit code 2 (click would print the usage block first)."""
    command = exc.ctx.command_path if exc.ctx is not None else "jdgen"
    click.secho(f"error: {one_line(exc.format_message())}", fg="red", err=True)
    click.echo(f"hint: run '{command} --help' for the options", err=True)
    sys.exit(exc.exit_code)


class Utf8Text(click.types.StringParamType):
    """Text typed as an argument: bytes that are not UTF-8 (``$'Head \\xff'``) are refused
    here, naming the option, before they reach a renderer that cannot encode them."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        text = super().convert(value, param, ctx)
        if isinstance(text, str) and not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raw = os.fsencode(text)
                where = _param_name(param)
                raise JdgenError(
                    f"{where}{raw!r} is not UTF-8 text; type or save it as UTF-8"
                ) from None
        return text


def _param_name(param: click.Parameter | None) -> str:
    if param is None:
        return ""
    if isinstance(param, click.Argument):
        return f"{param.human_readable_name}: "
    return f"{max(param.opts, key=len)}: "


UTF8_TEXT = Utf8Text()


def utf8_params(command: click.Command) -> click.Command:
    """Every plain-text parameter of ``command`` (and of its subcommands) takes UTF-8 only;
    paths (``click.Path``) keep whatever bytes the file system allows."""
    for param in command.params:
        if type(param.type) is click.types.StringParamType:
            param.type = UTF8_TEXT
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            utf8_params(sub)
    return command


#: Distributions whose module is not their name spelt with underscores.
MODULE_DISTRIBUTIONS = {
    "docx": "python-docx",
    "yaml": "PyYAML",
    "markdown_it": "markdown-it-py",
    "multipart": "python-multipart",
    "python_multipart": "python-multipart",
}


def missing_dependency(module: str) -> str:
    """One line for an import that failed: which package to install, and how."""
    top = module.split(".")[0]
    package = MODULE_DISTRIBUTIONS.get(top, top.replace("_", "-"))
    return (
        f"the Python package {package!r} (module {top!r}) is not installed or cannot be "
        f"imported; (re)install it with: pip install --upgrade {package}"
    )


class JdgenGroup(click.Group):
    """Loads commands lazily, and turns jdgen errors into one red line and an exit code."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SUMMARIES.get(name, "")) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return utf8_params(command)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            usage_fail(exc)
            raise  # not reached: usage_fail exits

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            usage_fail(exc)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except Stopped as exc:
            fail(f"stopped by {exc.signame}", 128 + exc.signum)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if _debug(ctx) or _own_import_error(exc):
                raise
            fail(*error_line(exc))


def _own_import_error(exc: Exception) -> bool:
    """An import of jdgen's own code failed (or one that names no module): a bug to show
    as it is, not a package to install."""
    return isinstance(exc, ImportError) and (not exc.name or exc.name.split(".")[0] == "jdgen")


def error_line(exc: Exception) -> tuple[str, int]:
    """The one line (without ``error: ``) and the exit code an exception ends a command with."""
    if isinstance(exc, JdgenError):
        return (str(exc) if exc.multiline else one_line(str(exc))), exc.exit_code
    if isinstance(exc, OSError):
        target = f"{exc.filename}: " if exc.filename else ""
        return one_line(f"{target}{exc.strerror or exc}"), 1
    if isinstance(exc, ImportError) and exc.name:  # a dependency missing, or too old
        return missing_dependency(exc.name), 1
    return (
        f"internal error: {type(exc).__name__}: {one_line(str(exc))} "
        "(run with --debug for the traceback, and please report it)",
        70,
    )


@click.group(cls=JdgenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="jdgen")
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
def cli(debug: bool) -> None:
    """Write tailored, publishable job descriptions.

    \b
    Examples:
      jdgen roles --level director
      jdgen generate "Director of Operations" --size small --industry manufacturing -o do.docx
      jdgen preview "VP of Operations" --company company.yaml
    """


def main() -> None:
    # jdgen has no use for pydantic plugins (observability hooks found through the
    # installed packages' entry points); looking for them reads the metadata of every
    # installed distribution on the first validation.  A value the user set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from jdgen import heap

    heap.quiet()
    try:
        cli(prog_name="jdgen")
    finally:
        heap.leave()
