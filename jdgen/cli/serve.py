"""``jdgen serve``: the web page, on this computer."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from jdgen.cli.common import catalog_options, templates_option
from jdgen.errors import JdgenError

TOKEN_ENV = "JDGEN_TOKEN"


def server_stack() -> str:
    """The HTTP parser and event loop uvicorn runs with ``http="auto"``, ``loop="auto"``:
    httptools and uvloop where they are installed (``uvicorn[standard]``), else h11 and
    asyncio."""
    from uvicorn.protocols.http.auto import AutoHTTPProtocol

    http = "httptools" if "httptools" in AutoHTTPProtocol.__module__ else "h11"
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return f"{http}, asyncio"
    return f"{http}, uvloop"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; any other than loopback needs --token.",
)
@click.option(
    "--db",
    "db",
    type=click.Path(path_type=Path, dir_okay=False),
    help="SQLite file for drafts and profiles (default: in your user data folder).",
)
@click.option(
    "--token", envvar=TOKEN_ENV, help=f"Access token every request must carry (or set {TOKEN_ENV})."
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in your browser.")
@catalog_options
@templates_option
def serve(
    port: int,
    host: str,
    db: Path | None,
    token: str | None,
    open_browser: bool,
    catalog_dirs: tuple[Path, ...],
    template_dirs: tuple[Path, ...],
) -> None:
    """Start the web page: build, preview, edit, check and download postings.

    \b
    Examples:
      jdgen serve --open
      jdgen serve --port 8080 --db team-drafts.sqlite3
      jdgen serve --catalog our-roles --templates our-templates
      JDGEN_TOKEN=a-long-team-secret jdgen serve --host 0.0.0.0
    """
    if not is_loopback(host) and not token:
        raise JdgenError(
            f"--host {host}: listening beyond this computer needs an access token "
            f"(--token TOKEN or the {TOKEN_ENV} environment variable)"
        )
    if token is not None and len(token) < 12:
        raise JdgenError("--token: use at least 12 characters")
    for folder in template_dirs:
        if not folder.is_dir():
            raise JdgenError(f"--templates: {folder}: not a directory")
    import uvicorn

    from jdgen.cli.common import load_catalog_for
    from jdgen.web.app import create_app, default_db, settle_heap

    catalog = load_catalog_for(catalog_dirs)
    path = db or default_db()
    try:
        app = create_app(path, token=token, catalog=catalog, template_dirs=template_dirs)
    except OSError as exc:
        raise JdgenError(f"--db {path}: {exc.strerror or exc}") from None
    settle_heap()
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    address = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    click.secho(
        f"jdgen serve: {address}  (drafts in {path}; {server_stack()}; Ctrl+C stops)",
        fg="green",
        err=True,
    )
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(0.8, webbrowser.open, [address]).start()
    uvicorn.run(
        app,
        host=host,
        port=port,
        http="auto",  # httptools when installed, else h11
        loop="auto",  # uvloop when installed, else asyncio
        log_level="warning",
        server_header=False,
    )
