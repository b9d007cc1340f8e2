"""The URLs the desk keeps: http and https only.

A feed item or a page can link anywhere, and what is stored is shown to reviewers and
published as ClaimReview `appearance.url`: a `javascript:` link runs in whoever clicks it, a
`data:` one shows whatever it holds, a `file:` one points into the reader's own disk. Only a
web address with a host is kept; whitespace and control characters anywhere are refused too,
since browsers drop them and read `java\\tscript:` as `javascript:`.
"""

import re
from urllib.parse import urlsplit

from factcheck.errors import InputError

SCHEMES = ("http", "https")
_HIDDEN_RE = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")


def is_web_url(value) -> bool:
    """Whether `value` is an http(s) URL with a host."""
    if not isinstance(value, str) or _HIDDEN_RE.search(value):
        return False
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:  # a malformed port or IPv6 address
        return False
    return parts.scheme.lower() in SCHEMES and bool(host)


def web_url_or_none(value) -> str | None:
    """`value` where it is a URL we keep, else None (a feed's or page's link we drop)."""
    return value if is_web_url(value) else None


def checked(value: str | None, *, what: str = "--url") -> str | None:
    """`value` (None or "" left as they are) if it is a URL we keep; InputError otherwise."""
    if value and not is_web_url(value):
        raise InputError(f"{what} must be an http:// or https:// URL, not {value!r}")
    return value
