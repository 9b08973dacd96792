"""The pages of ``jdgen serve`` and the fragments htmx swaps into them.

Routes read the form (:mod:`jdgen.web.forms`), call the stages (:mod:`jdgen.web.service`)
and render ``templates/web/`` through jdgen's one sandboxed, autoescaping Jinja
environment.  Nothing here decides what a posting says.
"""

from __future__ import annotations

import json
import secrets
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from jdgen.edits import Edit
from jdgen.web import service, views
from jdgen.web.forms import edits_json, request_from_form
from jdgen.web.security import CSRF_FIELD, check_csrf
from jdgen.web.service import FieldError, PostingRequest, site_of
from jdgen.web.store import StaleVersion, Store, StoreError

router = APIRouter(include_in_schema=False)

DEFAULT_ROLE = "director-of-operations"
#: Added to the role id in a download's file name: director-of-operations-description.docx.
FILE_ENDINGS = {"posting": "", "description": "-description"}


def render_page(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    from jdgen.templating import render_file

    values.setdefault("csrf", request.state.csrf)
    for key in ("oob", "report", "saved_message", "nav", "error", "conflict"):
        values.setdefault(key, None)
    values.setdefault("pay_errors", [])
    html = render_file(f"web/{template}", values)
    return HTMLResponse(html, status_code=status)


async def read_form(request: Request) -> FormData:
    """The posted form, after its CSRF token is checked."""
    form = await request.form(max_files=1, max_fields=400, max_part_size=6 * 1024 * 1024)
    token = form.get(CSRF_FIELD)
    if not check_csrf(
        request.state._state, request.headers, token if isinstance(token, str) else None
    ):
        raise HTTPException(403, "The form has expired: reload the page and try again.")
    return form


def text_fields(form: FormData) -> dict[str, str]:
    return {k: v for k, v in form.items() if isinstance(v, str)}


async def posted_request(
    request: Request,
) -> tuple[dict[str, str], PostingRequest | None, list[FieldError]]:
    """The posted form's text fields and the posting request they describe."""
    form = text_fields(await read_form(request))
    req, errors = request_from_form(form)
    return form, req, errors


def store_of(request: Request) -> Store:
    store = request.app.state.store
    assert isinstance(store, Store)
    return store


# -- the build page ----------------------------------------------------------


def build_page(
    request: Request, state: dict[str, Any], status: int = 200, **extra: Any
) -> HTMLResponse:
    site = site_of(request)
    cat = site.catalog()
    company = state.get("company") or {}
    role = state.get("role") or DEFAULT_ROLE
    values = views.form_values(company, cat)
    slots = views.slot_paths(values["location_rows"], values["section_rows"])
    try:
        req = PostingRequest.model_validate(
            {**state_request(state), "role": role, "company": company}
        )
        values.update(views.preview_values(site, req, list(extra.pop("errors", [])), slots))
    except Exception:  # a draft saved by an older jdgen: show the form, not a server error
        values.update(
            views.preview_values(
                site, None, [FieldError(("form",), "this draft could not be read")], slots
            )
        )
    built = values.get("built")
    if built is not None:
        values.update(views.lint_values(built))
    groups = _role_groups(cat, "", role)
    return render_page(
        request,
        "build.html.j2",
        status,
        nav="build",
        role=built.role.id if built else role,
        q="",
        groups=groups,
        profiles=store_of(request).documents("profile"),
        draft_id=state.get("draft_id"),
        base_version=state.get("base_version"),
        draft_name=state.get("draft_name", ""),
        kind=state.get("kind") or "posting",
        salary_range=state.get("salary_range") or "",
        **values,
        **extra,
    )


def _role_groups(cat: Any, query: str, selected: str | None) -> list[Any]:
    """The roles matching ``query`` by level, with the selected role first in a group of its own."""
    from jdgen.web.api import LevelGroup, RoleItem, role_groups

    groups = role_groups(cat, query, None)
    chosen = cat.roles.get(selected or "")
    if chosen is None:
        return groups
    for g in groups:
        g.roles = [r for r in g.roles if r.id != chosen.id]
    item = RoleItem(
        id=chosen.id,
        title=chosen.title,
        level=chosen.level,
        aliases=chosen.aliases,
        specialized=chosen.specialized,
    )
    selected_group = LevelGroup(level="selected", name="", roles=[item])
    return [selected_group, *(g for g in groups if g.roles)]


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    draft: int | None = None,
    version: int | None = None,
    profile: int | None = None,
    role: str | None = None,
) -> HTMLResponse:
    store = store_of(request)
    state: dict[str, Any] = {"role": role}
    try:
        if draft is not None:
            doc = store.get(draft, "draft")
            chosen = store.version(draft, version) if version else doc.latest
            state = {
                **chosen.data,
                "draft_id": doc.id,
                "base_version": chosen.number,
                "draft_name": doc.name,
            }
        elif profile is not None:
            state["company"] = store.get(profile, "profile").latest.data
    except StoreError as exc:
        raise HTTPException(404, str(exc)) from None
    return build_page(request, state)


@router.get("/roles/search", response_class=HTMLResponse)
def role_search(request: Request, q: str = "", role: str = "") -> HTMLResponse:
    return render_page(
        request,
        "_roles.html.j2",
        groups=_role_groups(site_of(request).catalog(), q[:200], role),
        q=q[:200],
        role=role,
    )


def preview_response(
    request: Request, req: PostingRequest | None, errors: list[FieldError], form: dict[str, str]
) -> HTMLResponse:
    locations = sum(1 for k in form if k.startswith("locations.") and k.endswith(".city"))
    sections = sum(
        1 for k in form if k.startswith("posting.extra_sections.") and k.endswith(".heading")
    )
    slots = views.slot_paths(max(locations, 1), max(sections, 1))
    values = views.preview_values(site_of(request), req, errors, slots)
    values.pop("built", None)
    return render_page(
        request,
        "_preview.html.j2",
        oob=True,
        kind=req.kind if req is not None else form.get("kind", "posting"),
        had_errors=bool(form.get("had_errors")),
        draft_id=form.get("draft_id", ""),
        base_version=form.get("base_version", ""),
        **values,
    )


@router.post("/preview", response_class=HTMLResponse)
async def preview(request: Request) -> HTMLResponse:
    form = text_fields(await read_form(request))
    fragments = site_of(request).fragments
    key = json.dumps(sorted((k, v) for k, v in form.items() if k != CSRF_FIELD))
    cached = fragments.get(key)
    if cached is not None:
        return HTMLResponse(cached)
    req, errors = request_from_form(form)
    response = preview_response(request, req, errors, form)
    fragments.put(key, bytes(response.body))
    return response


@router.post("/checks", response_class=HTMLResponse)
async def checks(request: Request) -> HTMLResponse:
    _, req, errors = await posted_request(request)
    if req is None or errors:
        return HTMLResponse('<div id="lint"></div>')
    try:
        built = site_of(request).build(req)
    except service.InputError:
        return HTMLResponse('<div id="lint"></div>')
    return render_page(request, "_lint.html.j2", oob=True, **views.lint_values(built))


def _position(site: service.Site, req: PostingRequest, bullet: str) -> tuple[int, str] | None:
    """Where the bullet is in its list of the posting as edited so far, and its text."""
    try:
        built = site.build(req)
    except service.InputError:
        return None
    for lst in built.edited.lists:
        for i, (key, b) in enumerate(lst.items):
            if key == bullet:
                return i, b.text
    return None


def new_edit(site: service.Site, form: dict[str, str], req: PostingRequest) -> Edit | None:
    """The edit a button asked for: its op, the bullet (from the li) and the new text."""
    op, bullet = form.get("op", ""), form.get("bullet", "")
    data: dict[str, Any] = {"op": op, "bullet": bullet}
    if op == "add":
        data.update(
            bullet=f"user:a-{secrets.token_hex(5)}",
            target=form.get("target"),
            text=form.get("add_text", "").strip(),
        )
    else:
        found = _position(site, req, bullet)
        if found is None:
            return None
        index, data["was"] = found
        if op in ("up", "down"):
            data.update(op="move", index=max(0, index + (-1 if op == "up" else 1)))
        elif op == "reword":
            data["text"] = form.get("new_text", "").strip()
    try:
        return Edit.model_validate(data)
    except ValueError:
        return None


@router.post("/edit", response_class=HTMLResponse)
async def edit(request: Request) -> HTMLResponse:
    """Apply one more edit (remove, reword, move, add) and show the preview."""
    form, req, errors = await posted_request(request)
    change = new_edit(site_of(request), form, req) if req is not None and not errors else None
    if req is not None and change is not None:
        same = change.op in ("reword", "move")
        kept = [
            e for e in req.edits if not (same and e.bullet == change.bullet and e.op == change.op)
        ]
        req = req.model_copy(update={"edits": [*kept, change]})
    return preview_response(request, req, errors, form)


@router.post("/edits/clear", response_class=HTMLResponse)
async def clear_edits(request: Request) -> HTMLResponse:
    form = text_fields(await read_form(request))
    req, errors = request_from_form({**form, "edits": "[]"})
    return preview_response(request, req, errors, form)


@router.get("/edit/reword", response_class=HTMLResponse)
def reword_form(request: Request) -> HTMLResponse:
    """The bullet's wording in a text box, in place of the bullet."""
    form = dict(request.query_params)
    req, errors = request_from_form(form)
    bullet = form.get("bullet", "")[:80]
    found = _position(site_of(request), req, bullet) if req is not None and not errors else None
    if found is None:
        raise HTTPException(404, "that line is not in the posting any more")
    return render_page(request, "_reword.html.j2", bullet=bullet, text=found[1])


@router.get("/partials/{kind}", response_class=HTMLResponse)
def partial_row(request: Request, kind: str, i: int = 0) -> HTMLResponse:
    if kind not in ("location", "section") or not 0 <= i < 20:
        raise HTTPException(404, "no such part")
    return render_page(request, "_row.html.j2", kind=kind, i=i, v={}, errors={})


# -- downloads ---------------------------------------------------------------


@router.post("/download")
async def download(request: Request) -> Response:
    from jdgen.render import FORMATS
    from jdgen.web.api import MEDIA_TYPES
    from jdgen.web.uploads import UploadError, check_docx

    raw = await read_form(request)
    form = text_fields(raw)
    fmt = form.get("format", "docx")
    state: dict[str, Any] = {"role": form.get("role"), "company": {}, "edits": []}
    req, errors = request_from_form(form)
    if req is not None:
        state = draft_data(req)
    state.update(
        draft_id=form.get("draft_id"),
        base_version=form.get("base_version"),
        draft_name=form.get("draft_name", ""),
    )
    if fmt not in FORMATS:
        errors.append(FieldError(("format",), f"unknown format '{fmt}'"))
    reference = None
    upload = raw.get("reference_docx")
    if isinstance(upload, UploadFile) and upload.filename:
        try:
            reference = check_docx(await upload.read(), upload.filename)
        except UploadError as exc:
            errors.append(FieldError(("reference_docx",), str(exc)))
        if fmt != "docx" and reference is not None:
            errors.append(
                FieldError(("reference_docx",), "a Word design applies to the .docx download only")
            )
    if errors or req is None:
        return build_page(request, state, 422, errors=errors)
    try:
        site = site_of(request)
        built = site.build(req)
        data = site.render(built, fmt, reference)
    except service.InputError as exc:
        return build_page(request, state, 422, errors=exc.errors)
    except Exception as exc:  # a reference .docx python-docx cannot build in
        from jdgen.errors import JdgenError

        if reference is None or not isinstance(exc, (JdgenError, ValueError, KeyError)):
            raise
        return build_page(
            request,
            state,
            422,
            errors=[
                FieldError(
                    ("reference_docx",), f"cannot build the posting in this Word file: {exc}"
                )
            ],
        )
    filename = f"{built.role.id}{FILE_ENDINGS[req.kind]}{FORMATS[fmt].suffixes[0]}"
    return Response(
        data,
        media_type=MEDIA_TYPES[fmt],
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


# -- drafts and profiles -----------------------------------------------------


#: What a draft holds: a posting request (kind and pay range only when given).
REQUEST_KEYS = ("role", "company", "edits", "kind", "salary_range")


def draft_data(req: PostingRequest) -> dict[str, Any]:
    data = req.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data.setdefault("company", {})
    data["edits"] = [e.model_dump(exclude_none=True) for e in req.edits]
    return data


def state_request(state: dict[str, Any]) -> dict[str, Any]:
    """The posting request fields of a draft or page state."""
    return {k: state[k] for k in REQUEST_KEYS if state.get(k) is not None}


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isascii() and value.isdigit() and len(value) < 12 else None


def _draft_name(store: Store, doc_id: int | None) -> str | None:
    try:
        return store.get(doc_id, "draft").name if doc_id is not None else None
    except StoreError:
        return None


@router.post("/drafts/save", response_class=HTMLResponse)
async def save_draft(request: Request) -> HTMLResponse:
    form, req, errors = await posted_request(request)
    if req is None:
        return render_page(request, "_saved.html.j2", error="; ".join(e.msg for e in errors))
    from jdgen.templating import render_file

    store = store_of(request)
    cat = site_of(request).catalog()
    role = cat.roles.get(req.role) or cat.named_role(req.role)
    given = (form.get("draft_name") or "").strip()[:200]
    note = (form.get("note") or "").strip()[:500]
    doc_id, base = _int(form.get("draft_id")), _int(form.get("base_version"))
    name = given or _draft_name(store, doc_id) or (role.title if role else req.role)
    data = draft_data(req)
    conflict, name_of_copy = None, ""
    try:
        if doc_id is None or base is None:
            version = store.create("draft", name, data, note)
        else:
            version = store.save(doc_id, data, base, note, given or None)
    except StaleVersion as exc:
        copy_name = render_file("web/_copy_name.txt.j2", {"name": name}).strip()
        copy = store.create("draft", copy_name, data, note)
        conflict = (exc, copy)
        name_of_copy = copy_name
        version = copy
    except StoreError:
        version = store.create("draft", name, data, note)
    response = render_page(
        request,
        "_saved.html.j2",
        version=version,
        name=name,
        conflict=conflict,
        copy_name=name_of_copy,
        oob=True,
        edits_json=edits_json(req.edits),
        draft_id=version.document_id,
        base_version=version.number,
    )
    response.headers["HX-Push-Url"] = f"/?draft={version.document_id}"
    return response


@router.post("/profiles/save", response_class=HTMLResponse)
async def save_profile(request: Request) -> HTMLResponse:
    from jdgen.web.forms import company_from_form

    form = text_fields(await read_form(request))
    name = (form.get("profile_name") or form.get("name") or "").strip()[:200]
    if not name:
        return render_page(request, "_profile_saved.html.j2", name="")
    store = store_of(request)
    existing = next((d for d in store.documents("profile") if d.name == name), None)
    data = company_from_form(form)
    if existing is None:
        store.create("profile", name, data)
    else:
        store.save(existing.id, data, existing.latest.number)
    return render_page(request, "_profile_saved.html.j2", name=name)


@router.get("/drafts", response_class=HTMLResponse)
def drafts_page(request: Request) -> HTMLResponse:
    store = store_of(request)
    cat = site_of(request).catalog()
    return render_page(
        request,
        "drafts.html.j2",
        nav="drafts",
        drafts=store.documents("draft"),
        profiles=store.documents("profile"),
        roles=cat.roles,
    )


@router.get("/drafts/{doc_id}", response_class=HTMLResponse)
def history_page(request: Request, doc_id: int) -> HTMLResponse:
    store = store_of(request)
    try:
        doc = store.get(doc_id, "draft")
    except StoreError as exc:
        raise HTTPException(404, str(exc)) from None
    return render_page(
        request,
        "history.html.j2",
        nav="drafts",
        doc=doc,
        versions=store.versions(doc_id),
        restored=request.query_params.get("restored"),
    )


def markdown_of(site: service.Site, data: dict[str, Any]) -> str:
    try:
        req = PostingRequest.model_validate(state_request(data))
        return site.render(site.build(req), "md").decode("utf-8")
    except (service.InputError, ValueError) as exc:
        return f"(this version cannot be built: {exc})\n"


@router.get("/drafts/{doc_id}/diff", response_class=HTMLResponse)
def diff_page(request: Request, doc_id: int, a: int, b: int) -> HTMLResponse:
    import difflib

    store = store_of(request)
    try:
        doc = store.get(doc_id, "draft")
        old, new = store.version(doc_id, a), store.version(doc_id, b)
    except StoreError as exc:
        raise HTTPException(404, str(exc)) from None
    lines = list(
        difflib.unified_diff(
            markdown_of(site_of(request), old.data).splitlines(),
            markdown_of(site_of(request), new.data).splitlines(),
            f"version {a}",
            f"version {b}",
            lineterm="",
            n=2,
        )
    )
    return render_page(
        request, "diff.html.j2", nav="drafts", doc=doc, old=old, new=new, lines=lines
    )


@router.post("/drafts/{doc_id}/restore/{number}")
async def restore(request: Request, doc_id: int, number: int) -> Response:
    form = text_fields(await read_form(request))
    store = store_of(request)
    base = _int(form.get("base_version"))
    try:
        store.restore(doc_id, number, base or 0)
    except StaleVersion:
        return RedirectResponse(f"/drafts/{doc_id}?restored=stale", status_code=303)
    except StoreError as exc:
        raise HTTPException(404, str(exc)) from None
    return RedirectResponse(f"/drafts/{doc_id}?restored={number}", status_code=303)


# -- compare and ladder ------------------------------------------------------


def _company_for(
    request: Request, profile: int | None, size: str, industry: str
) -> tuple[Any, list[FieldError], dict[str, Any]]:
    data: dict[str, Any] = {}
    if profile is not None:
        try:
            data = dict(store_of(request).get(profile, "profile").latest.data)
        except StoreError as exc:
            raise HTTPException(404, str(exc)) from None
    if size:
        data["size"] = size[:40]
    if industry:
        data["industry"] = industry[:40]
    company, errors = service.company_errors(data, site_of(request).catalog())
    return company, errors, data


def markdown_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return str(MarkdownIt("commonmark", {"html": False}).enable("table").render(text))


def role_options(cat: Any) -> list[tuple[str, list[tuple[str, str]]]]:
    from jdgen.role_search import ordered_roles

    groups: dict[str, list[tuple[str, str]]] = {}
    for r in ordered_roles(cat):
        groups.setdefault(cat.levels[r.level].name, []).append((r.id, r.title))
    return list(groups.items())


@router.get("/compare", response_class=HTMLResponse)
def compare_page(
    request: Request,
    a: str | None = None,
    b: str = "director-of-operations",
    size: str = "",
    industry: str = "",
    profile: int | None = None,
) -> HTMLResponse:
    from markupsafe import Markup

    from jdgen.compare import compare
    from jdgen.errors import JdgenError
    from jdgen.render.comparison import to_markdown

    cat = site_of(request).catalog()
    if a is None:  # "compare this role with another": start from a different one
        a = "vp-of-operations" if b != "vp-of-operations" else "director-of-operations"
    company, errors, data = _company_for(request, profile, size, industry)
    body = None
    for key, query in (("a", a), ("b", b)):
        if query not in cat.roles and cat.named_role(query) is None:
            errors.append(FieldError((key,), f"no role '{query[:80]}'"))
    if company is not None and not errors:
        try:
            result = compare(cat.find_role(a), cat.find_role(b), company, cat)
            body = Markup(markdown_html(to_markdown(result)))
        except JdgenError as exc:
            errors.append(FieldError(("b",), str(exc)))
    return render_page(
        request,
        "compare.html.j2",
        nav="compare",
        body=body,
        problems=[f"{views.field_path(e)}: {e.msg}" for e in errors],
        a=a,
        b=b,
        size=data.get("size", ""),
        industry=data.get("industry", ""),
        profile=profile,
        role_groups=role_options(cat),
        industries=[(i.id, i.name) for i in cat.industries.values()],
        sizes=list(cat.sizes.values()),
        profiles=store_of(request).documents("profile"),
    )


@router.get("/ladder", response_class=HTMLResponse)
def ladder_page(
    request: Request, role: str = "director-of-operations", depth: int = 1
) -> HTMLResponse:
    from functools import partial

    from jdgen.ladder import role_view
    from jdgen.render.ladder import describe

    cat = site_of(request).catalog()
    view, problems = None, list[tuple[str, str]]()
    found = cat.roles.get(role) or cat.named_role(role)
    if found is None:
        problems.append(("role", f"no role '{role[:80]}'"))
    else:
        view = role_view(cat, found, max(1, min(depth, 3)))
    return render_page(
        request,
        "ladder.html.j2",
        nav="ladder",
        view=view,
        describe=partial(describe, cat.ladder_text),
        role=found.id if found else role,
        depth=depth,
        role_groups=role_options(cat),
        problems=problems,
    )
