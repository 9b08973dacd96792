"""How fast ``jdgen serve`` answers over loopback.  Figures only: nothing is asserted.

    python benchmarks/bench_serve.py [--seconds 4] [--requests 2000] [--quick]

Starts ``jdgen serve`` (one uvicorn process, a temporary database) and drives it with
1, 8 and 32 concurrent keep-alive clients (a minimal HTTP/1.1 client on asyncio, so
the client costs little of the machine's CPU), each run bounded by a request count
and a time.  It measures:

* previews: ``POST /preview``, the fragment the build page swaps in on each change,
  cycling through roles × sizes × industries.  "repeat" revisits the same inputs (as
  a user toggling size back and forth does, served from the posting cache); "fresh"
  gives every request a headcount never seen before, so each one tailors a new posting;
* ``.docx`` downloads: ``POST /download`` with ``format=docx``.

For each: requests per second, p50/p99 latency in milliseconds, and the server's own CPU
time per request (from /proc, where there is one): on a shared machine the first three
follow the load of the others, the last one much less.  The first line names the HTTP
parser and event loop the server said it runs (httptools and uvloop with
``uvicorn[standard]``, else h11 and asyncio) and the load average.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from timing import add_quick, quick

ROLES = [
    "director-of-operations",
    "vp-of-operations",
    "operations-manager",
    "chief-operating-officer",
]
SIZES = ["small", "mid-size", "enterprise"]
INDUSTRIES = ["manufacturing", "technology", "healthcare", "ecommerce", "logistics", "general"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, db: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "jdgen", "serve", "--port", str(port), "--db", str(db)],
            stdout=subprocess.DEVNULL,
            stderr=out,
        )
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/roles", timeout=1).read()
            return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("jdgen serve did not start")


def server_stack(log: Path) -> str:
    """The HTTP parser and event loop the server said it runs ("httptools, uvloop")."""
    import re

    found = re.search(r"; ([a-z0-9]+, [a-z0-9]+); Ctrl\+C", log.read_text(errors="replace"))
    return found[1] if found else "not stated"


def csrf_cookie(port: int) -> str:
    # the first page renders cold (templates, catalog): give a busy machine time
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as r:
        cookie = r.headers["set-cookie"].split(";", 1)[0]
    return str(cookie.split("=", 1)[1])


def request_bytes(path: str, fields: dict[str, str], token: str) -> bytes:
    body = urllib.parse.urlencode({**fields, "csrf_token": token}).encode()
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Cookie: jdgen_csrf={token}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def one(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, data: bytes) -> int:
    writer.write(data)
    await writer.drain()
    status_line = await reader.readline()
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value.strip())
    await reader.readexactly(length)
    return int(status_line.split()[1])


async def run(
    port: int, clients: int, total: int, seconds: float, make: Callable[[int], bytes]
) -> tuple[float, list[float], int]:
    counter = itertools.count()
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < deadline:
                i = next(counter)
                if i >= total:
                    return
                start = time.perf_counter()
                status = await one(reader, writer, make(i))
                latencies.append(time.perf_counter() - start)
                errors += status != 200
        finally:
            writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return time.perf_counter() - began, latencies, errors


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU time of a process so far (Linux), else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def report(
    name: str, clients: int, elapsed: float, latencies: list[float], errors: int, cpu: float | None
) -> None:
    n = len(latencies)
    print(
        f"{name:<16} {clients:>3} clients  {n:>6} requests  {n / elapsed:8.0f}/s  "
        f"p50 {percentile(latencies, 0.5) * 1000:6.1f} ms  p99 {percentile(latencies, 0.99) * 1000:6.1f} ms"
        + (f"  server CPU {cpu / n * 1000:5.2f} ms/request" if cpu is not None and n else "")
        + (f"  ({errors} not 200)" if errors else "")
    )


def inputs() -> Iterator[dict[str, str]]:
    for role, size, industry in itertools.cycle(itertools.product(ROLES, SIZES, INDUSTRIES)):
        yield {"role": role, "size": size, "industry": industry, "edits": "[]"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seconds", type=float, default=4.0, help="at most this long per run (default 4)"
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=2000,
        help="at most this many requests per run (default 2000)",
    )
    add_quick(parser)
    args = parser.parse_args()
    if quick(args):
        args.seconds, args.requests = 0.5, 40
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "serve.log"
        server = start_server(port, Path(tmp) / "bench.sqlite3", log)
        try:
            token = csrf_cookie(port)
            combos = list(itertools.islice(inputs(), len(ROLES) * len(SIZES) * len(INDUSTRIES)))
            repeat = [request_bytes("/preview", c, token) for c in combos]
            fresh_counter = itertools.count(1000)

            def fresh(i: int) -> bytes:
                c = combos[i % len(combos)]
                return request_bytes("/preview", {**c, "size": str(next(fresh_counter))}, token)

            docx = [request_bytes("/download", {**c, "format": "docx"}, token) for c in combos]
            print(
                f"jdgen serve on 127.0.0.1:{port}, one uvicorn process ({server_stack(log)}); "
                f"{os.cpu_count()} CPUs on this machine, load average {load_average()}"
            )
            asyncio.run(
                run(
                    port,
                    4,
                    min(len(repeat) * 2, args.requests),
                    10,
                    lambda i: repeat[i % len(repeat)],
                )
            )  # warm up
            for name, make in (
                ("preview repeat", lambda i: repeat[i % len(repeat)]),
                ("preview fresh", fresh),
                ("docx download", lambda i: docx[i % len(docx)]),
            ):
                for clients in (1, 8, 32):
                    before = cpu_seconds(server.pid)
                    elapsed, latencies, errors = asyncio.run(
                        run(port, clients, args.requests, args.seconds, make)
                    )
                    after = cpu_seconds(server.pid)
                    cpu = after - before if before is not None and after is not None else None
                    report(name, clients, elapsed, latencies, errors, cpu)
        finally:
            server.terminate()
            server.wait(10)
    print(f"(figures vary with the load of the machine: load average {load_average()} at the end)")


if __name__ == "__main__":
    main()
