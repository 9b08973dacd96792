"""``jdgen serve``: a local web page to build, preview, edit, check and download a posting.

A thin layer like the CLI: :mod:`jdgen.web.pages` (HTML pages and htmx fragments) and
:mod:`jdgen.web.api` (JSON under ``/api/``) call the same stages through
:mod:`jdgen.web.service`; drafts live in SQLite (:mod:`jdgen.web.store`); safety
(token, CSRF, limits, CSP) is one middleware (:mod:`jdgen.web.security`).
"""
