"""The JSON API under ``/api/``: roles, postings, formats, checks, drafts and profiles.

Each route calls the same stages as the CLI (:mod:`jdgen.web.service`).  Bad input is a
422 whose ``detail`` lists ``{loc, msg}`` with the field path, like FastAPI's own
validation errors; a missing draft is a 404 and a stale save a 409.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from jdgen.web import service
from jdgen.web.service import InputError, PostingRequest, site_of
from jdgen.web.store import StaleVersion, Store, StoreError

if TYPE_CHECKING:
    from jdgen.catalog import Catalog

router = APIRouter(prefix="/api")

#: Ids and version numbers: SQLite integers.
MAX_ID = 2**62
DocId = Annotated[int, Path(ge=1, le=MAX_ID)]
Number = Annotated[int, Path(ge=1, le=MAX_ID)]

MEDIA_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "jsonld": "application/ld+json",
    "json": "application/json",
    "txt": "text/plain; charset=utf-8",
}
FormatName = Literal["md", "docx", "html", "jsonld", "json", "txt"]


class RoleItem(BaseModel):
    id: str
    title: str
    level: str
    aliases: list[str]
    specialized: bool


class LevelGroup(BaseModel):
    level: str
    name: str
    roles: list[RoleItem]


class RoleList(BaseModel):
    query: str
    groups: list[LevelGroup]


class DraftIn(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    name: str = Field(min_length=1, max_length=200)
    note: str = Field(default="", max_length=500)
    #: The version this save is based on; omit to create a new document.
    base_version: int | None = Field(default=None, ge=1, le=2**62)
    data: dict[str, Any]


class VersionOut(BaseModel):
    document_id: int
    number: int
    saved: str
    note: str
    data: dict[str, Any]


class DocumentOut(BaseModel):
    id: int
    kind: str
    name: str
    created: str
    latest: VersionOut


def unprocessable(errors: list[service.FieldError]) -> JSONResponse:
    return JSONResponse({"detail": [e.as_detail() for e in errors]}, status_code=422)


def store_of(request: Request) -> Store:
    store = request.app.state.store
    assert isinstance(store, Store)
    return store


def role_groups(cat: Catalog, query: str, level: str | None) -> list[LevelGroup]:
    from jdgen.role_search import search_roles

    groups: dict[str, LevelGroup] = {}
    for r in search_roles(cat, query, level, fuzzy=True):
        lv = cat.levels[r.level]
        group = groups.setdefault(r.level, LevelGroup(level=lv.id, name=lv.name, roles=[]))
        group.roles.append(
            RoleItem(
                id=r.id, title=r.title, level=r.level, aliases=r.aliases, specialized=r.specialized
            )
        )
    return list(groups.values())


@router.get("/roles", response_model=RoleList)
def roles(
    request: Request,
    q: str = Query("", max_length=200, description="Title, alias or duty text; fuzzy."),
    level: str | None = Query(None, max_length=40),
) -> Any:
    """Roles matching ``q``, grouped by level (senior first): the CLI's lookup."""
    from jdgen.errors import UnknownChoiceError

    try:
        return RoleList(query=q, groups=role_groups(site_of(request).catalog(), q, level))
    except UnknownChoiceError as exc:
        return unprocessable([service.FieldError(("level",), str(exc))])


@router.post("/posting")
def posting(request: Request, body: PostingRequest) -> Response:
    """The JobDescription for a role and company, as ``jdgen generate --format json`` writes it."""
    try:
        site = site_of(request)
        data = site.render(site.build(body), "json")
    except InputError as exc:
        return unprocessable(exc.errors)
    return Response(data, media_type="application/json")


@router.post("/render/{fmt}")
def render(request: Request, fmt: FormatName, body: PostingRequest) -> Response:
    """The posting in one format; the bytes the CLI writes for the same inputs."""
    try:
        site = site_of(request)
        data = site.render(site.build(body), fmt)
    except InputError as exc:
        return unprocessable(exc.errors)
    return Response(data, media_type=MEDIA_TYPES[fmt])


@router.post("/lint")
def lint(request: Request, body: PostingRequest) -> Response:
    """Score and findings of ``jdgen lint`` for the posting."""
    try:
        report = service.lint(site_of(request).build(body))
    except InputError as exc:
        return unprocessable(exc.errors)
    return JSONResponse(report.to_json())


def _documents(request: Request, kind: Literal["draft", "profile"]) -> list[DocumentOut]:
    return [
        DocumentOut.model_validate(d, from_attributes=True)
        for d in store_of(request).documents(kind)
    ]


def _save(
    request: Request, kind: Literal["draft", "profile"], doc_id: int | None, body: DraftIn
) -> Any:
    store = store_of(request)
    try:
        if doc_id is None:
            version = store.create(kind, body.name, body.data, body.note)
        else:
            store.get(doc_id, kind)
            if body.base_version is None:
                return unprocessable([service.FieldError(("base_version",), "Field required")])
            version = store.save(doc_id, body.data, body.base_version, body.note, body.name)
    except StaleVersion as exc:
        return JSONResponse(
            {
                "detail": str(exc),
                "latest": VersionOut.model_validate(exc.latest, from_attributes=True).model_dump(),
                "yours": body.data,
            },
            status_code=409,
        )
    except StoreError as exc:
        raise HTTPException(404, str(exc)) from None
    return VersionOut.model_validate(version, from_attributes=True)


def _get(request: Request, kind: Literal["draft", "profile"], doc_id: DocId) -> DocumentOut:
    try:
        return DocumentOut.model_validate(store_of(request).get(doc_id, kind), from_attributes=True)
    except StoreError as exc:
        raise HTTPException(404, str(exc)) from None


Kind = Literal["draft", "profile"]

#: Each kind of saved document: its path and what its ``data`` holds.
KINDS: dict[Kind, tuple[str, str]] = {
    "draft": ("drafts", "Posting drafts: ``data`` holds ``role``, ``company`` and ``edits``."),
    "profile": ("profiles", "Company profiles: ``data`` holds the fields of a company file."),
}


def add_document_routes(kind: Kind) -> None:
    """List, create, read, save a version of, list the versions of and restore one kind."""
    plural, what = KINDS[kind]

    def listed(request: Request) -> Any:
        return _documents(request, kind)

    def create(request: Request, body: DraftIn) -> Any:
        return _save(request, kind, None, body)

    def read(request: Request, doc_id: DocId) -> Any:
        return _get(request, kind, doc_id)

    def save(request: Request, doc_id: DocId, body: DraftIn) -> Any:
        return _save(request, kind, doc_id, body)

    def versions(request: Request, doc_id: DocId) -> Any:
        _get(request, kind, doc_id)
        return [
            VersionOut.model_validate(v, from_attributes=True)
            for v in store_of(request).versions(doc_id)
        ]

    def restore(
        request: Request, doc_id: DocId, number: Number, base_version: int = Query(ge=1, le=MAX_ID)
    ) -> Any:
        _get(request, kind, doc_id)
        try:
            version = store_of(request).restore(doc_id, number, base_version)
        except StaleVersion as exc:
            return JSONResponse({"detail": str(exc)}, status_code=409)
        except StoreError as exc:
            raise HTTPException(404, str(exc)) from None
        return VersionOut.model_validate(version, from_attributes=True)

    stale = {409: {"description": "Based on an older version than the latest"}}
    one = f"/{plural}/{{doc_id}}"
    routes: list[tuple[str, Any, str, Any, str, dict[str, Any]]] = [
        (f"/{plural}", listed, "GET", list[DocumentOut], f"{what} Most recent first.", {}),
        (f"/{plural}", create, "POST", VersionOut, f"A new one. {what}", {"status_code": 201}),
        (one, read, "GET", DocumentOut, "One, with its latest version.", {}),
        (f"{one}/versions", save, "POST", VersionOut, SAVE_NOTE, {"responses": stale}),
        (f"{one}/versions", versions, "GET", list[VersionOut], "Every version, newest first.", {}),
        (
            f"{one}/restore/{{number}}",
            restore,
            "POST",
            VersionOut,
            RESTORE_NOTE,
            {"responses": stale},
        ),
    ]
    for path, endpoint, method, model, description, extra in routes:
        router.add_api_route(
            path,
            endpoint,
            methods=[method],
            response_model=model,
            name=f"{endpoint.__name__}_{plural}",
            summary=f"{SUMMARIES[endpoint.__name__]} {kind}",
            description=description,
            **extra,
        )


SAVE_NOTE = "A new version, refused (409) when ``base_version`` is not the latest."
RESTORE_NOTE = "A new version with the data of version ``number`` (409 on a stale base)."
SUMMARIES = {
    "listed": "Every saved",
    "create": "Create a",
    "read": "One",
    "save": "Save a version of a",
    "versions": "The versions of a",
    "restore": "Restore a version of a",
}


for _kind in KINDS:
    add_document_routes(_kind)
