"""Running the CLI in-process, and what a one-line error looks like (shared by the
bad-input tests)."""

from __future__ import annotations

from click.testing import CliRunner

from jdgen.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``jdgen ARGS``."""
    result = CliRunner().invoke(cli, list(args), prog_name="jdgen")
    return result.exit_code, result.stdout, result.stderr


def one_error_line(err: str) -> str:
    """The one line of ``err``, checked to be a jdgen error and not an internal one."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and "internal error" not in lines[0], err
    return lines[0]
