"""The one reader of ``SOURCE_DATE_EPOCH`` (reproducible builds): the time stamped into
.docx files and the date a posting is dated when the company gives none."""

from __future__ import annotations

import datetime as dt
import os
import re

from jdgen.errors import JdgenError

#: The largest epoch accepted: the last second of the year 9999.
_LAST = 253402300799


def source_date_epoch() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a naive UTC time, None when unset; a bad value is an error."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    if not re.fullmatch(r"[0-9]{1,12}", raw, flags=re.ASCII) or int(raw) > _LAST:
        raise JdgenError(
            f"SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970 "
            f"(0 to {_LAST}), got {raw[:40]!r}"
        )
    epoch = dt.datetime(1970, 1, 1)
    return epoch + dt.timedelta(seconds=int(raw))


def build_time() -> dt.datetime:
    """Now (naive UTC, whole seconds), or SOURCE_DATE_EPOCH when it is set."""
    fixed = source_date_epoch()
    if fixed is not None:
        return fixed
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def today() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when it is set."""
    fixed = source_date_epoch()
    return fixed.date() if fixed is not None else dt.date.today()
