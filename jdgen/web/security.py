"""Safety of the web app, as one ASGI middleware in front of every route.

* **Access token.**  When the server is started with a token (required for any address
  other than loopback), every request must carry it: ``Authorization: Bearer TOKEN``,
  the ``jdgen_token`` cookie, or ``?token=TOKEN`` once (which sets the cookie).
* **Cross-site requests.**  A POST whose ``Origin`` is not this server is refused; form
  posts must also carry the double-submit token (the ``jdgen_csrf`` cookie, repeated in
  the ``X-CSRF-Token`` header or the ``csrf_token`` field: :func:`check_csrf`).  The JSON
  API accepts only ``application/json`` bodies, which a cross-site form cannot send.
* **Limits.**  Request bodies above a size are refused with 413 before they are read.
* **Headers.**  A Content-Security-Policy without inline scripts or styles, no framing,
  no referrer to other sites, no MIME sniffing.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
#: OpenAPI's own page loads its script from a CDN: jdgen serves the schema, not that page.
TOKEN_COOKIE = "jdgen_token"
CSRF_COOKIE = "jdgen_csrf"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}

#: Largest request body: uploads (multipart) and everything else.
MAX_UPLOAD_BODY = 6 * 1024 * 1024
MAX_BODY = 512 * 1024


class TooLarge(Exception):
    pass


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _cookies(headers: dict[str, str]) -> dict[str, str]:
    """The cookies as browsers read them (Starlette's parser: a stray malformed cookie
    does not hide the others, and it is several times faster than ``SimpleCookie``)."""
    from starlette.requests import cookie_parser

    return cookie_parser(headers.get("cookie", ""))


async def _plain(send: Send, status: int, text: str, extra: list[tuple[bytes, bytes]] = ()) -> None:  # type: ignore[assignment]
    body = text.encode("utf-8")
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        *HEADERS,
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _same_origin(origin: str, host: str) -> bool:
    if origin in ("", "null"):
        return origin == ""
    return urlsplit(origin).netloc.lower() == host.lower()


class SecurityMiddleware:
    def __init__(
        self, app: ASGIApp, token: str | None = None, secure_cookies: bool = False
    ) -> None:
        self.app = app
        self.token = token
        self.secure = "; Secure" if secure_cookies else ""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        cookies = _cookies(headers)
        set_cookies: list[str] = []
        if self.token is not None:
            ok, from_query = self._authorised(scope, headers, cookies)
            if not ok:
                await _plain(
                    send,
                    401,
                    "This jdgen server needs its access token: open the address "
                    "'jdgen serve' printed (it ends in ?token=…), or send "
                    "'Authorization: Bearer TOKEN'.\n",
                    [(b"www-authenticate", b"Bearer")],
                )
                return
            if from_query:
                set_cookies.append(
                    f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict{self.secure}"
                )
        method = scope["method"]
        if method in UNSAFE and not _same_origin(
            headers.get("origin", ""), headers.get("host", "")
        ):
            await _plain(send, 403, "Cross-site request refused.\n")
            return
        csrf = cookies.get(CSRF_COOKIE, "")
        if len(csrf) < 20:
            csrf = secrets.token_urlsafe(24)
            set_cookies.append(
                f"{CSRF_COOKIE}={csrf}; Path=/; HttpOnly; SameSite=Strict{self.secure}"
            )
        scope.setdefault("state", {})["csrf"] = csrf
        scope["state"]["csrf_cookie"] = cookies.get(CSRF_COOKIE, "")
        limit = MAX_UPLOAD_BODY if "multipart/" in headers.get("content-type", "") else MAX_BODY
        length = headers.get("content-length", "")
        if length.isascii() and length.isdigit() and int(length) > limit:
            await _plain(send, 413, f"Request too large (the limit is {limit // 1024} KB).\n")
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise TooLarge()
            return message

        extra = [(b"set-cookie", c.encode("latin-1")) for c in set_cookies]
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *HEADERS, *extra]
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except TooLarge:
            if not started:
                await _plain(send, 413, f"Request too large (the limit is {limit // 1024} KB).\n")

    def _authorised(
        self, scope: Scope, headers: dict[str, str], cookies: dict[str, str]
    ) -> tuple[bool, bool]:
        assert self.token is not None
        expected = self.token.encode()
        bearer = headers.get("authorization", "")
        if bearer.lower().startswith("bearer ") and hmac.compare_digest(
            bearer[7:].strip().encode(), expected
        ):
            return True, False
        if hmac.compare_digest(cookies.get(TOKEN_COOKIE, "").encode(), expected):
            return True, False
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = query.get("token", [""])[0]
        if given and hmac.compare_digest(given.encode(), expected):
            return True, True
        return False, False


def check_csrf(state: dict[str, Any], headers: Any, form_value: str | None) -> bool:
    """A form post carries the double-submit token in a header or a field."""
    cookie = state.get("csrf_cookie", "")
    given = headers.get(CSRF_HEADER) or form_value or ""
    return bool(cookie) and hmac.compare_digest(str(given).encode(), str(cookie).encode())
