"""The one module that talks to the network: bounded, polite HTTP GETs of feeds and pages.

Every request has a timeout (per operation, and a deadline for the whole body), a bounded
number of redirects, a size limit enforced while streaming (a page past the limit is abandoned,
never held whole in memory), a User-Agent naming factcheck, gzip, and conditional GET
(ETag / Last-Modified). A few URLs are fetched at once on threads; each failure becomes a
FetchError with a one-line message, so one dead server never stops the others.
"""

import re
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx

from factcheck import __version__
from factcheck.errors import FactcheckError, FetchError
from factcheck.ingest import decode

USER_AGENT = f"factcheck/{__version__} (+claims watch; fact-checking desk)"
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_WORKERS = 4

_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_SNIFF_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Request:
    """A URL to get, with the validators from the last time it was fetched."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class Response:
    """What came back: the body (decompressed), where it finally came from, and its headers."""

    url: str
    final_url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body as text, in the charset the headers or the page itself declare."""
        try:
            return decode(self.body, name=self.url, charset=self.declared_charset())
        except FactcheckError as exc:
            raise FetchError(str(exc)) from None

    def declared_charset(self) -> str | None:
        return self.charset or sniff_charset(self.body)


def sniff_charset(body: bytes) -> str | None:
    """The charset a page or XML document declares about itself in its first bytes."""
    head = body[:_SNIFF_BYTES]
    found = _XML_ENCODING_RE.search(head) or _META_CHARSET_RE.search(head)
    return found.group(1).decode("ascii").lower() if found else None


class Fetcher:
    """An HTTP client with limits; use it as a context manager, from one thread or several."""

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
                 max_redirects: int = DEFAULT_MAX_REDIRECTS, workers: int = DEFAULT_WORKERS):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.workers = workers
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            trust_env=False,
        )
        self.max_redirects = max_redirects

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, request: Request | str) -> Response:
        """GET one URL within the limits; raises FetchError with a one-line reason."""
        if isinstance(request, str):
            request = Request(request)
        url = request.url
        if not url.lower().startswith(("http://", "https://")):
            raise FetchError(f"{url}: only http:// and https:// URLs can be fetched")
        try:
            with self._client.stream("GET", url, headers=_conditional(request)) as reply:
                return self._read(url, reply)
        except httpx.TimeoutException:
            raise FetchError(f"{url}: no answer within {self.timeout:g}s") from None
        except httpx.TooManyRedirects:
            raise FetchError(f"{url}: more than {self.max_redirects} redirects") from None
        except httpx.ConnectError as exc:
            raise FetchError(f"{url}: cannot connect ({_reason(exc)})") from None
        except httpx.DecodingError:
            raise FetchError(f"{url}: the compressed body is damaged") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchError(f"{url}: {_reason(exc)}") from None

    def fetch_all(self, requests: Iterable[Request | str], *,
                  on_done: Callable[[], None] | None = None) -> list[Response | FetchError]:
        """Fetch several URLs a few at a time; each result is a Response or its FetchError."""
        def one(request):
            try:
                return self.fetch(request)
            except FetchError as exc:
                return exc
            finally:
                if on_done:
                    on_done()

        requests = list(requests)
        if len(requests) <= 1:
            return [one(r) for r in requests]
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="fetch") as pool:
            return list(pool.map(one, requests))

    def _read(self, url: str, reply: httpx.Response) -> Response:
        if reply.status_code == 304:
            return _response(url, reply, b"")
        if reply.status_code >= 400:
            raise FetchError(f"{url}: HTTP {reply.status_code} {reply.reason_phrase}".rstrip())
        declared = reply.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url}: {_size(int(declared))} is over the "
                             f"{_size(self.max_bytes)} limit")
        deadline = time.monotonic() + self.timeout
        chunks, size = [], 0
        for chunk in reply.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{url}: more than the {_size(self.max_bytes)} limit")
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: body not received within {self.timeout:g}s")
            chunks.append(chunk)
        return _response(url, reply, b"".join(chunks))


def _conditional(request: Request) -> dict[str, str]:
    headers = {}
    if request.etag:
        headers["If-None-Match"] = request.etag
    if request.last_modified:
        headers["If-Modified-Since"] = request.last_modified
    return headers


def _response(url: str, reply: httpx.Response, body: bytes) -> Response:
    content_type = reply.headers.get("content-type", "")
    return Response(
        url=url,
        final_url=str(reply.url),
        status=reply.status_code,
        body=body,
        content_type=content_type.split(";")[0].strip().lower(),
        charset=_header_charset(content_type),
        etag=reply.headers.get("etag"),
        last_modified=reply.headers.get("last-modified"),
    )


def _header_charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"
