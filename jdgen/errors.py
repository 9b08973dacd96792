"""One exception hierarchy; the CLI turns any of these into one red line and a non-zero exit."""

from __future__ import annotations

import unicodedata


def one_line(text: str) -> str:
    """``text`` with control characters and line breaks written as escapes (``\\n``,
    ``\\x1b``), so that a value typed by a user cannot split an error over lines or
    colour a terminal."""
    if text.isprintable():
        return text
    return "".join(
        repr(ch)[1:-1] if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch
        for ch in text
    )


class JdgenError(Exception):
    """An error caused by the user's input, reported without a traceback."""

    exit_code = 1
    #: The message is a list of lines on purpose (a catalog's problems); others are
    #: printed on one line whatever the values in them hold.
    multiline = False


class CatalogError(JdgenError):
    """The catalog (built-in or user-supplied) is invalid.  Carries every problem found."""

    multiline = True

    def __init__(self, problems: list[str]) -> None:
        self.problems = [one_line(p) for p in problems]
        problems = self.problems
        head = f"the catalog has {len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(head + ":\n  " + "\n  ".join(problems))


class UnknownChoiceError(JdgenError):
    """A role, size, industry or level that the catalog does not know."""


class CompanyFileError(JdgenError):
    """The company file is missing, not YAML, or has a wrong field."""


class OutputError(JdgenError):
    """The output path cannot be written."""


class TemplateError(JdgenError):
    """A template failed to render (undefined value, syntax error, sandbox violation)."""


class NotReadyError(JdgenError):
    """``generate --strict``: the posting lacks what it needs to be published (a list,
    one line per item)."""

    exit_code = 3
    multiline = True


class Stopped(SystemExit):
    """A signal (SIGTERM, SIGHUP) asked jdgen to stop.  Raised from the signal handler so
    that the command unwinds as it does on Ctrl-C (workers stopped, temporary files
    removed); never caught by ``except Exception``.  Exits 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        import signal

        self.signum = signum
        self.signame = signal.Signals(signum).name
        super().__init__(128 + signum)
