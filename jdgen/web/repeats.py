"""Previews seen before, answered before the framework runs.

A user toggling size or industry back and forth posts the same form again and again.
The ``/preview`` route keeps its fragments by form content, but reaching it costs more
than building the answer: routing, the request object, form parsing, the response
object, each layer's wrapper of ``send``.  :class:`RepeatPreviews` sits just inside
:class:`~jdgen.web.security.SecurityMiddleware` (so the access token, the origin check, the
body limit and the headers apply as to every request) and, for a form body it has seen,
checks the CSRF token and sends the fragment the route sent for it.

The key is the body as sent, less its ``csrf_token`` field: two bodies share a key only
when every other byte is the same, so they are the same form and get the same fragment.
Anything else (another path, a multipart body, a body seen for the first time, a failed
CSRF check) goes on to the route unchanged, and a 200 answer to a new body is kept.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote_plus

from jdgen.web.security import CSRF_FIELD, ASGIApp, Message, Receive, Scope, Send, check_csrf
from jdgen.web.service import LRU

PATH = "/preview"
FORM = b"application/x-www-form-urlencoded"
_CSRF_PREFIX = CSRF_FIELD.encode() + b"="
HTML_HEADERS = [(b"content-type", b"text/html; charset=utf-8")]


def split_csrf(body: bytes) -> tuple[bytes, str | None]:
    """The body without its CSRF field (the cache key), and that field's value."""
    kept, token = [], None
    for part in body.split(b"&"):
        if part.startswith(_CSRF_PREFIX):
            token = unquote_plus(part[len(_CSRF_PREFIX) :].decode("latin-1"))
        else:
            kept.append(part)
    return b"&".join(kept), token


def _is_form_post(scope: Scope) -> bool:
    if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != PATH:
        return False
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            return bool(value.split(b";", 1)[0].strip().lower() == FORM)
    return False


async def _read_body(receive: Receive) -> bytes | None:
    """The whole body, or None when the client went away."""
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


class RepeatPreviews:
    def __init__(self, app: ASGIApp, size: int = 512) -> None:
        self.app = app
        self.fragments: LRU[bytes] = LRU(size)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _is_form_post(scope):
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive)
        if body is None:
            return
        key, token = split_csrf(body)
        cached = self.fragments.get(key.decode("latin-1"))
        if cached is not None and check_csrf(scope.get("state", {}), _Headers(scope), token):
            await _send_html(send, cached)
            return
        await self.app(scope, _replay(body, receive), self._keep(key, send))

    def _keep(self, key: bytes, send: Send) -> Send:
        """``send``, keeping the fragment of a 200 answer under ``key``."""
        status = 0
        parts: list[bytes] = []

        async def keeping(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and status == 200:
                parts.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self.fragments.put(key.decode("latin-1"), b"".join(parts))
            await send(message)

        return keeping


class _Headers:
    """The one header :func:`check_csrf` reads, from the raw ASGI headers."""

    def __init__(self, scope: Scope) -> None:
        self.raw: list[tuple[bytes, bytes]] = scope.get("headers", [])

    def get(self, name: str, default: Any = None) -> Any:
        wanted = name.encode("latin-1")
        for key, value in self.raw:
            if key == wanted:
                return value.decode("latin-1")
        return default


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the body already read, then what the client sends next."""
    sent = False

    async def again() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return again


async def _send_html(send: Send, body: bytes) -> None:
    headers = [*HTML_HEADERS, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})
