"""The JSON API under ``/api/``: roles, postings, formats, checks, drafts and profiles.

Each route calls the same stages as the CLI (:mod:`jdgen.web.service`).  Bad input is a
422 whose ``detail`` lists ``{loc, msg}`` with the field path, like FastAPI's own
validation errors; a missing draft is a 404 and a stale save a 409.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from jdgen.web import service
from jdgen.web.service import InputError, PostingRequest
from jdgen.web.store import StaleVersion, Store, StoreError

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
    model_config = ConfigDict(extra="forbid")

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


def role_groups(query: str, level: str | None) -> list[LevelGroup]:
    from jdgen.role_search import search_roles

    cat = service.catalog()
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
    q: str = Query("", max_length=200, description="Title, alias or duty text; fuzzy."),
    level: str | None = Query(None, max_length=40),
) -> Any:
    """Roles matching ``q``, grouped by level (senior first): the CLI's lookup."""
    from jdgen.errors import UnknownChoiceError

    try:
        return RoleList(query=q, groups=role_groups(q, level))
    except UnknownChoiceError as exc:
        return unprocessable([service.FieldError(("level",), str(exc))])


def _built(body: PostingRequest) -> service.Built:
    return service.build(body)


@router.post("/posting")
def posting(body: PostingRequest) -> Response:
    """The JobDescription for a role and company, as ``jdgen generate --format json`` writes it."""
    try:
        data = service.render(_built(body), "json")
    except InputError as exc:
        return unprocessable(exc.errors)
    return Response(data, media_type="application/json")


@router.post("/render/{fmt}")
def render(fmt: FormatName, body: PostingRequest) -> Response:
    """The posting in one format; the bytes the CLI writes for the same inputs."""
    try:
        data = service.render(_built(body), fmt)
    except InputError as exc:
        return unprocessable(exc.errors)
    return Response(data, media_type=MEDIA_TYPES[fmt])


@router.post("/lint")
def lint(body: PostingRequest) -> Response:
    """Score and findings of ``jdgen lint`` for the posting."""
    try:
        report = service.lint(_built(body))
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


@router.get("/drafts", response_model=list[DocumentOut])
def drafts(request: Request) -> Any:
    """Saved posting drafts, most recent first."""
    return _documents(request, "draft")


@router.post("/drafts", response_model=VersionOut, status_code=201)
def create_draft(request: Request, body: DraftIn) -> Any:
    """A new draft; ``data`` holds ``role``, ``company`` and ``edits``."""
    return _save(request, "draft", None, body)


@router.get("/drafts/{doc_id}", response_model=DocumentOut)
def get_draft(request: Request, doc_id: DocId) -> Any:
    return _get(request, "draft", doc_id)


@router.post(
    "/drafts/{doc_id}/versions",
    response_model=VersionOut,
    responses={409: {"description": "Based on an older version than the latest"}},
)
def save_draft(request: Request, doc_id: DocId, body: DraftIn) -> Any:
    """A new version of a draft, refused (409) when ``base_version`` is not the latest."""
    return _save(request, "draft", doc_id, body)


@router.get("/drafts/{doc_id}/versions", response_model=list[VersionOut])
def draft_versions(request: Request, doc_id: DocId) -> Any:
    _get(request, "draft", doc_id)
    return [
        VersionOut.model_validate(v, from_attributes=True)
        for v in store_of(request).versions(doc_id)
    ]


@router.post("/drafts/{doc_id}/restore/{number}", response_model=VersionOut)
def restore_draft(
    request: Request, doc_id: DocId, number: Number, base_version: int = Query(ge=1, le=MAX_ID)
) -> Any:
    """A new version with the data of version ``number``."""
    store = store_of(request)
    _get(request, "draft", doc_id)
    try:
        return VersionOut.model_validate(
            store.restore(doc_id, number, base_version), from_attributes=True
        )
    except StaleVersion as exc:
        return JSONResponse({"detail": str(exc)}, status_code=409)
    except StoreError as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/profiles", response_model=list[DocumentOut])
def profiles(request: Request) -> Any:
    """Saved company profiles (``data`` holds the fields of a company file)."""
    return _documents(request, "profile")


@router.post("/profiles", response_model=VersionOut, status_code=201)
def create_profile(request: Request, body: DraftIn) -> Any:
    return _save(request, "profile", None, body)


@router.get("/profiles/{doc_id}", response_model=DocumentOut)
def get_profile(request: Request, doc_id: DocId) -> Any:
    return _get(request, "profile", doc_id)


@router.post("/profiles/{doc_id}/versions", response_model=VersionOut)
def save_profile(request: Request, doc_id: DocId, body: DraftIn) -> Any:
    return _save(request, "profile", doc_id, body)
