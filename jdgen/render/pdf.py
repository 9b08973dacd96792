"""PDF output: the HTML page (:mod:`jdgen.render.html`) printed with WeasyPrint.

The PDF looks like the careers page in print: the same template, its ``@media
print`` and ``@page`` rules (page size from the posting's country, the company's
name at the top of each page, page numbers at the bottom).  WeasyPrint is an
optional extra (``pip install "jdgen[pdf]"``) and needs the Pango library from
the system; without either, PDF output is one clear error line.
"""

from __future__ import annotations

import logging

from jdgen.errors import JdgenError
from jdgen.models import JobDescription
from jdgen.render import RenderOptions

INSTALL_HINT = 'PDF output needs WeasyPrint: pip install "jdgen[pdf]"'


def _weasyprint() -> object:
    try:
        import weasyprint
    except ImportError:
        raise JdgenError(INSTALL_HINT) from None
    except OSError as exc:  # WeasyPrint is there but the Pango library is not
        raise JdgenError(
            f"PDF output needs the Pango library ({exc}); on Debian or Ubuntu: "
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0"
        ) from None
    return weasyprint


def to_bytes(jd: JobDescription, options: RenderOptions) -> bytes:
    from jdgen.render.html import to_bytes as html_bytes

    weasyprint = _weasyprint()
    page = html_bytes(jd, options).decode("utf-8")
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # CSS it ignores, e.g. color-scheme
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = weasyprint.HTML(string=page, base_url=None)  # type: ignore[attr-defined]
    data = document.write_pdf(pdf_variant=None)
    assert isinstance(data, bytes)
    return data
