"""The FastAPI application: routes, static files, safety middleware and error pages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from jdgen import __version__
from jdgen.web.security import SecurityMiddleware
from jdgen.web.store import Store

if TYPE_CHECKING:
    from jdgen.catalog import Catalog

STATIC_DIR = Path(__file__).resolve().parent / "static"


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error_page(request: Request, status: int, message: str) -> Response:
    if _wants_json(request) or "csrf" not in request.state._state:
        return JSONResponse({"detail": message}, status_code=status)
    from jdgen.web.pages import render_page

    return render_page(request, "error.html.j2", status, code=status, message=message)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    from http import HTTPStatus

    detail = str(exc.detail)
    phrases = {s.value: s.phrase for s in HTTPStatus}
    generic = detail == phrases.get(exc.status_code)  # Starlette's own "Not Found" …
    if generic and not _wants_json(request):
        detail = ""  # the error page says it in words
    return _error_page(request, exc.status_code, detail)


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if _wants_json(request):
        from fastapi.encoders import jsonable_encoder

        return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors()
    )
    return _error_page(request, 422, problems)


def create_app(
    db: Path,
    token: str | None = None,
    secure_cookies: bool = False,
    catalog: Catalog | None = None,
    template_dirs: tuple[Path, ...] = (),
) -> Any:
    """The app, storing drafts in ``db``; with ``token``, every request must carry it.

    Postings are built from ``catalog`` (default: the built-in one) and downloads rendered
    with the user's ``template_dirs`` first, as ``jdgen generate --catalog --templates`` do.
    """
    from jdgen.web import api, pages
    from jdgen.web.repeats import RepeatPreviews
    from jdgen.web.service import Site

    app = FastAPI(
        title="jdgen",
        version=__version__,
        description="Build, check and render job postings; drafts and company profiles.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = Store(db)
    app.state.site = Site(catalog, tuple(template_dirs))
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    return SecurityMiddleware(RepeatPreviews(app), token=token, secure_cookies=secure_cookies)


def settle_heap() -> None:
    """Before serving, with the catalog loaded: move everything alive so far out of the
    garbage collector's sight.  Its full collections then scan only what requests made,
    not the catalog: at the catalog's size a full collection of everything stopped the
    server for 100–200 ms, which the slowest answers waited out.  Python's own collection
    thresholds come back (the command line starts with fewer collections: :mod:`jdgen.heap`)."""
    from jdgen import heap

    heap.settle()


def default_db() -> Path:
    """Where drafts are kept unless ``--db``/``JDGEN_DB`` says otherwise."""
    from platformdirs import user_data_path

    return user_data_path("jdgen", appauthor=False) / "drafts.sqlite3"


def app_from_env() -> Any:
    """The app for ``uvicorn --factory jdgen.web.app:app_from_env`` (several workers):
    ``JDGEN_DB`` (default: the user data folder), ``JDGEN_TOKEN`` (required unless
    ``JDGEN_NO_TOKEN=1``), ``JDGEN_SECURE_COOKIES=1`` behind HTTPS."""
    import os

    token = os.environ.get("JDGEN_TOKEN") or None
    if token is None and os.environ.get("JDGEN_NO_TOKEN") != "1":
        raise SystemExit(
            "error: set JDGEN_TOKEN (or JDGEN_NO_TOKEN=1 when only this computer can reach it)"
        )
    db = Path(os.environ["JDGEN_DB"]) if os.environ.get("JDGEN_DB") else default_db()
    from jdgen.catalog import builtin_catalog

    secure = os.environ.get("JDGEN_SECURE_COOKIES") == "1"
    app = create_app(db, token=token, secure_cookies=secure, catalog=builtin_catalog())
    settle_heap()
    return app
