"""Print how long jdgen's commands take to start and finish.  Figures only: nothing is asserted.

    python benchmarks/bench_start.py [--runs 10] [--quick] [--jdgen PATH]

Runs each command below as a fresh process, interleaved round-robin so that a busy
(shared) machine slows them all alike, and prints the median CPU time (user + system of
the child) and the median wall time, each with its ratio to ``python -c "import click"``
measured in the same run.  ``jdgen serve`` is timed from start to the first answered HTTP
request, when the command exists.  One untimed round first warms what a user's machine
has warm: byte code and jdgen's caches (the timed processes use the usual user cache
directory, or JDGEN_CACHE_DIR).  ``--quick`` times everything once (for CI).
``--jdgen`` times another jdgen script (a wheel installed into a virtual environment:
``--jdgen /tmp/v/bin/jdgen``); the ``python`` next to it then runs the baselines.  The
last line says which jdgen package was timed (PYTHONPATH, which the timed processes
inherit, can put a checkout in front of an installed one).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROLE = "Director of Operations"

#: (cpu seconds, wall seconds) of one run
Sample = tuple[float, float]


def jdgen_argv(script: Path | None = None) -> list[str]:
    """``script``, else the installed ``jdgen`` script next to this Python, else
    ``python -m jdgen``."""
    if script is not None:
        return [str(script)]
    script = Path(sys.executable).with_name("jdgen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "jdgen"]


def python_for(jd: list[str]) -> str:
    """The Python of the jdgen being timed: the ``python`` next to its script, else this one."""
    beside = Path(jd[0]).with_name("python")
    return str(beside) if len(jd) == 1 and beside.exists() else sys.executable


def timed_package(py: str, cwd: Path) -> str:
    """Where the timed processes import jdgen from."""
    done = subprocess.run(
        [py, "-c", "import jdgen; print(jdgen.__file__)"],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip() or "(jdgen does not import)"


#: Environment of the timed processes (see :func:`child_env`).
ENV: dict[str, str] = dict(os.environ)


def child_env(tmp: Path) -> dict[str, str]:
    """This environment, but with byte-code caching on, in a directory of the run's own:
    an installed jdgen has its .pyc files, so a checkout run with PYTHONDONTWRITEBYTECODE
    would time compiling jdgen's source on every start."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return env


def run_once(argv: list[str], cwd: Path) -> Sample:
    """CPU (user + system) and wall time of one child process run to its end."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read() if proc.stderr else b""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {err.decode()[-500:]}")
    return usage.ru_utime + usage.ru_stime, wall


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_once(argv: list[str], cwd: Path) -> Sample:
    """CPU and wall time from starting ``jdgen serve`` to its first answered request."""
    port = free_port()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*argv, "serve", "--port", str(port), "--db", str(cwd / "serve.db")],
        cwd=cwd,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = None
    try:
        deadline = start + 30
        while time.perf_counter() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as resp:
                    resp.read()
                wall = time.perf_counter() - start
                break
            except OSError:
                time.sleep(0.005)
        cpu = _proc_cpu(proc.pid)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if wall is None:
        raise SystemExit("jdgen serve did not answer within 30 s")
    return cpu, wall


def _proc_cpu(pid: int) -> float:
    """CPU seconds a running process has used so far (Linux /proc; clock-tick resolution)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _help(argv: list[str], cwd: Path, command: str) -> bytes:
    done = subprocess.run([*argv, command, "--help"], cwd=cwd, env=ENV, capture_output=True)
    return done.stdout if done.returncode == 0 else b""


def has_serve(argv: list[str], cwd: Path) -> bool:
    return bool(_help(argv, cwd, "serve"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each command (default 10)")
    parser.add_argument("--quick", action="store_true", help="one run of each (for CI)")
    parser.add_argument(
        "--jdgen", type=Path, help="the jdgen script to time (default: the one next to python)"
    )
    args = parser.parse_args()
    if args.jdgen is not None and not args.jdgen.is_file():
        parser.error(f"--jdgen: no such file: {args.jdgen}")
    runs = 1 if args.quick else max(1, args.runs)
    jd = jdgen_argv(args.jdgen.resolve() if args.jdgen else None)
    py = python_for(jd)

    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        env = child_env(cwd)
        ENV.clear()
        ENV.update(env)
        package = timed_package(py, cwd)
        run_once([*jd, "generate", ROLE, "-o", "lint-me.docx"], cwd)
        # jdgen refuses to overwrite an output without --force (where it has the option)
        force = ["--force"] if b"--force" in _help(jd, cwd, "generate") else []
        commands: list[tuple[str, Callable[[], Sample]]] = [
            ("python -c pass", lambda: run_once([py, "-c", "pass"], cwd)),
            ('python -c "import click"', lambda: run_once([py, "-c", "import click"], cwd)),
            ("jdgen --help", lambda: run_once([*jd, "--help"], cwd)),
            ("jdgen roles", lambda: run_once([*jd, "roles"], cwd)),
            (f'jdgen generate "{ROLE}"', lambda: run_once([*jd, "generate", ROLE], cwd)),
            (
                f'jdgen generate "{ROLE}" -o x.docx',
                lambda: run_once([*jd, "generate", ROLE, "-o", "x.docx", *force], cwd),
            ),
            ("jdgen lint x.docx", lambda: run_once([*jd, "lint", "lint-me.docx"], cwd)),
        ]
        serve_note = ""
        if has_serve(jd, cwd):
            commands.append(("jdgen serve (to first response)", lambda: serve_once(jd, cwd)))
        else:
            serve_note = "jdgen serve: not timed (this jdgen has no serve command)"

        for _, fn in commands:  # warm up: byte code, jdgen's caches, the disk cache
            fn()
        samples: dict[str, list[Sample]] = {name: [] for name, _ in commands}
        for _ in range(runs):
            for name, fn in commands:
                samples[name].append(fn())

    cpu = {n: statistics.median(s[0] for s in v) for n, v in samples.items()}
    wall = {n: statistics.median(s[1] for s in v) for n, v in samples.items()}
    base = 'python -c "import click"'
    print(f"python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} cores, ", end="")
    print(f"medians of {runs} run{'s' if runs != 1 else ''}; load average {os.getloadavg()[0]:.1f}")
    width = max(len(n) for n in samples)
    print(f"{'command':<{width}}  {'CPU ms':>8}  {'× click':>7}  {'wall ms':>8}  {'× click':>7}")
    for name in samples:
        print(
            f"{name:<{width}}  {cpu[name] * 1000:8.0f}  {cpu[name] / cpu[base]:6.1f}×"
            f"  {wall[name] * 1000:8.0f}  {wall[name] / wall[base]:6.1f}×"
        )
    if serve_note:
        print(serve_note)
    if jd[0] == py:
        print("(jdgen run as python -m jdgen)")
    print(f"jdgen timed: {' '.join(jd)} ({package}); baselines: {py}")


if __name__ == "__main__":
    main()
