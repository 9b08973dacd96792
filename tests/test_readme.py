"""The README's Use section runs as written, in order, in an empty folder."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def use_commands() -> list[str]:
    """The command lines of the ```sh block under "## Use", comments removed."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^## Use\n.*?```sh\n(.*?)```", text, re.S | re.M)
    assert block, "README.md has no ```sh block under ## Use"
    lines = []
    for line in block.group(1).splitlines():
        command = line.split("  #", 1)[0].strip()
        if command:
            lines.append(command)
    return lines


def test_the_use_section_names_the_commands_a_new_user_needs() -> None:
    commands = use_commands()
    assert commands[0].startswith("jdgen init --example")
    for needed in ("jdgen generate", "jdgen batch", "jdgen lint posting.docx", "brand.docx"):
        assert any(needed in c for c in commands), needed


def test_every_use_command_runs_as_written(tmp_path: Path) -> None:
    """One shell runs them all (``cd demo`` carries over); ``jdgen`` and ``python`` are
    this interpreter, so the test exercises this checkout."""
    python = shlex.quote(sys.executable)
    script = [
        "set -e",
        f'jdgen() {{ {python} -m jdgen "$@"; }}',
        f'python() {{ {python} "$@"; }}',
    ]
    for command in use_commands():
        script += [f"echo '$ '{shlex.quote(command)} >&2", command + " >/dev/null"]
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("JDGEN_COMPANY", None)
    result = subprocess.run(
        ["bash", "-c", "\n".join(script)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    demo = tmp_path / "demo"
    for name in (
        "do.docx",
        "od.md",
        "vpo.pdf",
        "my-company.yaml",
        "vpo-brand.docx",
        "vpo-template.docx",
    ):
        assert (demo / name).stat().st_size > 0, name
    assert len(list((demo / "postings").glob("*.docx"))) == 4
    assert "$ jdgen lint posting.docx" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_preview_pages_long_output_at_a_terminal(tmp_path: Path) -> None:
    import fcntl
    import pty
    import struct
    import termios

    paged = tmp_path / "paged.txt"
    for args, expect_paged in (([], True), (["--no-pager"], False)):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = dict(os.environ, PYTHONPATH=str(ROOT), PAGER=f"cat > {paged}", TERM="xterm")
        command = [sys.executable, "-m", "jdgen", "preview", "vpo", *args]
        done = subprocess.run(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, timeout=120
        )
        os.close(slave)
        shown = b""
        try:
            while chunk := os.read(master, 65536):
                shown += chunk
        except OSError:
            pass
        os.close(master)
        assert done.returncode == 0
        if expect_paged:
            assert (
                "VP of Operations" in paged.read_text() and len(paged.read_text().splitlines()) > 24
            )
            assert b"About the role" not in shown  # all of it went to the pager
        else:
            assert not paged.exists()
            assert b"About the role" in shown
        paged.unlink(missing_ok=True)
